package io.moselle.examples.bench;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

/**
 * The memory benchmark's own JVM (started with a small {@code -Xmx}): re-syncs every sales order
 * of a simulator running in the parent process into a no-op sink, then prints one line:
 * {@code records=N seconds=S peakHeapMiB=M status=X}.
 */
public final class MemoryChild {
    private MemoryChild() {}

    public static void main(String[] args) {
        URI baseUri = URI.create(args[0]);
        Credentials credentials = Credentials.of(args[1], args[2]);
        Instant now = Instant.parse(args[3]);
        NoOpSink sink = new NoOpSink();
        SyncEngine engine = SyncEngine.builder()
                .sink(sink)
                .checkpointStore(new InMemoryCheckpointStore())
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .rateLimits(RateLimits.unlimited())
                .callBudgets(connection -> CallBudget.unlimited())
                .clientOptions(options -> options.baseUri(baseUri))
                .build();
        Tenant tenant = Tenant.of("memory", credentials, Cin7Settings.defaults(), EnumSet.of(SyncStream.SALES_ORDERS));
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        SyncReport report = engine.resync(tenant, now.minus(java.time.Duration.ofDays(731)), EnumSet.of(SyncStream.SALES_ORDERS));
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(java.util.Locale.ROOT, "records=%d seconds=%.1f peakHeapMiB=%.1f status=%s calls=%d%n",
                report.stream(SyncStream.SALES_ORDERS).orElseThrow().fetched(), seconds, peak / 1048576.0, report.status(), report.apiCalls());
    }
}
