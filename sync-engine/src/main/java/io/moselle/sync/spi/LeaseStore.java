package io.moselle.sync.spi;

import io.moselle.sync.LeaseHeldException;
import java.time.Duration;

/**
 * Where leases live. The engine takes a lease on a tenant before a run's first call and gives it
 * up at the end, and takes one on the tenant's API connection (shared by the runs of that
 * connection in one engine), so that wherever {@code run} is called, a tenant runs once at a time
 * and an API connection is paced by one limiter. The engine renews its leases every third of
 * {@link #duration()}; a holder that dies loses them when that time has passed without renewal.
 *
 * <p>{@link #inProcess()} is the default: leases in this engine's memory, enough for one process.
 * On several replicas, use a store they share, such as {@code io.moselle.sync.postgres.PostgresLeaseStore}.
 * Implementations must be thread-safe.
 */
public interface LeaseStore {
    /**
     * Takes the lease of {@code key} for {@code holder}.
     *
     * @param holder who asks, as other processes will be told, e.g. {@code 4711@worker-2/3fa2}
     * @throws LeaseHeldException when another holder has it
     * @throws RuntimeException when the store cannot be reached
     */
    Lease acquire(String key, String holder);

    /** How long a lease lives without renewal. */
    Duration duration();

    /** Leases in memory, for one process: what an engine uses unless told otherwise. */
    static LeaseStore inProcess() {
        return new InProcessLeaseStore();
    }
}
