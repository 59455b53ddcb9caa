package io.moselle.examples.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.moselle.cin7.client.CallBudget;
import io.moselle.mapping.Reason;
import io.moselle.sync.Cin7Request;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.spi.CallBudgets;
import io.moselle.sync.spi.SyncListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's progress as Micrometer meters: {@code SyncEngine.builder().syncListener(new
 * MicrometerSyncListener(registry))}. Thread-safe and fast, as a listener must be.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Meter</th><th>Tags</th><th>What</th></tr>
 *   <tr><td>{@code moselle.sync.runs} (counter)</td><td>mode, status</td><td>runs ended</td></tr>
 *   <tr><td>{@code moselle.sync.run.duration} (timer)</td><td>mode, status</td><td>how long runs took</td></tr>
 *   <tr><td>{@code moselle.sync.requests} (timer)</td><td>stream, status</td><td>requests and their latency;
 *       status {@code none} when no response came</td></tr>
 *   <tr><td>{@code moselle.sync.refusals} (counter)</td><td>stream</td><td>429s the rate limiter did not foresee</td></tr>
 *   <tr><td>{@code moselle.sync.retries} (counter)</td><td>stream</td><td>requests tried again</td></tr>
 *   <tr><td>{@code moselle.sync.pages} (counter)</td><td>stream</td><td>pages read and delivered</td></tr>
 *   <tr><td>{@code moselle.sync.records} (counter)</td><td>stream, outcome, reason</td><td>records upserted and
 *       retracted, and skipped by reason</td></tr>
 *   <tr><td>{@code moselle.sync.data.age} (gauge, seconds)</td><td>tenant</td><td>how old the tenant's data is:
 *       since the start of its last run that brought the recent part in</td></tr>
 *   <tr><td>{@code moselle.sync.calls} (counter)</td><td>connection</td><td>calls made through each API connection</td></tr>
 *   <tr><td>{@code moselle.sync.calls.left} (gauge)</td><td>connection</td><td>calls left today in the connection's
 *       budget, when the listener is given the engine's {@link CallBudgets}</td></tr>
 * </table>
 */
public final class MicrometerSyncListener implements SyncListener {
    private final MeterRegistry registry;
    private final Clock clock;
    /** When each tenant's data was last brought up to date: the start of its last run whose recent part came in. */
    private final Map<String, Instant> freshAsOf = new ConcurrentHashMap<>();
    /** The budgets of the API connections, when given; null otherwise. */
    private final CallBudgets budgets;
    private final Map<String, CallBudget> budgetsSeen = new ConcurrentHashMap<>();

    /** Meters in {@code registry}, data ages on the system clock, no budget gauges. */
    public MicrometerSyncListener(MeterRegistry registry) {
        this(registry, Clock.systemUTC(), null);
    }

    /**
     * Meters in {@code registry}; data ages and budgets on {@code clock}, the engine's clock of
     * "now"; the calls left today of each API connection seen, from {@code budgets} (the same the
     * engine was given), or none when null.
     */
    public MicrometerSyncListener(MeterRegistry registry, Clock clock, CallBudgets budgets) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budgets = budgets;
    }

    @Override
    public void requestCompleted(String tenantId, SyncStream stream, Cin7Request request) {
        String status = request.status().isPresent() ? Integer.toString(request.status().getAsInt()) : "none";
        Timer.builder("moselle.sync.requests").tag("stream", name(stream)).tag("status", status).register(registry)
                .record(request.latency());
        if (request.status().orElse(0) == 429) {
            counter("moselle.sync.refusals", stream).increment();
        }
    }

    @Override
    public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
        counter("moselle.sync.pages", stream).increment();
    }

    @Override
    public void retried(String tenantId, SyncStream stream, String reason, Duration delay) {
        counter("moselle.sync.retries", stream).increment();
    }

    @Override
    public void streamFinished(String tenantId, StreamReport report) {
        records(report.stream(), "upserted", "none", report.upserted());
        records(report.stream(), "retracted", "none", report.retracted());
        report.reasons(Reason.Kind.SKIPPED).forEach((reason, count) -> records(report.stream(), "skipped", name(reason), count));
    }

    @Override
    public void runFinished(SyncReport report) {
        String mode = name(report.mode());
        String status = name(report.status());
        Counter.builder("moselle.sync.runs").tag("mode", mode).tag("status", status).register(registry).increment();
        Counter.builder("moselle.sync.calls").tag("connection", report.apiConnection()).register(registry).increment(report.apiCalls());
        if (budgets != null) {
            budgetsSeen.computeIfAbsent(report.apiConnection(), connection -> {
                CallBudget budget = budgets.forConnection(connection);
                Gauge.builder("moselle.sync.calls.left", budget, b -> b.remaining(clock.instant())).tag("connection", connection)
                        .register(registry);
                return budget;
            });
        }
        Timer.builder("moselle.sync.run.duration").tag("mode", mode).tag("status", status).register(registry).record(report.duration());
        if (report.recentPartCompleteAfter().isPresent()) {
            if (freshAsOf.put(report.tenantId(), report.startedAt()) == null) {
                Gauge.builder("moselle.sync.data.age", freshAsOf, m -> age(m.get(report.tenantId()))).tag("tenant", report.tenantId())
                        .baseUnit("seconds").register(registry);
            }
        }
    }

    private double age(Instant asOf) {
        return asOf == null ? Double.NaN : Duration.between(asOf, clock.instant()).toMillis() / 1000.0;
    }

    private void records(SyncStream stream, String outcome, String reason, long count) {
        if (count > 0) {
            Counter.builder("moselle.sync.records").tag("stream", name(stream)).tag("outcome", outcome).tag("reason", reason)
                    .register(registry).increment(count);
        }
    }

    private Counter counter(String name, SyncStream stream) {
        return Counter.builder(name).tag("stream", name(stream)).register(registry);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
