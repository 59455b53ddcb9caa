package io.moselle.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * A range of {@code modifiedDate}: {@code from <= modifiedDate < to}, whole seconds in UTC.
 *
 * @param from inclusive
 * @param to exclusive
 */
public record Window(Instant from, Instant to) {
    /** A window; both ends are required (a window whose {@code from} is not before its {@code to} is empty). */
    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Whether the window holds no instant. */
    public boolean isEmpty() {
        return !from.isBefore(to);
    }

    /** The part of this window before {@code instant} (empty when it starts at or after it). */
    public Window before(Instant instant) {
        return to.isAfter(instant) ? new Window(from, from.isAfter(instant) ? from : instant) : this;
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
