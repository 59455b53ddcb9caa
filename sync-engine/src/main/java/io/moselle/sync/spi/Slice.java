package io.moselle.sync.spi;

import io.moselle.sync.Window;
import java.util.Objects;

/**
 * A part of a {@code modifiedDate} window still to be read, and how far: every record of the
 * window with an id up to {@code lastId} was delivered. Reading goes on with {@code id > lastId},
 * up to {@code highestId}. A slice of a long window is cut by id while it is read: each part
 * holds the window's records of one range of ids, the newest part every id above the others.
 *
 * @param window the window (or the part of it) the slice reads
 * @param lastId the last id delivered in it, 0 before the first page
 * @param highestId the highest id the slice holds, {@link #UNBOUNDED} for every id after
 *     {@code lastId}
 */
public record Slice(Window window, long lastId, long highestId) {
    /** The {@code highestId} of a slice that holds every id after its {@code lastId}. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    /** A slice; {@code lastId} must be zero or more, and at most {@code highestId}. */
    public Slice {
        Objects.requireNonNull(window, "window");
        if (lastId < 0) {
            throw new IllegalArgumentException("lastId must be zero or more, was " + lastId);
        }
        if (highestId < lastId) {
            throw new IllegalArgumentException("highestId must be at least lastId " + lastId + ", was " + highestId);
        }
    }

    /** A slice of every id after {@code lastId}. */
    public Slice(Window window, long lastId) {
        this(window, lastId, UNBOUNDED);
    }

    /** A slice not read yet. */
    public static Slice of(Window window) {
        return new Slice(window, 0);
    }

    /** The same slice, delivered up to {@code id}. */
    public Slice after(long id) {
        return new Slice(window, id, highestId);
    }

    /** Whether the slice ends at an id: a part cut below a newer one. */
    public boolean isBounded() {
        return highestId != UNBOUNDED;
    }

    /** Whether {@code other} is this slice, however far either was read: the same window and highest id. */
    public boolean isSamePartAs(Slice other) {
        return window.equals(other.window) && highestId == other.highestId;
    }
}
