package io.moselle.sync.spi;

import io.moselle.sync.Window;
import java.util.Objects;

/**
 * A part of a {@code modifiedDate} window still to be read, and how far: every record of the
 * window with an id up to {@code lastId} was delivered. Reading goes on with {@code id > lastId}.
 *
 * @param window the part of the window
 * @param lastId the last id delivered in it, 0 before the first page
 */
public record Slice(Window window, long lastId) {
    /** A slice; {@code lastId} must be zero or more. */
    public Slice {
        Objects.requireNonNull(window, "window");
        if (lastId < 0) {
            throw new IllegalArgumentException("lastId must be zero or more, was " + lastId);
        }
    }

    /** A slice not read yet. */
    public static Slice of(Window window) {
        return new Slice(window, 0);
    }

    /** The same slice, delivered up to {@code id}. */
    public Slice after(long id) {
        return new Slice(window, id);
    }
}
