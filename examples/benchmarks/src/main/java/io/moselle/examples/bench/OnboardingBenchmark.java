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
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import io.moselle.sync.spi.SyncListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.IntToLongFunction;

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

    /** A mid-sized account: 4 branches, 800 SKUs, 40 orders a day for two years: about two and a half minutes of calls. */
    static final DatasetSpec MID = new DatasetSpec(12, NOW, 4, 400, 2, 730, 40, 0, 300, 100);

    /**
     * What one first run did, in scaled seconds, with {@code pages} the full page's latency of
     * each share of the calls; {@code minuteFullAt}: when the minute's limit of calls had come,
     * NaN if never.
     */
    record Outcome(List<Duration> pages, SyncReport report, int calls, int refused, double wall, int recentCalls, double recentWall,
            List<Integer> perMinute, double minuteFullAt) {}

    /** The fewest calls of a first run, and of its recent part: each listing read in one piece. */
    record Minimum(long calls, long recentCalls) {}

    /**
     * One configuration, for a quick look:
     * {@code onboarding-one SECONDS_PER_PAGE PARALLELISM OTHER_APP_PER_MINUTE [mid]}.
     */
    static void one(BiConsumer<String, String> result, double secondsPerPage, int parallelism, int otherApp, boolean mid) {
        warmUp();
        DatasetSpec spec = mid ? MID : LARGE;
        Minimum minimum = minimum(spec);
        report(result, (mid ? "mid" : "large") + ", ~" + secondsPerPage + " s a page, parallelism " + parallelism + ", other app "
                + otherApp + "/min", firstRun(spec, minimum, List.of(Duration.ofMillis(Math.round(secondsPerPage * 1000))), parallelism,
                otherApp), PER_MINUTE - otherApp, minimum);
    }

    /** Every configuration {@code runs} times on {@code spec}: each latency, a latency that changes, another app's calls. */
    static void run(BiConsumer<String, String> result, DatasetSpec spec, int runs) {
        warmUp();
        {
            String account = spec == MID ? "mid" : "large";
            Minimum minimum = minimum(spec);
            for (Duration page : List.of(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))) {
                for (int i = 1; i <= runs; i++) {
                    report(result, account + ", ~" + seconds(page) + " s a page, default settings, run " + i,
                            firstRun(spec, minimum, List.of(page), SyncEngine.DEFAULT_PARALLELISM, 0), PER_MINUTE, minimum);
                }
            }
            for (int i = 1; i <= runs; i++) {
                report(result, account + ", 1 s then 6 s then 2 s a page (each a third of the calls), run " + i,
                        firstRun(spec, minimum, List.of(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(2)),
                                SyncEngine.DEFAULT_PARALLELISM, 0), PER_MINUTE, minimum);
            }
            for (int i = 1; i <= runs; i++) {
                report(result, account + ", ~2 s a page, another app spending 30 of the 60 calls a minute, run " + i,
                        firstRun(spec, minimum, List.of(Duration.ofSeconds(2)), SyncEngine.DEFAULT_PARALLELISM, 30), PER_MINUTE / 2, minimum);
            }
        }
    }

    /** A page of 250 rows in about {@code page}, ±20%, seeded, in real time for a simulator on {@code time}. */
    private static Latency latency(Duration page, ScaledTime time) {
        Latency latency = Latency.perPage(page, 0.2, 5);
        return new Latency(time.real(latency.base()), time.real(latency.perRow()), latency.jitter(), latency.seed());
    }

    /** Which of {@code shares} equal shares of {@code calls} calls the {@code call}-th is in: the last for any call past them. */
    private static int share(long call, int shares, long calls) {
        return (int) Math.min(shares - 1, call * shares / calls);
    }

    /**
     * The floors are those of the minimum calls: a run that spends more calls does not get a
     * higher floor. Two floors: the limits' own, each call counted when it is sent; and the
     * limiter's, each call held in the windows as the limiter holds it, until its answer (a full
     * page's latency, the latency of its share of the calls) or {@code countedWithin} after its
     * send, whichever is sooner. The gap between them is what the limiter's safety costs; what is
     * over the limiter's floor is the run's own.
     */
    private static void report(BiConsumer<String, String> result, String what, Outcome o, int perMinuteLeft, Minimum minimum) {
        double floor = Benchmarks.floorSeconds((int) minimum.calls(), PER_SECOND, perMinuteLeft);
        double recentFloor = Benchmarks.floorSeconds((int) minimum.recentCalls(), PER_SECOND, perMinuteLeft);
        IntToLongFunction held = held(o.pages(), minimum.calls());
        double limiterFloor = Benchmarks.floorSeconds((int) minimum.calls(), PER_SECOND, perMinuteLeft, held);
        double recentLimiterFloor = Benchmarks.floorSeconds((int) minimum.recentCalls(), PER_SECOND, perMinuteLeft, held);
        result.accept("onboarding: " + what, String.format(Locale.ROOT,
                "%,d calls (minimum %,d, +%d) in %.1fs, floor %.1fs, ratio %.3f (limiter's floor %.1fs, ratio %.3f); recent part %,d calls"
                        + " (minimum %,d) in %.1fs, floor %.1fs, ratio %.3f (limiter's %.1fs, ratio %.3f); %d x 429 (%.2f%%), slowed %.1fs"
                        + " (%s; on time %d x faster)",
                o.calls, minimum.calls(), o.calls - minimum.calls(), o.wall, floor, o.wall / floor, limiterFloor, o.wall / limiterFloor,
                o.recentCalls, minimum.recentCalls(), o.recentWall, recentFloor, o.recentWall / recentFloor, recentLimiterFloor,
                o.recentWall / recentLimiterFloor, o.refused, 100.0 * o.refused / o.calls, o.report.slowed().toMillis() / 1000.0,
                o.report.status(), SCALE) + "; calls a minute " + o.perMinute
                + (perMinuteLeft < PER_MINUTE ? "" : String.format(Locale.ROOT, "; the %dth call at %.1fs (the limits allow %.1fs, the limiter %.1fs)",
                        PER_MINUTE, o.minuteFullAt, Benchmarks.floorSeconds(PER_MINUTE, PER_SECOND, PER_MINUTE),
                        Benchmarks.floorSeconds(PER_MINUTE, PER_SECOND, PER_MINUTE, held))));
    }

    /**
     * How long the limiter holds the {@code call}-th of {@code calls} in its windows: until its
     * answer, a full page's latency for its share of the calls, or {@code countedWithin} after its
     * send if that is sooner.
     */
    private static IntToLongFunction held(List<Duration> pages, long calls) {
        long countedWithin = RateLimits.defaults().countedWithin().toMillis();
        return call -> Math.min(countedWithin, pages.get(share(call, pages.size(), calls)).toMillis());
    }

    /**
     * The fewest calls a first run of {@code spec} can make, counted from the simulator's own
     * data: each listing read in one piece, 250 rows a page; and those of its recent part
     * (branches, products, stock and the lookback of each windowed stream).
     */
    static Minimum minimum(DatasetSpec spec) {
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(spec)) {
            Cin7Client c = Cin7Client.builder().baseUri(sim.baseUri()).credentials(sim.credentials())
                    .rateLimits(RateLimits.unlimited()).callBudget(CallBudget.unlimited()).build();
            Cin7Settings settings = Cin7Settings.defaults();
            Instant from = NOW.minus(Duration.ofDays(settings.initialHistoryDays()));
            long snapshots = Benchmarks.listingCalls(c.branches().list().stream().count())
                    + Benchmarks.listingCalls(c.products().list().stream().count())
                    + Benchmarks.listingCalls(c.stock().list().stream().count());
            long calls = snapshots;
            long recent = snapshots;
            for (SyncStream stream : List.of(SyncStream.SALES_ORDERS, SyncStream.PURCHASE_ORDERS, SyncStream.BRANCH_TRANSFERS)) {
                Instant recentFrom = NOW.minus(Duration.ofDays(settings.lookbackDays(stream.settingsKey().orElseThrow())));
                calls += Benchmarks.listingCalls(count(c, stream, from));
                recent += Benchmarks.listingCalls(count(c, stream, recentFrom));
            }
            return new Minimum(calls, recent);
        }
    }

    private static long count(Cin7Client c, SyncStream stream, Instant from) {
        ListQuery q = ListQuery.builder().where(Where.field("modifiedDate").atLeast(from).and(Where.field("modifiedDate").before(NOW)))
                .afterId(0).build();
        return switch (stream) {
            case SALES_ORDERS -> c.salesOrders().list(q).stream().count();
            case PURCHASE_ORDERS -> c.purchaseOrders().list(q).stream().count();
            default -> c.branchTransfers().list(q).stream().count();
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    /**
     * @param minimum the account's fewest calls: the share of them each latency lasts
     * @param pages how long a full page takes at real Cin7 (scaled down here): the first, then
     *     each of the others from an equal share of the minimum calls on
     * @param otherAppPerMinute calls a minute another app spends of the account's limit (scaled up here)
     */
    static Outcome firstRun(DatasetSpec spec, Minimum minimum, List<Duration> pages, int parallelism, int otherAppPerMinute) {
        ScaledTime time = new ScaledTime(NOW, SCALE);
        SimulatorOptions options = SimulatorOptions.cin7Limits().withRateLimits(PER_SECOND, PER_MINUTE, 100_000_000).withClock(time)
                .withLatency(latency(pages.get(0), time)).withOtherAppCallsPerMinute(otherAppPerMinute);
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(spec, options)) {
            AtomicInteger part = new AtomicInteger();
            sim.beforeEachRequest((number, resource, query, data) -> {
                int now = share(number, pages.size(), minimum.calls());
                if (part.getAndSet(now) != now) {
                    sim.changeLatency(latency(pages.get(now), time));
                }
            });
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
            SyncReport report = engine.run(Tenant.of("first-run", sim.credentials(), Cin7Settings.defaults()));
            double wall = time.secondsSince(start);
            engine.close();
            List<JournalEntry> journal = sim.journal();
            String journalFile = System.getProperty("journal");
            if (journalFile != null) {
                writeJournal(journal, Path.of(journalFile));
            }
            int refused = (int) journal.stream().filter(e -> e.status() == 429).count();
            double recentWall = (recentAt.get() - start) * SCALE / 1e9;
            List<Integer> perMinute = new ArrayList<>();
            for (JournalEntry e : journal) {
                int minute = (int) (Duration.between(NOW, e.at()).toSeconds() / 60);
                while (perMinute.size() <= minute) {
                    perMinute.add(0);
                }
                perMinute.set(minute, perMinute.get(minute) + 1);
            }
            double minuteFullAt = journal.stream().map(JournalEntry::at).sorted().skip(PER_MINUTE - 1).findFirst()
                    .map(at -> Duration.between(NOW, at).toMillis() / 1000.0).orElse(Double.NaN);
            return new Outcome(pages, report, journal.size(), refused, wall, recentCalls.get(), recentWall, perMinute, minuteFullAt);
        }
    }

    /**
     * Each call the simulator received, one a line, in the order received: when (Cin7's seconds
     * from the start), its latency (real seconds), status, resource, query and rows answered.
     */
    static void writeJournal(List<JournalEntry> journal, Path file) {
        List<String> lines = new ArrayList<>();
        for (JournalEntry e : journal) {
            lines.add(String.format(Locale.ROOT, "%.2f %.2f %d %s %s %d", Duration.between(NOW, e.at()).toMillis() / 1000.0,
                    e.latency().toMillis() / 1000.0, e.status(), e.resource(), e.query(), e.rows()));
        }
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
