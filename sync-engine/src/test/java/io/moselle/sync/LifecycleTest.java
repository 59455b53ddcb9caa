package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.sync.spi.SyncListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An engine's life: the threads it starts, and what closing it does to them and to runs under way. */
class LifecycleTest {
    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW));

    @AfterEach
    void close() {
        f.close();
    }

    /**
     * The threads alive now that neither this test's JVM had before nor the simulator or the JDK's
     * HTTP client own: Jetty's pool ({@code qtp}) serves the simulator and grows with load, and the
     * JDK's client ({@code HttpClient-}) is shared by every client of the process.
     */
    private static Set<Thread> startedSince(Set<Thread> before) {
        Set<Thread> now = new HashSet<>(Thread.getAllStackTraces().keySet());
        now.removeAll(before);
        now.removeIf(t -> !t.isAlive() || t.getName().startsWith("qtp") || t.getName().startsWith("HttpClient-"));
        return now;
    }

    @Test
    void closingStopsEveryThreadTheEngineStartedRefusesNewRunsAndIsIdempotent() {
        f.engine(b -> b).run(f.tenant); // the simulator's and the HTTP client's threads exist before counting
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        SyncEngine engine = f.engine(b -> b.parallelism(4));

        assertThat(engine.run(f.tenant).status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(startedSince(before)).as("the engine's threads: lease renewals and parallel reads").isNotEmpty()
                .allSatisfy(t -> assertThat(t.getName()).startsWith("moselle-sync-"));

        engine.close();

        assertThat(startedSince(before)).as("threads left after close()").isEmpty();
        assertThatThrownBy(() -> engine.run(f.tenant)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> engine.testConnection(f.tenant)).isInstanceOf(IllegalStateException.class);
        engine.close();
        assertThat(startedSince(before)).isEmpty();
    }

    @Test
    void closingCancelsARunUnderWayAndReturnsOnceItHasEnded() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        AtomicBoolean blocked = new AtomicBoolean();
        AtomicReference<SyncReport> finished = new AtomicReference<>();
        SyncEngine engine = f.engine(b -> b.syncListener(new SyncListener() {
            @Override
            public void runFinished(SyncReport report) {
                finished.set(report);
            }

            @Override
            public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
                if (blocked.compareAndSet(false, true)) {
                    inRun.countDown();
                    try {
                        new CountDownLatch(1).await(); // until close() cancels the run, which interrupts it
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }));
        ExecutorService host = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<SyncReport> run = CompletableFuture.supplyAsync(() -> engine.run(f.tenant), host);
            inRun.await();

            engine.close();

            assertThat(finished.get()).as("close() returns once the run has ended").isNotNull()
                    .extracting(SyncReport::status).isEqualTo(SyncStatus.CANCELLED);
            assertThat(run.join().status()).isEqualTo(SyncStatus.CANCELLED);
            assertThat(engine.isRunning(f.tenant.id())).isFalse();
        } finally {
            host.shutdownNow();
        }
    }

    @Test
    void everyRunIsToldFromStartToEndWithItsModeAndEveryRequest() {
        List<String> heard = new ArrayList<>();
        List<Cin7Request> requests = new ArrayList<>();
        SyncEngine engine = f.engine(b -> b.syncListener(new SyncListener() {
            @Override
            public synchronized void runStarted(String tenantId, RunMode mode) {
                heard.add("started " + tenantId + " " + mode);
            }

            @Override
            public synchronized void requestCompleted(String tenantId, SyncStream stream, Cin7Request request) {
                requests.add(request);
            }

            @Override
            public synchronized void runFinished(SyncReport report) {
                heard.add("finished " + report.tenantId() + " " + report.mode() + " " + report.status());
            }
        }));

        SyncReport first = engine.run(f.tenant);
        f.nextDay();
        SyncReport daily = engine.run(f.tenant);

        assertThat(heard).containsExactly("started acme FIRST", "finished acme FIRST SUCCEEDED", "started acme DAILY",
                "finished acme DAILY SUCCEEDED");
        assertThat(first.mode()).isEqualTo(RunMode.FIRST);
        assertThat(requests).as("one event per request sent").hasSize((int) (first.apiCalls() + daily.apiCalls()))
                .allSatisfy(r -> {
                    assertThat(r.status()).hasValue(200);
                    assertThat(r.attempt()).isEqualTo(1);
                    assertThat(r.latency().isNegative()).isFalse();
                    assertThat(r.path()).startsWith("v1/").doesNotContain(f.tenant.credentials().apiKey());
                });
    }
}
