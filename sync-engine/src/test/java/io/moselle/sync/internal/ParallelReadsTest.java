package io.moselle.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Reads run side by side, as many requests in flight as the requests to keep in flight say at
 * each moment, on the run's one thread: the test plays Cin7, answering one request at a time.
 */
class ParallelReadsTest {
    /** A request asked for by a read. */
    private record Asked(Read read, CompletableFuture<BooleanSupplier> page) {}

    /** Requests asked for and not answered yet, in the order asked. */
    private final BlockingQueue<Asked> unanswered = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** The requests to spare each read was offered after a page, in order. */
    private final BlockingQueue<Integer> spares = new LinkedBlockingQueue<>();
    private final Set<Read> abandoned = ConcurrentHashMap.newKeySet();

    /** A read of {@code pages} pages, each asked for and then answered when the test says. */
    private final class Read implements ParallelReads.Read {
        private final AtomicInteger pagesLeft;

        Read(int pages) {
            this.pagesLeft = new AtomicInteger(pages);
        }

        @Override
        public StreamRun stream() {
            return null;
        }

        @Override
        public CompletableFuture<BooleanSupplier> next(RunLoop loop) {
            threads.add(Thread.currentThread());
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<BooleanSupplier> page = new CompletableFuture<>();
            unanswered.add(new Asked(this, page));
            return page;
        }

        @Override
        public void abandon() {
            abandoned.add(this);
        }

        @Override
        public List<ParallelReads.Read> split(int spare) {
            spares.add(spare);
            return List.of();
        }

        BooleanSupplier delivery() {
            return () -> {
                threads.add(Thread.currentThread());
                return pagesLeft.decrementAndGet() > 0;
            };
        }
    }

    /** Waits until {@code expected} requests are in flight, then answers {@code n} of them, oldest first, one at a time. */
    private void answer(int n, int expected) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            awaitInFlight(expected);
            Asked asked = unanswered.poll(10, TimeUnit.SECONDS);
            assertThat(asked).as("a request in flight").isNotNull();
            inFlight.decrementAndGet();
            asked.page().complete(asked.read().delivery());
        }
    }

    private void awaitInFlight(int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (inFlight.get() != expected) {
            assertThat(System.nanoTime()).as("waited ten seconds for " + expected + " requests in flight, " + inFlight + " are")
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void asManyRequestsAreInFlightAsTheRequestsToKeepInFlightSayNowAllOnTheRunsThread() throws Exception {
        AtomicInteger wanted = new AtomicInteger(3);
        List<Read> reads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            reads.add(new Read(5));
        }
        Thread run = new Thread(() -> new ParallelReads(wanted::get, new RunControl(Thread.currentThread()), (read, e) -> { }, new CpuPermits(1))
                .run(reads), "run");
        run.start();
        try {
            answer(6, 3);
            awaitInFlight(3); // the last answer's read asked again
            assertThat(peak).as("never more than 3 while 3 are wanted").hasValue(3);

            wanted.set(7); // Cin7 got slower
            answer(1, 3);
            answer(6, 7);
            awaitInFlight(7);
            assertThat(peak).hasValue(7);

            wanted.set(2); // and faster again: no new request until fewer than two are in flight
            for (int expected = 7; expected > 2; expected--) {
                answer(1, expected);
            }
            peak.set(0);
            answer(8, 2);
            assertThat(peak).as("never more than 2 once 2 are wanted").hasValue(2);
        } finally {
            finish(run, wanted);
        }
        assertThat(threads).as("asked and delivered on the run's thread alone").extracting(Thread::getName).containsOnly("run");
    }

    @Test
    void aReadThatGoesOnIsOfferedTheRequestsInFlightThatNoReadUses() throws Exception {
        AtomicInteger wanted = new AtomicInteger(2);
        List<Read> reads = List.of(new Read(3), new Read(3), new Read(3), new Read(3));
        Thread run = new Thread(() -> new ParallelReads(wanted::get, new RunControl(Thread.currentThread()), (read, e) -> { }, new CpuPermits(1))
                .run(reads), "run");
        run.start();
        try {
            awaitInFlight(2);
            Asked first = unanswered.poll(10, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
            first.page().complete(() -> {
                wanted.set(8); // Cin7 got slower: 8 wanted, one in flight besides this read, two reads waiting
                return true;
            });
            assertThat(spares.poll(10, TimeUnit.SECONDS)).as("8 wanted - 1 in flight - 2 waiting - the read itself").isEqualTo(4);
        } finally {
            finish(run, wanted);
        }
    }

    @Test
    void aStoppedRunAbandonsTheRequestsInFlightAndReturns() throws Exception {
        List<Read> reads = List.of(new Read(5), new Read(5), new Read(5));
        AtomicReference<RunControl> control = new AtomicReference<>();
        Thread run = new Thread(() -> {
            control.set(new RunControl(Thread.currentThread()));
            new ParallelReads(() -> 2, control.get(), (read, e) -> { }, new CpuPermits(1)).run(reads);
        }, "run");
        run.start();
        try {
            awaitInFlight(2);
            control.get().cancel();
            run.join(Duration.ofSeconds(10).toMillis());
            assertThat(run.isAlive()).as("the run returned").isFalse();
            assertThat(abandoned).as("the two in flight, not the one never asked").containsExactlyInAnyOrder(reads.get(0), reads.get(1));
        } finally {
            finish(run, new AtomicInteger());
        }
    }

    /** Answers whatever is asked until the run has ended. */
    private void finish(Thread run, AtomicInteger wanted) throws InterruptedException {
        wanted.set(100);
        while (run.isAlive()) {
            Asked asked = unanswered.poll(10, TimeUnit.MILLISECONDS);
            if (asked != null) {
                inFlight.decrementAndGet();
                asked.page().complete(() -> false);
            }
        }
    }
}
