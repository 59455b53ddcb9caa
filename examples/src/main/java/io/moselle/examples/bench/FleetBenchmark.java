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
import io.moselle.sync.InMemoryCheckpointStore;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.Tenant;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The fleet benchmark: worker processes on one PostgreSQL sync the daily run of many small
 * tenants, one worker killed with SIGKILL on the way; every figure checked from the simulator's
 * journal, not from the engine's own counters.
 */
final class FleetBenchmark {
    private FleetBenchmark() {}

    /** One tenant's requests, cut into runs: a run starts with its branches request. */
    record Runs(List<List<JournalEntry>> runs) {
        static Runs of(List<JournalEntry> requests) {
            List<List<JournalEntry>> runs = new ArrayList<>();
            for (JournalEntry e : requests) {
                if (e.resource().equals("v1/Branches") || runs.isEmpty()) {
                    runs.add(new ArrayList<>());
                }
                runs.get(runs.size() - 1).add(e);
            }
            return new Runs(runs);
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

        /** Whether each run ended before the next began. */
        boolean oneAtATime() {
            for (int i = 1; i < runs.size(); i++) {
                List<JournalEntry> before = runs.get(i - 1);
                if (!before.get(before.size() - 1).at().isBefore(runs.get(i).get(0).at())) {
                    return false;
                }
            }
            return true;
        }
    }

    static void run(int workers, int tenants, BiConsumer<String, String> result, PrintStream out) throws Exception {
        DatasetSpec account = new DatasetSpec(1, Instant.now().truncatedTo(ChronoUnit.SECONDS), 3, 12, 2, 100, 2, 0, 10, 10);
        RateLimits limits = RateLimits.of(20, 1_200);
        Fleet.Settings settings = new Fleet.Settings(workers, tenants, null, true, 16, limits, Duration.ofSeconds(5),
                Duration.ofSeconds(1), account);
        Fleet.Result fleet = new Fleet(settings, out).run();
        int threads = workers * settings.threadsPerWorker();
        singleProcess(threads, tenants, account, limits, (what, figures) -> { }); // warm-up: JIT and caches, as the workers had
        Map<String, Map<String, Long>> uninterrupted = singleProcess(threads, tenants, account, limits, result);
        try (Cin7OmniSimulator sim = fleet.simulator()) {
            Map<String, List<JournalEntry>> byTenant = sim.journal().stream()
                    .filter(e -> e.username().startsWith("tenant-"))
                    .sorted(Comparator.comparing(JournalEntry::at))
                    .collect(Collectors.groupingBy(JournalEntry::username));
            long exactlyOnce = 0;
            long again = 0;
            if (byTenant.size() != tenants) {
                out.printf(Locale.ROOT, "  only %d of %d tenants made requests%n", byTenant.size(), tenants);
            }
            for (Map.Entry<String, List<JournalEntry>> entry : byTenant.entrySet()) {
                String tenant = entry.getKey();
                Runs runs = Runs.of(entry.getValue());
                long completions = runs.completions(uninterrupted.get(tenant));
                exactlyOnce += completions == 1 ? 1 : 0;
                again += completions > 1 ? 1 : 0;
                if (completions != 1) {
                    out.printf(Locale.ROOT, "  %s: read completely %d times; runs from the kill: %s%n", tenant, completions, runs.runs().stream()
                            .map(r -> String.format(Locale.ROOT, "[%+.2fs, %+.2fs] %d requests",
                                    seconds(Duration.between(fleet.killedAt(), r.get(0).at())),
                                    seconds(Duration.between(fleet.killedAt(), r.get(r.size() - 1).at())), r.size()))
                            .collect(Collectors.joining(", ")));
                }
            }
            long oneAtATime = byTenant.values().stream().filter(r -> Runs.of(r).oneAtATime()).count();
            long rejected = sim.journal().stream().filter(e -> e.status() == 429).count();
            List<Duration> takeovers = byTenant.values().stream().map(Runs::of).filter(r -> r.runs().size() > 1)
                    .map(r -> Duration.between(fleet.killedAt(), r.runs().get(r.runs().size() - 1).get(0).at()))
                    .filter(d -> !d.isNegative()).sorted().toList();
            long statements = fleet.storeStatements().values().stream().mapToLong(Long::longValue).sum();
            long pages = fleet.pages().values().stream().mapToLong(Long::longValue).sum();
            result.accept("fleet: " + workers + " workers, " + tenants + " tenants, one worker killed",
                    String.format(Locale.ROOT, "%d/%d tenants read completely exactly once, %d again after the kill (killed after their"
                            + " last request, before it was saved: at least once), %d/%d never two runs at once, %d x 429, "
                            + "wall %.1fs, %d runs taken over after the kill (kill to takeover: median %.1fs, max %.1fs), "
                            + "%.2f store statements per page (%,d / %,d), peak %d database connections",
                            exactlyOnce, tenants, again, oneAtATime, tenants, rejected, fleet.wall().toMillis() / 1000.0, takeovers.size(),
                            seconds(takeovers.isEmpty() ? Duration.ZERO : takeovers.get(takeovers.size() / 2)),
                            seconds(takeovers.isEmpty() ? Duration.ZERO : takeovers.get(takeovers.size() - 1)),
                            statements / (double) Math.max(1, pages), statements, pages, fleet.peakConnections()));
        }
    }

    /**
     * The same tenants in one process: one engine, in-memory stores, as many threads as the
     * fleet's. Returns the requests each tenant's uninterrupted run had answered, per resource.
     */
    private static Map<String, Map<String, Long>> singleProcess(int threads, int tenants, DatasetSpec account, RateLimits limits, BiConsumer<String, String> result)
            throws Exception {
        SimulatorOptions options = SimulatorOptions.cin7Limits().withRateLimits(limits.perSecond(), limits.perMinute(), 1_000_000);
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(account, options)) {
            List<Tenant> list = new ArrayList<>();
            for (int i = 1; i <= tenants; i++) {
                Credentials c = Credentials.of("tenant-" + i, "key-" + i);
                sim.addAccount(c, account.withSeed(1_000 + i));
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
            return sim.journal().stream().collect(Collectors.groupingBy(JournalEntry::username,
                    Collectors.collectingAndThen(Collectors.toList(), Runs::answeredPerResource)));
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
