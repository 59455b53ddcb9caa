package io.moselle.examples.bench;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.examples.fleet.Fleet;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.Tenant;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fleet benchmark: worker processes on one PostgreSQL sync the daily run of many small
 * tenants, one worker killed with SIGKILL on the way; every figure checked from the simulator's
 * journal, not from the engine's own counters.
 */
final class FleetBenchmark {
    private FleetBenchmark() {}

    /** What a request's {@code User-Agent} says of the run that sent it. */
    record Tag(String holder, String tenant, long run, String connection, long connectionRun) {
        private static final Pattern AGENT = Pattern.compile(
                "moselle-cin7-sync \\(([^;]+); tenant:(\\S+) #(\\d+); connection:(\\S+) #(\\d+)\\)");

        static Tag of(JournalEntry e) {
            Matcher m = AGENT.matcher(e.userAgent());
            if (!m.matches()) {
                throw new IllegalStateException("a request without the run's tag: " + e.userAgent());
            }
            return new Tag(m.group(1), m.group(2), Long.parseLong(m.group(3)), m.group(4), Long.parseLong(m.group(5)));
        }
    }

    /** Requests grouped by a key (a tenant's run, or an API connection's lease), each group in time order, groups by their first request. */
    record Runs(List<List<JournalEntry>> runs) {
        static Runs of(List<JournalEntry> requests, java.util.function.Function<JournalEntry, Object> run) {
            Map<Object, List<JournalEntry>> byRun = new java.util.LinkedHashMap<>();
            requests.stream().sorted(Comparator.comparing(JournalEntry::at)).forEach(e -> byRun.computeIfAbsent(run.apply(e), k -> new ArrayList<>()).add(e));
            return new Runs(new ArrayList<>(byRun.values()));
        }

        /**
         * How many times the tenant's sync was read completely: runs are added up until their
         * answered requests cover those of an uninterrupted run ({@code expected}, per resource),
         * which makes one completion. A run killed midway and resumed by another worker is one
         * completion in two runs; a run killed after its last request but before its checkpoints
         * or its completion were saved is read again (at least once), which makes two.
         */
        long completions(Map<String, Long> expected) {
            long completions = 0;
            Map<String, Long> sum = new java.util.HashMap<>();
            for (List<JournalEntry> run : runs) {
                answeredPerResource(run).forEach((resource, n) -> sum.merge(resource, n, Long::sum));
                if (expected.entrySet().stream().allMatch(e -> sum.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                    completions++;
                    sum.clear();
                }
            }
            return completions;
        }

        static Map<String, Long> answeredPerResource(List<JournalEntry> requests) {
            return requests.stream().filter(e -> e.status() == 200).collect(Collectors.groupingBy(JournalEntry::resource, Collectors.counting()));
        }

        /** Whether each group's last request came before the next group's first: never two at once. */
        boolean oneAtATime() {
            for (int i = 1; i < runs.size(); i++) {
                List<JournalEntry> before = runs.get(i - 1);
                if (!before.get(before.size() - 1).at().isBefore(runs.get(i).get(0).at())) {
                    return false;
                }
            }
            return true;
        }

        /** Adds, under the previous holder's worker name, the time from a run's last request to the next holder's first. */
        void handovers(Map<String, List<Duration>> byPreviousWorker) {
            for (int i = 1; i < runs.size(); i++) {
                List<JournalEntry> before = runs.get(i - 1);
                String previous = worker(before.get(0));
                if (!previous.equals(worker(runs.get(i).get(0)))) {
                    byPreviousWorker.computeIfAbsent(previous, w -> new ArrayList<>())
                            .add(Duration.between(before.get(before.size() - 1).at(), runs.get(i).get(0).at()));
                }
            }
        }

        /** The worker that sent a request: its holder name without the engine's suffix. */
        private static String worker(JournalEntry e) {
            return Tag.of(e).holder().replaceAll("/.*", "");
        }
    }

