package io.moselle.sync.internal;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.sync.ConnectionReport;
import io.moselle.sync.FailureKind;
import io.moselle.sync.LeaseHeldException;
import io.moselle.sync.SyncAlreadyRunningException;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code SyncEngine} does behind its API: starts runs under their leases, one at a time
 * per tenant, and checks connections. Thread-safe.
 */
public final class Engine {
    private static final System.Logger LEASES = System.getLogger(RunLog.LEASE);

    private final EngineConfig config;
    private final Cin7Connections connections;
    private final LeaseKeeper leases;
    /** The cores every run's steps share. */
    private final CpuPermits cpu = CpuPermits.ofCores();
    private final Map<String, RunControl> running = new ConcurrentHashMap<>();
    /** Runs and connection checks under way; guarded by this. */
    private final Set<RunControl> active = new HashSet<>();
    /** Guarded by this. */
    private boolean closed;

    public Engine(EngineConfig config) {
        this.config = config;
        this.connections = new Cin7Connections(config);
        this.leases = new LeaseKeeper(config.leases(), config.holder());
    }

    /**
     * Refuses new runs, cancels those under way and waits for them to end (each stops at its next
     * step and reports CANCELLED), then stops the engine's threads. Idempotent.
     */
    public void close() {
        synchronized (this) {
            closed = true;
            active.forEach(RunControl::cancel);
            boolean interrupted = false;
            while (!active.isEmpty()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // closing finishes first: the runs are ending already
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        leases.close();
    }

    private synchronized void begin(RunControl control) {
        if (closed) {
            throw new IllegalStateException("this sync engine is closed");
        }
        active.add(control);
    }

    private synchronized void end(RunControl control) {
        active.remove(control);
        notifyAll();
    }

    /** Cancels the tenant's run in progress; whether there was one. */
    public boolean cancel(String tenantId) {
        RunControl control = running.get(tenantId);
        if (control == null) {
            return false;
        }
        control.cancel();
        return true;
    }

    public boolean isRunning(String tenantId) {
        return running.containsKey(tenantId);
    }

    public ConnectionReport testConnection(Tenant tenant) {
        RunControl control = new RunControl(Thread.currentThread());
        begin(control);
        Cin7Client client = connections.clientFor(tenant.credentials(), "moselle-cin7-sync (" + config.holder() + "; connection check)")
                .build();
        try (LeaseKeeper.ConnectionLease held = leases.acquireConnection(tenant.credentials().username(), control)) {
            return ConnectionCheck.check(tenant, client);
        } catch (LeaseHeldException e) {
            return ConnectionCheck.notChecked(tenant, client, "the API connection " + tenant.credentials().username() + " is in use by "
                    + e.holder() + ", which paces its calls: check again when its runs end", FailureKind.LEASE_HELD);
        } catch (RuntimeException e) {
            return ConnectionCheck.notChecked(tenant, client, "cannot take the lease on API connection " + tenant.credentials().username()
                    + ": " + e.getMessage(), FailureKind.STORE);
        } finally {
            control.finish();
            end(control);
        }
    }

    /** Runs {@code streams} of {@code tenant}: a re-sync from {@code resyncFrom}, or a daily run when it is null. */
    public SyncReport run(Tenant tenant, Instant resyncFrom, Set<SyncStream> streams) {
        RunControl control = new RunControl(Thread.currentThread());
        begin(control);
        if (running.putIfAbsent(tenant.id(), control) != null) {
            end(control);
            throw new SyncAlreadyRunningException("a sync of tenant " + tenant.id() + " is already running");
        }
        try {
            Instant now = config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            LeaseKeeper.RunLeases held;
            try {
                held = leases.acquire(tenant, control);
            } catch (LeaseHeldException e) {
                SyncAlreadyRunningException refused = alreadyRunningElsewhere(tenant.id(), e);
                LEASES.log(System.Logger.Level.WARNING, refused::getMessage);
                throw refused;
            } catch (RuntimeException e) {
                LEASES.log(System.Logger.Level.WARNING, () -> "tenant " + tenant.id() + ": not started, its lease cannot be taken: "
                        + e.getMessage());
                return Reports.notStarted(tenant, resyncFrom != null, now, streams,
                        "cannot take the lease on tenant " + tenant.id() + ": " + e.getMessage(), FailureKind.STORE);
            }
            try (held) {
                return new TenantRun(config, tenant, control, held, now, resyncFrom, streams, connections, cpu).execute();
            }
        } finally {
            running.remove(tenant.id(), control);
            control.finish();
            end(control);
        }
    }

    private static SyncAlreadyRunningException alreadyRunningElsewhere(String tenantId, LeaseHeldException held) {
        String what = held.key().startsWith("connection:")
                ? "its API connection " + held.key().substring("connection:".length()) + " is in use by "
                : "it is already running in ";
        return new SyncAlreadyRunningException("a sync of tenant " + tenantId + " cannot start: " + what + held.holder());
    }
}
