package io.moselle.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.examples.FileSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line in a child JVM, killed with {@code destroyForcibly()} at seeded moments, stopped
 * dead inside its saves, and stopped by SIGTERM and Ctrl-C: every delivered page is kept, the
 * folder is never torn, and the run finished afterwards ends with the files of an uninterrupted
 * run. The seed is printed; {@code -Dcrash.seed=N} replays the same kill points.
 */
class CliCrashTest {
    static final Instant NOW = CliFixture.NOW;
    static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    static final Duration PATIENCE = Duration.ofSeconds(120);

    final Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.small(NOW));
    final Gate gate = new Gate();

    @TempDir
    Path dir;

    Map<String, String> uninterrupted;
    int requestsOfAWholeRun;
    int parallelism = 4;

    @BeforeEach
    void runOnceUninterrupted() throws Exception {
        sim.beforeEachRequest((n, resource, query, data) -> gate.pass());
        assertThat(cliInProcess(dir.resolve("uninterrupted"))).isZero();
        uninterrupted = dataFiles(dir.resolve("uninterrupted"));
        requestsOfAWholeRun = sim.journal().size();
        sim.clearJournal();
        gate.reset();
    }

    @AfterEach
    void stop() {
        gate.release();
        sim.close();
    }

    /**
     * With one request at a time, the held request is the only one in flight, so a seed replays
     * the same kills exactly; with four, the other reads may move on while it is held.
     */
    @ParameterizedTest(name = "{0} request(s) at a time")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 4})
    void killedAtSeededMomentsItKeepsEveryPageAndEndsAsAnUninterruptedRun(int parallelism) throws Exception {
        this.parallelism = parallelism;
        sim.clearJournal();
        assertThat(cliInProcess(dir.resolve("uninterrupted-" + parallelism))).isZero();
        requestsOfAWholeRun = sim.journal().size();
        sim.clearJournal();
        gate.reset();
        System.out.println("CliCrashTest crash.seed=" + SEED + " (-Dcrash.seed=" + SEED + " replays these kills)");
        Random random = new Random(SEED);
        Path acme = dir.resolve("acme");
        List<Integer> killedBefore = new ArrayList<>();
        for (int kill = 0; kill < 8; kill++) {
            // the last kill comes late, when most of the history is in: the run that finishes must need less than a whole run
            int request = kill == 7 ? requestsOfAWholeRun - 1 : 1 + random.nextInt(requestsOfAWholeRun);
            gate.closeBefore(request);
            Process child = start(acme, "NONE", 0);
            if (gate.awaitReached(child)) {
                child.destroyForcibly();
                killedBefore.add(request);
            }
            assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            gate.release();
            assertNeverTorn(acme);
        }
        System.out.println("CliCrashTest killed before requests " + killedBefore);
        assertThat(killedBefore).as("kills that landed in a run").isNotEmpty();
        sim.clearJournal();

        assertThat(cliInProcess(acme)).isZero();

        assertSameFiles(acme);
        assertThat(sim.journal().size()).as("the pages delivered before the last kill were kept").isLessThan(requestsOfAWholeRun);
    }

    @ParameterizedTest
    @EnumSource(CrashPoints.Step.class)
    void stoppedDeadInsideASaveTheFolderShowsTheOldStateOrTheNewAndTheNextRunCleansUp(CrashPoints.Step step) throws Exception {
        Path acme = dir.resolve("acme");
        assertThat(cliInProcess(acme)).isZero();
        String before = Files.readSymbolicLink(acme).toString();
        int nth = step == CrashPoints.Step.JOURNAL_LINE_HALF_WRITTEN ? 1 + new Random(SEED).nextInt(5) : 1;

        Process child = start(acme, step.name(), nth);
        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as("stopped dead at " + step + " #" + nth).isEqualTo(CrashingCli.HALTED);
        assertNeverTorn(acme);
        String shown = Files.readSymbolicLink(acme).toString();
        String expected = step == CrashPoints.Step.COMMIT_SWITCHED || step == CrashPoints.Step.COMMIT_JOURNAL_REMOVED
                ? ".acme.sync/state-000002" : before;
        assertThat(shown).as("the whole old state or the whole new one").isEqualTo(expected);

        assertThat(cliInProcess(acme)).isZero();

        assertSameFiles(acme);
        assertThat(CliFixture.list(dir.resolve(".acme.sync"))).extracting(p -> p.getFileName().toString())
                .as("leftovers removed").containsExactlyInAnyOrder(Files.readSymbolicLink(acme).getFileName().toString(), "journal.jsonl",
                        "lock");
        assertThat(dir.resolve(".acme.next")).doesNotExist();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TERM", "INT"})
    void aSignalStopsTheRunKeepingWhatItDeliveredWithOneLine(String signal) throws Exception {
        Path acme = dir.resolve("acme");
        gate.closeBefore(requestsOfAWholeRun / 2);
        Process child = start(acme, "NONE", 0);
        assertThat(gate.awaitReached(child)).as("the run got half-way").isTrue();

        long signalled = System.nanoTime();
        new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor();
        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
        gate.release();

        System.out.println("CliCrashTest SIG" + signal + " stopped the run in " + stopping.toMillis() + " ms");
        assertThat(child.exitValue()).isEqualTo(signal.equals("INT") ? 130 : 143);
        List<String> err = Files.readAllLines(dir.resolve("child.err"));
        assertThat(err).singleElement().asString().startsWith("stopped: kept what was delivered (")
                .endsWith(acme + " still shows the last complete run. Run the same command again to continue");
        assertThat(acme).as("no run completed yet").doesNotExist();
        sim.clearJournal();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(cliInProcess(acme, out)).isZero();

        String continuing = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("Continuing the run interrupted in " + acme))
                .findFirst().orElseThrow();
        assertThat(Long.parseLong(continuing.replaceAll(".*\\((\\d[\\d,]*) deliveries kept\\)", "$1").replace(",", "")))
                .as("what was delivered before the signal was kept").isPositive();
        assertSameFiles(acme);
    }

    /** The data files equal the uninterrupted run's; a difference is shown by its first line. */
    void assertSameFiles(Path acme) throws IOException {
        Map<String, String> actual = dataFiles(acme);
        for (String name : FileSink.FILES) {
            List<String> mine = actual.get(name).lines().toList();
            List<String> theirs = uninterrupted.get(name).lines().toList();
            for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
                String a = i < mine.size() ? mine.get(i) : "(end)";
                String b = i < theirs.size() ? theirs.get(i) : "(end)";
                assertThat(a).as(name + " line " + (i + 1) + " of " + mine.size() + " (uninterrupted: " + theirs.size() + ")").isEqualTo(b);
            }
        }
    }

    /** A reader of the folder sees a complete state: every file as its manifest says. */
    static void assertNeverTorn(Path acme) throws IOException {
        if (Files.isSymbolicLink(acme)) {
            assertThat(Manifest.verify(acme.toRealPath(), acme)).isEqualTo("cli");
        }
    }

    static Map<String, String> dataFiles(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String name : FileSink.FILES) {
            files.put(name, Files.readString(folder.resolve(name)));
        }
        return files;
    }

    List<String> syncArgs(Path out) {
        return List.of("sync", "--base-url", sim.baseUri().toString(), "--out", out.toString(), "--rate-limit", "1000,60000",
                "--now", NOW.toString(), "--parallelism", Integer.toString(parallelism));
    }

    int cliInProcess(Path out) {
        return cliInProcess(out, new ByteArrayOutputStream());
    }

    int cliInProcess(Path out, ByteArrayOutputStream stdout) {
        Map<String, String> env = Map.of("CIN7_USERNAME", Cin7OmniSimulator.DEFAULT_USERNAME, "CIN7_API_KEY", Cin7OmniSimulator.DEFAULT_API_KEY);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(env, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(syncArgs(out).toArray(String[]::new));
        assertThat(err.toString(StandardCharsets.UTF_8)).as("errors of the run").isEmpty();
        return code;
    }

    Process start(Path out, String step, int nth) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashingCli.class.getName(), step, Integer.toString(nth)));
        command.addAll(syncArgs(out));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile());
        builder.environment().put("CIN7_USERNAME", Cin7OmniSimulator.DEFAULT_USERNAME);
        builder.environment().put("CIN7_API_KEY", Cin7OmniSimulator.DEFAULT_API_KEY);
        return builder.start();
    }

    /**
     * Holds the n-th request of a child's run unanswered, so that the child is killed at a
     * known point: every page before it delivered and journaled, none after.
     */
    static final class Gate {
        private final AtomicInteger seen = new AtomicInteger();
        private volatile int closedBefore = Integer.MAX_VALUE;
        private volatile CountDownLatch reached = new CountDownLatch(1);
        private volatile CountDownLatch released = new CountDownLatch(1);

        void reset() {
            closeBefore(Integer.MAX_VALUE);
        }

        void closeBefore(int request) {
            seen.set(0);
            reached = new CountDownLatch(1);
            released = new CountDownLatch(1);
            closedBefore = request;
        }

        /** Called by the simulator before it answers each request. */
        void pass() {
            if (seen.incrementAndGet() == closedBefore) {
                reached.countDown();
                try {
                    released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Waits until the held request arrives (true) or the child ends first, its run complete (false). */
        boolean awaitReached(Process child) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                if (reached.await(20, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (!child.isAlive()) {
                    return reached.getCount() == 0;
                }
            }
            throw new AssertionError("the child neither reached the held request nor ended");
        }

        void release() {
            released.countDown();
        }
    }
}
