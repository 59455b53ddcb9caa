package io.moselle.sync;

import java.util.Set;

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
 */
public interface MoselleSink {

    /** Applies one batch of upserts and retractions. */
    void write(SyncBatch batch) throws Exception;

    /**
     * A complete snapshot of {@code type} (warehouses, products or inventory levels) has been
     * delivered for {@code tenantId}; {@code keys} holds every key it contained. Records of that
     * type with other keys are gone from Cin7: a sink removes stale warehouses and inventory
     * levels and marks gone products inactive (keeping their other fields).
     */
    void snapshotComplete(String tenantId, RecordType type, Set<?> keys) throws Exception;
}
