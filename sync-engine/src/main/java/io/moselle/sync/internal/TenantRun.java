package io.moselle.sync.internal;

import io.moselle.cin7.client.CallBudgetExhaustedException;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7RateLimiter;
import io.moselle.cin7.client.RateLimitException;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.WarehouseDirectory;
import io.moselle.sync.FailureKind;
import io.moselle.sync.LeaseLostException;
import io.moselle.sync.RunMode;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One run of one tenant: the branches first; then the recent part (products, stock and the
 * lookback period of every windowed stream); then the older history of the windowed streams.
 * Within each part, reads run side by side, as many as the connection's limits keep busy at the
 * latency measured, up to the engine's parallelism, sharing the tenant's rate limit
 * ({@link ParallelReads}). A stream that pauses or is cancelled stops the whole run; a
 * stream that fails leaves the others running.
 */
public final class TenantRun {
    private final EngineConfig config;
    private final Tenant tenant;
    private final Cin7Settings settings;
    private final RunControl control;
    private final Instant now;
    /** Set for a re-sync: the start of its windows. */
    private final Instant resyncFrom;
    private final Set<SyncStream> streams;
    private final Cin7RateLimiter limiter;
    private final Cin7Client client;
    /** The run's leases: each call is made only while they are known to be this run's. */
    private final LeaseKeeper.RunLeases leases;
    private final Delivery delivery;
    /** The engine's cores, which the run's steps compute with. */
    private final CpuPermits cpu;
    private final Map<SyncStream, StreamRun> runs = new EnumMap<>(SyncStream.class);
    private volatile WarehouseDirectory warehouses;
    /** How many branches Cin7 listed: each product option has a stock row in each. */
    private volatile int branchCount;
    private volatile String warehousesError;
    private volatile FailureKind warehousesFailure;

    TenantRun(EngineConfig config, Tenant tenant, RunControl control, LeaseKeeper.RunLeases leases, Instant now, Instant resyncFrom,
            Set<SyncStream> streams, Cin7Connections connections, CpuPermits cpu) {
        this.config = config;
        this.tenant = tenant;
        this.settings = tenant.settings();
        this.control = control;
        this.now = now;
        this.resyncFrom = resyncFrom;
        this.streams = streams;
        this.limiter = connections.limiterFor(tenant.credentials().username());
        this.leases = leases;
        this.client = connections.clientFor(tenant.credentials(), leases.userAgent()).beforeEachRequest(() -> {
            control.checkNotStopped();
            leases.checkHeld(); // a wait for the rate limit may have outlasted the lease
        }).build();
        this.delivery = new Delivery(config, tenant.id(), leases.tenant(), control, cpu);
        this.cpu = cpu;
    }

    SyncReport execute() {
        long start = System.nanoTime();
        Duration slowedBefore = limiter.slowedTime();
        Map<SyncStream, Checkpoint> saved = savedCheckpoints();
        RunMode mode = isResync() ? RunMode.RESYNC
                : saved.values().stream().anyMatch(c -> c.newestWindow().isEmpty()) ? RunMode.FIRST : RunMode.DAILY;
        config.listener().runStarted(tenant.id(), mode);
        if (streams.contains(SyncStream.BRANCHES) || needsWarehouses()) {
            StreamRun branches = stream(SyncStream.BRANCHES);
            attempt(branches, () -> {
                Snapshots.BranchList list = Snapshots.branches(branches, settings, streams.contains(SyncStream.BRANCHES));
                branchCount = list.count();
                warehouses = list.warehouses();
            });
        }
        List<WindowedRead<?, ?, ?>> windowed = new ArrayList<>();
        saved.forEach((stream, checkpoint) -> {
            StreamRun s = stream(stream);
            attempt(s, () -> {
                WindowedRead<?, ?, ?> read = WindowedRead.plan(s, WindowedSource.of(stream), settings, requireWarehouses(),
                        new WindowedRead.Planning(checkpointKey(stream), checkpoint, now, resyncFrom));
                if (read.isDone()) {
                    s.succeeded();
                } else {
                    windowed.add(read);
                }
            });
        });
        List<ParallelReads.Read> recent = new ArrayList<>();
        Snapshots.Products products = streams.contains(SyncStream.PRODUCTS) ? new Snapshots.Products(stream(SyncStream.PRODUCTS), settings) : null;
        if (products != null) {
            recent.add(products);
        }
        Snapshots.Stock stock = null;
        if (streams.contains(SyncStream.STOCK)) {
            StreamRun s = stream(SyncStream.STOCK);
            Supplier<OptionalLong> stockRows = () -> products == null ? OptionalLong.empty()
                    : products.optionCount().stream().map(options -> options * branchCount).findFirst();
            stock = attemptToGet(s, () -> new Snapshots.Stock(s, requireWarehouses(), now, stockRows));
            if (stock != null) {
                recent.add(stock.reader());
            }
        }
        windowed.forEach(w -> recent.addAll(w.reads(true)));
        reads().run(recent);
        if (stock != null && !runs.get(SyncStream.STOCK).hasEnded()) {
            Snapshots.Stock levels = stock;
            Set<String> skus = products == null ? null : products.skus();
            attempt(runs.get(SyncStream.STOCK), () -> levels.deliver(skus));
        }
        Duration recentPart = null;
        if (!control.isStopped() && runs.values().stream().noneMatch(StreamRun::hasFailed)) {
            recentPart = Duration.ofNanos(System.nanoTime() - start);
            config.listener().recentPartComplete(tenant.id(), recentPart);
        }
        List<ParallelReads.Read> history = new ArrayList<>();
        windowed.forEach(w -> history.addAll(w.reads(false)));
        reads().run(history);

        List<StreamReport> ordered = new ArrayList<>();
        for (SyncStream stream : SyncStream.values()) {
            StreamRun s = runs.get(stream);
            ordered.add(s != null ? s.report(control) : new StreamCounters(stream).report(SyncStatus.SKIPPED));
        }
        SyncStatus overall = Reports.overall(ordered);
        SyncReport report = SyncReport.builder().tenantId(tenant.id()).apiConnection(tenant.credentials().username()).mode(mode).startedAt(now)
                .duration(Duration.ofNanos(System.nanoTime() - start)).status(overall).streams(ordered)
                .resumeAfter(Optional.ofNullable(overall == SyncStatus.PAUSED ? control.resumeAfter() : null))
                .recentPartCompleteAfter(Optional.ofNullable(recentPart)).slowed(limiter.slowedTime().minus(slowedBefore)).build();
        config.listener().runFinished(report);
        return report;
    }

