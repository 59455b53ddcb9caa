package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.FaultKind;
import io.moselle.cin7.client.Sleeper;
import io.moselle.cin7.simulator.Latency;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.sync.spi.SyncListener;
import io.moselle.sync.spi.UniformSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** Threads alive now that were not in {@code before}, the simulator's own (Jetty's) left out. */
    private static List<Thread> threadsSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive()
                && !t.getName().startsWith("qtp") && !t.getName().startsWith("Connector-Scheduler")).toList();
    }

    /** The most requests in flight at once, from when each was answered and how long it took (nanoTime). */
    private static int mostAtOnce(List<long[]> answered) {
        TreeMap<Long, Integer> changes = new TreeMap<>();
        for (long[] request : answered) {
            changes.merge(request[0] - request[1], 1, Integer::sum);
            changes.merge(request[0], -1, Integer::sum);
        }
        int now = 0;
        int most = 0;
        for (int change : changes.values()) {
            now += change;
            most = Math.max(most, now);
        }
        return most;
    }

    @Test
    void manyTenantsAtOnceTakeNoThreadForTheRequestsTheyHaveInFlight() throws Exception {
        int tenants = 20;
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW),
                clock -> SimulatorOptions.unlimited().withLatency(Latency.perPage(Duration.ofMillis(200), 0, 1)))) {
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            AtomicInteger most = new AtomicInteger();
            Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
            AtomicInteger pages = new AtomicInteger();
            List<long[]> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
            SyncEngine engine = f.engine(b -> b.parallelism(16).pacing(Clock.systemUTC(), Sleeper.system()).syncListener(new SyncListener() {
                @Override
                public void requestCompleted(String tenantId, SyncStream stream, Cin7Request request) {
                    answered.add(new long[] {System.nanoTime(), request.latency().toNanos()});
                }

                @Override
                public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
                    if (pages.incrementAndGet() % 5 == 0) {
                        List<Thread> now = threadsSince(before);
                        if (most.getAndAccumulate(now.size(), Math::max) < now.size()) {
                            names.clear();
                            now.forEach(t -> names.add(t.getName()));
                        }
                    }
                }
            }));
            ExecutorService hosts = Executors.newFixedThreadPool(tenants);
            try {
                List<Future<SyncReport>> runs = new ArrayList<>();
                for (int i = 1; i <= tenants; i++) {
                    Tenant tenant = Tenant.of("tenant-" + i, f.sim.credentials(), f.tenant.settings());
                    runs.add(hosts.submit(() -> engine.run(tenant)));
                }
                for (Future<SyncReport> run : runs) {
                    assertThat(run.get(2, TimeUnit.MINUTES).status()).isEqualTo(SyncStatus.SUCCEEDED);
                }
            } finally {
                hosts.shutdownNow();
                engine.close();
            }
            int atOnce = mostAtOnce(answered);
            assertThat(atOnce).as("requests in flight at once, all tenants together").isGreaterThan(2 * tenants);
            assertThat(most.get()).as("threads beyond the simulator's, with " + atOnce + " requests in flight at once: " + names)
                    .isLessThanOrEqualTo(tenants + 8);
        }
    }

    /**
     * Runs compute with one of the engine's permits, as many as the machine has cores; a sink call
     * waits on the host's I/O and gives its permit back meanwhile. Were it kept, tenants whose
     * database is stuck would hold every permit and stop every other tenant.
     */
    @Test
    void tenantsWhoseSinkIsStuckHoldNoneOfTheEnginesCores() throws Exception {
        int stuckTenants = Runtime.getRuntime().availableProcessors();
        CountDownLatch unstick = new CountDownLatch(1);
        AtomicInteger stuckInSink = new AtomicInteger();
        UniformSink sink = new UniformSink() {
            @Override
            public <R, K> void write(SyncBatch<R, K> batch) throws InterruptedException {
                if (batch.tenantId().startsWith("stuck-") && batch.stream() == SyncStream.SALES_ORDERS) { // a page read in parallel
                    stuckInSink.incrementAndGet();
                    assertThat(unstick.await(2, TimeUnit.MINUTES)).isTrue();
                }
            }

            @Override
            public <R, K> void retainOnly(Snapshot<R, K> snapshot) {
            }

            @Override
            public void productsComplete(Snapshot<io.moselle.mapping.Product, String> snapshot) {
            }
        };
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            SyncEngine engine = f.engine(b -> b.sink(sink).parallelism(4));
            ExecutorService hosts = Executors.newFixedThreadPool(stuckTenants + 1);
            try {
                List<Future<SyncReport>> stuck = new ArrayList<>();
                for (int i = 1; i <= stuckTenants; i++) {
                    Tenant tenant = Tenant.of("stuck-" + i, f.sim.credentials(), f.tenant.settings());
                    stuck.add(hosts.submit(() -> engine.run(tenant)));
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                while (stuckInSink.get() < stuckTenants) {
                    assertThat(System.nanoTime()).as("every stuck tenant reached its sink").isLessThan(deadline);
                    Thread.onSpinWait();
                }
                Tenant free = Tenant.of("free", f.sim.credentials(), f.tenant.settings());
                assertThat(hosts.submit(() -> engine.run(free)).get(1, TimeUnit.MINUTES).status())
                        .as("a tenant's run while " + stuckTenants + " others wait on their sink").isEqualTo(SyncStatus.SUCCEEDED);
                unstick.countDown();
                for (Future<SyncReport> run : stuck) {
                    assertThat(run.get(1, TimeUnit.MINUTES).status()).isEqualTo(SyncStatus.SUCCEEDED);
                }
            } finally {
                unstick.countDown();
                hosts.shutdownNow();
                engine.close();
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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncEngine.builder().parallelism(65))
                .hasMessageContaining("parallelism must be between 1 and 64, was 65");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncEngine.builder().parallelism(0))
                .hasMessageContaining("parallelism must be between 1 and 64, was 0");
    }
}
