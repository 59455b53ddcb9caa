package io.moselle.cin7.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One simulated resource: records generated on demand from their key (ids 1..size), overlaid by
 * records changed or inserted at run time. When generated records are created in key order and
 * modified at most {@code maxLag} after creation, a {@code modifiedDate} window maps to a key
 * range, so a window over a million orders is answered without scanning them all.
 */
final class Table {
    final String resource;
    final Fields fields;
    final boolean hasIds;
    private final Generator generator;
    private final ConcurrentSkipListMap<Long, ObjectNode> overlay = new ConcurrentSkipListMap<>();

    /** Makes generated records on demand. */
    interface Generator {
        /** How many keys exist at {@code now} (keys 1..size). */
        long size(Instant now);

        /** The record with {@code key} as it stands at {@code now}. */
        ObjectNode generate(long key, Instant now);

        /** The creation time of {@code key} when creation follows key order, else null. */
        default Instant createdOf(long key) {
            return null;
        }

        /** The first key created at or after {@code instant}, when creation follows key order. */
        default long firstKeyCreatedAtOrAfter(Instant instant) {
            return 1;
        }

        /** The longest time between a generated record's creation and its last modification. */
        default Duration maxLag() {
            return Duration.ZERO;
        }
    }

    Table(String resource, Fields fields, boolean hasIds, Generator generator) {
        this.resource = resource;
        this.fields = fields;
        this.hasIds = hasIds;
        this.generator = generator;
    }

    /** The record with {@code key} at {@code now}, or null. */
    ObjectNode get(long key, Instant now) {
        ObjectNode changed = overlay.get(key);
        if (changed != null) {
            return changed;
        }
        return key >= 1 && key <= generator.size(now) ? generator.generate(key, now) : null;
    }

    void put(long key, ObjectNode record) {
        overlay.put(key, record);
    }

    long nextInsertKey(Instant now) {
        long top = overlay.isEmpty() ? 0 : overlay.lastKey();
        return Math.max(Math.max(top, generator.size(now)) + 1, 900_000_001L);
    }

    long size(Instant now) {
        return generator.size(now) + overlay.tailMap(generator.size(now), false).size();
    }

    /**
     * The records that may match {@code where}, in key order: generated ones restricted to the key
     * range its {@code id} and {@code modifiedDate} bounds allow, merged with the overlay.
     */
    Iterator<ObjectNode> candidates(WhereClause where, Instant now) {
        long size = generator.size(now);
        long lowestId = Math.max(1, hasIds ? where.minimumId() : 1);
        long highestId = hasIds ? where.maximumId() : Long.MAX_VALUE;
        long from = lowestId;
        long to = Math.min(size, highestId);
        Duration lag = generator.maxLag();
        if (generator.createdOf(1) != null) {
            Instant lower = where.lowerDateBound("modifiedDate").orElse(null);
            if (lower != null) {
                from = Math.max(from, generator.firstKeyCreatedAtOrAfter(lower.minus(lag)));
            }
            Instant upper = where.upperDateBound("modifiedDate").orElse(null);
            if (upper != null) {
                to = Math.min(to, generator.firstKeyCreatedAtOrAfter(upper.plusSeconds(1)) - 1);
            }
        }
        Iterator<Map.Entry<Long, ObjectNode>> changed = lowestId > highestId
                ? Collections.emptyIterator()
                : overlay.subMap(lowestId, true, highestId, true).entrySet().iterator();
        long firstBase = from;
        long lastBase = to;
        return new Iterator<>() {
            private long base = firstBase;
            private Map.Entry<Long, ObjectNode> pending = changed.hasNext() ? changed.next() : null;

            @Override
            public boolean hasNext() {
                skipOverlaid();
                return base <= lastBase || pending != null;
            }

            @Override
            public ObjectNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (pending != null && (base > lastBase || pending.getKey() <= base)) {
                    if (pending.getKey() == base) {
                        base++;
                    }
                    ObjectNode record = pending.getValue();
                    pending = changed.hasNext() ? changed.next() : null;
                    return record;
                }
                return generator.generate(base++, now);
            }

            /** A generated record replaced by the overlay is never returned in its generated form. */
            private void skipOverlaid() {
                while (base <= lastBase && overlay.containsKey(base) && (pending == null || pending.getKey() > base)) {
                    base++;
                }
            }
        };
    }
}