    /**
     * The saved checkpoint of each windowed stream of the run, {@link Checkpoint#initial()} for
     * one never synced; a stream whose checkpoint cannot be read fails and is left out.
     */
    private Map<SyncStream, Checkpoint> savedCheckpoints() {
        Map<SyncStream, Checkpoint> saved = new EnumMap<>(SyncStream.class);
        for (SyncStream stream : SyncStream.values()) {
            if (stream.isWindowed() && streams.contains(stream)) {
                Checkpoint checkpoint = attemptToGet(stream(stream),
                        () -> config.checkpoints().load(tenant.id(), checkpointKey(stream)).orElse(Checkpoint.initial()));
                if (checkpoint != null) {
                    saved.put(stream, checkpoint);
                }
            }
        }
        return saved;
    }

    private CheckpointKey checkpointKey(SyncStream stream) {
        return new CheckpointKey(stream, isResync());
    }

    private boolean needsWarehouses() {
        return streams.stream().anyMatch(s -> s != SyncStream.PRODUCTS);
    }

    private StreamRun stream(SyncStream stream) {
        return runs.computeIfAbsent(stream, s -> new StreamRun(tenant.id(), s, client, config.listener(), delivery, this::checkMayCall));
    }

    private ParallelReads reads() {
        return new ParallelReads(() -> Math.min(config.parallelism(), limiter.requestsInFlightToKeepUp()), control,
                (read, e) -> failed(read.stream(), e), cpu);
    }

    /** Runs {@code step} of stream {@code s}; if it throws, the stream ends as the failure says, and null is returned. */
    private <T> T attemptToGet(StreamRun s, Supplier<T> step) {
        try {
            control.checkNotStopped();
            return step.get();
        } catch (RuntimeException e) {
            failed(s, e);
            return null;
        }
    }

    private void attempt(StreamRun s, Runnable step) {
        attemptToGet(s, () -> {
            step.run();
            return null;
        });
    }

    /** Ends stream {@code s} as {@code e} says: stopped with the run, pausing or stopping the whole run, or failed. */
    private void failed(StreamRun s, RuntimeException e) {
        if (e instanceof StreamStopped stop) {
            s.end(s.counters.report(stop));
        } else if (e instanceof CallBudgetExhaustedException spent) {
            control.pause("paused: " + spent.getMessage(), spent.resetsAt().orElse(null));
            s.end(s.counters.report(control.stopped()));
        } else if (e instanceof RateLimitException refused) {
            Instant until = refused.attempts() == 1
                    ? refused.retryAfter().map(wait -> config.pacingClock().instant().plus(wait)).orElse(null) : null;
            control.pause(pausedByCin7(refused), until);
            s.end(s.counters.report(control.stopped()));
        } else if (e instanceof LeaseLostException lost) {
            control.lose(lost.getMessage());
            s.failed(s.counters.report(SyncStatus.FAILED, lost.getMessage(), FailureKind.LEASE_LOST));
        } else if (control.isStopped()) {
            s.end(s.counters.report(control.stopped()));
        } else {
            if (s.stream == SyncStream.BRANCHES) {
                warehousesError = describe(e);
                warehousesFailure = Failures.kindOf(e);
            }
            s.failed(s.counters.report(SyncStatus.FAILED, describe(e), Failures.kindOf(e)));
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
     * Before each request: the run must not be stopped, its leases must be known to be its own,
     * and a re-sync leaves a reserve of the day's calls to the daily runs.
     */
    private void checkMayCall() {
        control.checkNotStopped();
        leases.checkHeld();
        if (isResync()) {
            long left = limiter.budget().remaining(config.pacingClock().instant());
            if (left <= config.resyncCallReserve()) {
                control.pause("paused: " + left + " calls left today, kept in reserve for daily runs",
                        limiter.budget().nextReset(config.pacingClock().instant()).orElse(null));
                throw control.stopped();
            }
        }
    }

    private boolean isResync() {
        return resyncFrom != null;
    }
}
