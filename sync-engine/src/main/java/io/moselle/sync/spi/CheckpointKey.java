package io.moselle.sync.spi;

import io.moselle.sync.SyncStream;
import java.util.Objects;

/**
 * Which of a tenant's checkpoints: one per windowed stream for the daily runs, and one per
 * windowed stream for a re-sync, which keeps its own so as not to disturb them.
 *
 * @param stream a windowed stream
 * @param resync whether it is the re-sync's checkpoint
 */
public record CheckpointKey(SyncStream stream, boolean resync) {
    private static final String RESYNC_SUFFIX = ":resync";

    /** A key; {@code stream} must be windowed. */
    public CheckpointKey {
        Objects.requireNonNull(stream, "stream");
        if (!stream.isWindowed()) {
            throw new IllegalArgumentException(stream + " has no checkpoint: it is read whole");
        }
    }

    /** The daily runs' checkpoint of {@code stream}. */
    public static CheckpointKey daily(SyncStream stream) {
        return new CheckpointKey(stream, false);
    }

    /** The re-sync's checkpoint of {@code stream}. */
    public static CheckpointKey resync(SyncStream stream) {
        return new CheckpointKey(stream, true);
    }

    /**
     * The key as a store keeps it: the stream's name, with {@code :resync} for a re-sync's, e.g.
     * {@code SALES_ORDERS} or {@code SALES_ORDERS:resync}. {@link #parse(String)} reads it back.
     */
    public String name() {
        return resync ? stream.name() + RESYNC_SUFFIX : stream.name();
    }

    /**
     * Reads {@link #name()}'s form.
     *
     * @throws IllegalArgumentException naming the text when it is not a checkpoint key
     */
    public static CheckpointKey parse(String name) {
        boolean resync = name.endsWith(RESYNC_SUFFIX);
        String stream = resync ? name.substring(0, name.length() - RESYNC_SUFFIX.length()) : name;
        try {
            return new CheckpointKey(SyncStream.valueOf(stream), resync);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a checkpoint key: \"" + name + "\" (expected a windowed stream such as SALES_ORDERS,"
                    + " or SALES_ORDERS:resync)", e);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
