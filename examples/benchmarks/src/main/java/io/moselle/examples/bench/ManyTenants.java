package io.moselle.examples.bench;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.Cin7Request;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import io.moselle.sync.spi.SyncListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The engine's side of one round of the many-tenants benchmark: every tenant's first run at
 * once, each on a host thread of its own ({@code host-*}), against a simulator that may run in
 * this JVM or in another.
 */
final class ManyTenants {
    /**
     * What a round measured.
     *
     * @param latencies from send to answer of every call, in milliseconds, sorted
     * @param besides the most threads at once besides those of the simulator (Jetty's) and the host's callers
     */
    record Round(long succeeded, long maxCalls, long retries, double wallSeconds, double cpuSeconds, long[] latencies,
            long peakHeapBytes, int threadsBefore, int peakThreads, int besides) {
        private static final String LINE = "round\t";

        /** One line, which {@link #read} reads back. */
        String line() {
            String latencyList = Arrays.stream(latencies).mapToObj(Long::toString).collect(Collectors.joining(","));
            return LINE + succeeded + "\t" + maxCalls + "\t" + retries + "\t" + wallSeconds + "\t" + cpuSeconds + "\t" + peakHeapBytes
                    + "\t" + threadsBefore + "\t" + peakThreads + "\t" + besides + "\t" + latencyList;
        }

        /** The round of {@code lines}' round line. */
        static Round read(List<String> lines) {
            String line = lines.stream().filter(l -> l.startsWith(LINE)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no round line in " + lines.size() + " lines; last: "
                            + (lines.isEmpty() ? "" : lines.get(lines.size() - 1))));
            String[] f = line.substring(LINE.length()).split("\t", -1);
            long[] latencies = f[9].isEmpty() ? new long[0] : Arrays.stream(f[9].split(",")).mapToLong(Long::parseLong).toArray();
            return new Round(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), latencies, Long.parseLong(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]),
                    Integer.parseInt(f[8]));
        }
    }

    private ManyTenants() {}

    /** {@code count} tenants, each with an account of its own named {@code prefix} and its number. */
    static List<Tenant> tenants(String prefix, int count) {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tenants.add(Tenant.of(prefix + i, credentials(prefix, i), Cin7Settings.defaults()));
        }
        return tenants;
    }

    /** The credentials of account {@code i} of those named {@code prefix}. */
    static Credentials credentials(String prefix, int i) {
        return Credentials.of(prefix + i, "key-" + i);
    }

    /** Runs every tenant's first run at once, with the engine's defaults but for {@code limits}, over {@code http}. */
    static Round run(URI baseUri, List<Tenant> tenants, RateLimits limits, Instant now, HttpClient http) throws Exception {
        Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        SyncEngine engine = SyncEngine.builder()
                .sink(new NoOpSink())
                .checkpointStore(new InMemoryCheckpointStore())
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .rateLimits(limits)
                .callBudgets(connection -> CallBudget.unlimited())
                .clientOptions(b -> b.baseUri(baseUri).httpClient(http))
                .syncListener(new SyncListener() {
                    @Override
                    public void requestCompleted(String tenantId, SyncStream stream, Cin7Request request) {
                        latencies.add(request.latency().toMillis());
                    }
                })
                .build();
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int before = threads.getThreadCount();
        Set<Thread> existing = Set.copyOf(Thread.getAllStackTraces().keySet());
        threads.resetPeakThreadCount();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicInteger hostThreads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(tenants.size(), task -> new Thread(task, "host-" + hostThreads.incrementAndGet()));
        ThreadSampler sampler = ThreadSampler.start(existing);
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<CompletableFuture<SyncReport>> runs = tenants.stream().map(t -> engine.runAsync(t, pool)).toList();
        long succeeded = 0;
        long maxCalls = 0;
        long retries = 0;
        for (CompletableFuture<SyncReport> run : runs) {
            SyncReport r = run.get();
            succeeded += r.status() == SyncStatus.SUCCEEDED ? 1 : 0;
            maxCalls = Math.max(maxCalls, r.apiCalls());
            retries += r.streams().stream().mapToLong(StreamReport::retries).sum();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        int besides = sampler.stop();
        pool.shutdown();
        engine.close();
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Round(succeeded, maxCalls, retries, wall, cpu, latencies.stream().mapToLong(Long::longValue).sorted().toArray(),
                peakHeap, before, threads.getPeakThreadCount(), besides);
    }

    /** Samples the threads started since, leaving out the simulator's (Jetty's) and the host's callers ({@code host-*}). */
    private static final class ThreadSampler implements Runnable {
        private final Set<Thread> existing;
        private final Thread thread;
        private volatile boolean running = true;
        private int most;

        private ThreadSampler(Set<Thread> existing) {
            this.existing = existing;
            this.thread = new Thread(this, "thread-sampler");
        }

        static ThreadSampler start(Set<Thread> existing) {
            ThreadSampler sampler = new ThreadSampler(existing);
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                int now = (int) Thread.getAllStackTraces().keySet().stream().filter(t -> !existing.contains(t) && t.isAlive()
                        && t != thread && !t.getName().startsWith("qtp") && !t.getName().startsWith("Connector-Scheduler")
                        && !t.getName().startsWith("host-")).count();
                most = Math.max(most, now);
                LockSupport.parkNanos(20_000_000);
            }
        }

        /** Stops sampling; the most threads seen at once. */
        int stop() throws InterruptedException {
            running = false;
            thread.join();
            return most;
        }
    }
}
