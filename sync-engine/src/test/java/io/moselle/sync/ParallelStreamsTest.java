package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.FaultKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A tenant's reads side by side: same results, the sink still called one at a time, cancel and crashes still safe. */
class ParallelStreamsTest {

    @Test
    void aParallelRunDeliversWhatASequentialOneDoesAndTheSinkIsNeverCalledConcurrently() {
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger held = new AtomicInteger();
            java.util.concurrent.Semaphore arrivals = new java.util.concurrent.Semaphore(0);
            f.sink.failWhen = b -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                arrivals.release();
                if (held.incrementAndGet() <= 6) {
                    // hold the call open until another call arrives, or a moment has passed: without the engine's
                    // sink lock, another stream's batch would come in meanwhile
                    try {
                        arrivals.tryAcquire(2, 300, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                inFlight.decrementAndGet();
                return false;
            };
            SyncEngine parallel = f.engine(b -> b.parallelism(4));
            SyncReport report = parallel.run(f.tenant);
            assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(report.streams()).extracting(StreamReport::stream).containsExactly(SyncStream.values());
            assertThat(most.get()).isEqualTo(1);
            assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));

            f.nextDay();
            f.sim.clearJournal();
            SyncReport daily = parallel.run(f.tenant);
            assertThat(daily.status()).isEqualTo(SyncStatus.SUCCEEDED);
            long minimum = daily.streams().stream().mapToLong(s -> s.fetched() / 250 + 1).sum();
            assertThat(f.journal()).as("a daily run reads no more pages than one at a time would").hasSize((int) minimum);
            assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
        }
    }

    @Test
    void aDailyRunTakesAPooledThreadOnlyForEachReadBeyondTheCallingThreadsAndAFirstRunMoreAsItSplits() {
        try (EngineFixture f = new EngineFixture(DatasetSpec.demo(EngineFixture.NOW))) {
            AtomicInteger tasks = new AtomicInteger();
            ExecutorService pool = Executors.newCachedThreadPool();
            java.util.concurrent.Executor counting = task -> {
                tasks.incrementAndGet();
                pool.execute(task);
            };
            SyncEngine engine = f.engine(b -> b.parallelism(16).executor(counting));
            try {
                assertThat(engine.run(f.tenant).status()).isEqualTo(SyncStatus.SUCCEEDED);
                int firstRun = tasks.getAndSet(0);
                f.nextDay();
                assertThat(engine.run(f.tenant).status()).isEqualTo(SyncStatus.SUCCEEDED);
                // products, stock and three windowed streams: the calling thread reads one, four pooled workers the others
                assertThat(tasks.get()).as("pooled workers of a daily run").isEqualTo(4);
                assertThat(firstRun).as("a first run's slices and stock readers ask for more").isGreaterThan(4)
                        .isLessThanOrEqualTo(2 * 15);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(EngineFixture.CrashPoint.class)
    void anAbandonedParallelRunResumedLeavesTheSinkAsAnUninterruptedRun(EngineFixture.CrashPoint point) {
        RecordingSink.State uninterrupted = EngineFixture.uninterruptedRun(DatasetSpec.small(EngineFixture.NOW));
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            assertThat(f.crashAtEachPointInTurn(f.engine(b -> b.parallelism(4)), point)).isGreaterThanOrEqualTo(point.minimum());
            assertThat(f.sink.state("acme")).isEqualTo(uninterrupted);
        }
    }

    @Test
    void cancellingAParallelRunStopsEveryStream() throws Exception {
        Duration requestTimeout = Duration.ofSeconds(3);
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            SyncEngine engine = f.engine(b -> b.parallelism(4).clientOptions(f.clientOptions(requestTimeout)));
            CountDownLatch inFlight = new CountDownLatch(1);
            AtomicBoolean once = new AtomicBoolean();
            f.sim.beforeEachRequest((n, resource, query, data) -> {
                if (resource.equals("v1/SalesOrders") && once.compareAndSet(false, true)) {
                    f.sim.injectFaults(FaultKind.SLOW_REPLY, FaultKind.SLOW_REPLY, FaultKind.SLOW_REPLY, FaultKind.SLOW_REPLY);
                    inFlight.countDown();
                }
            });
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                CompletableFuture<SyncReport> run = engine.runAsync(f.tenant, pool);
                assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(engine.cancel("acme")).isTrue();
                SyncReport report = run.get(requestTimeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
                assertThat(report.status()).isEqualTo(SyncStatus.CANCELLED);
                assertThat(report.stream(SyncStream.SALES_ORDERS).orElseThrow().status()).isEqualTo(SyncStatus.CANCELLED);
            } finally {
                pool.shutdownNow();
            }
            SyncReport again = engine.run(f.tenant);
            assertThat(again.status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant, again.startedAt()));
        }
    }

    @Test
    void parallelismIsValidated() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncEngine.builder().parallelism(17))
                .hasMessageContaining("parallelism must be between 1 and 16, was 17");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncEngine.builder().parallelism(0))
                .hasMessageContaining("parallelism must be between 1 and 16, was 0");
    }
}
