package io.moselle.sync;

/** What kind of run a report is of. */
public enum RunMode {
    /** A run that read the initial history of at least one windowed stream, never synced before. */
    FIRST,
    /** A run that read each windowed stream on from its checkpoint. */
    DAILY,
    /** A re-sync: history read again from a given date, on checkpoints of its own. */
    RESYNC
}
