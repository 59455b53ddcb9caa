package io.moselle.sync.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Runs reads of one run page by page, as many pages in flight at once as {@code inFlight} says
 * now (the requests that keep the connection's limits busy at the latency measured, within the
 * engine's cap), all on the calling thread: a request waiting for its slot or for Cin7 holds no
 * thread, and its answer comes back to the run's {@link RunLoop}, which delivers one page at a
 * time. A read goes back to the front of the queue after each page, so reads run to their end
 * in the order given (newer history before older), as many side by side as requests are wanted
 * in flight. After each page a read may split off reads of parts of what it has left, at most as
 * many as requests in flight are to spare, and only where its data says each part has pages to
 * read.
 *
 * <p>A read that fails is handed to the failure handler (which fails its stream, or stops the
 * run) and is not run again; the other reads, of its stream too, go on. When the run stops (the
 * engine stops it, or the host interrupts its thread), no more requests are sent, the requests
 * in flight are abandoned (their answers are closed unread) and {@link #run} returns; a host's
 * interrupt stays set.
 */
public final class ParallelReads {
    /** A chain of pages: a slice of a window, a snapshot, or a helper reading pages of one. */
    interface Read {
        /** The stream the read is part of. */
        StreamRun stream();

        /**
         * Asks for the next page; the future completes on {@code loop} with what delivers that
         * page and says whether the read goes on, which the loop runs only while the run does.
         *
         * @throws RuntimeException when the run must not call, or the request cannot be made
         */
        CompletableFuture<BooleanSupplier> next(RunLoop loop);

        /** Gives up the request in flight: its answer, if it comes, is closed unread. */
        void abandon();

        /**
         * Parts of what is left, as reads of their own, at most {@code spare} (requests the run
         * could keep in flight and has no read for), and only when each part has pages to read:
         * a part whose first answer would be empty is a call wasted. Usually none.
         */
        default List<Read> split(int spare) {
            return List.of();
        }
    }

    /** What to do with a read that threw. */
    interface FailureHandler {
        void failed(Read read, RuntimeException e);
    }

    private final IntSupplier inFlight;
    private final RunControl control;
    private final FailureHandler onFailure;
    private final Deque<Read> queue = new ArrayDeque<>();
    private final Set<Read> asking = new LinkedHashSet<>();
    private final RunLoop loop;

    /**
     * @param inFlight how many requests to keep in flight now, at least 1; asked after each page
     * @param cpu the permits the run's steps compute with
     */
    ParallelReads(IntSupplier inFlight, RunControl control, FailureHandler onFailure, CpuPermits cpu) {
        this.inFlight = inFlight;
        this.control = control;
        this.onFailure = onFailure;
        this.loop = new RunLoop(cpu);
    }

    /** Runs {@code reads} to their end, or until the run stops. */
    void run(List<? extends Read> reads) {
        queue.addAll(reads);
        try {
            while (true) {
                while (!control.isStopped() && !queue.isEmpty() && asking.size() < target()) {
                    ask(queue.pollFirst());
                }
                if (asking.isEmpty() || control.isStopped()) {
                    return;
                }
                loop.runNext();
            }
        } catch (InterruptedException e) {
            if (!control.isStoppedByEngine()) {
                Thread.currentThread().interrupt(); // the host's: it stays set, and stops the run
            }
        } finally {
            asking.forEach(Read::abandon);
            loop.close();
        }
    }

    /** Requests to keep in flight now. */
    private int target() {
        return Math.max(1, inFlight.getAsInt());
    }

    private void ask(Read read) {
        CompletableFuture<BooleanSupplier> page;
        try {
            page = read.next(loop);
        } catch (RuntimeException e) {
            onFailure.failed(read, e);
            return;
        }
        asking.add(read);
        page.whenCompleteAsync((deliver, failure) -> answered(read, deliver, failure), loop);
    }

    /** On the loop: delivers the read's page, or hands its failure over, and queues what goes on. */
    private void answered(Read read, BooleanSupplier deliver, Throwable failure) {
        asking.remove(read);
        boolean more = false;
        try {
            if (failure != null) {
                throw unchecked(failure);
            }
            more = !control.isStopped() && deliver.getAsBoolean();
        } catch (RuntimeException e) {
            onFailure.failed(read, e);
        }
        if (more) {
            List<Read> parts = read.split(Math.max(0, target() - asking.size() - queue.size() - 1));
            for (int i = parts.size() - 1; i >= 0; i--) {
                queue.addFirst(parts.get(i));
            }
            queue.addFirst(read);
        }
    }

    /** The failure a future completed with, as it was thrown. */
    private static RuntimeException unchecked(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }
}
