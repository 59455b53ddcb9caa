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
import java.io.BufferedOutputStream;
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
 * A sink holding one tenant's records in memory, read from and written to a directory as JSON
 * Lines: one file per record type, each sorted by key ({@link #FILES}), plus
 * {@code projected-stock.jsonl} recomputed from the records. Upserts replace by key and
 * retractions remove, as in {@link InMemorySink}.
 *
 * <p>{@link #writeTo(Path)} writes new files; it does not replace a directory's files atomically
 * as a set. The command line writes each state to a new directory and switches to it in one step
 * (see its {@code OutputFolder}). Not for several tenants: one sink, one tenant.
 */
public final class FileSink extends InMemorySink {
    public static final String WAREHOUSES = "warehouses.jsonl";
    public static final String PRODUCTS = "products.jsonl";
    public static final String SALES_ORDERS = "sales-orders.jsonl";
    public static final String REPLENISHMENT_ORDERS = "replenishment-orders.jsonl";
    public static final String INVENTORY = "inventory.jsonl";
    public static final String PROJECTED_STOCK = "projected-stock.jsonl";
    /** Every file {@link #writeTo(Path)} writes, in that order. */
    public static final List<String> FILES = List.of(WAREHOUSES, PRODUCTS, SALES_ORDERS, REPLENISHMENT_ORDERS, INVENTORY,
            PROJECTED_STOCK);

    private static final ObjectMapper JSON = MoselleJson.mapper();

    private final InMemorySink.State state;

    /** An empty sink. */
    public FileSink() {
        this(new InMemorySink.State());
    }

    private FileSink(InMemorySink.State state) {
        super(state);
        this.state = state;
    }

    /**
     * A sink holding the records of {@code directory}'s files; a missing file holds none.
     *
     * @throws IOException naming the file and line of a record that cannot be read
     */
    public static FileSink readFrom(Path directory) throws IOException {
        FileSink sink = new FileSink();
        InMemorySink.State s = sink.state;
        read(directory.resolve(WAREHOUSES), Warehouse.class, s.warehouses, Warehouse::key);
        read(directory.resolve(PRODUCTS), Product.class, s.products, Product::sku);
        read(directory.resolve(SALES_ORDERS), SalesOrder.class, s.salesOrders, SalesOrder::externalId);
        read(directory.resolve(REPLENISHMENT_ORDERS), ReplenishmentOrder.class, s.replenishmentOrders, ReplenishmentOrder::key);
        read(directory.resolve(INVENTORY), InventoryLevel.class, s.inventory, InventoryLevel::key);
        return sink;
    }

    /** The records held now; guard with {@code synchronized (state)} when reading during a run. */
    public InMemorySink.State state() {
        return state;
    }

    /** Projected stock of the current state. */
    public List<ProjectedStock> projectedStock() {
        synchronized (state) {
            return ProjectedStocks.compute(state.inventory.values(), state.replenishmentOrders.values());
        }
    }

    /**
     * Writes every file of {@link #FILES} into {@code directory}, each created new and forced to
     * disk.
     *
     * @throws java.nio.file.FileAlreadyExistsException if one is already there
     */
    public void writeTo(Path directory) throws IOException {
        synchronized (state) {
            writeFiles(directory);
        }
    }

    private void writeFiles(Path directory) throws IOException {
        write(directory.resolve(WAREHOUSES), state.warehouses.values());
        write(directory.resolve(PRODUCTS), state.products.values());
        write(directory.resolve(SALES_ORDERS), state.salesOrders.values());
        write(directory.resolve(REPLENISHMENT_ORDERS), state.replenishmentOrders.values());
        write(directory.resolve(INVENTORY), state.inventory.values());
        write(directory.resolve(PROJECTED_STOCK), projectedStock());
    }

    private static void write(Path file, Collection<?> records) throws IOException {
        DurableFiles.writeNew(file, out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            for (Object record : records) {
                buffered.write(JSON.writeValueAsBytes(record));
                buffered.write('\n');
            }
            buffered.flush();
        });
    }

    private static <K, R> void read(Path file, Class<R> type, Map<K, R> into, Function<R, K> key) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
                    throw new IOException(file + " line " + number + " is not a valid " + type.getSimpleName(), e);
                }
            }
        }
    }
}
