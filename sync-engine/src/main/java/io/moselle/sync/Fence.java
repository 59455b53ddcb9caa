package io.moselle.sync;

import io.moselle.sync.spi.Lease;
import java.util.Objects;

/**
 * The lease a delivery was made under: its key ({@code tenant:<id>}) and the fencing token of
 * the acquisition. Every {@link SyncBatch} and {@link Snapshot} carries the fence of the run that
 * made it. A sink that writes to a PostgreSQL it shares with the lease store checks it inside its
 * own transaction ({@code PostgresLeaseStore.verify(connection, fence)}), so a run that lost its
 * tenant while it was inside the sink commits nothing. Immutable.
 *
 * @param leaseKey what the lease is on, e.g. {@code tenant:acme}
 * @param token the fencing token: greater for every later holder of the key
 */
public record Fence(String leaseKey, long token) {
    /** A fence; {@code leaseKey} is required. */
    public Fence {
        Objects.requireNonNull(leaseKey, "leaseKey");
    }

    /** The fence of {@code lease}. */
    public static Fence of(Lease lease) {
        return new Fence(lease.key(), lease.token());
    }

    /** The fence a host's test gives a batch it builds itself: token 0, older than any lease's. */
    static Fence forTests(String tenantId) {
        return new Fence("tenant:" + tenantId, 0);
    }
}
