package io.moselle.sync;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.client.Sleeper;
import io.moselle.sync.internal.Cin7Connections;
import io.moselle.sync.internal.Engine;
import io.moselle.sync.internal.EngineConfig;
import io.moselle.sync.internal.Listeners;
import io.moselle.sync.spi.CallBudgets;
import io.moselle.sync.spi.CheckpointStore;
import io.moselle.sync.spi.LeaseStore;
import io.moselle.sync.spi.MoselleSink;
import io.moselle.sync.spi.SyncListener;
import io.moselle.sync.spi.TransactionalCheckpointStore;
import io.moselle.sync.spi.TransactionalSink;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Brings one tenant's Cin7 Omni data into Moselle: {@link #run(Tenant)} daily and on demand,
 * {@link #resync(Tenant, Instant, Set)} to read history again.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *         .sink(mySink)
 *         .checkpointStore(new FileCheckpointStore(dir))
 *         .build();
 * SyncReport report = engine.run(tenant);   // blocks; see report.status()
 * }</pre>
 *
 * <p>Build one engine and share it: it is thread-safe, and many tenants may run at once, each
 * on the thread that calls {@code run} and on no other: its requests in flight
 * ({@link Builder#parallelism}) hold no thread while they wait for Cin7. The tenants share nothing but the engine's immutable
 * configuration and, for tenants of the same API connection, its rate limiter. The engine builds
 * every Cin7 client itself, so every call is paced and counted against the connection's budget.
 * A tenant runs at most once at a time, under a lease ({@link Builder#leaseStore}): a second call
 * while one runs, here or in a process sharing the lease store, throws
 * {@link SyncAlreadyRunningException}. A run never throws for a Cin7, sink or checkpoint failure:
 * it reports it per stream, and the overall status tells (or call
 * {@link SyncReport#throwIfFailed()}).
 *
 * <p><b>Lifecycle.</b> The engine starts one thread of its own, to renew leases, with the first
 * run. {@link #close()} cancels the runs under way and waits for them to end, then stops that
 * thread; the engine then refuses new runs. Close it when the host stops or reloads.
 */
public final class SyncEngine implements AutoCloseable {
    /**
     * The most requests of one tenant in flight at once, unless {@link Builder#parallelism} says
     * otherwise: enough to keep up with Cin7's 60 calls a minute at up to 13 s a page.
     */
    public static final int DEFAULT_PARALLELISM = 16;
    /** The most {@link Builder#parallelism} allows. */
    public static final int MAX_PARALLELISM = 64;

    private final Engine engine;

    private SyncEngine(EngineConfig config) {
        this.engine = new Engine(config);
    }

    /** A builder; {@link Builder#build()} names every missing or invalid setting. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Syncs every enabled stream of {@code tenant}: snapshots of branches, products and stock,
     * and {@code modifiedDate} windows of sales orders, purchase orders and transfers reaching
     * back each stream's lookback (the first run: the initial history). Blocks until done.
     * Interrupting the calling thread cancels the run.
     *
     * @throws SyncAlreadyRunningException if the tenant is running already
     */
    public SyncReport run(Tenant tenant) {
        return engine.run(tenant, null, tenant.streams());
    }

    /**
     * Reads history again from {@code from}: the given windowed streams in one window
     * {@code [from, now)}, plus the snapshots among {@code streams}. It keeps its own checkpoints,
     * so it does not disturb the daily runs, and stops (PAUSED) when only the reserve of the
     * day's calls is left; calling it again with the same {@code from} resumes it.
     *
     * @throws SyncAlreadyRunningException if the tenant is running already
     */
    public SyncReport resync(Tenant tenant, Instant from, Set<SyncStream> streams) {
        Objects.requireNonNull(from, "from");
        if (streams == null || streams.isEmpty()) {
            throw new IllegalArgumentException("resync: streams must name at least one stream");
        }
        return engine.run(tenant, from.truncatedTo(ChronoUnit.SECONDS), EnumSet.copyOf(streams));
    }

    /** Runs {@link #run(Tenant)} on {@code executor}; cancel with {@link #cancel(String)}. */
    public CompletableFuture<SyncReport> runAsync(Tenant tenant, Executor executor) {
        return CompletableFuture.supplyAsync(() -> run(tenant), executor);
    }

    /**
     * Refuses new runs and connection checks ({@link IllegalStateException}), cancels those under
     * way and waits until they have ended (each stops at its next step, leaves a consistent
     * checkpoint, gives its leases up and reports CANCELLED to its caller), then stops the
     * thread the engine started to renew leases. Calling it again does nothing more.
     */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * Cancels the tenant's run in progress, if any: it stops at its next step (a request or wait
     * in progress is interrupted), leaving a consistent checkpoint, and reports CANCELLED.
     *
     * @return whether a run was in progress
     */
    public boolean cancel(String tenantId) {
        return engine.cancel(tenantId);
    }

    /** Whether the tenant is running now. */
    public boolean isRunning(String tenantId) {
        return engine.isRunning(tenantId);
    }

    /**
     * Checks a tenant's setup without syncing: the credentials, read permission on every
     * resource (one small request each, paced and counted like any other), and the branch list
     * with the warehouses it maps to. It holds the lease on the tenant's API connection meanwhile,
     * as a run does, so that the connection is paced by one limiter fleet-wide; while another
     * replica holds it, the report says so (failure {@link FailureKind#LEASE_HELD}) and no call is
     * made. Never throws for a Cin7 or store failure: the report says what failed.
     */
    public ConnectionReport testConnection(Tenant tenant) {
        return engine.testConnection(tenant);
    }

    /** Builds a {@link SyncEngine}; {@link #build()} names every missing or invalid setting. Not thread-safe. */
    public static final class Builder {
        private MoselleSink sink;
        private TransactionalSink transactionalSink;
        private CheckpointStore checkpoints;
        private Consumer<Cin7Client.Options> clientOptions = options -> { };
        private Clock clock = Clock.systemUTC();
        private Clock pacingClock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private SyncListener listener = SyncListener.NONE;
        private RateLimits rateLimits = RateLimits.defaults();
        private CallBudgets callBudgets = CallBudgets.perUtcDay(5_000);
        private long resyncCallReserve = 1_000;
        private int parallelism = DEFAULT_PARALLELISM;
        private LeaseStore leases;
        private boolean singleReplica;
        private String holderName = ManagementFactory.getRuntimeMXBean().getName();

        private Builder() {}

        /**
         * Where records go: a sink that commits on its own. Delivery is at least once; a sink in
         * a PostgreSQL it shares with {@code PostgresLeaseStore} is fenced when it checks each
         * batch's {@link SyncBatch#fence()} in its transaction. This or
         * {@link #sink(TransactionalSink)} is required.
         */
        public Builder sink(MoselleSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Where records go: a sink in the database of the checkpoint store, written in the
         * engine's transactions, each page with its checkpoint under the lease: exactly once,
         * and a replica that lost its tenant commits nothing. Needs a
         * {@link TransactionalCheckpointStore} ({@code PostgresCheckpointStore}) fenced by
         * {@link #leaseStore} kept beside it ({@code PostgresLeaseStore} on the same {@code DataSource}
         * and table prefix).
         */
        public Builder sink(TransactionalSink sink) {
            this.transactionalSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Where checkpoints are kept. Required: use a durable one in production. */
        public Builder checkpointStore(CheckpointStore checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpointStore");
            return this;
        }

        /**
         * How the engine's Cin7 clients reach Cin7: base URI, timeouts, retry policy, HTTP client,
         * clock and sleeper; default Cin7's production API with the client's defaults. Applied to
         * every client the engine builds, which then gets the tenant's credentials and the
         * engine's pacing: set rate limits and budgets here on the engine, not on the client.
         */
        public Builder clientOptions(Consumer<Cin7Client.Options> clientOptions) {
            this.clientOptions = Objects.requireNonNull(clientOptions, "clientOptions");
            return this;
        }

        /** The clock whose "now" ends the windows and stamps inventory; default system UTC. May be pinned. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * What pacing measures time on and how it waits: the rate limiters, the daily call
         * budgets, and the Cin7 clients' retries and {@code Retry-After}; default the system's UTC
         * clock and {@link Sleeper#system()}. It replaces any clock and sleeper set in
         * {@link #clientOptions}. Keep it real time unless the sleeper moves the clock too, as a
         * test's fake clock does.
         */
        public Builder pacing(Clock clock, Sleeper sleeper) {
            this.pacingClock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Told of the progress of every run; default none. */
        public Builder syncListener(SyncListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Pacing per API connection; default Cin7's 3/s and 60/min. */
        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
            return this;
        }

        /**
         * The daily call budget of each API connection; default 5,000 per UTC day in memory
         * ({@link CallBudgets#perUtcDay}). {@code PostgresCallBudgets} shares them between processes.
         */
        public Builder callBudgets(CallBudgets callBudgets) {
            this.callBudgets = Objects.requireNonNull(callBudgets, "callBudgets");
            return this;
        }

        /** Calls of the day a re-sync leaves to the daily runs; default 1,000. */
        public Builder resyncCallReserve(long calls) {
            if (calls < 0) {
                throw new IllegalArgumentException("resyncCallReserve must be zero or more, was " + calls);
            }
            this.resyncCallReserve = calls;
            return this;
        }

        /**
         * The most requests of one tenant in flight at once; default
         * {@value SyncEngine#DEFAULT_PARALLELISM}. A cap, not a setting to tune: within it the
         * engine keeps as many requests in flight as the connection's limits can use at the
         * latency it measures (Little's law: the calls a second allowed now times the seconds a
         * page takes, with a little headroom), so one request at a time when Cin7 answers at
         * once, about twelve when it takes ten seconds a page and the minute's limit binds, and
         * it follows a latency that changes during the run. Reads side by side share the
         * tenant's rate limit, which still decides the pace: products, stock and each windowed
         * stream of the recent part together, then the older history. A slice of a long window
         * (a first run, a re-sync) is cut into parts only when requests in flight are to spare
         * and its last page says each part has a page of its own; stock pages are shared by
         * several readers once the products tell how many there are. A daily run reads no more
         * pages than one at a time would. A request in flight holds no thread while it waits for
         * its slot or for Cin7: the run's pages are read and delivered on the calling thread, so
         * the sink still sees one call at a time per tenant. 1 reads one stream after the other.
         */
        public Builder parallelism(int requests) {
            if (requests < 1 || requests > MAX_PARALLELISM) {
                throw new IllegalArgumentException("parallelism must be between 1 and " + MAX_PARALLELISM + ", was " + requests);
            }
            this.parallelism = requests;
            return this;
        }

        /**
         * Where the leases on tenants and API connections live; default {@link LeaseStore#inProcess()},
         * this engine's memory. On several replicas, a store they share, such as
         * {@code io.moselle.sync.postgres.PostgresLeaseStore}: then a tenant runs once at a time fleet-wide.
         */
        public Builder leaseStore(LeaseStore leases) {
            this.leases = Objects.requireNonNull(leases, "leases");
            return this;
        }

        /**
         * Declares that this engine's process is the only one using its stores, so leases in its
         * memory are enough even with checkpoints in a shared database. Without it, an engine
         * whose checkpoints are in a database that its leases are not in is refused at
         * {@link #build()}: on several replicas it would run unfenced.
         */
        public Builder singleReplica() {
            this.singleReplica = true;
            return this;
        }

        /**
         * How this engine names itself to other processes as a lease holder, e.g. the replica's
         * name; default {@code pid@host}. A random suffix makes it unique to this engine.
         */
        public Builder holderName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("holderName must not be blank");
            }
            this.holderName = name.trim();
            return this;
        }

        /**
         * @throws IllegalArgumentException naming every missing setting, or the client options
         *     that cannot make a client
         */
        public SyncEngine build() {
            List<String> problems = new ArrayList<>();
            if (sink == null && transactionalSink == null) {
                problems.add("sink is missing");
            }
            if (sink != null && transactionalSink != null) {
                problems.add("sink: both a MoselleSink (" + sink + ") and a TransactionalSink (" + transactionalSink + ") are set; set one");
            }
            if (singleReplica && leases != null) {
                problems.add("singleReplica() and leaseStore(" + leases + ") are both set: a single replica keeps its leases in memory");
            }
            LeaseStore leaseStore = leases != null ? leases : LeaseStore.inProcess();
            if (checkpoints == null) {
                problems.add("checkpointStore is missing");
            } else {
                problems.addAll(fencing(checkpoints, leaseStore));
            }
            try {
                Cin7Connections.probe(clientOptions, rateLimits, pacingClock);
            } catch (IllegalArgumentException e) {
                problems.add("clientOptions: " + e.getMessage());
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid sync engine configuration: " + String.join("; ", problems));
            }
            return new SyncEngine(new EngineConfig(sink, transactionalSink, checkpoints, clientOptions, clock, pacingClock, sleeper, Listeners.withLog(listener), rateLimits,
                    callBudgets, resyncCallReserve, parallelism, leaseStore,
                    holderName + "/" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36)));
        }

        /** What is wrong with how the checkpoints are fenced by {@code leaseStore}, if anything. */
        private List<String> fencing(CheckpointStore checkpointStore, LeaseStore leaseStore) {
            List<String> problems = new ArrayList<>();
            Optional<String> unfenced = checkpointStore.unfencedBy(leaseStore);
            if (transactionalSink != null) {
                if (!(checkpointStore instanceof TransactionalCheckpointStore)) {
                    problems.add("a TransactionalSink needs a TransactionalCheckpointStore such as PostgresCheckpointStore,"
                            + " but checkpointStore is " + checkpointStore);
                } else if (unfenced.isPresent()) {
                    problems.add("a TransactionalSink commits under leases kept beside its checkpoints, but checkpointStore "
                            + checkpointStore + " is not fenced by leases " + leaseStore + ": " + unfenced.get());
                }
            } else if (unfenced.isPresent() && !singleReplica) {
                problems.add("checkpointStore " + checkpointStore + " is shared by processes but not fenced by leases " + leaseStore
                        + ": " + unfenced.get() + ". Set leaseStore(new PostgresLeaseStore(...)) on the same DataSource and table prefix,"
                        + " or declare singleReplica() if this process is the only one using these tables");
            }
            return problems;
        }
    }
}
