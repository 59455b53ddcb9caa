package io.moselle.examples;

import io.moselle.cin7.client.AuthenticationException;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7Exception;
import io.moselle.cin7.client.Cin7IoException;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.client.RetryPolicy;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.Cin7SettingsJson;
import io.moselle.mapping.cin7.SettingsException;
import io.moselle.sync.ConnectionReport;
import io.moselle.sync.FileCheckpointStore;
import io.moselle.sync.InMemoryCheckpointStore;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import io.moselle.examples.fleet.Fleet;
import io.moselle.examples.fleet.FleetWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code cin7-omni-sync}: the demo, a sync into files, and a connection check, from the
 * command line. Exit codes: 0 done, 1 sync failed (in part), 2 bad command line or settings,
 * 3 credentials refused, 4 Cin7 unreachable, 5 paused (daily call budget spent).
 */
public final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int BAD_CREDENTIALS = 3;
    static final int UNREACHABLE = 4;
    static final int PAUSED = 5;

    private static final String BAD_CREDENTIALS_MESSAGE = "Cin7 refused the credentials (HTTP 401): check the API username"
            + " (Account ID) and the API key (API Application Key)";

    private static final Set<String> VALUED = Set.of("base-url", "username", "api-key", "settings", "out", "now", "resync-from",
            "rate-limit", "tenant", "workers", "tenants", "jdbc-url", "name", "threads", "lease-seconds", "heartbeat-seconds");
    private static final Set<String> FLAGS = Set.of("verbose", "help", "kill-one");

    static final String HELP = """
            Usage: java -jar cin7-omni-sync.jar <command> [options]

            Commands:
              demo     Start a built-in Cin7 Omni simulator, sync it twice (a first run, then
                       "the next day"), and print the report and projected stock.
              sync     Sync a Cin7 Omni account into files (one JSON object per line).
              check    Check credentials, read permission per resource, and list branches.
              fleet    Run the daily sync of every tenant across worker processes sharing one
                       PostgreSQL, scheduled by db-scheduler (simulated accounts).
              fleet-worker
                       One worker of a fleet: syncs the tenants db-scheduler gives it.

            Options (sync, check):
              --base-url URL            Cin7 API root (default https://api.cin7.com/api/)
              --username NAME           API username, a.k.a. Account ID (or env CIN7_USERNAME)
              --api-key KEY             API key, a.k.a. API Application Key (or env CIN7_API_KEY)
              --settings FILE           tenant settings JSON (warehouses, channels, lookbacks...)
              --rate-limit PS,PM        calls per second and per minute (default 3,60)
            Options (sync):
              --out DIR                 required: records, report and checkpoints go here;
                                        a second run into the same DIR continues from the first
              --now INSTANT             pin the run's clock, e.g. 2026-11-27T06:00:00Z
              --resync-from DATE        re-read history from DATE (2026-01-01 or an instant)
            Options (demo):
              --out DIR                 keep the demo's files here (default: a temporary dir)
            Options (fleet):
              --workers N               worker processes (default 3)
              --tenants N               simulated tenants (default 30)
              --jdbc-url URL            the PostgreSQL to share (default: an embedded one)
              --kill-one                kill a worker with SIGKILL once a third are done
            Options (fleet-worker):
              --jdbc-url URL            required: the shared PostgreSQL (user, password in the URL)
              --base-url URL            Cin7 API root
              --name NAME               the worker's name (default: pid@host)
              --threads N               tenants synced at once (default 8)
              --rate-limit PS,PM        calls per second and per minute (default 3,60)
              --lease-seconds N         how long a lease lives unrenewed (default 30)
              --heartbeat-seconds N     db-scheduler heartbeat (default 5)
            General:
              --verbose                 print stack traces on errors
              --help                    this text

            Exit codes: 0 done, 1 sync failed, 2 bad command line or settings,
                        3 credentials refused, 4 Cin7 unreachable, 5 paused (call budget spent)
            """;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private boolean verbose;

    Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // the fleet's libraries (db-scheduler, HikariCP, the embedded PostgreSQL) log through SLF4J: warnings only
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new Cli(System.getenv(), System.out, System.err).execute(args));
    }

    int execute(String[] args) {
        try {
            Options options = Options.parse(args, VALUED, FLAGS);
            verbose = options.has("verbose");
            if (options.has("help") || options.command.isEmpty() || options.command.equals("help")) {
                out.print(HELP);
                return options.command.isEmpty() && !options.has("help") ? USAGE : OK;
            }
            return switch (options.command) {
                case "demo" -> new Demo(out, System.console() != null).run(options.get("out"));
                case "sync" -> sync(options);
                case "check" -> check(options);
                case "fleet" -> fleet(options);
                case "fleet-worker" -> fleetWorker(options);
                default -> throw new Options.UsageException("unknown command '" + options.command + "'");
            };
        } catch (Options.UsageException e) {
            return fail(USAGE, e.getMessage() + " (see --help)", e);
        } catch (SettingsException e) {
            return fail(USAGE, "bad settings file: " + e.getMessage(), e);
        } catch (AuthenticationException e) {
            return fail(BAD_CREDENTIALS, BAD_CREDENTIALS_MESSAGE, e);
        } catch (Cin7IoException e) {
            return fail(UNREACHABLE, "cannot reach Cin7: " + e.getMessage(), e);
        } catch (Cin7Exception e) {
            return fail(FAILED, e.getMessage(), e);
        } catch (IOException e) {
            return fail(FAILED, e.getMessage(), e);
        } catch (java.sql.SQLException e) {
            return fail(FAILED, "database: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(FAILED, "interrupted", e);
        } catch (IllegalArgumentException e) {
            return fail(USAGE, e.getMessage(), e);
        } catch (IllegalStateException e) {
            return fail(FAILED, e.getMessage(), e);
        }
    }

    private int sync(Options options) throws IOException {
        Path dir = Path.of(required(options, "out"));
        Tenant tenant = tenant(options);
        RateLimits rateLimits = rateLimits(options);
        Clock clock = options.has("now") ? Clock.fixed(instant("now", options.get("now")), ZoneOffset.UTC) : Clock.systemUTC();
        Instant resyncFrom = options.has("resync-from") ? instant("resync-from", options.get("resync-from")) : null;
        Consumer<Cin7Client.Options> config = clientConfig(options);
        preflight(config, tenant);
        FileSink sink = new FileSink(dir);
        BufferedCheckpointStore checkpoints = new BufferedCheckpointStore(new FileCheckpointStore(dir.resolve("checkpoints")));
        SyncEngine engine = SyncEngine.builder()
                .sink(sink)
                .checkpointStore(checkpoints)
                .clientOptions(config)
                .clock(clock)
                .rateLimits(rateLimits)
                .listener(new ProgressPrinter(out, System.console() != null))
                .build();
        SyncReport report = resyncFrom != null ? engine.resync(tenant, resyncFrom, tenant.streams()) : engine.run(tenant);
        sink.save(report);
        checkpoints.flush();
        ReportPrinter.report(out, report);
        out.println("\nWrote " + dir.toAbsolutePath());
        return switch (report.status()) {
            case SUCCEEDED -> OK;
            case PAUSED -> fail(PAUSED, "paused: the daily call budget is spent; run again later to continue", null);
            default -> fail(FAILED, "sync " + report.status() + ": see the report above and " + dir.resolve(FileSink.REPORT), null);
        };
    }

    private int check(Options options) throws IOException {
        Tenant tenant = tenant(options);
        RateLimits rateLimits = rateLimits(options);
        Consumer<Cin7Client.Options> config = clientConfig(options);
        preflight(config, tenant);
        SyncEngine engine = SyncEngine.builder().sink(new InMemorySink()).checkpointStore(new InMemoryCheckpointStore())
                .clientOptions(config).rateLimits(rateLimits).build();
        ConnectionReport report = engine.testConnection(tenant);
        if (!report.authenticated()) {
            return fail(BAD_CREDENTIALS, BAD_CREDENTIALS_MESSAGE, null);
        }
        out.println("Credentials: accepted for " + tenant.credentials().username());
        report.access().forEach((resource, access) -> out.printf("  %-20s %s%n", resource, access));
        out.println("Branches -> warehouses:");
        report.branches().forEach(b -> out.printf("  %5d  %-30s %-8s -> %s%n", b.id(), b.company(),
                Boolean.FALSE.equals(b.isActive()) ? "inactive" : "active",
                report.warehouses().stream().filter(w -> w.branchIds().contains(b.id())).findFirst()
                        .map(w -> w.key() + (w.enabled() ? "" : " (disabled)")).orElse("?")));
        return report.ok() ? OK : fail(FAILED, "not every resource can be read: " + report.error(), null);
    }

    private int fleet(Options options) throws IOException, java.sql.SQLException, InterruptedException {
        Fleet.Settings settings = Fleet.Settings.demo(number(options, "workers", 3, 1, 16), number(options, "tenants", 30, 1, 100_000),
                options.get("jdbc-url"), options.has("kill-one"));
        Fleet.Result result = new Fleet(settings, out).run();
        result.simulator().close();
        return OK;
    }

    private int fleetWorker(Options options) throws java.sql.SQLException, InterruptedException {
        String baseUrl = options.has("base-url") ? options.get("base-url") : Cin7Client.DEFAULT_BASE_URI.toString();
        FleetWorker.run(new FleetWorker.Config(required(options, "jdbc-url"), java.net.URI.create(baseUrl),
                options.has("name") ? options.get("name") : java.lang.management.ManagementFactory.getRuntimeMXBean().getName(),
                number(options, "threads", 8, 1, 256), rateLimits(options), Duration.ofSeconds(number(options, "lease-seconds", 30, 1, 3_600)),
                Duration.ofSeconds(number(options, "heartbeat-seconds", 5, 1, 3_600))));
        return OK;
    }

    private static int number(Options options, String name, int fallback, int min, int max) {
        if (!options.has(name)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(options.get(name).trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Options.UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", was " + options.get(name));
        }
    }

    private Tenant tenant(Options options) throws IOException {
        String username = options.has("username") ? options.get("username") : env.get("CIN7_USERNAME");
        String apiKey = options.has("api-key") ? options.get("api-key") : env.get("CIN7_API_KEY");
        if (username == null || username.isBlank()) {
            throw new Options.UsageException("the API username is missing: --username or CIN7_USERNAME");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new Options.UsageException("the API key is missing: --api-key or CIN7_API_KEY");
        }
        Cin7Settings settings = Cin7Settings.defaults();
        if (options.has("settings")) {
            Path file = Path.of(options.get("settings"));
            try (InputStream in = Files.newInputStream(file)) {
                settings = Cin7SettingsJson.read(in);
            } catch (NoSuchFileException e) {
                throw new Options.UsageException("settings file " + file + " does not exist");
            } catch (SettingsException e) {
                throw new SettingsException(e.key(), e.getMessage().substring(("settings: " + e.key() + " ").length()) + " (in " + file + ")");
            }
        }
        return Tenant.of(options.has("tenant") ? options.get("tenant") : "cli", Credentials.of(username, apiKey), settings,
                EnumSet.allOf(SyncStream.class));
    }

    /** The client settings from the command line; throws at once for a bad URL. */
    private static Consumer<Cin7Client.Options> clientConfig(Options options) {
        String baseUrl = options.has("base-url") ? options.get("base-url") : Cin7Client.DEFAULT_BASE_URI.toString();
        Consumer<Cin7Client.Options> config = b -> b.baseUri(baseUrl);
        Cin7Client.Builder probe = Cin7Client.builder();
        config.accept(probe);
        probe.credentials(Credentials.of("check", "only")).build();
        return config;
    }

    /**
     * One small request, tried twice at most, so that wrong credentials or an unreachable host get
     * a one-line answer at once rather than after the engine's retries.
     */
    private static void preflight(Consumer<Cin7Client.Options> config, Tenant tenant) {
        Cin7Client.Builder builder = Cin7Client.builder();
        config.accept(builder);
        Cin7Client client = builder.credentials(tenant.credentials())
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2))
                .build();
        client.branches().list(ListQuery.builder().rows(1).build()).pages().iterator().next();
    }

    private static RateLimits rateLimits(Options options) {
        if (!options.has("rate-limit")) {
            return RateLimits.defaults();
        }
        String[] parts = options.get("rate-limit").split(",");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return RateLimits.of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new Options.UsageException("--rate-limit must be PER_SECOND,PER_MINUTE, e.g. 3,60");
        }
    }

    private static String required(Options options, String name) {
        if (!options.has(name)) {
            throw new Options.UsageException("--" + name + " is required");
        }
        return options.get(name);
    }

    private static Instant instant(String option, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Options.UsageException("--" + option + " must be a date (2026-01-01) or an instant (2026-01-01T00:00:00Z), was " + text);
        }
    }

    private int fail(int code, String message, Exception e) {
        err.println("error: " + message);
        if (verbose && e != null) {
            e.printStackTrace(err);
        }
        return code;
    }
}
