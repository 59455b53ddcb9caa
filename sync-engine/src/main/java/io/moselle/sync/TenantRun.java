package io.moselle.sync;

import io.moselle.cin7.client.CallBudgetExhaustedException;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7ClientListener;
import io.moselle.cin7.client.Cin7InterruptedException;
import io.moselle.cin7.client.Cin7Resource;
import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.Page;
import io.moselle.cin7.client.Where;
import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.Identified;
import io.moselle.cin7.client.model.Product;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Warehouse;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.InventoryAccumulator;
import io.moselle.mapping.cin7.ProductMapping;
import io.moselle.mapping.cin7.ReplenishmentMapping;
import io.moselle.mapping.cin7.SalesOrderMapping;
import io.moselle.mapping.cin7.SkuClaims;
import io.moselle.mapping.cin7.WarehouseDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One run of one tenant: the streams in order, each read, mapped, delivered and checkpointed.
 * Confined to the calling thread.
 */
final class TenantRun {
    private static final int SNAPSHOT_BATCH = 500;

    private final SyncEngine engine;
    private final Tenant tenant;
    private final Cin7Settings settings;
    private final RunControl control;
    private final Instant now;
    /** Set for a re-sync: the start of its windows. */
    private final Instant resyncFrom;
    private final Set<SyncStream> streams;
    private final Cin7Client client;
    /** The stream each thread of this run is reading: several streams may run at once. */
    private final ThreadLocal<StreamCounters> currentStream = new ThreadLocal<>();
    /** Serialises sink calls: the sink sees one call at a time per tenant. */
    private final Object sinkLock = new Object();
    /** Set when a stream pauses or is cancelled: streams not yet started then end the same way. */
    private volatile SyncStatus stopAll;
    private volatile WarehouseDirectory warehouses;
    private volatile String warehousesError;
    private Set<String> knownSkus;

    TenantRun(SyncEngine engine, Tenant tenant, RunControl control, Instant now, Instant resyncFrom, Set<SyncStream> streams) {
        this.engine = engine;
        this.tenant = tenant;
        this.settings = tenant.settings();
        this.control = control;
        this.now = now;
        this.resyncFrom = resyncFrom;
        this.streams = streams;
        this.client = engine.clientFactory().create(tenant, new Counting(), engine.rateLimiterFor(tenant.credentials()));
    }

    SyncReport execute() {
        long start = System.nanoTime();
        Map<SyncStream, StreamReport> reports = new ConcurrentHashMap<>();
        if (streams.contains(SyncStream.BRANCHES) || needsWarehouses()) {
            runGroup(List.of(SyncStream.BRANCHES), reports);
        }
        List<List<SyncStream>> groups = List.of(List.of(SyncStream.PRODUCTS, SyncStream.STOCK), List.of(SyncStream.SALES_ORDERS),
                List.of(SyncStream.PURCHASE_ORDERS), List.of(SyncStream.BRANCH_TRANSFERS));
        if (engine.streamParallelism() <= 1) {
            groups.forEach(group -> runGroup(group, reports));
        } else {
            runConcurrently(groups, reports);
        }
        List<StreamReport> ordered = new ArrayList<>();
        for (SyncStream stream : SyncStream.values()) {
            ordered.add(reports.getOrDefault(stream, new StreamCounters(stream).report(SyncStatus.SKIPPED, null)));
        }
        return new SyncReport(tenant.id(), resyncFrom == null ? "daily" : "resync", now,
                Duration.ofNanos(System.nanoTime() - start), SyncReport.overall(ordered), ordered);
    }

    /** Streams that depend on each other, one after the other: products before stock (which needs their SKUs). */
    private void runGroup(List<SyncStream> group, Map<SyncStream, StreamReport> reports) {
        for (SyncStream stream : group) {
            boolean wanted = streams.contains(stream);
            if (!wanted && stream != SyncStream.BRANCHES) {
                continue;
            }
            SyncStatus stopped = stopAll;
            if (stopped != null) {
                reports.put(stream, new StreamCounters(stream).report(stopped, null));
                continue;
            }
            StreamReport report = runStream(stream, wanted);
            reports.put(stream, report);
            engine.listener().streamFinished(tenant.id(), report);
            if (report.status() == SyncStatus.PAUSED || report.status() == SyncStatus.CANCELLED) {
                stopAll = report.status();
            }
        }
    }

