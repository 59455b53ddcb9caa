package io.moselle.examples.fleet;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The fleet example, on one machine: simulated Cin7 accounts, one PostgreSQL (embedded unless a
 * JDBC URL is given), and several worker processes ({@link FleetWorker}) that sync every tenant
 * of {@code fleet_tenant} once today, scheduled by db-scheduler. Optionally kills one worker with
 * SIGKILL once a third of the tenants are done, and freezes another with SIGSTOP once half are
 * done (thawed with SIGCONT three leases later), to show the others take their tenants over and
 * the thawed worker commits nothing.
 */
public final class Fleet {
    /**
     * @param workers worker processes
     * @param tenants simulated tenants
     * @param tenantsPerConnection tenants sharing one API connection (one simulated account)
     * @param jdbcUrl the database, or null for an embedded PostgreSQL
     * @param killOne kill the first worker once a third of the tenants are done
     * @param freezeOne freeze the second worker once half of the tenants are done, for three leases
     * @param threadsPerWorker tenants each worker syncs at once
     * @param limits the simulated accounts' limits, which the workers pace at
     * @param lease how long a lease lives without renewal
     * @param heartbeat db-scheduler's heartbeat
     * @param account the shape of each tenant's data
     */
    public record Settings(int workers, int tenants, int tenantsPerConnection, String jdbcUrl, boolean killOne, boolean freezeOne,
            int threadsPerWorker, RateLimits limits, Duration lease, Duration heartbeat, DatasetSpec account) {

        /** The demo's: scaled limits (30/s, 600/min), leases of 5 s, heartbeats of 1 s, small accounts. */
        public static Settings demo(int workers, int tenants, String jdbcUrl, boolean killOne) {
            return new Settings(workers, tenants, 1, jdbcUrl, killOne, false, 8, RateLimits.of(30, 600), Duration.ofSeconds(5),
                    Duration.ofSeconds(1), new DatasetSpec(1, Instant.now().truncatedTo(ChronoUnit.SECONDS), 3, 12, 2, 100, 2, 0, 10, 10));
        }
    }

    /**
     * What the fleet did.
     *
     * @param wall from the first worker's start to the last tenant done
     * @param byWorker tenants synced, per worker
     * @param killed the worker killed, or null
     * @param killedAt when it was killed, or null
     * @param frozen the worker frozen and thawed, or null
     * @param frozenAt when it was frozen, or null
     * @param applications what the sink's own count says
     * @param storeStatements statements the sync's stores sent, per worker (the killed one's up to its last run)
     * @param pages pages delivered, per worker
     * @param peakConnections the most database connections seen at once
     * @param simulator the simulator, still running, for its journal
     */
    public record Result(Duration wall, Map<String, Integer> byWorker, String killed, Instant killedAt, String frozen, Instant frozenAt,
            Applications applications, Map<String, Long> storeStatements,
            Map<String, Long> pages, long peakConnections, Cin7OmniSimulator simulator) {}

    /**
     * The sink's count of record applications ({@code fleet_applied}).
     *
     * @param total every application
     * @param twiceByOneRun records one run applied more than once: a page applied twice
     * @param afterANewerRun runs that committed after a newer run of their tenant had begun to: a stale holder's writes
     */
    public record Applications(long total, long twiceByOneRun, long afterANewerRun) {}

    private final Settings settings;
    private final PrintStream out;

