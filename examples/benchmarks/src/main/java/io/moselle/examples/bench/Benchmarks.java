package io.moselle.examples.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7Json;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.client.Where;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.simulator.Latency;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.cin7.testing.FakeClock;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.SalesOrderMapping;
import io.moselle.mapping.cin7.WarehouseDirectory;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import io.moselle.sync.Window;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToLongFunction;

/**
 * The benchmark suite, against the simulator: API calls, pacing, throughput, memory, many
 * tenants, a large account's first run, a fleet. Prints a table. Run it with
 * {@code java -jar examples/benchmarks/target/moselle-benchmarks.jar [NAME...]}, NAME one of
 * {@code calls pacing pacing-fast throughput memory tenants tenants-counted-within-3s tenants-engine-apart onboarding onboarding-mid onboarding-large fleet} (default
 * all; {@code onboarding} is both accounts' first runs, each configuration three times), or
 * {@code onboarding-one SECONDS_PER_PAGE PARALLELISM OTHER_APP_PER_MINUTE [mid]} for one first run.
 */
public final class Benchmarks {
    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private final Map<String, String> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Set<String> which = args.length == 0 ? Set.of("calls", "pacing", "throughput", "memory", "tenants", "onboarding", "fleet") : Set.of(args);
        Benchmarks b = new Benchmarks();
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (which.contains("calls")) {
            b.calls();
        }
        if (which.contains("pacing")) {
            b.pacing();
        } else if (which.contains("pacing-fast")) {
            b.pacingFast();
        }
        if (which.contains("throughput")) {
            b.throughput();
        }
        if (which.contains("memory")) {
            b.memory();
        }
        if (which.contains("tenants")) {
            b.tenants();
        } else if (which.contains("tenants-counted-within-3s")) {
            b.tenantsCountedWithin3s();
        }
        if (which.contains("tenants-engine-apart")) {
            b.tenantsEngineApart();
        }
        if (which.contains("onboarding") || which.contains("onboarding-mid")) {
            OnboardingBenchmark.run(b::result, OnboardingBenchmark.MID, 3);
        }
        if (which.contains("onboarding") || which.contains("onboarding-large")) {
            OnboardingBenchmark.run(b::result, OnboardingBenchmark.LARGE, 3);
        }
        if (args.length >= 4 && args[0].equals("onboarding-one")) {
            OnboardingBenchmark.one(b::result, Double.parseDouble(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length == 5 && args[4].equals("mid"));
        }
        if (which.contains("fleet")) {
            FleetBenchmark.run(3, 1_000, b::result, System.out);
        }
        System.out.println();
        System.out.println("| benchmark | result |");
        System.out.println("|---|---|");
        b.results.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
    }

    private void result(String name, String value) {
        results.put(name, value);
        System.out.println(name + ": " + value);
    }

    private static SyncEngine.Builder engine(Cin7OmniSimulator sim, RateLimits limits, Clock clock) {
        return SyncEngine.builder()
                .sink(new NoOpSink())
                .checkpointStore(new InMemoryCheckpointStore())
                .clock(clock)
                .rateLimits(limits)
                .callBudgets(connection -> CallBudget.unlimited())
                .clientOptions(b -> b.baseUri(sim.baseUri()));
    }

    private static Cin7Client client(Cin7OmniSimulator sim, Credentials credentials) {
        return Cin7Client.builder().baseUri(sim.baseUri()).credentials(credentials)
                .rateLimits(RateLimits.unlimited()).callBudget(CallBudget.unlimited()).build();
    }

    /**
     * First runs of a small and a medium tenant, and the daily run of the medium one: calls made /
     * the minimum for the records in their windows and snapshots.
     */
    void calls() {
        firstRunCalls("small", DatasetSpec.small(NOW));
        firstRunCalls("medium", DatasetSpec.medium(NOW));
        dailyCalls();
    }