    /** The most requests in any window of {@code window} among {@code requests}, sorted by time. */
    static int busiest(List<JournalEntry> requests, Duration window) {
        int most = 0;
        for (int first = 0, last = 0; last < requests.size(); last++) {
            while (!requests.get(first).at().plus(window).isAfter(requests.get(last).at())) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    static void run(int workers, int tenants, BiConsumer<String, String> result, PrintStream out) throws Exception {
        DatasetSpec account = new DatasetSpec(1, Instant.now().truncatedTo(ChronoUnit.SECONDS), 3, 12, 2, 100, 2, 0, 10, 10);
        RateLimits limits = RateLimits.of(20, 1_200);
        Fleet.Settings settings = new Fleet.Settings(workers, tenants, 2, null, true, true, 16, limits, Duration.ofSeconds(5),
                Duration.ofSeconds(1), account);
        Fleet.Result fleet = new Fleet(settings, out).run();
        int threads = workers * settings.threadsPerWorker();
        singleProcess(settings, threads, (what, figures) -> { }); // warm-up: JIT and caches, as the workers had
        Map<String, Map<String, Long>> uninterrupted = singleProcess(settings, threads, result);
        try (Cin7OmniSimulator sim = fleet.simulator()) {
            List<JournalEntry> journal = sim.journal().stream().filter(e -> !e.userAgent().isEmpty()).toList();
            Map<String, List<JournalEntry>> byTenant = journal.stream().collect(Collectors.groupingBy(e -> Tag.of(e).tenant()));
            Map<String, List<JournalEntry>> byConnection = journal.stream().collect(Collectors.groupingBy(JournalEntry::username));
            long exactlyOnce = 0;
            long again = 0;
            long tenantOverlaps = 0;
            Map<String, List<Duration>> handovers = new TreeMap<>();
            for (Map.Entry<String, List<JournalEntry>> entry : byTenant.entrySet()) {
                Runs runs = Runs.of(entry.getValue(), e -> Tag.of(e).run());
                long completions = runs.completions(uninterrupted.get(entry.getKey()));
                exactlyOnce += completions == 1 ? 1 : 0;
                again += completions > 1 ? 1 : 0;
                tenantOverlaps += runs.oneAtATime() ? 0 : 1;
                runs.handovers(handovers);
            }
            long connectionOverlaps = 0;
            int busiestSecond = 0;
            int busiestMinute = 0;
            for (List<JournalEntry> requests : byConnection.values()) {
                connectionOverlaps += Runs.of(requests, e -> Tag.of(e).connectionRun()).oneAtATime() ? 0 : 1;
                List<JournalEntry> sorted = requests.stream().sorted(Comparator.comparing(JournalEntry::at)).toList();
                busiestSecond = Math.max(busiestSecond, busiest(sorted, Duration.ofSeconds(1)));
                busiestMinute = Math.max(busiestMinute, busiest(sorted, Duration.ofMinutes(1)));
            }
            long rejected = journal.stream().filter(e -> e.status() == 429).count();
            Fleet.Applications applied = fleet.applications();
            long statements = fleet.storeStatements().values().stream().mapToLong(Long::longValue).sum();
            long pages = fleet.pages().values().stream().mapToLong(Long::longValue).sum();
            result.accept("fleet: " + workers + " workers, " + tenants + " tenants on " + byConnection.size()
                            + " API connections, one worker killed, one frozen and thawed",
                    String.format(Locale.ROOT, "%d/%d tenants read completely exactly once, %d again; runs of one tenant at once: %d; "
                            + "holders of one API connection at once: %d; busiest second and minute of one connection: %d and %d"
                            + " (limits %d/s, %d/min); %d x 429; %,d applications, %d applied twice by one run, %d committed by a run"
                            + " after a newer run of its tenant began; wall %.1fs; handovers (last request of a run to the first of"
                            + " the next holder's) after %s; %.2f statements per page on the stores' connections (%,d / %,d),"
                            + " peak %d database connections",
                            exactlyOnce, byTenant.size(), again, tenantOverlaps, connectionOverlaps, busiestSecond, busiestMinute,
                            settings.limits().perSecond(), settings.limits().perMinute(), rejected, applied.total(),
                            applied.twiceByOneRun(), applied.afterANewerRun(), fleet.wall().toMillis() / 1000.0, describe(handovers),
                            statements / (double) Math.max(1, pages), statements, pages, fleet.peakConnections()));
        }
    }

    /** Per previous holder: how many handovers, their median and their longest. */
    private static String describe(Map<String, List<Duration>> handovers) {
        return handovers.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(e -> {
            List<Duration> d = e.getValue().stream().sorted().toList();
            return String.format(Locale.ROOT, "%s: %d, median %.1fs, max %.1fs", e.getKey(), d.size(), seconds(d.get(d.size() / 2)),
                    seconds(d.get(d.size() - 1)));
        }).collect(Collectors.joining("; "));
    }

    /**
     * The same tenants in one process: one engine, in-memory stores, as many threads as the
     * fleet's. Returns the requests each tenant's uninterrupted run had answered, per resource.
     */
    private static Map<String, Map<String, Long>> singleProcess(Fleet.Settings settings, int threads, BiConsumer<String, String> result)
            throws Exception {
        RateLimits limits = settings.limits();
        SimulatorOptions options = SimulatorOptions.cin7Limits().withRateLimits(limits.perSecond(), limits.perMinute(), 1_000_000);
        int tenants = settings.tenants();
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(settings.account(), options)) {
            List<Tenant> list = new ArrayList<>();
            for (int i = 1; i <= tenants; i++) {
                Credentials c = Fleet.connection(settings, i);
                if ((i - 1) % settings.tenantsPerConnection() == 0) {
                    sim.addAccount(c, settings.account().withSeed(1_000 + i));
                }
                list.add(Tenant.of("tenant-" + i, c, Cin7Settings.defaults()));
            }
            SyncEngine engine = SyncEngine.builder().sink(new NoOpSink()).checkpointStore(new InMemoryCheckpointStore())
                    .rateLimits(limits).callBudgets(connection -> CallBudget.unlimited())
                    .clientOptions(o -> o.baseUri(sim.baseUri())).build();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<CompletableFuture<SyncReport>> runs = list.stream().map(t -> engine.runAsync(t, pool)).toList();
            long succeeded = 0;
            for (CompletableFuture<SyncReport> run : runs) {
                succeeded += run.get().status() == SyncStatus.SUCCEEDED ? 1 : 0;
            }
            double wall = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            result.accept("fleet: the same tenants in one process (" + threads + " threads, in-memory stores)",
                    String.format(Locale.ROOT, "%d/%d succeeded, wall %.1fs", succeeded, tenants, wall));
            return sim.journal().stream().collect(Collectors.groupingBy(e -> Tag.of(e).tenant(),
                    Collectors.collectingAndThen(Collectors.toList(), Runs::answeredPerResource)));
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
