package io.moselle.examples.bench;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.client.Where;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.simulator.Latency;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.Tenant;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import io.moselle.sync.spi.SyncListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The first sync of a large account (6 branches, 5,000 SKUs, 200,000 sales orders over two
 * years) against a simulator that takes seconds a page, at Cin7's 3 calls a second and 60 a
 * minute. The simulator and the engine run on {@link ScaledTime}, {@value #SCALE} times faster
 * than real time: windows, waits and latencies shrink together, so a first run of a quarter of
 * an hour takes a minute and a half with the same proportions. Every figure is in scaled (Cin7)
 * seconds. The floor is the earliest the run's accepted calls can go out under the sliding
 * windows.
 */
final class OnboardingBenchmark {
    /** How much faster than real time: limits times this, latency divided by it. */
    static final int SCALE = 10;
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    /** 6 branches, 2,500 products of 2 options, 274 orders a day for two years: 200,020 sales orders. */
    static final DatasetSpec LARGE = new DatasetSpec(11, NOW, 6, 2_500, 2, 730, 274, 0, 2_000, 600);
    private static final int PER_SECOND = 3;
    private static final int PER_MINUTE = 60;

    private OnboardingBenchmark() {}

    /** What one first run did, in scaled seconds. */
    record Outcome(SyncReport report, int calls, int refused, double wall, int recentCalls, double recentWall, double recentFloor) {
        double recentRatio() {
            return recentWall / recentFloor;
        }
    }

    /** One configuration, for a quick look: {@code onboarding-one SECONDS_PER_PAGE PARALLELISM OTHER_APP_PER_MINUTE}. */
    static void one(BiConsumer<String, String> result, double secondsPerPage, int parallelism, int otherApp) {
        warmUp();
        report(result, "~" + secondsPerPage + " s a page, parallelism " + parallelism + ", other app " + otherApp + "/min",
                firstRun(Duration.ofMillis(Math.round(secondsPerPage * 1000)), parallelism, otherApp), PER_MINUTE - otherApp,
                minimumCalls());
    }

    static void run(BiConsumer<String, String> result) {
        warmUp();
        long minimum = minimumCalls();
        report(result, "~2 s a page, one request at a time (as before)", firstRun(Duration.ofSeconds(2), 1, 0), PER_MINUTE, minimum);
        for (Duration latency : List.of(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5))) {
            report(result, "~" + seconds(latency) + " s a page, parallelism " + SyncEngine.DEFAULT_PARALLELISM,
                    firstRun(latency, SyncEngine.DEFAULT_PARALLELISM, 0), PER_MINUTE, minimum);
        }
        report(result, "~2 s a page, parallelism 8", firstRun(Duration.ofSeconds(2), 8, 0), PER_MINUTE, minimum);
        for (int parallelism : List.of(8, 16)) {
            report(result, "~5 s a page, parallelism " + parallelism, firstRun(Duration.ofSeconds(5), parallelism, 0), PER_MINUTE, minimum);
        }
        report(result, "~2 s a page, another app spending 30 of the 60 calls a minute",
                firstRun(Duration.ofSeconds(2), SyncEngine.DEFAULT_PARALLELISM, 30), PER_MINUTE / 2, minimum);
    }

    private static void report(BiConsumer<String, String> result, String what, Outcome o, int perMinuteLeft, long minimum) {
        double floor = Benchmarks.floorSeconds(o.calls - o.refused, PER_SECOND, perMinuteLeft);
        result.accept("onboarding: large first run, " + what, String.format(Locale.ROOT,
                "%,d calls (minimum %,d) in %.1fs, floor %.1fs, ratio %.3f; recent part %,d calls in %.1fs, floor %.1fs, ratio %.3f;"
                        + " %d x 429 (%.2f%%), slowed %.1fs (%s; on time %d x faster)",
                o.calls, minimum, o.wall, floor, o.wall / floor, o.recentCalls, o.recentWall, o.recentFloor, o.recentRatio(),
                o.refused, 100.0 * o.refused / o.calls, o.report.slowed().toMillis() / 1000.0, o.report.status(), SCALE));
    }

    /**
     * The fewest calls a first run of {@link #LARGE} can make: each listing read in one piece, 250
     * rows a page, counted from the simulator's own data.
     */
    static long minimumCalls() {
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(LARGE)) {
            Cin7Client c = Cin7Client.builder().baseUri(sim.baseUri()).credentials(sim.credentials())
                    .rateLimits(RateLimits.unlimited()).callBudget(CallBudget.unlimited()).build();
            Instant from = NOW.minus(Duration.ofDays(Cin7Settings.defaults().initialHistoryDays()));
            ListQuery history = ListQuery.builder()
                    .where(Where.field("modifiedDate").atLeast(from).and(Where.field("modifiedDate").before(NOW))).afterId(0).build();
            return Benchmarks.listingCalls(c.branches().list().stream().count())
                    + Benchmarks.listingCalls(c.products().list().stream().count())
                    + Benchmarks.listingCalls(c.stock().list().stream().count())
                    + Benchmarks.listingCalls(c.salesOrders().list(history).stream().count())
                    + Benchmarks.listingCalls(c.purchaseOrders().list(history).stream().count())
                    + Benchmarks.listingCalls(c.branchTransfers().list(history).stream().count());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    /**
     * @param pageLatency how long a full page takes at real Cin7 (scaled down here)
     * @param otherAppPerMinute calls a minute another app spends of the account's limit (scaled up here)
     */
    static Outcome firstRun(Duration pageLatency, int parallelism, int otherAppPerMinute) {
        ScaledTime time = new ScaledTime(NOW, SCALE);
        SimulatorOptions options = SimulatorOptions.cin7Limits().withRateLimits(PER_SECOND, PER_MINUTE, 100_000_000).withClock(time)
                .withLatency(Latency.perPage(time.real(pageLatency), 0.2, 5)).withOtherAppCallsPerMinute(otherAppPerMinute);
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(LARGE, options)) {
            AtomicLong recentAt = new AtomicLong();
            AtomicInteger recentCalls = new AtomicInteger();
            SyncEngine engine = SyncEngine.builder()
                    .sink(new NoOpSink())
                    .checkpointStore(new InMemoryCheckpointStore())
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    // the limiter's margin is a guard against real network jitter: scaled up with time, it stays 10 real ms
                    .rateLimits(RateLimits.of(PER_SECOND, PER_MINUTE).withMargin(RateLimits.defaults().margin().multipliedBy(SCALE)))
                    .pacing(time, time.sleeper())
                    .callBudgets(connection -> CallBudget.unlimited())
                    .parallelism(parallelism)
                    .clientOptions(b -> b.baseUri(sim.baseUri()))
                    .syncListener(new SyncListener() {
                        @Override
                        public void recentPartComplete(String tenantId, Duration elapsed) {
                            recentAt.set(System.nanoTime());
                            recentCalls.set(sim.journal().size());
                        }
                    })
                    .build();
            long start = System.nanoTime();
            SyncReport report = engine.run(Tenant.of("large", sim.credentials(), Cin7Settings.defaults()));
            double wall = time.secondsSince(start);
            List<JournalEntry> journal = sim.journal();
            int refused = (int) journal.stream().filter(e -> e.status() == 429).count();
            double recentWall = (recentAt.get() - start) * SCALE / 1e9;
            double recentFloor = Benchmarks.floorSeconds(recentCalls.get(), PER_SECOND, PER_MINUTE - otherAppPerMinute);
            return new Outcome(report, journal.size(), refused, wall, recentCalls.get(), recentWall, recentFloor);
        }
    }

    /** A short run first, so that the JIT and Jackson's caches are warm. */
    private static void warmUp() {
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.medium(NOW))) {
            SyncEngine.builder().sink(new NoOpSink()).checkpointStore(new InMemoryCheckpointStore()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .rateLimits(RateLimits.unlimited()).callBudgets(c -> CallBudget.unlimited()).clientOptions(b -> b.baseUri(sim.baseUri()))
                    .build().run(Tenant.of("warm-up", sim.credentials(), Cin7Settings.defaults()));
        }
    }
}
