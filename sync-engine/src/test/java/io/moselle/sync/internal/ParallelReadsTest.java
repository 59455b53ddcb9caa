package io.moselle.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads run side by side, as many as the requests to keep in flight say at each moment. */
class ParallelReadsTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    /** One permit lets one page of a read end. */
    private final Semaphore pageEnds = new Semaphore(0);
    private final AtomicInteger reading = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    @AfterEach
    void stop() throws InterruptedException {
        pageEnds.release(1_000);
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** A read of {@code pages} pages, each of which ends when the test lets it. */
    private final class GatedRead implements ParallelReads.Read {
        private int pagesLeft;

        GatedRead(int pages) {
            this.pagesLeft = pages;
        }

        @Override
        public StreamRun stream() {
            return null;
        }

        @Override
        public boolean next() {
            peak.accumulateAndGet(reading.incrementAndGet(), Math::max);
            try {
                pageEnds.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                reading.decrementAndGet();
            }
            return --pagesLeft > 0;
        }
    }

    /** Waits until {@code condition} holds; fails after ten seconds. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited ten seconds for: " + what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Lets {@code n} pages end, one after the other, each once the reads are back to {@code expected} pages at once. */
    private void endPages(int n, int expected) {
        for (int i = 0; i < n; i++) {
            pageEnds.release();
            await(expected + " pages at once", () -> reading.get() == expected && pageEnds.availablePermits() == 0);
        }
    }

    @Test
    void asManyPagesAreReadAtOnceAsTheRequestsToKeepInFlightSayNow() throws Exception {
        AtomicInteger inFlight = new AtomicInteger(3);
        List<ParallelReads.Read> reads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            reads.add(new GatedRead(5));
        }
        Thread caller = new Thread(() -> new ParallelReads(inFlight::get, pool, new RunControl(Thread.currentThread()), (read, e) -> {})
                .run(reads));
        caller.start();
        try {
            await("3 pages at once", () -> reading.get() == 3);
            endPages(6, 3);
            assertThat(peak).as("never more than 3 while 3 are wanted").hasValue(3);

            inFlight.set(7); // Cin7 got slower
            endPages(1, 7);
            endPages(6, 7);
            assertThat(peak).hasValue(7);

            inFlight.set(2); // and faster again: workers beyond the two end after their page
            for (int i = 0; i < 5; i++) {
                pageEnds.release();
            }
            await("2 pages at once", () -> reading.get() == 2 && pageEnds.availablePermits() == 0);
            await("pooled workers beyond the two ended", () -> ((ThreadPoolExecutor) pool).getActiveCount() <= 2);
            peak.set(0);
            endPages(8, 2);
            assertThat(peak).as("never more than 2 once 2 are wanted").hasValue(2);
        } finally {
            pageEnds.release(1_000);
            caller.join(10_000);
        }
        assertThat(caller.isAlive()).as("every read ran to its end").isFalse();
    }
}
