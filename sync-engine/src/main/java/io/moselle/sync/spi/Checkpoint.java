package io.moselle.sync.spi;

import io.moselle.sync.Window;
import io.moselle.sync.internal.CheckpointJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How far one windowed stream of one tenant has got: the newest {@code modifiedDate} window
 * planned, and the slices not yet read to their end. Everything before the newest window's end
 * was either delivered or is in a pending slice, so the next window can start there without a
 * gap. Immutable.
 *
 * @param window the newest window planned, or null before the first run
 * @param pending the slices still to read, in reading order, each with its last delivered id
 */
public record Checkpoint(Window window, List<Slice> pending) {

    /** A checkpoint; {@code pending} is copied. */
    public Checkpoint {
        pending = List.copyOf(pending);
    }

    /** The state of a stream never synced. */
    public static Checkpoint initial() {
        return new Checkpoint(null, List.of());
    }

    /**
     * The checkpoint as JSON text, for a store that keeps checkpoints as text:
     * {@code {"window": {"from", "to"}, "pending": [{"from", "to", "lastId", "highestId"}, ...]}},
     * instants in UTC, {@code highestId} only for a slice that ends at an id.
     * {@link #fromJson(String)} reads it back.
     */
    public String toJson() {
        return CheckpointJson.write(this);
    }

    /**
     * Reads {@link #toJson()}'s form, and the form of earlier versions of this library.
     *
     * @throws IllegalArgumentException naming what is wrong when {@code json} is not a checkpoint
     */
    public static Checkpoint fromJson(String json) {
        return CheckpointJson.read(json);
    }

    /** The newest window planned; empty before the first run. */
    public Optional<Window> newestWindow() {
        return Optional.ofNullable(window);
    }

    /** The end of the newest window planned: nothing before it is left unread but the pending slices. */
    public Optional<Instant> coveredUpTo() {
        return newestWindow().map(Window::to);
    }

    /** Whether every planned slice was read to its end. */
    public boolean isComplete() {
        return pending.isEmpty();
    }

    /** The pending {@code part} (found by its window and highest id), delivered up to {@code id}. */
    public Checkpoint progress(Slice part, long id) {
        return replace(part, pendingPart -> List.of(pendingPart.after(id)));
    }

    /** The pending {@code part} read to its end. */
    public Checkpoint done(Slice part) {
        return replace(part, pendingPart -> List.of());
    }

    /**
     * The pending {@code part} cut in two after id {@code at}: the newer ids first (from
     * {@code at} on, up to the part's highest id), then the older (after the part's last
     * delivered id, up to {@code at}).
     */
    public Checkpoint split(Slice part, long at) {
        return replace(part, pendingPart -> {
            if (at <= pendingPart.lastId() || at >= pendingPart.highestId()) {
                throw new IllegalArgumentException("id " + at + " is not inside " + pendingPart);
            }
            return List.of(new Slice(pendingPart.window(), at, pendingPart.highestId()), new Slice(pendingPart.window(), pendingPart.lastId(), at));
        });
    }

    /** The pending slices with {@code part} (found by its window and highest id) replaced by what {@code by} makes of it. */
    private Checkpoint replace(Slice part, Function<Slice, List<Slice>> by) {
        List<Slice> next = new ArrayList<>(pending.size() + 1);
        boolean found = false;
        for (Slice s : pending) {
            if (!found && s.isSamePartAs(part)) {
                found = true;
                next.addAll(by.apply(s));
            } else {
                next.add(s);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no pending slice " + part + " in " + this);
        }
        return new Checkpoint(window, next);
    }
}
