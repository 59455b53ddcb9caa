package io.moselle.sync.internal;

import io.moselle.sync.Window;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A read of one stream that fetches a page at a time: before each page the run must allow the
 * call, and before the first the stream's listener hears that the read starts.
 */
public abstract class PageRead implements ParallelReads.Read {
    final StreamRun s;
    private boolean started;
    /** The request in flight, if any: what {@link #abandon} gives up. */
    private CompletableFuture<?> request;

    PageRead(StreamRun s) {
        this.s = s;
    }

    @Override
    public final StreamRun stream() {
        return s;
    }

    @Override
    public final CompletableFuture<BooleanSupplier> next(RunLoop loop) {
        s.checkMayCall();
        if (!started) {
            started = true;
            if (announces()) {
                s.started(window());
            }
        }
        return nextPage(loop);
    }

    @Override
    public final void abandon() {
        if (request != null) {
            request.cancel(false);
        }
    }

    /** Asks for the next page; the future completes with what delivers it and says whether the read goes on. */
    abstract CompletableFuture<BooleanSupplier> nextPage(RunLoop loop);

    /** {@code page}, the request now in flight, delivered by {@code deliver} once answered, which says whether the read goes on. */
    final <P> CompletableFuture<BooleanSupplier> deliver(CompletableFuture<P> page, Predicate<P> deliver) {
        request = page;
        return page.thenApply(answer -> () -> deliver.test(answer));
    }

    /** The part of the window read; empty for a snapshot. */
    Optional<Window> window() {
        return Optional.empty();
    }

    /** Whether this read starts a part of the stream worth telling the listener about. */
    boolean announces() {
        return true;
    }
}
