package io.moselle.sync;

import java.util.List;
import java.util.Objects;

/**
 * One delivery to the sink: upserts and retractions of one record type for one tenant, in the
 * order they were read. Applying a batch twice must leave the sink as applying it once: batches
 * are delivered at least once. Immutable.
 */
public final class SyncBatch {
    private final String tenantId;
    private final SyncStream stream;
    private final RecordType type;
    private final List<?> upserts;
    private final List<Retraction> retractions;

    SyncBatch(String tenantId, SyncStream stream, RecordType type, List<?> upserts, List<Retraction> retractions) {
        this.tenantId = Objects.requireNonNull(tenantId);
        this.stream = Objects.requireNonNull(stream);
        this.type = Objects.requireNonNull(type);
        this.upserts = List.copyOf(upserts);
        this.retractions = List.copyOf(retractions);
    }

    public String tenantId() {
        return tenantId;
    }

    /** The stream that produced the batch. */
    public SyncStream stream() {
        return stream;
    }

    public RecordType type() {
        return type;
    }

    /** The records to insert or replace, all of {@link #type()}'s record class. */
    public List<?> upserts() {
        return upserts;
    }

    /** The upserts as their record class, e.g. {@code batch.upserts(Product.class)}. */
    @SuppressWarnings("unchecked")
    public <R> List<R> upserts(Class<R> recordClass) {
        if (!recordClass.equals(type.recordClass())) {
            throw new IllegalArgumentException("a " + type + " batch holds " + type.recordClass().getSimpleName() + " records, not " + recordClass.getSimpleName());
        }
        return (List<R>) upserts;
    }

    public List<Retraction> retractions() {
        return retractions;
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && retractions.isEmpty();
    }

    @Override
    public String toString() {
        return "SyncBatch{tenant=" + tenantId + ", " + type + ", upserts=" + upserts.size() + ", retractions=" + retractions.size() + "}";
    }
}