    private void firstRunCalls(String name, DatasetSpec spec) {
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(spec)) {
            SyncReport first = engine(sim, RateLimits.unlimited(), new FakeClock(NOW)).build()
                    .run(Tenant.of(name, sim.credentials(), Cin7Settings.defaults()));
            long made = sim.journal().size();
            long minimum = OnboardingBenchmark.minimum(spec).calls();
            result("calls: " + name + " first run, calls made / minimum", String.format(Locale.ROOT, "%d / %d, +%d (%s)", made, minimum,
                    made - minimum, first.status()));
        }
    }

    /** Daily run of a medium tenant: calls made / the minimum for the records in its windows and snapshots. */
    private void dailyCalls() {
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.medium(NOW))) {
            FakeClock clock = new FakeClock(NOW);
            SyncEngine engine = engine(sim, RateLimits.unlimited(), clock).build();
            Tenant tenant = Tenant.of("medium", sim.credentials(), Cin7Settings.defaults());
            engine.run(tenant);
            sim.data().nextDay();
            clock.set(NOW.plus(Duration.ofDays(1)));
            sim.clearJournal();
            SyncReport daily = engine.run(tenant);
            long made = sim.journal().size();
            Cin7Client counter = client(sim, sim.credentials());
            long minimum = 0;
            minimum += listingCalls(counter.branches().list().stream().count());
            minimum += listingCalls(counter.products().list().stream().count());
            minimum += listingCalls(counter.stock().list().stream().count());
            for (SyncStream s : List.of(SyncStream.SALES_ORDERS, SyncStream.PURCHASE_ORDERS, SyncStream.BRANCH_TRANSFERS)) {
                for (Window w : daily.stream(s).orElseThrow().windows()) {
                    Where where = Where.field("modifiedDate").atLeast(w.from()).and(Where.field("modifiedDate").before(w.to()));
                    ListQuery q = ListQuery.builder().where(where).afterId(0).build();
                    long n = switch (s) {
                        case SALES_ORDERS -> counter.salesOrders().list(q).stream().count();
                        case PURCHASE_ORDERS -> counter.purchaseOrders().list(q).stream().count();
                        default -> counter.branchTransfers().list(q).stream().count();
                    };
                    minimum += listingCalls(n);
                }
            }
            result("calls: medium daily run, calls made / minimum", String.format(Locale.ROOT, "%d / %d = %.2f (%s)", made, minimum,
                    made / (double) minimum, daily.status()));
        }
    }

    /** ceil(n/250) pages, plus one when n is a multiple of 250 (the end is a short page). */
    static long listingCalls(long n) {
        return n / 250 + 1;
    }

    /**
     * Limits scaled up on both sides: wall time / the floor those limits allow, and 429s. Once at
     * 30/s and 600/min (the per-second window binds), once at 10/s and 100/min (the minute binds,
     * as it does at Cin7's real 60/min).
     */
    void pacing() {
        pacing(30, 600, 1);
        pacing(30, 600, 4);
        pacing(10, 100, 1);
    }

    void pacingFast() {
        pacing(30, 600, 1);
        pacing(30, 600, 4);
    }

    void pacing(int perSecond, int perMinute, int parallelism) {
        warmUp();
        SimulatorOptions options = SimulatorOptions.cin7Limits().withRateLimits(perSecond, perMinute, 1_000_000);
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.medium(NOW), options)) {
            SyncEngine engine = engine(sim, RateLimits.of(perSecond, perMinute), Clock.fixed(NOW, ZoneOffset.UTC))
                    .parallelism(parallelism).build();
            Tenant tenant = Tenant.of("pacing", sim.credentials(), Cin7Settings.defaults());
            long start = System.nanoTime();
            SyncReport report = engine.run(tenant);
            double wall = (System.nanoTime() - start) / 1e9;
            List<JournalEntry> journal = sim.journal();
            long rejected = journal.stream().filter(e -> e.status() == 429).count();
            double floor = floorSeconds(journal.size() - (int) rejected, perSecond, perMinute);
            result("pacing: medium first run at " + perSecond + "/s, " + perMinute + "/min, parallelism " + parallelism,
                    String.format(Locale.ROOT,
                    "%d calls in %.2fs, floor %.2fs, ratio %.3f, %d x 429, %d retries (%s)", journal.size(), wall, floor, wall / floor,
                    rejected, report.streams().stream().mapToLong(StreamReport::retries).sum(), report.status()));
        }
    }

    /** One unpaced run first, so that pacing is measured on a warm JVM (JIT, Jackson's caches), not on start-up. */
    private static void warmUp() {
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.medium(NOW))) {
            engine(sim, RateLimits.unlimited(), Clock.fixed(NOW, ZoneOffset.UTC)).build()
                    .run(Tenant.of("warm-up", sim.credentials(), Cin7Settings.defaults()));
        }
    }

    /** The earliest the last of {@code calls} calls can go out under sliding windows, the first at 0. */
    static double floorSeconds(int calls, int perSecond, int perMinute) {
        return floorSeconds(calls, perSecond, perMinute, call -> 0);
    }

    /**
     * The same, with each call held in the windows as the limiter holds it: from its send until
     * {@code countedAfterMillis} of its index later, when it is taken as counted.
     */
    static double floorSeconds(int calls, int perSecond, int perMinute, IntToLongFunction countedAfterMillis) {
        long[] sent = new long[calls];
        long[] counted = new long[calls];
        for (int i = 0; i < calls; i++) {
            long at = 0;
            if (i >= perSecond) {
                at = Math.max(at, counted[i - perSecond] + 1_000);
            }
            if (i >= perMinute) {
                at = Math.max(at, counted[i - perMinute] + 60_000);
            }
            sent[i] = at;
            counted[i] = at + countedAfterMillis.applyAsLong(i);
        }
        return calls == 0 ? 0 : sent[calls - 1] / 1000.0;
    }

    /** Limits off, loopback: records per second end to end, against parsing floors and a naive baseline. */
    void throughput() throws Exception {
        DatasetSpec spec = DatasetSpec.large(NOW).withHistoryDays(120);
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(spec)) {
            Tenant tenant = Tenant.of("throughput", sim.credentials(), Cin7Settings.defaults(), EnumSet.of(SyncStream.SALES_ORDERS));
            Instant from = NOW.minus(Duration.ofDays(100));
            SyncEngine engine = engine(sim, RateLimits.unlimited(), Clock.fixed(NOW, ZoneOffset.UTC)).build();
            engine.resync(tenant, NOW.minus(Duration.ofDays(2)), EnumSet.of(SyncStream.SALES_ORDERS)); // warm-up
            long start = System.nanoTime();
            SyncReport report = engine.resync(Tenant.of("throughput-2", sim.credentials(), Cin7Settings.defaults(),
                    EnumSet.of(SyncStream.SALES_ORDERS)), from, EnumSet.of(SyncStream.SALES_ORDERS));
            double seconds = (System.nanoTime() - start) / 1e9;
            StreamReport sales = report.stream(SyncStream.SALES_ORDERS).orElseThrow();
            result("throughput: engine end to end (HTTP, parse, map, no-op sink), 3-line orders",
                    String.format(Locale.ROOT, "%,.0f records/s (%,d records, %d pages, %.1fs)", sales.fetched() / seconds, sales.fetched(),
                            sales.pages(), seconds));

            List<byte[]> pages = new ArrayList<>();
            List<Long> afterIds = new ArrayList<>();
            rawPages(sim, from, 60, pages, afterIds);
            long records = 0;
            ObjectMapper mapper = Cin7Json.mapper();
            for (byte[] page : pages) {
                records += mapper.readTree(page).size();
            }
            WarehouseDirectory dir = WarehouseDirectory.of(client(sim, sim.credentials()).branches().list(), Cin7Settings.defaults());
            long perPass = records;
            double serve = timeServing(sim, from, afterIds, perPass);
            result("throughput: simulator serving the same pages over HTTP, no parsing", String.format(Locale.ROOT, "%,.0f records/s", serve));
            result("throughput: parse floor, plain Jackson tokens over the bytes", String.format(Locale.ROOT, "%,.0f records/s",
                    rate(perPass, () -> {
                        for (byte[] page : pages) {
                            try (JsonParser p = mapper.getFactory().createParser(page)) {
                                while (p.nextToken() != null) {
                                    // read every token, bind nothing
                                }
                            }
                        }
                    })));
            result("throughput: this client's reader + mapping over the bytes", String.format(Locale.ROOT, "%,.0f records/s",
                    rate(perPass, () -> {
                        for (byte[] page : pages) {
                            for (SalesOrder o : Cin7Json.readPage(SalesOrder.class, "v1/SalesOrders", new ByteArrayInputStream(page))) {
                                SalesOrderMapping.map(o, Cin7Settings.defaults(), dir);
                            }
                        }
                    })));
            result("throughput: naive baseline, whole page bound to a List + mapping", String.format(Locale.ROOT, "%,.0f records/s",
                    rate(perPass, () -> {
                        for (byte[] page : pages) {
                            List<SalesOrder> orders = mapper.readValue(page, new TypeReference<List<SalesOrder>>() {});
                            for (SalesOrder o : orders) {
                                SalesOrderMapping.map(o, Cin7Settings.defaults(), dir);
                            }
                        }
                    })));
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Records per second of {@code work} over {@code records}: best of five passes after two to warm up. */
    private static double rate(long records, Work work) throws Exception {
        double best = 0;
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            work.run();
            double r = records / ((System.nanoTime() - start) / 1e9);
            if (i >= 2) {
                best = Math.max(best, r);
            }
        }
        return best;
    }

    /** The raw bytes of {@code count} keyset pages, as the engine asks for them, and the id each starts after. */
    private static void rawPages(Cin7OmniSimulator sim, Instant from, int count, List<byte[]> pages, List<Long> afterIds)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper mapper = new ObjectMapper();
        long after = 0;
        for (int page = 1; page <= count; page++) {
            byte[] body = http.send(pageRequest(sim, from, after), HttpResponse.BodyHandlers.ofByteArray()).body();
            pages.add(body);
            afterIds.add(after);
            var array = mapper.readTree(body);
            after = array.get(array.size() - 1).get("id").asLong();
        }
    }

    private static double timeServing(Cin7OmniSimulator sim, Instant from, List<Long> afterIds, long records) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return rate(records, () -> {
            for (long after : afterIds) {
                http.send(pageRequest(sim, from, after), HttpResponse.BodyHandlers.discarding());
            }
        });
    }

    private static HttpRequest pageRequest(Cin7OmniSimulator sim, Instant from, long afterId) {
        Where window = Where.field("modifiedDate").atLeast(from).and(Where.field("id").greaterThan(afterId));
        String where = java.net.URLEncoder.encode(window.toString(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpRequest.newBuilder(URI.create(sim.baseUri() + "v1/SalesOrders?where=" + where + "&order=id%20ASC&rows=250&page=1"))
                .header("Authorization", sim.credentials().basicAuthorization()).GET().build();
    }

    /** A 1,000,000-order re-sync in a JVM of its own with -Xmx64m. */
    void memory() throws Exception {
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.large(NOW))) {
            Process child = new ProcessBuilder(javaBinary(), "-Xmx64m", "-cp", System.getProperty("java.class.path"), MemoryChild.class.getName(),
                    sim.baseUri().toString(), sim.credentials().username(), sim.credentials().apiKey(), NOW.toString())
                    .redirectErrorStream(true).start();
            String last = "";
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    last = line;
                }
            }
            int exit = child.waitFor();
            result("memory: 1,000,000-order re-sync with -Xmx64m", (exit == 0 ? "" : "exit " + exit + ": ") + last);
        }
    }

    /** Rounds run untimed between the first and the warm measurement: the JIT is still compiling during the second. */
    private static final int WARM_UP_ROUNDS = 2;
    /** Each tenant's own account's limits, as the simulator enforces them and the engine paces. */
    static final int TENANT_PER_SECOND = 2;
    static final int TENANT_PER_MINUTE = 60;
    private static final int TENANTS = 200;
    /**
     * Each tenant's account: 3 branches, 12 products of 2 options, 100 days of 2 orders a day, 10
     * purchase orders, 10 transfers: a first run of 9 calls.
     */
    private static final DatasetSpec TINY = new DatasetSpec(1, NOW, 3, 12, 2, 100, 2, 0, 10, 10);

    /**
     * 200 tenants at once in one JVM, each its own account at 2/s and 60/min: on the JVM started
     * for the run, again on the warm JVM (after {@link #WARM_UP_ROUNDS} untimed rounds), and with
     * Cin7 taking 10 s a page.
     */
    void tenants() throws Exception {
        RateLimits limits = RateLimits.of(TENANT_PER_SECOND, TENANT_PER_MINUTE);
        tenants(Duration.ZERO, limits, "a JVM started for the run", true);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            tenants(Duration.ZERO, limits, "warming up", false);
        }
        tenants(Duration.ZERO, limits, "the same JVM, warm", true);
        tenants(Duration.ofSeconds(10), limits, "the same JVM, Cin7 taking ~10 s a page", true);
    }

    /** The JVM started for the run again, each call taken as counted by Cin7 within 3 s of its send instead of 1 s. */
    void tenantsCountedWithin3s() throws Exception {
        tenants(Duration.ZERO, RateLimits.of(TENANT_PER_SECOND, TENANT_PER_MINUTE).withCountedWithin(Duration.ofSeconds(3)),
                "a JVM started for the run, countedWithin 3 s", true);
    }

    /** One round with the simulator in this JVM, started for the round. */
    private void tenants(Duration pageLatency, RateLimits limits, String how, boolean report) throws Exception {
        try (Cin7OmniSimulator sim = tenantsSimulator(pageLatency)) {
            addAccounts(sim, "tenant-");
            SendTimes http = new SendTimes();
            ManyTenants.Round round = ManyTenants.run(sim.baseUri(), ManyTenants.tenants("tenant-", TENANTS), limits, NOW, http);
            if (report) {
                report(how, round, sim.journal(), http.log(), limits);
            }
        }
    }

    /**
     * 200 tenants at once, the engine in a JVM started for each round and the simulator in this
     * one, warmed up first, as Cin7 is: three rounds, each on accounts of its own. A JVM that
     * serves the simulator too is busier than a host's; this one is not.
     */
    void tenantsEngineApart() throws Exception {
        RateLimits limits = RateLimits.of(TENANT_PER_SECOND, TENANT_PER_MINUTE);
        try (Cin7OmniSimulator sim = tenantsSimulator(Duration.ZERO)) {
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                addAccounts(sim, "warm-" + i + "-");
                ManyTenants.run(sim.baseUri(), ManyTenants.tenants("warm-" + i + "-", TENANTS), limits, NOW, new SendTimes());
            }
            for (int i = 1; i <= 3; i++) {
                String prefix = "apart-" + i + "-";
                addAccounts(sim, prefix);
                Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"), TenantsChild.class.getName(),
                        sim.baseUri().toString(), prefix, Integer.toString(TENANTS), Long.toString(limits.countedWithin().toMillis()),
                        NOW.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                List<String> lines;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    lines = out.lines().toList();
                } finally {
                    child.destroyForcibly().waitFor();
                }
                List<JournalEntry> journal = sim.journal().stream().filter(e -> e.username().startsWith(prefix)).toList();
                report("the engine in a JVM started for it, the simulator warm in another (round " + i + ")",
                        ManyTenants.Round.read(lines), journal, SendLog.read(lines), limits);
            }
        }
    }

    /** The java command of this JVM, for the benchmarks' child JVMs. */
    private static String javaBinary() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Cin7OmniSimulator tenantsSimulator(Duration pageLatency) {
        SimulatorOptions options = SimulatorOptions.cin7Limits().withRateLimits(TENANT_PER_SECOND, TENANT_PER_MINUTE, 1_000_000)
                .withLatency(pageLatency.isZero() ? Latency.NONE : Latency.perPage(pageLatency, 0.2, 5));
        return Cin7OmniSimulator.start(TINY, options);
    }

    /** A tiny account of its own for each of the round's tenants. */
    private static void addAccounts(Cin7OmniSimulator sim, String prefix) {
        for (int i = 0; i < TENANTS; i++) {
            sim.addAccount(ManyTenants.credentials(prefix, i), TINY.withSeed(1_000 + i));
        }
    }

    /**
     * Total wall / floor, 429s, the time from send to answer (with Cin7 answering at once, that is
     * the time a request spends in the engine's queues and the simulator's) and from send to the
     * simulator's count, the CPU the engine's process spent, peak heap, and the threads besides
     * the simulator's and the 200 callers'.
     */
    private void report(String how, ManyTenants.Round r, List<JournalEntry> journal, SendLog sends, RateLimits limits) {
        long rejected = journal.stream().filter(e -> e.status() == 429).count();
        long[] toArrival = sends.toArrival(journal);
        long late = Arrays.stream(toArrival).filter(ms -> ms > limits.countedWithin().toMillis()).count();
        double floor = floorSeconds((int) r.maxCalls(), TENANT_PER_SECOND, TENANT_PER_MINUTE);
        long[] sorted = r.latencies();
        result("tenants: 200 at once, 2/s and 60/min each, " + how, String.format(Locale.ROOT,
                "%d succeeded, %,d calls, %d retries, wall %.2fs, floor %.2fs, ratio %.2f, %d x 429; send to answer p50 %d ms,"
                        + " p99 %d ms, max %d ms; send to arrival at the simulator (where Cin7 counts it) p50 %d ms, p90 %d ms,"
                        + " p99 %d ms, max %d ms, %,d of %,d calls arriving later than countedWithin (%d ms) after their send;"
                        + " CPU %.1f s; peak heap %.0f MiB; threads: %d before,"
                        + " peak %d in all (the 200 callers included, and the simulator's if in the same JVM), at most %d besides those",
                r.succeeded(), journal.size(), r.retries(), r.wallSeconds(), floor, r.wallSeconds() / floor, rejected,
                percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1], percentile(toArrival, 50),
                percentile(toArrival, 90), percentile(toArrival, 99), toArrival[toArrival.length - 1], late, toArrival.length,
                limits.countedWithin().toMillis(), r.cpuSeconds(), r.peakHeapBytes() / 1048576.0, r.threadsBefore(), r.peakThreads(),
                r.besides()));
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }
}
