package io.moselle.mapping;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What mapping one source record gave: a record to upsert, a key to retract with its reason
 * (a sink holding the key removes it, one that does not ignores it), or a skip with its reason.
 * Also carries the lines dropped from the record and notes such as {@link Reason#UNKNOWN_BRANCH}.
 * Immutable.
 *
 * @param <R> the record type
 */
public final class Outcome<R> {
    /** What to do with the record. */
    public enum Action {
        /** Deliver the record, replacing the one of its key. */
        UPSERT,
        /** Remove the record of its key: it no longer qualifies. */
        RETRACT,
        /** Deliver nothing: the source record cannot be used; counted with its reason. */
        SKIP
    }

    private final Action action;
    private final R record;
    private final Object key;
    private final Reason reason;
    private final String sourceId;
    private final Map<Reason, Integer> droppedLines;
    private final Set<Reason> notes;

    private Outcome(Action action, R record, Object key, Reason reason, String sourceId, Map<Reason, Integer> droppedLines,
            Set<Reason> notes) {
        this.action = action;
        this.record = record;
        this.key = key;
        this.reason = reason;
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
        this.droppedLines = Collections.unmodifiableMap(droppedLines);
        this.notes = Collections.unmodifiableSet(notes);
    }

    /** Deliver {@code record}; {@code sourceId} names the source record. */
    public static <R> Outcome<R> upsert(R record, String sourceId) {
        return new Outcome<>(Action.UPSERT, Objects.requireNonNull(record, "record"), null, null, sourceId,
                new EnumMap<>(Reason.class), EnumSet.noneOf(Reason.class));
    }

    /** Retract the record of {@code key}, because of {@code reason}; {@code sourceId} names the source record. */
    public static <R> Outcome<R> retract(Object key, Reason reason, String sourceId) {
        return new Outcome<>(Action.RETRACT, null, Objects.requireNonNull(key, "key"), reason, sourceId,
                new EnumMap<>(Reason.class), EnumSet.noneOf(Reason.class));
    }

    /** Deliver nothing, because of {@code reason}; {@code sourceId} names the source record. */
    public static <R> Outcome<R> skip(Reason reason, String sourceId) {
        return new Outcome<>(Action.SKIP, null, null, reason, sourceId, new EnumMap<>(Reason.class), EnumSet.noneOf(Reason.class));
    }

    /** A copy that also records the lines dropped while mapping. */
    public Outcome<R> withDroppedLines(Map<Reason, Integer> dropped) {
        Map<Reason, Integer> all = new EnumMap<>(Reason.class);
        all.putAll(droppedLines);
        dropped.forEach((r, n) -> all.merge(r, n, Integer::sum));
        return new Outcome<>(action, record, key, reason, sourceId, all, notes.isEmpty() ? EnumSet.noneOf(Reason.class) : EnumSet.copyOf(notes));
    }

    /** A copy with a note. */
    public Outcome<R> withNote(Reason note) {
        Set<Reason> all = notes.isEmpty() ? EnumSet.noneOf(Reason.class) : EnumSet.copyOf(notes);
        all.add(note);
        Map<Reason, Integer> dropped = new EnumMap<>(Reason.class);
        dropped.putAll(droppedLines);
        return new Outcome<>(action, record, key, reason, sourceId, dropped, all);
    }

    /** What to do with the record. */
    public Action action() {
        return action;
    }

    /** The record to upsert, when {@link #action()} is UPSERT. */
    public Optional<R> record() {
        return Optional.ofNullable(record);
    }

    /** The key to retract, when {@link #action()} is RETRACT. */
    public Optional<Object> key() {
        return Optional.ofNullable(key);
    }

    /** Why the record was retracted or skipped; empty for an upsert. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /** The source record's id (or a description such as {@code option 3101}), for reports. */
    public String sourceId() {
        return sourceId;
    }

    /** Lines dropped from the record, counted by reason. */
    public Map<Reason, Integer> droppedLines() {
        return droppedLines;
    }

    /** Remarks on a record delivered as it is. */
    public Set<Reason> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return "Outcome{" + action + (record != null ? " " + record : "") + (key != null ? " key=" + key : "")
                + (reason != null ? " " + reason : "") + " source=" + sourceId
                + (droppedLines.isEmpty() ? "" : " dropped=" + droppedLines) + (notes.isEmpty() ? "" : " notes=" + notes) + "}";
    }
}
