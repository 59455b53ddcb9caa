package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.FaultKind;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.spi.CheckpointKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrencyAndCancellationTest {

    @Test
    void fiftyTenantsRunAtOnceAndEachSinkGetsOnlyItsOwnRecords() throws Exception {
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            List<Tenant> tenants = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Credentials credentials = Credentials.of("tenant-" + i, "key-" + i);
                f.sim.addAccount(credentials, DatasetSpec.small(EngineFixture.NOW).withSeed(100 + i));
                tenants.add(Tenant.of("tenant-" + i, credentials, Cin7Settings.defaults()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                List<CompletableFuture<SyncReport>> runs = tenants.stream().map(t -> f.engine.runAsync(t, pool)).toList();
                for (CompletableFuture<SyncReport> run : runs) {
                    assertThat(run.get(120, TimeUnit.SECONDS).status()).isEqualTo(SyncStatus.SUCCEEDED);
                }
            } finally {
                pool.shutdownNow();
            }
            for (Tenant t : tenants) {
                assertThat(f.sink.state(t.id())).as(t.id()).isEqualTo(f.expected(t));
            }
            assertThat(f.sink.batches).allSatisfy(b -> assertThat(b.tenantId()).startsWith("tenant-"));
            assertThat(f.journal()).filteredOn(e -> e.username().equals("tenant-7")).hasSizeGreaterThan(5)
                    .allMatch(e -> e.status() == 200);
        }
    }

    @Test
    void cancellingStopsWithinOneRequestTimeoutAndLeavesAConsistentCheckpoint() throws Exception {
        Duration requestTimeout = Duration.ofSeconds(3);
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            f.engine = f.engine(b -> b.clientOptions(f.clientOptions(requestTimeout)));
            CountDownLatch inFlight = new CountDownLatch(1);
            AtomicBoolean once = new AtomicBoolean();
            f.sim.beforeEachRequest((n, resource, query, data) -> {
                if (resource.equals("v1/SalesOrders") && query.get("where").endsWith("id>250") && once.compareAndSet(false, true)) {
                    f.sim.injectFaults(FaultKind.SLOW_REPLY);
                    inFlight.countDown();
                }
            });
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                CompletableFuture<SyncReport> run = f.engine.runAsync(f.tenant, pool);
                assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();
                long start = System.nanoTime();
                assertThat(f.engine.cancel("acme")).isTrue();
                SyncReport report = run.get(requestTimeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(requestTimeout.plusSeconds(1));
                assertThat(report.status()).isEqualTo(SyncStatus.CANCELLED);
                assertThat(report.stream(SyncStream.SALES_ORDERS).orElseThrow().status()).isEqualTo(SyncStatus.CANCELLED);
                assertThat(report.stream(SyncStream.PURCHASE_ORDERS).orElseThrow().status()).isEqualTo(SyncStatus.CANCELLED);
                assertThat(f.engine.isRunning("acme")).isFalse();
                assertThat(f.engine.cancel("acme")).isFalse();
            } finally {
                pool.shutdownNow();
            }
            assertThat(EngineFixture.lastId(f.checkpoints.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow())).isPositive();
            SyncReport again = f.engine.run(f.tenant);
            assertThat(again.status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
        }
    }

    @Test
    void interruptingTheRunningThreadCancelsToo() throws Exception {
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            f.sink.failWhen = b -> {
                if (b.type() == RecordType.PRODUCT) {
                    Thread.currentThread().interrupt();
                }
                return false;
            };
            SyncReport report = f.engine.run(f.tenant);
            assertThat(Thread.interrupted()).as("the host's interrupt is left for the host").isTrue();
            assertThat(report.status()).isEqualTo(SyncStatus.CANCELLED);
            assertThat(report.stream(SyncStream.STOCK).orElseThrow().status()).isEqualTo(SyncStatus.CANCELLED);
        }
    }

    @Test
    void tenantsOfOneApiConnectionShareItsLimiterAndOthersHaveTheirOwn() {
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            Credentials other = Credentials.of("other-connection", "key-2");
            f.sim.addAccount(other, DatasetSpec.small(EngineFixture.NOW).withSeed(9));
            SyncEngine paced = f.engine(b -> b.rateLimits(io.moselle.cin7.client.RateLimits.of(1, 60).withMargin(Duration.ZERO)));
            Tenant first = f.tenant.withStreams(java.util.EnumSet.of(SyncStream.BRANCHES));
            Tenant sameConnection = Tenant.of("acme-2", f.tenant.credentials(), Cin7Settings.defaults(), first.streams());
            Tenant otherConnection = Tenant.of("other", other, Cin7Settings.defaults(), first.streams());

            paced.run(first);
            paced.run(otherConnection);
            assertThat(f.clock.sleeps()).as("another connection has a limiter of its own").isEmpty();
            paced.run(sameConnection);
            assertThat(f.clock.sleeps()).as("the same connection waits for the call the first tenant made")
                    .containsExactly(Duration.ofSeconds(1));
        }
    }
}
