package io.moselle.sync.spi;

import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;

/**
 * Where synced records go: the host implements this over its own store.
 *
 * <p><b>Contract.</b> Called one call at a time per tenant, on a thread running the tenant's sync
 * (the caller of {@code run}, or the engine's stream executor when streams are read in
 * parallel); calls for different tenants may come at once from different threads. Delivery is at
 * least once: after a crash or a failed batch the same records may come again, so upserts must
 * replace by key and retractions must ignore unknown keys. The engine saves its checkpoint only
 * after a call returns. Throwing fails the stream loudly (its checkpoint stays where it was, the
 * report says FAILED and names the exception), and the run carries on with the other streams.
 *
 * <p><b>Fencing.</b> A sink that writes to the PostgreSQL holding the engine's leases checks
 * {@link SyncBatch#fence()} (and {@link Snapshot#fence()}) with
 * {@code JdbcLeaseStore.verify(connection, fence)} inside its own transaction, so a replica that
 * lost its tenant while inside this call commits nothing. A sink in that database can instead be
 * a {@link TransactionalSink}: each page then commits with its checkpoint, exactly once.
 */
public interface MoselleSink {

    /**
     * Applies one batch of upserts and retractions. Read it typed with
     * {@code batch.as(RecordType.SALES_ORDER)} and the like.
     */
    void write(SyncBatch<?, ?> batch) throws Exception;

    /**
     * A complete snapshot of warehouses, products or inventory levels has been delivered.
     * Records of its type whose keys it does not hold are gone from Cin7: a sink removes stale
     * warehouses and inventory levels and marks gone products inactive (keeping their other
     * fields).
     */
    void snapshotComplete(Snapshot<?, ?> snapshot) throws Exception;
}
