package io.moselle.sync;

import io.moselle.cin7.client.CallBudgetExhaustedException;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7Exception;
import io.moselle.cin7.client.Cin7RateLimiter;
import io.moselle.cin7.client.RateLimitException;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.WarehouseDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * One run of one tenant: the branches first, then products and stock, then each windowed
 * stream, one after the other or side by side; each stream read, mapped, delivered and
 * checkpointed. A stream that pauses or is cancelled stops the streams not started yet the same
 * way; a stream that fails leaves the others running.
 */
final class TenantRun {
    /**
     * What runs after the branches: products then stock (stock needs the product SKUs), and each
     * windowed stream on its own.
     */
    private static final List<List<SyncStream>> GROUPS = Stream.concat(Stream.of(List.of(SyncStream.PRODUCTS, SyncStream.STOCK)),
            Arrays.stream(SyncStream.values()).filter(SyncStream::isWindowed).map(List::of)).toList();

    private final EngineConfig config;
    private final Tenant tenant;
    private final Cin7Settings settings;
    private final RunControl control;
    /** The run's lease on the tenant, which fences its checkpoint saves. */
    private final Lease lease;
    private final Instant now;
    /** Set for a re-sync: the start of its windows. */
    private final Instant resyncFrom;
    private final Set<SyncStream> streams;
    private final Cin7RateLimiter limiter;
    private final Cin7Client client;
    private final Delivery delivery;
    private volatile WarehouseDirectory warehouses;
    private volatile String warehousesError;
    private volatile FailureKind warehousesFailure;
    private volatile Set<String> knownSkus;
    private volatile boolean readsFirstHistory;

    TenantRun(EngineConfig config, Tenant tenant, RunControl control, Lease lease, Instant now, Instant resyncFrom,
            Set<SyncStream> streams, Cin7Connections connections) {
        this.config = config;
        this.tenant = tenant;
        this.settings = tenant.settings();
        this.control = control;
        this.lease = lease;
        this.now = now;
        this.resyncFrom = resyncFrom;
        this.streams = streams;
        this.limiter = connections.limiterFor(tenant.credentials().username());
        this.client = connections.clientFor(tenant.credentials());
        this.delivery = new Delivery(config.sink(), tenant.id(), control);
    }

    SyncReport execute() {
        long start = System.nanoTime();
        Map<SyncStream, StreamReport> reports = new ConcurrentHashMap<>();
        if (streams.contains(SyncStream.BRANCHES) || needsWarehouses()) {
            runGroup(List.of(SyncStream.BRANCHES), reports);
        }
        if (config.streamParallelism() <= 1) {
            GROUPS.forEach(group -> runGroup(group, reports));
        } else {
            runConcurrently(reports);
        }
        List<StreamReport> ordered = new ArrayList<>();
        for (SyncStream stream : SyncStream.values()) {
            ordered.add(reports.getOrDefault(stream, new StreamCounters(stream).report(SyncStatus.SKIPPED)));
        }
        SyncStatus overall = SyncReport.overall(ordered);
        return new SyncReport(tenant.id(), isResync() ? "resync" : readsFirstHistory ? "first" : "daily", now,
                Duration.ofNanos(System.nanoTime() - start), overall, ordered,
                overall == SyncStatus.PAUSED ? control.resumeAfter() : null);
    }

    private boolean needsWarehouses() {
        return streams.stream().anyMatch(s -> s != SyncStream.PRODUCTS);
    }

    private void runGroup(List<SyncStream> group, Map<SyncStream, StreamReport> reports) {
        for (SyncStream stream : group) {
            boolean wanted = streams.contains(stream);
            if (!wanted && stream != SyncStream.BRANCHES) {
                continue;
            }
            if (control.isStopped()) {
                reports.put(stream, new StreamCounters(stream).report(control.stopped()));
                continue;
            }
            StreamReport report = runStream(new StreamRun(this, stream, client), wanted);
            reports.put(stream, report);
            config.listener().streamFinished(tenant.id(), report);
        }
    }

