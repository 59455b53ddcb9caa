package io.moselle.sync.spi;

import io.moselle.sync.Window;
import io.moselle.sync.internal.CheckpointJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * {@code {"window": {"from", "to"}, "pending": [{"from", "to", "lastId"}, ...]}}, instants in
     * UTC. {@link #fromJson(String)} reads it back.
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

    /** The slice of {@code window}, delivered up to {@code id}. */
    public Checkpoint progress(Window slice, long id) {
        return replace(slice, new Slice(slice, id));
    }

    /** The slice of {@code window} read to its end. */
    public Checkpoint done(Window slice) {
        return replace(slice, null);
    }

    /**
     * The pending slice of {@code slice} cut in two at {@code at}: the newer half first, both
     * after the slice's last delivered id.
     */
    public Checkpoint split(Window slice, Instant at) {
        if (!at.isAfter(slice.from()) || !at.isBefore(slice.to())) {
            throw new IllegalArgumentException(at + " is not inside " + slice);
        }
        List<Slice> next = new ArrayList<>(pending.size() + 1);
        boolean found = false;
        for (Slice s : pending) {
            if (s.window().equals(slice)) {
                found = true;
                next.add(new Slice(new Window(at, slice.to()), s.lastId()));
                next.add(new Slice(new Window(slice.from(), at), s.lastId()));
            } else {
                next.add(s);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no pending slice " + slice + " in " + this);
        }
        return new Checkpoint(window, next);
    }

    private Checkpoint replace(Window slice, Slice replacement) {
        List<Slice> next = new ArrayList<>(pending.size());
        boolean found = false;
        for (Slice s : pending) {
            if (s.window().equals(slice)) {
                found = true;
                if (replacement != null) {
                    next.add(replacement);
                }
            } else {
                next.add(s);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no pending slice " + slice + " in " + this);
        }
        return new Checkpoint(window, next);
    }
}
