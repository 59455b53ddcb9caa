package io.moselle.examples.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.cin7.testing.FakeClock;
import io.moselle.mapping.Product;
import io.moselle.mapping.Reason;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.Snapshot;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import io.moselle.sync.spi.CallBudgets;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import io.moselle.sync.spi.UniformSink;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters after real runs against the simulator, read back from a {@code SimpleMeterRegistry}. */
class MicrometerSyncListenerTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    final FakeClock clock = new FakeClock(NOW);
    final Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.small(NOW), SimulatorOptions.unlimited());
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CallBudgets budgets = CallBudgets.perUtcDay(500);
    final Tenant tenant = Tenant.of("acme", sim.credentials(), Cin7Settings.defaults());
    final SyncEngine engine = SyncEngine.builder().sink(new NoSink()).checkpointStore(new InMemoryCheckpointStore())
            .clock(clock).pacing(clock, clock.sleeper()).rateLimits(RateLimits.unlimited()).callBudgets(budgets)
            .clientOptions(o -> o.baseUri(sim.baseUri())).syncListener(new MicrometerSyncListener(registry, clock, budgets)).build();

    @AfterEach
    void close() {
        engine.close();
        sim.close();
    }

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).meters().stream().mapToDouble(MicrometerSyncListenerTest::total).sum();
    }

    private static double total(Meter meter) {
        double sum = 0;
        for (var m : meter.measure()) {
            if (m.getStatistic().name().equals("COUNT")) {
                sum += m.getValue();
            }
        }
        return sum;
    }

    @Test
    void runsRequestsPagesRecordsAndTheAgeOfTheDataAreMetered() {
        SyncReport report = engine.run(tenant);
        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);

        assertThat(count("moselle.sync.runs", "mode", "first", "status", "succeeded")).isEqualTo(1);
        assertThat(registry.find("moselle.sync.run.duration").tags("mode", "first").timer().count()).isEqualTo(1);
        assertThat(count("moselle.sync.requests", "status", "200")).isEqualTo(report.apiCalls());
        assertThat(count("moselle.sync.pages")).isEqualTo(report.streams().stream().mapToLong(StreamReport::pages).sum());
        assertThat(count("moselle.sync.records", "outcome", "upserted"))
                .isEqualTo(report.streams().stream().mapToLong(StreamReport::upserted).sum());
        assertThat(count("moselle.sync.records", "outcome", "retracted"))
                .isEqualTo(report.streams().stream().mapToLong(StreamReport::retracted).sum());
        StreamReport stock = report.stream(SyncStream.STOCK).orElseThrow();
        assertThat(stock.skipped()).as("the account has stock rows to skip").isPositive();
        stock.reasons(Reason.Kind.SKIPPED).forEach((reason, n) -> assertThat(count("moselle.sync.records", "stream", "stock",
                "outcome", "skipped", "reason", reason.name().toLowerCase(java.util.Locale.ROOT))).isEqualTo(n.doubleValue()));
        assertThat(count("moselle.sync.refusals")).isZero();
        String connection = sim.credentials().username();
        assertThat(count("moselle.sync.calls", "connection", connection)).isEqualTo(report.apiCalls());
        assertThat(registry.find("moselle.sync.calls.left").tag("connection", connection).gauge().value())
                .as("the engine's budget, read back").isEqualTo(500.0 - report.apiCalls());

        clock.advance(Duration.ofHours(5));
        assertThat(registry.find("moselle.sync.data.age").tag("tenant", "acme").gauge().value()).isEqualTo(5 * 3600.0);
        engine.run(tenant);
        assertThat(registry.find("moselle.sync.data.age").tag("tenant", "acme").gauge().value()).as("fresh again").isZero();
        assertThat(count("moselle.sync.runs", "mode", "daily")).isEqualTo(1);
    }

    static final class NoSink implements UniformSink {
        @Override
        public <R, K> void write(SyncBatch<R, K> batch) {}

        @Override
        public <R, K> void retainOnly(Snapshot<R, K> snapshot) {}

        @Override
        public void productsComplete(Snapshot<Product, String> snapshot) {}
    }
}
