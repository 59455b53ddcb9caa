package io.moselle.examples.cli;

import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.cin7.testing.FakeClock;
import io.moselle.examples.FileSink;
import io.moselle.mapping.cin7.BranchSetting;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.Tenant;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The local demo: a simulated Cin7 Omni account (four branches, 300 SKUs, two years of orders),
 * a first sync, then "the next day" and a daily sync, into memory or an output folder. The simulator
 * enforces rate limits ten times Cin7's, and the engine paces at exactly those, so the demo shows
 * real pacing and finishes in seconds.
 */
final class Demo {
    private static final RateLimits DEMO_LIMITS = RateLimits.of(30, 600);

    private final PrintStream out;
    private final boolean live;

    Demo(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** @param outDir where to keep the records as {@code sync --out} does, or null to keep them in memory only */
    int run(Path outDir) throws IOException {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(6));
        SimulatorOptions limits = SimulatorOptions.cin7Limits().withRateLimits(DEMO_LIMITS.perSecond(), DEMO_LIMITS.perMinute(), 50_000);
        try (Cin7OmniSimulator simulator = Cin7OmniSimulator.start(DatasetSpec.demo(today), limits);
                OutputFolder folder = outDir == null ? null : OutputFolder.open(outDir, "demo", true)) {
            out.println("Cin7 Omni simulator on " + simulator.baseUri() + " (demo account: 4 branches, 300 SKUs, 2 years of orders)");
            // Branches 1 and 2 are one warehouse for Moselle; branch 4 is closed in Cin7.
            Cin7Settings settings = Cin7Settings.builder()
                    .branch(1, new BranchSetting("AKL", "Auckland", null))
                    .branch(2, BranchSetting.mapTo("AKL"))
                    .channel("POS", "Retail").channel("B2B Portal", "Wholesale")
                    .build();
            Tenant tenant = Tenant.of("demo", simulator.credentials(), settings);
            FakeClock clock = new FakeClock(today);
            FileSink memory = new FileSink();
            SyncEngine engine = SyncEngine.builder()
                    .sink(folder != null ? folder.sink() : memory)
                    .checkpointStore(folder != null ? folder.checkpoints() : new InMemoryCheckpointStore())
                    .clock(clock)
                    .rateLimits(DEMO_LIMITS)
                    .clientOptions(b -> b.baseUri(simulator.baseUri()))
                    .syncListener(new ProgressPrinter(out, live))
                    .build();

            out.println("\nFirst sync (reaches back two years):");
            SyncReport first = engine.run(tenant);
            if (folder != null) {
                folder.commit(first);
            }
            ReportPrinter.report(out, first);

            simulator.data().nextDay();
            clock.set(today.plus(Duration.ofDays(1)));
            out.println("\nThe next day: new orders, dispatches and receipts. Daily sync (reaches back 90 days):");
            SyncReport daily = engine.run(tenant);
            if (folder != null) {
                folder.commit(daily);
            }
            ReportPrinter.report(out, daily);
            ReportPrinter.projectedStock(out, (folder != null ? folder.records() : memory).projectedStock(), 12);
            out.println(folder != null ? "\nFiles: " + folder.path() : "\nPass --out DIR to keep the records as files.");
            return first.status() == SyncStatus.SUCCEEDED && daily.status() == SyncStatus.SUCCEEDED ? Cli.OK : Cli.FAILED;
        }
    }
}
