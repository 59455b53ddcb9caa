package io.moselle.sync.internal;

import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.Page;
import io.moselle.cin7.client.Where;
import io.moselle.cin7.client.model.Identified;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.WarehouseDirectory;
import io.moselle.sync.Window;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * One windowed stream of a run: its window planned from its checkpoint ({@link WindowPlanner}),
 * cut newest first ({@link SlicePlanner}), then read slice by slice, each by keyset
 * ({@code id > lastId}, {@code id ASC}), several at once when the run allows. Every page is
 * delivered to the sink, then the checkpoint saved. In a long window (a first run's history, a
 * re-sync) a slice whose page came back full is cut by id into parts when the run has requests
 * in flight to spare and the page says each part has pages of its own ({@link SlicePlanner#cuts}):
 * enough to keep the rate limit busy while Cin7 takes seconds a page, each part sized to end with
 * a nearly full page, and no part whose answer would be empty.
 *
 * @param <T> the Cin7 record type
 * @param <R> the Moselle record type
 * @param <K> the Moselle key type
 */
public final class WindowedRead<T extends Identified, R, K> {
    private final StreamRun s;
    private final WindowedSource<T, R, K> source;
    private final Cin7Settings settings;
    private final WarehouseDirectory warehouses;
    private final CheckpointKey checkpointKey;
    private final Instant recentFrom;
    private final boolean longWindow;
    /** The stream's checkpoint, and how many of its slices are still being read; guarded by this. */
    private Checkpoint checkpoint;
    private int unread;

    /**
     * What a stream's windows are planned from.
     *
     * @param key the checkpoint the stream saves its progress under
     * @param saved the checkpoint saved by the last run, or {@link Checkpoint#initial()}
     * @param now the run's "now": the end of the newest window
     * @param resyncFrom the start of a re-sync's window, or null for a daily run
     */
    record Planning(CheckpointKey key, Checkpoint saved, Instant now, Instant resyncFrom) {}

    private WindowedRead(StreamRun s, WindowedSource<T, R, K> source, Cin7Settings settings, WarehouseDirectory warehouses,
            CheckpointKey key, Checkpoint planned, Instant recentFrom) {
        this.s = s;
        this.source = source;
        this.settings = settings;
        this.warehouses = warehouses;
        this.checkpointKey = key;
        this.recentFrom = recentFrom;
        this.checkpoint = SlicePlanner.newestFirst(planned, recentFrom);
        this.unread = checkpoint.pending().size();
        this.longWindow = checkpoint.pending().stream().anyMatch(slice -> !SlicePlanner.isRecent(slice, recentFrom));
    }

    /** Plans the stream's windows from its saved checkpoint, and counts them in its report. */
    static <T extends Identified, R, K> WindowedRead<T, R, K> plan(StreamRun s, WindowedSource<T, R, K> source, Cin7Settings settings,
            WarehouseDirectory warehouses, Planning planning) {
        int lookbackDays = source.lookbackDays(settings);
        Checkpoint planned = WindowPlanner.plan(planning.saved(), planning.now(), planning.resyncFrom(), lookbackDays,
                settings.initialHistoryDays());
        planned.pending().forEach(slice -> s.counters.window(slice.window()));
        return new WindowedRead<>(s, source, settings, warehouses, planning.key(), planned,
                planning.now().minus(Duration.ofDays(lookbackDays)));
    }

    /** Whether there is nothing to read: every window planned was read already. */
    boolean isDone() {
        return unread == 0;
    }

    /** The reads of the recent part's slices, or of the older history's, newest first. */
    synchronized List<ParallelReads.Read> reads(boolean recent) {
        List<ParallelReads.Read> reads = new ArrayList<>();
        for (Slice slice : checkpoint.pending()) {
            if (SlicePlanner.isRecent(slice, recentFrom) == recent) {
                reads.add(new SliceRead(slice));
            }
        }
        return reads;
    }

    /** One slice, read page by page after its last delivered id, up to its highest id. */
    private final class SliceRead extends PageRead {
        /** The slice as read so far: its window, last delivered id and highest id. */
        private Slice part;
        private int pages;
        /** The records of the last page, in the order read; empty unless that page was full. */
        private List<SlicePlanner.Seen> seen = List.of();

        SliceRead(Slice part) {
            super(WindowedRead.this.s);
            this.part = part;
        }

        @Override
        Optional<Window> window() {
            return Optional.of(part.window());
        }

        @Override
        CompletableFuture<BooleanSupplier> nextPage(RunLoop loop) {
            Window window = part.window();
            Where where = Where.field("modifiedDate").atLeast(window.from()).and(Where.field("modifiedDate").before(window.to()));
            if (part.isBounded()) {
                where = where.and(Where.field("id").atMost(part.highestId()));
            }
            return deliver(source.resource().apply(s.client).fetchAsync(ListQuery.builder().where(where).afterId(part.lastId()).build(), loop),
                    this::delivered);
        }

        private boolean delivered(Page<T> page) {
            s.fetched(page, ++pages, p -> {
                List<Outcome<R>> outcomes = new ArrayList<>(p.items().size());
                p.items().forEach(record -> outcomes.add(source.mapping().map(record, settings, warehouses)));
                if (p.items().isEmpty()) {
                    s.delivery.page(s.counters, source.type(), outcomes, checkpointKey, null);
                } else {
                    long last = p.items().get(p.items().size() - 1).id();
                    synchronized (WindowedRead.this) {
                        Checkpoint next = checkpoint.progress(part, last);
                        s.delivery.page(s.counters, source.type(), outcomes, checkpointKey, next);
                        checkpoint = next;
                    }
                    part = part.after(last);
                }
            });
            if (!page.isLast() && part.lastId() < part.highestId()) {
                seen = new ArrayList<>(page.items().size());
                page.items().forEach(record -> seen.add(new SlicePlanner.Seen(record.id(), source.created().apply(record))));
                return true;
            }
            boolean streamDone;
            synchronized (WindowedRead.this) {
                update(c -> c.done(part));
                streamDone = --unread == 0;
            }
            if (streamDone) {
                s.succeeded();
            }
            return false;
        }

        /**
         * After a full page of a long window, with requests in flight to spare: the newer parts
         * of what is left, by id, newest first; this read keeps the oldest.
         */
        @Override
        public List<ParallelReads.Read> split(int spare) {
            List<Long> cuts = longWindow ? SlicePlanner.cuts(part, seen, spare + 1) : List.of();
            seen = List.of();
            if (cuts.isEmpty()) {
                return List.of();
            }
            List<ParallelReads.Read> parts = new ArrayList<>();
            long highest = part.highestId();
            for (int i = cuts.size() - 1; i >= 0; i--) {
                parts.add(new SliceRead(new Slice(part.window(), cuts.get(i), highest)));
                highest = cuts.get(i);
            }
            Slice whole = part;
            synchronized (WindowedRead.this) {
                update(c -> {
                    Checkpoint next = c;
                    Slice rest = whole;
                    for (int i = cuts.size() - 1; i >= 0; i--) {
                        next = next.split(rest, cuts.get(i));
                        rest = new Slice(rest.window(), rest.lastId(), cuts.get(i));
                    }
                    return next;
                });
                unread += cuts.size();
            }
            part = new Slice(part.window(), part.lastId(), cuts.get(0));
            return parts;
        }
    }

    /**
     * Saves the checkpoint changed by {@code change}: one change at a time, as the slices of the
     * stream progress side by side. A page's progress is saved with the page itself.
     */
    private synchronized void update(java.util.function.UnaryOperator<Checkpoint> change) {
        Checkpoint next = change.apply(checkpoint);
        s.delivery.save(checkpointKey, next);
        checkpoint = next;
    }
}
