package io.moselle.sync.internal;

import io.moselle.sync.Window;
import java.util.Optional;

/**
 * A read of one stream that fetches a page at a time: before each page the run must allow the
 * call, and before the first the stream's listener hears that the read starts.
 */
public abstract class PageRead implements ParallelReads.Read {
    final StreamRun s;
    private boolean started;

    PageRead(StreamRun s) {
        this.s = s;
    }

    @Override
    public final StreamRun stream() {
        return s;
    }

    @Override
    public final boolean next() {
        s.checkMayCall();
        if (!started) {
            started = true;
            if (announces()) {
                s.started(window());
            }
        }
        return nextPage();
    }

    /** Fetches, maps and delivers the next page; false when the read is done. */
    abstract boolean nextPage();

    /** The part of the window read; empty for a snapshot. */
    Optional<Window> window() {
        return Optional.empty();
    }

    /** Whether this read starts a part of the stream worth telling the listener about. */
    boolean announces() {
        return true;
    }
}
