package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.SimulatorOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's log, read as a host's logging reads it: through {@code System.Logger}'s backend,
 * here {@code java.util.logging}, one logger per area.
 */
class RunLogTest {
    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW));
    final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    final List<Logger> loggers = List.of(Logger.getLogger("io.moselle.sync.run"), Logger.getLogger("io.moselle.sync.request"),
            Logger.getLogger("io.moselle.sync.lease"));

    RunLogTest() {
        loggers.forEach(l -> {
            l.setLevel(Level.ALL);
            l.addHandler(capture);
        });
    }

    @AfterEach
    void close() {
        loggers.forEach(l -> {
            l.removeHandler(capture);
            l.setLevel(null);
        });
        f.close();
    }

    private List<String> messages(String logger, Level level) {
        return logged.stream().filter(r -> r.getLoggerName().equals(logger) && r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    @Test
    void aRunLogsItsStartAndEndAtInfoAndEachRequestAtDebugNamingTheTenantAndNoSecret() {
        SyncReport report = f.engine.run(f.tenant);

        assertThat(messages("io.moselle.sync.run", Level.INFO)).containsExactly("tenant acme: first run started",
                "tenant acme: first run ended SUCCEEDED in " + String.format(java.util.Locale.ROOT, "%.1f s",
                        report.duration().toMillis() / 1000.0) + ": " + report.apiCalls() + " calls, "
                        + report.streams().stream().mapToLong(StreamReport::upserted).sum() + " upserted, "
                        + report.streams().stream().mapToLong(StreamReport::retracted).sum() + " retracted, recent part in after "
                        + String.format(java.util.Locale.ROOT, "%.1f s", report.recentPartCompleteAfter().orElseThrow().toMillis() / 1000.0));
        List<String> requests = messages("io.moselle.sync.request", Level.FINE);
        assertThat(requests).as("one line per request").hasSize((int) report.apiCalls())
                .allSatisfy(m -> assertThat(m).startsWith("tenant acme ").contains("GET v1/").contains("-> 200 in ").endsWith("(attempt 1)"));
        assertThat(logged).extracting(LogRecord::getMessage).noneMatch(m -> m.contains(f.tenant.credentials().apiKey()));
    }

    @Test
    void aFailingSinkIsAWarningNamingTheTenantTheStreamAndWhy() {
        f.sink.failWhen = b -> b.type() == RecordType.SALES_ORDER;
        SyncReport report = f.engine.run(f.tenant);

        assertThat(report.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(messages("io.moselle.sync.run", Level.WARNING)).anySatisfy(m -> assertThat(m)
                .startsWith("tenant acme SALES_ORDERS: FAILED (SINK): the sink failed on SyncBatch{tenant=acme, SALES_ORDER"))
                .anySatisfy(m -> assertThat(m).startsWith("tenant acme: first run ended PARTIAL"));
    }

    @Test
    void aRunRefusedItsLeaseIsAWarning() {
        io.moselle.sync.spi.LeaseStore taken = new io.moselle.sync.spi.LeaseStore() {
            @Override
            public io.moselle.sync.spi.Lease acquire(String key, String holder) {
                throw new LeaseHeldException(key, "replica-2/x", "");
            }

            @Override
            public java.time.Duration duration() {
                return java.time.Duration.ofSeconds(30);
            }
        };
        SyncEngine engine = f.engine(b -> b.leaseStore(taken));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.run(f.tenant)).isInstanceOf(SyncAlreadyRunningException.class);
        assertThat(messages("io.moselle.sync.lease", Level.WARNING))
                .containsExactly("a sync of tenant acme cannot start: it is already running in replica-2/x");
    }

    @Test
    void aRefusalThePacingDidNotForeseeIsAWarning() {
        try (EngineFixture limited = new EngineFixture(DatasetSpec.small(EngineFixture.NOW),
                clock -> SimulatorOptions.unlimited().withRateLimits(1, 60, 5_000).withClock(clock))) {
            SyncReport report = limited.engine.run(limited.tenant);

            assertThat(report.rateLimited()).as("the engine paces at no limit, Cin7 at 1 a second").isPositive();
            assertThat(messages("io.moselle.sync.request", Level.WARNING)).hasSize((int) report.rateLimited())
                    .allSatisfy(m -> assertThat(m).startsWith("tenant acme ").contains("(429) although the rate limiter allowed it"));
        }
    }
}
