package io.moselle.examples.cli;

import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Window;
import io.moselle.sync.spi.SyncListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Shows a run's progress: on a terminal one line, its counts moving; elsewhere a line as each stream or window starts. */
final class ProgressPrinter implements SyncListener {
    private final PrintStream out;
    private final boolean live;

    /** @param live redraw the current line as counts move (a terminal); else print when a stream ends */
    ProgressPrinter(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    @Override
    public synchronized void streamStarted(String tenantId, SyncStream stream, Optional<Window> window) {
        if (live) {
            out.printf(Locale.ROOT, "\r  %-17s reading%s\u001b[K", name(stream), window.map(w -> " " + w).orElse(""));
            out.flush();
        } else {
            out.printf(Locale.ROOT, "  reading %s%s%n", name(stream), window.map(w -> " " + w).orElse(""));
        }
    }

    @Override
    public synchronized void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
        if (live) {
            out.printf(Locale.ROOT, "\r  %-17s page %,d  %,d records\u001b[K", name(stream), page, fetchedSoFar);
            out.flush();
        }
    }

    @Override
    public synchronized void throttled(String tenantId, SyncStream stream, Duration wait) {
        if (live && wait.toMillis() >= 1_000) {
            out.printf(Locale.ROOT, "\r  %-17s waiting %ds for the rate limit\u001b[K", name(stream), wait.toSeconds());
            out.flush();
        }
    }

    /** The figures are the report's, printed once at the end: here the live line is only cleared. */
    @Override
    public synchronized void streamFinished(String tenantId, StreamReport report) {
        if (live) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }

    static String name(SyncStream stream) {
        return stream.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