    /**
     * Reads independent streams at once on the engine's executor, so that a slow reply from Cin7
     * does not leave the rate limit unused. The calling thread waits; interrupting it cancels.
     */
    private void runConcurrently(List<List<SyncStream>> groups, Map<SyncStream, StreamReport> reports) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        Semaphore slots = new Semaphore(engine.streamParallelism());
        for (List<SyncStream> group : groups) {
            running.add(CompletableFuture.runAsync(() -> {
                slots.acquireUninterruptibly();
                control.register(Thread.currentThread());
                try {
                    runGroup(group, reports);
                } finally {
                    currentStream.remove();
                    control.unregister(Thread.currentThread());
                    Thread.interrupted(); // a cancel's interrupt must not outlive the task on a pooled thread
                    slots.release();
                }
            }, engine.streamExecutor()));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
        try {
            all.get();
        } catch (InterruptedException e) {
            control.interruptWorkers(); // the host interrupted its thread: stop the others too, and leave its flag set
            all.join();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stream task failed unexpectedly", e.getCause());
        }
    }

    private StreamCounters current() {
        return currentStream.get();
    }

    private boolean needsWarehouses() {
        return streams.stream().anyMatch(s -> s != SyncStream.PRODUCTS);
    }

    private StreamReport runStream(SyncStream stream, boolean deliver) {
        currentStream.set(new StreamCounters(stream));
        try {
            checkNotStopped();
            switch (stream) {
                case BRANCHES -> branches(deliver);
                case PRODUCTS -> products();
                case STOCK -> stock();
                case SALES_ORDERS -> windowed(stream, client.salesOrders(),
                        o -> SalesOrderMapping.map(o, settings, requireWarehouses()), RecordType.SALES_ORDER);
                case PURCHASE_ORDERS -> windowed(stream, client.purchaseOrders(),
                        o -> ReplenishmentMapping.purchaseOrder(o, settings, requireWarehouses()), RecordType.REPLENISHMENT_ORDER);
                case BRANCH_TRANSFERS -> windowed(stream, client.branchTransfers(),
                        t -> ReplenishmentMapping.transfer(t, settings, requireWarehouses()), RecordType.REPLENISHMENT_ORDER);
            }
            return current().report(SyncStatus.SUCCEEDED, null);
        } catch (StreamStopped e) {
            return current().report(e.status(), e.getMessage());
        } catch (CallBudgetExhaustedException e) {
            return current().report(SyncStatus.PAUSED, e.getMessage());
        } catch (Cin7InterruptedException e) {
            return current().report(SyncStatus.CANCELLED, "cancelled: " + e.getMessage());
        } catch (RuntimeException e) {
            if (isStopped()) {
                return current().report(SyncStatus.CANCELLED, "cancelled");
            }
            if (stream == SyncStream.BRANCHES) {
                warehousesError = describe(e);
            }
            return current().report(SyncStatus.FAILED, describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof SinkFailedException || e instanceof io.moselle.cin7.client.Cin7Exception || e instanceof CheckpointException
                ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private WarehouseDirectory requireWarehouses() {
        if (warehouses == null) {
            throw new IllegalStateException("the branch list is unavailable, so branches cannot be mapped to warehouses ("
                    + warehousesError + ")");
        }
        return warehouses;
    }

    // ------------------------------------------------------------------ snapshots

    private void branches(boolean deliver) {
        engine.listener().streamStarted(tenant.id(), SyncStream.BRANCHES, null);
        List<Branch> branches = new ArrayList<>();
        forEachPage(client.branches().list(ListQuery.builder().afterId(0).build()).pages().iterator(), page -> branches.addAll(page.items()));
        warehouses = WarehouseDirectory.of(branches, settings);
        if (deliver) {
            List<Warehouse> list = warehouses.warehouses();
            list.forEach(w -> current().tally.add(Outcome.upsert(w, w.key())));
            Set<String> keys = list.stream().map(Warehouse::key).collect(Collectors.toCollection(LinkedHashSet::new));
            writeSnapshot(RecordType.WAREHOUSE, list, keys);
        }
    }

    private void products() {
        engine.listener().streamStarted(tenant.id(), SyncStream.PRODUCTS, null);
        SkuClaims claims = new SkuClaims();
        forEachPage(client.products().list(ListQuery.builder().afterId(0).build()).pages().iterator(), page -> {
            List<Outcome<io.moselle.mapping.Product>> outcomes = new ArrayList<>();
            for (Product product : page.items()) {
                outcomes.addAll(ProductMapping.map(product, settings, claims));
            }
            deliver(SyncStream.PRODUCTS, RecordType.PRODUCT, outcomes);
        });
        knownSkus = claims.skus();
        sinkCall("the products snapshot end", () -> engine.sink().snapshotComplete(tenant.id(), RecordType.PRODUCT, knownSkus));
    }

    private void stock() {
        engine.listener().streamStarted(tenant.id(), SyncStream.STOCK, null);
        InventoryAccumulator inventory = new InventoryAccumulator(requireWarehouses(), knownSkus, now);
        forEachPage(client.stock().list().pages().iterator(), page -> inventory.addAll(page.items()));
        List<InventoryLevel> levels = inventory.levels();
        current().tally.addAll(inventory.tally());
        levels.forEach(l -> current().tally.add(Outcome.upsert(l, l.sku())));
        Set<io.moselle.mapping.SkuWarehouse> keys = levels.stream().map(InventoryLevel::key).collect(Collectors.toCollection(LinkedHashSet::new));
        writeSnapshot(RecordType.INVENTORY_LEVEL, levels, keys);
    }

    private void writeSnapshot(RecordType type, List<?> records, Set<?> keys) {
        for (int from = 0; from < records.size(); from += SNAPSHOT_BATCH) {
            SyncBatch batch = new SyncBatch(tenant.id(), current().stream, type, records.subList(from, Math.min(records.size(), from + SNAPSHOT_BATCH)), List.of());
            checkNotStopped();
            sinkCall(batch.toString(), () -> engine.sink().write(batch));
        }
        sinkCall("the " + type + " snapshot end", () -> engine.sink().snapshotComplete(tenant.id(), type, keys));
    }

    // ------------------------------------------------------------------ windows

    /**
     * Reads the pending window first, resumed after its last id; then this run's window. A
     * daily window reaches back the lookback, or further when the last complete window ended
     * earlier (so a long pause leaves no gap); the first run reaches back the initial history. A
     * re-sync reads from its start date; called again with the same date it resumes instead.
     */
    private <T extends Identified, R> void windowed(SyncStream stream, Cin7Resource<T> resource, Function<T, Outcome<R>> mapping,
            RecordType type) {
        requireWarehouses();
        String name = resyncFrom == null ? stream.name() : stream.name() + ":resync";
        Checkpoint checkpoint = engine.checkpoints().load(tenant.id(), name).orElse(Checkpoint.initial());
        Optional<Window> pending = checkpoint.pendingWindow();
        if (pending.isPresent()) {
            checkpoint = read(stream, name, resource, mapping, type, checkpoint, pending.get(), checkpoint.lastId());
        }
        Window window;
        if (resyncFrom != null) {
            if (pending.filter(p -> p.from().equals(resyncFrom)).isPresent()) {
                return;
            }
            window = new Window(resyncFrom, now);
        } else {
            Instant lookback = now.minus(Duration.ofDays(settings.lookbackDays(stream.windowedStream())));
            Instant from = checkpoint.completedUpToTime()
                    .map(done -> done.isBefore(lookback) ? done : lookback)
                    .orElse(now.minus(Duration.ofDays(settings.initialHistoryDays())));
            window = new Window(from, now);
        }
        if (!window.isEmpty()) {
            read(stream, name, resource, mapping, type, checkpoint, window, 0);
        }
    }

    /** Reads one window after {@code afterId}, saving the checkpoint after each delivered page; returns it completed. */
    private <T extends Identified, R> Checkpoint read(SyncStream stream, String name, Cin7Resource<T> resource,
            Function<T, Outcome<R>> mapping, RecordType type, Checkpoint checkpoint, Window window, long afterId) {
        current().windows.add(window);
        engine.listener().streamStarted(tenant.id(), stream, window);
        Checkpoint[] state = {checkpoint.progress(window, afterId)};
        Where inWindow = Where.field("modifiedDate").atLeast(window.from()).and(Where.field("modifiedDate").before(window.to()));
        Iterator<Page<T>> pages = resource.list(ListQuery.builder().where(inWindow).afterId(afterId).build()).pages().iterator();
        forEachPage(pages, page -> {
            deliver(stream, type, page.items().stream().map(mapping).collect(Collectors.toList()));
            if (!page.items().isEmpty()) {
                state[0] = state[0].progress(window, page.items().get(page.items().size() - 1).id());
                engine.checkpoints().save(tenant.id(), name, state[0]);
            }
        });
        Checkpoint done = state[0].complete(window);
        engine.checkpoints().save(tenant.id(), name, done);
        return done;
    }

    // ------------------------------------------------------------------ delivery

    private <R> void deliver(SyncStream stream, RecordType type, List<Outcome<R>> outcomes) {
        List<Object> upserts = new ArrayList<>();
        List<Retraction> retractions = new ArrayList<>();
        for (Outcome<R> outcome : outcomes) {
            current().tally.add(outcome);
            switch (outcome.action()) {
                case UPSERT -> upserts.add(outcome.record().orElseThrow());
                case RETRACT -> retractions.add(new Retraction(outcome.key().orElseThrow(), outcome.reason().orElseThrow()));
                case SKIP -> { }
            }
        }
        SyncBatch batch = new SyncBatch(tenant.id(), stream, type, upserts, retractions);
        if (!batch.isEmpty()) {
            sinkCall(batch.toString(), () -> engine.sink().write(batch));
        }
    }

    private <T> void forEachPage(Iterator<Page<T>> pages, java.util.function.Consumer<Page<T>> action) {
        while (true) {
            checkNotStopped();
            checkReserve();
            if (!pages.hasNext()) {
                return;
            }
            Page<T> page = pages.next();
            current().pages++;
            current().fetched += page.items().size();
            action.accept(page);
            engine.listener().pageFetched(tenant.id(), current().stream, page.number(), page.items().size(), current().fetched);
        }
    }

    private interface SinkCall {
        void run() throws Exception;
    }

    private void sinkCall(String what, SinkCall call) {
        try {
            synchronized (sinkLock) {
                call.run();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw isStopped() ? new StreamStopped(SyncStatus.CANCELLED, "cancelled") : new SinkFailedException(what, e);
        }
    }

    /** Cancelled through the engine, or the host interrupted the thread. */
    private boolean isStopped() {
        return control.isCancelled() || Thread.currentThread().isInterrupted();
    }

    private void checkNotStopped() {
        if (isStopped()) {
            throw new StreamStopped(SyncStatus.CANCELLED, "cancelled");
        }
    }

    /** A re-sync leaves a reserve of the day's calls to the daily runs. */
    private void checkReserve() {
        if (resyncFrom != null) {
            long left = client.rateLimiter().budget().remaining(engine.pacingClock().instant());
            if (left <= engine.resyncCallReserve()) {
                throw new StreamStopped(SyncStatus.PAUSED, "paused: " + left + " calls left today, kept in reserve for daily runs");
            }
        }
    }

    /** Counts the client's traffic into the current stream and passes it on to the sync listener. */
    private final class Counting implements Cin7ClientListener {
        @Override
        public void requestSent(String method, String path, int attempt) {
            current().apiCalls++;
        }

        @Override
        public void retryScheduled(String method, String path, int attempt, String reason, Duration delay) {
            current().retries++;
            engine.listener().retried(tenant.id(), current().stream, reason, delay);
        }

        @Override
        public void throttled(String method, String path, Duration wait) {
            current().throttledMillis += wait.toMillis();
            engine.listener().throttled(tenant.id(), current().stream, wait);
        }
    }
}
