package io.moselle.examples.cli;

import io.moselle.sync.FailureKind;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code sync}: every input checked and the output folder opened before the first call to Cin7;
 * the run journaled page by page; the folder switched to the new state at the end. Ctrl-C or
 * SIGTERM cancels the run and keeps what it delivered.
 */
final class SyncCommand {
    /** How long a signal waits for the run to stop and its journal to close before the JVM exits anyway (safe: see OutputFolder). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Map<String, String> env;
    private final PrintStream out;
    private final Cli.Messages messages;
    private final CrashPoints crash;
    private final boolean live;

    SyncCommand(Map<String, String> env, PrintStream out, Cli.Messages messages, CrashPoints crash, boolean live) {
        this.env = env;
        this.out = out;
        this.messages = messages;
        this.crash = crash;
        this.live = live;
    }

    int run(Options options) throws IOException {
        Path dir = Path.of(options.required("out"));
        Connection connection = Connection.of(options, env);
        Clock clock = clock(options.instant("now"));
        Instant resyncFrom = options.instant("resync-from");
        if (resyncFrom != null && !resyncFrom.isBefore(clock.instant())) {
            throw new Options.UsageException("--resync-from " + resyncFrom + " is not before the run's now, " + clock.instant());
        }
        Signals signals = Signals.install();
        try (OutputFolder folder = OutputFolder.open(dir, connection.tenant().id(), options.has("reset"), crash)) {
            if (folder.replayedEntries() > 0) {
                out.printf(Locale.ROOT, "Continuing the run interrupted in %s (%,d deliveries kept)%n", folder.path(), folder.replayedEntries());
            }
            SyncEngine engine = SyncEngine.builder()
                    .sink(folder.sink())
                    .checkpointStore(folder.checkpoints())
                    .clientOptions(connection.client())
                    .clock(clock)
                    .rateLimits(connection.rateLimits())
                    .parallelism(options.number("parallelism", SyncEngine.DEFAULT_PARALLELISM, 1, SyncEngine.MAX_PARALLELISM))
                    .syncListener(new ProgressPrinter(out, live))
                    .build();
            signals.onStop(() -> engine.cancel(connection.tenant().id()));
            SyncReport report = signals.stopped() ? null : resyncFrom != null
                    ? engine.resync(connection.tenant(), resyncFrom, connection.tenant().streams())
                    : engine.run(connection.tenant());
            if (signals.stopped() && (report == null || report.status() == SyncStatus.CANCELLED)) {
                messages.line(String.format(Locale.ROOT, "stopped: kept what was delivered (%,d deliveries, in %s); %s still shows the"
                        + " last complete run. Run the same command again to continue", folder.uncommittedEntries(),
                        folder.stateDir().resolve(OutputFolder.JOURNAL), folder.path()));
                return Cli.INTERRUPTED;
            }
            if (folder.uncommittedEntries() > 0) {
                folder.commit(report);
            }
            ReportPrinter.report(out, report);
            out.println("\nWrote " + folder.path());
            return exitCode(report, folder.path());
        } finally {
            signals.done();
        }
    }

    private int exitCode(SyncReport report, Path dir) {
        if (report.status() == SyncStatus.SUCCEEDED) {
            return Cli.OK;
        }
        if (report.status() == SyncStatus.PAUSED) {
            return messages.fail(Cli.PAUSED, firstError(report) + report.resumeAfter()
                    .map(t -> "; run again after " + t + " to continue").orElse("; run again later to continue"), null);
        }
        if (report.status() == SyncStatus.FAILED && report.failures().equals(java.util.Set.of(FailureKind.CREDENTIALS_REFUSED))) {
            return messages.fail(Cli.BAD_CREDENTIALS, Cli.BAD_CREDENTIALS_MESSAGE, null);
        }
        if (report.status() == SyncStatus.FAILED && report.failures().equals(java.util.Set.of(FailureKind.CIN7_UNREACHABLE))) {
            return messages.fail(Cli.UNREACHABLE, "cannot reach Cin7: " + firstError(report), null);
        }
        return messages.fail(Cli.FAILED, "sync " + report.status() + ": " + firstError(report) + " (the report above and "
                + dir.resolve(OutputFolder.REPORT) + " say more)", null);
    }

    private static String firstError(SyncReport report) {
        return report.streams().stream().flatMap(s -> s.error().stream()).findFirst().orElse("");
    }

    private static Clock clock(Instant now) {
        if (now == null) {
            return Clock.systemUTC();
        }
        Instant limit = Instant.now().plus(Duration.ofDays(1));
        if (now.isAfter(limit)) {
            throw new Options.UsageException("--now " + now + " is more than a day ahead of this machine's clock (" + Instant.now() + ")");
        }
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    /**
     * Ctrl-C and SIGTERM: the JVM runs its shutdown hooks, and this one cancels the run and waits
     * (a bounded time) for the command to close its folder before the JVM exits with 130 or 143.
     */
    private static final class Signals {
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread hook;
        private volatile Runnable cancel = () -> { };
        private volatile boolean stopped;

        private Signals() {
            hook = new Thread(() -> {
                stopped = true;
                cancel.run();
                try {
                    done.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cin7-omni-sync-stop");
        }

        static Signals install() {
            Signals signals = new Signals();
            Runtime.getRuntime().addShutdownHook(signals.hook);
            return signals;
        }

        /** What a signal does from now on. */
        void onStop(Runnable cancel) {
            this.cancel = cancel;
            if (stopped) {
                cancel.run();
            }
        }

        boolean stopped() {
            return stopped;
        }

        /** The command is done with the folder: a signal may end the JVM now. */
        void done() {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already stopping: the hook runs (or ran) and returns at once
            }
        }
    }
}
