package io.moselle.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * How far one windowed stream of one tenant has got: the window being read and the last id
 * delivered in it, and the end of the last window read to the end. Immutable.
 *
 * @param pending the window being read, or null when none is
 * @param lastId the last id delivered in {@code pending} (0 before the first page)
 * @param completedUpTo the end of the last window read completely, or null before the first one
 */
public record Checkpoint(Window pending, long lastId, Instant completedUpTo) {

    /** The state of a tenant never synced. */
    public static Checkpoint initial() {
        return new Checkpoint(null, 0, null);
    }

    public Optional<Window> pendingWindow() {
        return Optional.ofNullable(pending);
    }

    public Optional<Instant> completedUpToTime() {
        return Optional.ofNullable(completedUpTo);
    }

    /** Reading {@code window}, delivered up to {@code id}. */
    public Checkpoint progress(Window window, long id) {
        return new Checkpoint(window, id, completedUpTo);
    }

    /** {@code window} read to its end. */
    public Checkpoint complete(Window window) {
        Instant upTo = completedUpTo == null || window.to().isAfter(completedUpTo) ? window.to() : completedUpTo;
        return new Checkpoint(null, 0, upTo);
    }
}
