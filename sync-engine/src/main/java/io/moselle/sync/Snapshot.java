package io.moselle.sync;

import java.util.Objects;
import java.util.Set;

/**
 * The end of a complete snapshot: every record of one type (warehouses, products or inventory
 * levels) has been delivered for a tenant, and {@link #keys()} holds every key the snapshot
 * contained. Records of that type with other keys are gone from Cin7. Immutable.
 *
 * @param <R> the record type
 * @param <K> the key type
 */
public final class Snapshot<R, K> {
    private final String tenantId;
    private final RecordType<R, K> type;
    private final Set<K> keys;
    private final Fence fence;

    private Snapshot(String tenantId, RecordType<R, K> type, Set<K> keys, Fence fence) {
        this.fence = Objects.requireNonNull(fence, "fence");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.type = Objects.requireNonNull(type, "type");
        this.keys = Set.copyOf(keys);
    }

    /** A snapshot's end, as the engine hands it to a sink; for a host's tests of its sink. Its fence has token 0. */
    public static <R, K> Snapshot<R, K> of(String tenantId, RecordType<R, K> type, Set<K> keys) {
        return of(tenantId, type, keys, Fence.forTests(tenantId));
    }

    /** A snapshot's end reached under the lease {@code fence}, as the engine hands it to a sink. */
    public static <R, K> Snapshot<R, K> of(String tenantId, RecordType<R, K> type, Set<K> keys, Fence fence) {
        return new Snapshot<>(tenantId, type, keys, fence);
    }

    /** The tenant whose records these are. */
    public String tenantId() {
        return tenantId;
    }

    /** The record type the snapshot covers. */
    public RecordType<R, K> type() {
        return type;
    }

    /** The lease of the run that read the snapshot: a sink in PostgreSQL checks it in its own transaction. */
    public Fence fence() {
        return fence;
    }

    /** Every key of the snapshot. */
    public Set<K> keys() {
        return keys;
    }

    /**
     * This snapshot with the types of {@code expected}.
     *
     * @throws IllegalArgumentException if this is a snapshot of another record type
     */
    @SuppressWarnings("unchecked") // checked: the record type fixes both type parameters
    public <R2, K2> Snapshot<R2, K2> as(RecordType<R2, K2> expected) {
        type.require(expected, "snapshot");
        return (Snapshot<R2, K2>) this;
    }

    @Override
    public String toString() {
        return "Snapshot{tenant=" + tenantId + ", " + type + ", keys=" + keys.size() + "}";
    }
}