    public Fleet(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the whole example; stops everything it started but the simulator, which the result holds. */
    public Result run() throws IOException, SQLException, InterruptedException {
        Cin7OmniSimulator simulator = Cin7OmniSimulator.start(settings.account(), SimulatorOptions.cin7Limits()
                .withRateLimits(settings.limits().perSecond(), settings.limits().perMinute(), 1_000_000));
        EmbeddedPostgres embedded = settings.jdbcUrl() == null ? EmbeddedPostgres.builder().start() : null;
        List<Process> workers = new ArrayList<>();
        Path logs = Files.createTempDirectory("cin7-omni-fleet-logs");
        boolean clean = false;
        try {
            String jdbcUrl = embedded != null ? embedded.getJdbcUrl("postgres", "postgres") : settings.jdbcUrl();
            PGSimpleDataSource db = new PGSimpleDataSource();
            db.setURL(jdbcUrl);
            out.printf(Locale.ROOT, "Fleet: %d workers, %d tenants, PostgreSQL %s, simulated Cin7 on %s%n", settings.workers(),
                    settings.tenants(), embedded != null ? "embedded on port " + embedded.getPort() : jdbcUrl.replaceAll("password=[^&]*", "password=****"),
                    simulator.baseUri());
            FleetDatabase.create(db);
            schedule(db, simulator);
            Instant start = Instant.now();
            for (int i = 1; i <= settings.workers(); i++) {
                workers.add(startWorker(jdbcUrl, simulator, "worker-" + i, logs));
            }
            Result result = await(db, workers, start, simulator);
            clean = true;
            return result;
        } finally {
            for (Process worker : workers) {
                signal(worker, "CONT"); // a frozen worker ends only once it runs again
                worker.destroy();
            }
            for (Process worker : workers) {
                worker.waitFor();
            }
            if (embedded != null) {
                embedded.close();
            }
            if (clean) {
                deleteLogs(logs);
            } else {
                out.println("The workers' logs are in " + logs);
            }
        }
    }

    private static void deleteLogs(Path logs) throws IOException {
        try (var files = Files.list(logs)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(logs);
    }

    /** Adds the tenants, and schedules each one's daily sync for now. */
    private void schedule(PGSimpleDataSource db, Cin7OmniSimulator simulator) throws SQLException {
        List<TaskInstance<?>> due = new ArrayList<>();
        for (int i = 1; i <= settings.tenants(); i++) {
            Credentials credentials = connection(settings, i);
            if ((i - 1) % settings.tenantsPerConnection() == 0) {
                simulator.addAccount(credentials, settings.account().withSeed(1_000 + i));
            }
            FleetDatabase.addTenant(db, "tenant-" + i, credentials);
            due.add(new TaskInstance<>(FleetWorker.TASK, "tenant-" + i));
        }
        SchedulerClient client = SchedulerClient.Builder.create(db, Tasks.custom(FleetWorker.TASK, Void.class).execute((i, c) -> null))
                .build();
        client.scheduleBatch(due, Instant.now());
    }

    /** The API connection of tenant {@code i}: each account serves {@code tenantsPerConnection} tenants in a row. */
    public static Credentials connection(Settings settings, int i) {
        int account = (i - 1) / settings.tenantsPerConnection() + 1;
        return Credentials.of("account-" + account, "key-" + account);
    }

    /** Sends {@code signal} (STOP, CONT) to a live process. */
    private static void signal(Process process, String signal) {
        if (!process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A worker process; what it logs (warnings and errors) goes to {@code logs/<name>.log}. */
    private Process startWorker(String jdbcUrl, Cin7OmniSimulator simulator, String name, Path logs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FleetMain.class.getName(), "worker",
                "--jdbc-url", jdbcUrl, "--base-url", simulator.baseUri().toString(), "--name", name,
                "--threads", Integer.toString(settings.threadsPerWorker()),
                "--rate-limit", settings.limits().perSecond() + "," + settings.limits().perMinute(),
                "--lease-seconds", Long.toString(settings.lease().toSeconds()),
                "--heartbeat-seconds", Long.toString(settings.heartbeat().toSeconds()))
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile())
                .start();
    }

    /** Waits until every tenant has synced once, killing a worker on the way if asked. */
    private Result await(PGSimpleDataSource db, List<Process> workers, Instant start, Cin7OmniSimulator simulator)
            throws SQLException, InterruptedException {
        Instant deadline = start.plus(Duration.ofMinutes(30));
        String killed = null;
        Instant killedAt = null;
        Instant frozenAt = null;
        Instant thawedAt = null;
        long peak = 0;
        int shown = -1;
        Map<String, String> done = Map.of();
        // with a frozen worker, until it has been thawed for a lease: time for it to try (and fail) to commit what it held
        while (done.size() < settings.tenants()
                || (frozenAt != null && (thawedAt == null || Instant.now().isBefore(thawedAt.plus(settings.lease()))))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the fleet did not sync every tenant within 30 minutes: " + done.size() + " done");
            }
            Thread.sleep(200);
            if (workers.stream().noneMatch(Process::isAlive)) {
                throw new IllegalStateException("every worker has stopped (see their logs) with " + done.size() + " of "
                        + settings.tenants() + " tenants synced");
            }
            done = FleetDatabase.succeededSince(db, start);
            peak = Math.max(peak, FleetDatabase.count(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"));
            if (done.size() != shown) {
                shown = done.size();
                out.printf(Locale.ROOT, "  %,d of %,d tenants synced%n", shown, settings.tenants());
            }
            if (settings.killOne() && killed == null && done.size() >= settings.tenants() / 3) {
                Process victim = workers.get(0);
                victim.destroyForcibly();
                killed = "worker-1";
                killedAt = Instant.now();
                out.printf(Locale.ROOT, "  killed worker-1 (pid %d) with SIGKILL; the others take its tenants over%n", victim.pid());
            }
            if (settings.freezeOne() && frozenAt == null && done.size() >= settings.tenants() / 2) {
                signal(workers.get(1), "STOP");
                frozenAt = Instant.now();
                out.printf(Locale.ROOT, "  froze worker-2 (pid %d) with SIGSTOP for %d s; the others take its tenants over%n",
                        workers.get(1).pid(), settings.lease().multipliedBy(3).toSeconds());
            }
            if (frozenAt != null && thawedAt == null && Instant.now().isAfter(frozenAt.plus(settings.lease().multipliedBy(3)))) {
                signal(workers.get(1), "CONT");
                thawedAt = Instant.now();
                out.println("  thawed worker-2 with SIGCONT: it must commit nothing of the tenants taken over");
            }
        }
        Duration wall = Duration.between(start, Instant.now());
        Map<String, Integer> byWorker = new TreeMap<>();
        done.values().forEach(w -> byWorker.merge(w, 1, Integer::sum));
        Map<String, Long> statements = new TreeMap<>();
        Map<String, Long> pages = new TreeMap<>();
        for (int i = 1; i <= settings.workers(); i++) {
            String name = "worker-" + i;
            statements.put(name, FleetDatabase.count(db, "SELECT COALESCE(max(store_statements), 0) FROM fleet_worker WHERE name = '" + name + "'"));
            pages.put(name, FleetDatabase.count(db, "SELECT COALESCE(max(pages), 0) FROM fleet_worker WHERE name = '" + name + "'"));
        }
        out.printf(Locale.ROOT, "Every tenant synced once in %.1f s: %s%n", wall.toMillis() / 1000.0, byWorker);
        Applications applications = new Applications(
                FleetDatabase.count(db, "SELECT COALESCE(sum(applied), 0) FROM fleet_applied"),
                FleetDatabase.count(db, "SELECT count(*) FROM fleet_applied WHERE applied > 1"),
                FleetDatabase.count(db, """
                        WITH runs AS (SELECT tenant_id, token, min(applied_at) AS first_at, max(applied_at) AS last_at
                                      FROM fleet_applied GROUP BY tenant_id, token)
                        SELECT count(*) FROM runs older JOIN runs newer
                            ON older.tenant_id = newer.tenant_id AND older.token < newer.token AND older.last_at > newer.first_at"""));
        return new Result(wall, byWorker, killed, killedAt, frozenAt != null ? "worker-2" : null, frozenAt, applications, statements,
                pages, peak, simulator);
    }
}
