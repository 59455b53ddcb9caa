package io.moselle.sync.internal;

import io.moselle.sync.Tenant;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.LeaseStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine's leases: one on each running tenant, and one on each API connection in use, shared
 * by this engine's runs of that connection (they share its limiter, so the connection is paced
 * by one limiter fleet-wide). Renews each lease every third of its duration; a lease lost, or
 * not renewed for its whole duration because the store is unreachable, stops the runs holding it.
 * Thread-safe.
 */
public final class LeaseKeeper {
    private static final System.Logger LOG = System.getLogger(RunLog.LEASE);

    private final LeaseStore store;
    private final String holder;
    private final Map<String, Kept> connections = new HashMap<>();
    private volatile ScheduledExecutorService renewals;
    private final OwnThreads renewalThreads = new OwnThreads("moselle-sync-lease-renewal");
    private boolean closed;

    LeaseKeeper(LeaseStore store, String holder) {
        this.store = store;
        this.holder = holder;
    }

    String holder() {
        return holder;
    }

    /**
     * Takes the leases of a run of {@code tenant}.
     *
     * @throws LeaseHeldException when another holder has the tenant or its API connection
     */
    RunLeases acquire(Tenant tenant, RunControl control) {
        Kept tenantLease = keep(store.acquire("tenant:" + tenant.id(), holder));
        tenantLease.runs.add(control);
        try {
            Kept connection = joinConnection(tenant.credentials().username(), control);
            return new RunLeases(tenantLease, connection, control);
        } catch (RuntimeException e) {
            tenantLease.stop();
            throw e;
        }
    }

    /**
     * Takes the lease of the API connection {@code username} for work that is not a run (a
     * connection check): its calls are paced by this engine's limiter, so it must hold the
     * connection like a run.
     *
     * @throws LeaseHeldException when another holder has the connection
     */
    ConnectionLease acquireConnection(String username, RunControl control) {
        return new ConnectionLease(joinConnection(username, control), control);
    }

    private synchronized Kept joinConnection(String username, RunControl control) {
        Kept kept = connections.get(username);
        if (kept == null) {
            kept = keep(store.acquire("connection:" + username, holder));
            connections.put(username, kept);
        }
        kept.runs.add(control);
        return kept;
    }

    private synchronized void leaveConnection(Kept kept, RunControl control) {
        kept.runs.remove(control);
        if (kept.runs.isEmpty()) {
            connections.values().remove(kept);
            kept.stop();
        }
    }

    /** A connection lease that was lost is never handed to a later run: the next one takes the lease anew. */
    private synchronized void forget(Kept lost) {
        connections.values().remove(lost);
    }

    private Kept keep(Lease lease) {
        Kept kept = new Kept(lease);
        long every = Math.max(1, store.duration().toMillis() / 3);
        kept.renewal = renewals().scheduleAtFixedRate(kept::renew, every, every, TimeUnit.MILLISECONDS);
        return kept;
    }

    /** Stops renewing: the engine is closed, and every run has given its leases up. */
    synchronized void close() {
        closed = true;
        if (renewals != null) {
            renewals.shutdownNow();
            awaitQuietly(renewals);
            renewalThreads.awaitEnd();
        }
    }

    /** One daemon thread per engine, started with the first lease and stopped by {@link #close()}. */
    private ScheduledExecutorService renewals() {
        if (renewals == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the sync engine is closed");
                }
                if (renewals == null) {
                    renewals = Executors.newSingleThreadScheduledExecutor(renewalThreads);
                }
            }
        }
        return renewals;
    }

    /** A lease held, the runs that depend on it, and its renewal. */
    private final class Kept {
        final Lease lease;
        final Set<RunControl> runs = ConcurrentHashMap.newKeySet();
        ScheduledFuture<?> renewal;
        private volatile long renewedAt = System.nanoTime();

        Kept(Lease lease) {
            this.lease = lease;
        }

        void renew() {
            try {
                if (lease.renew()) {
                    renewedAt = System.nanoTime();
                } else {
                    lost("it was taken over by another holder");
                }
            } catch (RuntimeException e) {
                Duration unrenewed = sinceRenewal();
                if (unrenewed.compareTo(store.duration()) >= 0) {
                    lost("it could not be renewed for " + unrenewed.toSeconds() + " s: " + e.getMessage());
                }
            }
        }

        private Duration sinceRenewal() {
            return Duration.ofNanos(System.nanoTime() - renewedAt);
        }

        /**
         * Why this holder can no longer know the lease is its own (it was not renewed for its whole
         * duration: the process was frozen, or the store unreachable), or null while it can.
         */
        String unrenewed() {
            Duration unrenewed = sinceRenewal();
            return unrenewed.compareTo(store.duration()) < 0 ? null
                    : "the lease " + lease.key() + " was not renewed for " + unrenewed.toSeconds() + " s: another holder may have it";
        }

        /** How requests made under this lease name it: its key and token. */
        String tag() {
            return lease.key() + " #" + lease.token();
        }

        private void lost(String why) {
            LOG.log(System.Logger.Level.WARNING, () -> "the lease " + lease.key() + " was lost, its runs stop: " + why);
            renewal.cancel(false);
            forget(this);
            runs.forEach(run -> run.lose("the lease " + lease.key() + " was lost: " + why));
        }

        /** Stops renewing and gives the lease up; if the store cannot be reached, the lease expires by itself. */
        void stop() {
            renewal.cancel(false);
            try {
                lease.release();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not release " + lease.key() + "; it expires within "
                        + store.duration().toSeconds() + " s: " + e.getMessage());
            }
        }
    }

    /** The lease of an API connection held for a connection check. Closing gives it up. */
    final class ConnectionLease implements AutoCloseable {
        private final Kept connection;
        private final RunControl control;

        private ConnectionLease(Kept connection, RunControl control) {
            this.connection = connection;
            this.control = control;
        }

        @Override
        public void close() {
            leaveConnection(connection, control);
        }
    }

    /** The leases of one run: its tenant's and its API connection's. Closing gives them up. */
    final class RunLeases implements AutoCloseable {
        private final Kept tenant;
        private final Kept connection;
        private final RunControl control;

        private RunLeases(Kept tenant, Kept connection, RunControl control) {
            this.tenant = tenant;
            this.connection = connection;
            this.control = control;
        }

        /** The lease on the tenant, which fences the run's deliveries and checkpoint saves. */
        Lease tenant() {
            return tenant.lease;
        }

        /**
         * The {@code User-Agent} of the run's requests: the holder and both leases with their
         * tokens, so that Cin7's side (or the simulator's journal) shows whose run each call was.
         */
        String userAgent() {
            return "moselle-cin7-sync (" + holder + "; " + tenant.tag() + "; " + connection.tag() + ")";
        }

        /**
         * Before a call: stops the run when one of its leases was not renewed for its whole
         * duration, so that a holder thawed after a freeze makes no call on a tenant or an API
         * connection that may be another's by now.
         */
        void checkHeld() {
            String why = tenant.unrenewed();
            why = why != null ? why : connection.unrenewed();
            if (why != null) {
                control.lose(why);
                throw control.stopped();
            }
        }

        @Override
        public void close() {
            try {
                tenant.stop();
            } finally {
                leaveConnection(connection, control);
            }
        }
    }

    /** Waits for a shut-down executor to terminate, keeping an interrupt for the caller. */
    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
