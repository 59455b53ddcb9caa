package io.moselle.sync;

import java.util.List;
import java.util.Objects;

/**
 * One delivery to the sink: upserts and retractions of one record type for one tenant, in the
 * order they were read. Applying a batch twice must leave the sink as applying it once: batches
 * are delivered at least once. Immutable.
 *
 * <pre>{@code
 * if (batch.type() == RecordType.SALES_ORDER) {
 *     SyncBatch<SalesOrder, Long> orders = batch.as(RecordType.SALES_ORDER);
 *     orders.upserts().forEach(order -> upsert(order.externalId(), order));
 *     orders.retractions().forEach(r -> delete(r.key()));          // a Long
 * }
 * }</pre>
 *
 * @param <R> the record type
 * @param <K> the key type
 */
public final class SyncBatch<R, K> {
    private final String tenantId;
    private final SyncStream stream;
    private final RecordType<R, K> type;
    private final List<R> upserts;
    private final List<Retraction<K>> retractions;
    private final Fence fence;

    private SyncBatch(String tenantId, SyncStream stream, RecordType<R, K> type, List<R> upserts, List<Retraction<K>> retractions,
            Fence fence) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.fence = Objects.requireNonNull(fence, "fence");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.type = Objects.requireNonNull(type, "type");
        this.upserts = List.copyOf(upserts);
        this.retractions = List.copyOf(retractions);
    }

    /** A batch, as the engine hands it to a sink; for a host's tests of its sink. Its fence has token 0. */
    public static <R, K> SyncBatch<R, K> of(String tenantId, SyncStream stream, RecordType<R, K> type, List<R> upserts,
            List<Retraction<K>> retractions) {
        return of(tenantId, stream, type, upserts, retractions, Fence.forTests(tenantId));
    }

    /** A batch made under the lease {@code fence}, as the engine hands it to a sink. */
    public static <R, K> SyncBatch<R, K> of(String tenantId, SyncStream stream, RecordType<R, K> type, List<R> upserts,
            List<Retraction<K>> retractions, Fence fence) {
        return new SyncBatch<>(tenantId, stream, type, upserts, retractions, fence);
    }

    /** The tenant whose records these are. */
    public String tenantId() {
        return tenantId;
    }

    /** The stream that produced the batch. */
    public SyncStream stream() {
        return stream;
    }

    /** The record type of the batch, which fixes the types of its records and keys. */
    public RecordType<R, K> type() {
        return type;
    }

    /** The lease of the run that made this batch: a sink in PostgreSQL checks it in its own transaction. */
    public Fence fence() {
        return fence;
    }

    /** The records to insert or replace by key. */
    public List<R> upserts() {
        return upserts;
    }

    /** The keys to remove, each with its reason. */
    public List<Retraction<K>> retractions() {
        return retractions;
    }

    /**
     * This batch with the record and key types of {@code expected}, for a sink handed a
     * {@code SyncBatch<?, ?>}.
     *
     * @throws IllegalArgumentException if this batch holds another record type
     */
    @SuppressWarnings("unchecked") // checked: the record type fixes both type parameters
    public <R2, K2> SyncBatch<R2, K2> as(RecordType<R2, K2> expected) {
        type.require(expected, "batch");
        return (SyncBatch<R2, K2>) this;
    }

    /** Whether the batch has neither upserts nor retractions. */
    public boolean isEmpty() {
        return upserts.isEmpty() && retractions.isEmpty();
    }

    @Override
    public String toString() {
        return "SyncBatch{tenant=" + tenantId + ", " + type + ", upserts=" + upserts.size() + ", retractions=" + retractions.size() + "}";
    }
}
