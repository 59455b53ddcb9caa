package io.moselle.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Product;
import io.moselle.mapping.ProjectedStock;
import io.moselle.mapping.ProjectedStocks;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.Warehouse;
import io.moselle.sync.MoselleSink;
import io.moselle.sync.AtomicFiles;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.SyncReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A sink writing one tenant's records to a directory as JSON Lines, one file per record type,
 * each sorted by key: {@code warehouses.jsonl}, {@code products.jsonl}, {@code sales-orders.jsonl},
 * {@code replenishment-orders.jsonl}, {@code inventory.jsonl}, {@code projected-stock.jsonl}
 * (recomputed from the final state), and {@code sync-report.json}.
 *
 * <p>It starts from the files already in the directory, holds the state in memory during a
 * run, and {@link #save(SyncReport)} rewrites every file atomically at the end. The CLI saves the
 * engine's checkpoints at the same moment, so a run that dies half-way leaves both as they were
 * and the next run starts again from there. Not for several tenants: one directory, one tenant.
 */
public final class FileSink implements MoselleSink {
    static final String WAREHOUSES = "warehouses.jsonl";
    static final String PRODUCTS = "products.jsonl";
    static final String SALES_ORDERS = "sales-orders.jsonl";
    static final String REPLENISHMENT_ORDERS = "replenishment-orders.jsonl";
    static final String INVENTORY = "inventory.jsonl";
    static final String PROJECTED_STOCK = "projected-stock.jsonl";
    static final String REPORT = "sync-report.json";

    private static final ObjectMapper JSON = MoselleJson.mapper();

    private final Path directory;
    private final InMemorySink.State state = new InMemorySink.State();

    /** Opens {@code directory}, reading the records a previous run left there. */
    public FileSink(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        load(WAREHOUSES, Warehouse.class, state.warehouses, Warehouse::key);
        load(PRODUCTS, Product.class, state.products, Product::sku);
        load(SALES_ORDERS, SalesOrder.class, state.salesOrders, SalesOrder::externalId);
        load(REPLENISHMENT_ORDERS, ReplenishmentOrder.class, state.replenishmentOrders, ReplenishmentOrder::key);
        load(INVENTORY, InventoryLevel.class, state.inventory, InventoryLevel::key);
    }

    @Override
    public synchronized void write(SyncBatch<?, ?> batch) {
        InMemorySink.apply(state, batch);
    }

    @Override
    public synchronized void snapshotComplete(Snapshot<?, ?> snapshot) {
        InMemorySink.completeSnapshot(state, snapshot);
    }

    /** The records held now. */
    public synchronized InMemorySink.State state() {
        return state;
    }

    /** Projected stock of the current state. */
    public synchronized List<ProjectedStock> projectedStock() {
        return ProjectedStocks.compute(state.inventory.values(), state.replenishmentOrders.values());
    }

    /** Writes every file, each atomically, and the report. */
    public synchronized void save(SyncReport report) throws IOException {
        writeLines(WAREHOUSES, state.warehouses.values());
        writeLines(PRODUCTS, state.products.values());
        writeLines(SALES_ORDERS, state.salesOrders.values());
        writeLines(REPLENISHMENT_ORDERS, state.replenishmentOrders.values());
        writeLines(INVENTORY, state.inventory.values());
        writeLines(PROJECTED_STOCK, projectedStock());
        AtomicFiles.replace(directory.resolve(REPORT), out -> out.write((report.toJson() + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private <K, R> void load(String file, Class<R> type, Map<K, R> into, Function<R, K> key) throws IOException {
        Path path = directory.resolve(file);
        if (!Files.exists(path)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    R record = JSON.readValue(line, type);
                    into.put(key.apply(record), record);
                } catch (IOException | RuntimeException e) {
                    throw new IOException(path + " line " + number + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void writeLines(String file, Collection<?> records) throws IOException {
        AtomicFiles.replace(directory.resolve(file), out -> {
            for (Object record : records) {
                out.write(JSON.writeValueAsBytes(record));
                out.write('\n');
            }
        });
    }
}