    /**
     * Reads the groups at once on the engine's executor, so that a slow reply from Cin7 does not
     * leave the rate limit unused. The calling thread waits; interrupting it cancels.
     */
    private void runConcurrently(Map<SyncStream, StreamReport> reports) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        Semaphore slots = new Semaphore(config.streamParallelism());
        for (List<SyncStream> group : GROUPS) {
            running.add(CompletableFuture.runAsync(() -> {
                slots.acquireUninterruptibly();
                control.register(Thread.currentThread());
                try {
                    runGroup(group, reports);
                } finally {
                    control.unregister(Thread.currentThread());
                    Thread.interrupted(); // a cancel's interrupt must not outlive the task on a pooled thread
                    slots.release();
                }
            }, config.streamExecutor()));
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

    private StreamReport runStream(StreamRun s, boolean deliver) {
        try {
            control.checkNotStopped();
            switch (s.stream) {
                case BRANCHES -> warehouses = Snapshots.branches(s, settings, deliver);
                case PRODUCTS -> knownSkus = Snapshots.products(s, settings);
                case STOCK -> Snapshots.stock(s, requireWarehouses(), knownSkus, now);
                default -> WindowedRead.read(s, s.stream.windowed().orElseThrow(), settings, requireWarehouses());
            }
            return s.counters.report(SyncStatus.SUCCEEDED);
        } catch (StreamStopped e) {
            return s.counters.report(e);
        } catch (CallBudgetExhaustedException e) {
            control.pause("paused: " + e.getMessage(), e.resetsAt().orElse(null));
            return s.counters.report(control.stopped());
        } catch (RateLimitException e) {
            Instant until = e.attempts() == 1 ? e.retryAfter().map(wait -> config.pacingClock().instant().plus(wait)).orElse(null) : null;
            control.pause(pausedByCin7(e), until);
            return s.counters.report(control.stopped());
        } catch (LeaseLostException e) {
            control.lose(e.getMessage());
            return s.counters.report(SyncStatus.FAILED, e.getMessage(), FailureKind.LEASE_LOST);
        } catch (RuntimeException e) {
            if (control.isStopped()) {
                return s.counters.report(control.stopped());
            }
            FailureKind kind = Failures.kindOf(e);
            if (s.stream == SyncStream.BRANCHES) {
                warehousesError = describe(e);
                warehousesFailure = kind;
            }
            return s.counters.report(SyncStatus.FAILED, describe(e), kind);
        }
    }

    /**
     * Cin7's own limits are shared with every app on the account: a refusal that asks to wait
     * longer than the retry policy allows, or one that retries could not get past, means the
     * connection's calls are spent for now, whoever spent them.
     */
    private static String pausedByCin7(RateLimitException e) {
        String refused = "paused: Cin7 refused calls of this API connection (HTTP 429)";
        return e.attempts() == 1 && e.retryAfter().isPresent()
                ? refused + " and asked to wait " + e.retryAfter().get().toSeconds()
                        + " s: its daily limit is spent, perhaps by other apps on the account"
                : refused + " " + e.attempts() + " times in a row despite pacing: other apps on the account may be using its limit";
    }

    private static String describe(RuntimeException e) {
        return Failures.kindOf(e) != FailureKind.OTHER || e instanceof Failures.WarehousesUnavailable
                ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private WarehouseDirectory requireWarehouses() {
        if (warehouses == null) {
            throw new Failures.WarehousesUnavailable("the branch list is unavailable, so branches cannot be mapped to warehouses ("
                    + warehousesError + ")", warehousesFailure);
        }
        return warehouses;
    }

    /**
     * Before each request: the run must not be stopped, and a re-sync leaves a reserve of the
     * day's calls to the daily runs.
     */
    void checkMayCall() {
        control.checkNotStopped();
        if (isResync()) {
            long left = limiter.budget().remaining(config.pacingClock().instant());
            if (left <= config.resyncCallReserve()) {
                control.pause("paused: " + left + " calls left today, kept in reserve for daily runs",
                        limiter.budget().nextReset(config.pacingClock().instant()).orElse(null));
                throw control.stopped();
            }
        }
    }

    String tenantId() {
        return tenant.id();
    }

    Instant now() {
        return now;
    }

    boolean isResync() {
        return resyncFrom != null;
    }

    Instant resyncFrom() {
        return resyncFrom;
    }

    /** The stream's saved checkpoint; none for a daily run makes this run a first sync. */
    Optional<Checkpoint> loadCheckpoint(String name) {
        Optional<Checkpoint> saved = config.checkpoints().load(tenant.id(), name);
        if (!isResync() && saved.flatMap(Checkpoint::newestWindow).isEmpty()) {
            readsFirstHistory = true;
        }
        return saved;
    }

    void saveCheckpoint(String name, Checkpoint checkpoint) {
        config.checkpoints().save(tenant.id(), name, checkpoint, lease);
    }

    SyncListener listener() {
        return config.listener();
    }

    Delivery delivery() {
        return delivery;
    }
}
