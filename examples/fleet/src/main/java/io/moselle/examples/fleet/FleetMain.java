package io.moselle.examples.fleet;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.RateLimits;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code moselle-fleet.jar}: {@code run} starts a fleet of worker processes on one PostgreSQL and
 * waits until every tenant is synced; {@code worker} is one of those processes. Exit codes: 0 done,
 * 1 failed, 2 bad command line.
 */
public final class FleetMain {
    static final String USAGE = """
            Usage: java -jar moselle-fleet.jar run [--workers N] [--tenants N] [--jdbc-url URL] [--kill-one]
                   java -jar moselle-fleet.jar worker --jdbc-url URL [--base-url URL] [--name NAME] [--threads N]
                          [--rate-limit PS,PM] [--lease-seconds N] [--heartbeat-seconds N]

              run     sync simulated tenants with worker processes sharing one PostgreSQL (embedded unless
                      --jdbc-url), scheduled by db-scheduler; --kill-one kills a worker with SIGKILL once a
                      third of the tenants are done (defaults: 3 workers, 30 tenants)
              worker  one worker of a fleet: syncs the tenants db-scheduler gives it, until stopped
                      (defaults: 8 threads, rate limit 3,60, leases of 30 s, heartbeats of 5 s)
            """;
    private static final Set<String> FLAGS = Set.of("kill-one");

    private FleetMain() {}

    public static void main(String[] args) {
        // db-scheduler, HikariCP and the embedded PostgreSQL log through SLF4J: warnings only
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(execute(args, System.out, System.err));
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || !Set.of("run", "worker").contains(args[0])) {
                err.print(USAGE);
                return 2;
            }
            Map<String, String> options = parse(args);
            if (args[0].equals("run")) {
                Fleet.Settings settings = Fleet.Settings.demo(number(options, "workers", 3, 1, 16),
                        number(options, "tenants", 30, 1, 100_000), options.get("jdbc-url"), options.containsKey("kill-one"));
                new Fleet(settings, out).run().simulator().close();
            } else {
                worker(options);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            err.println("error: " + e);
            return 1;
        }
    }

    private static void worker(Map<String, String> options) throws java.sql.SQLException, InterruptedException {
        String jdbcUrl = options.get("jdbc-url");
        if (jdbcUrl == null) {
            throw new IllegalArgumentException("--jdbc-url is required");
        }
        FleetWorker.run(new FleetWorker.Config(jdbcUrl, URI.create(options.getOrDefault("base-url", Cin7Client.DEFAULT_BASE_URI.toString())),
                options.getOrDefault("name", ManagementFactory.getRuntimeMXBean().getName()), number(options, "threads", 8, 1, 256),
                rateLimits(options.getOrDefault("rate-limit", "3,60")),
                Duration.ofSeconds(number(options, "lease-seconds", 30, 1, 3_600)),
                Duration.ofSeconds(number(options, "heartbeat-seconds", 5, 1, 3_600))));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected " + args[i]);
            }
            String name = args[i].substring(2);
            if (FLAGS.contains(name)) {
                options.put(name, "");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    private static int number(Map<String, String> options, String name, int fallback, int min, int max) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number from " + min + " to " + max + ", was " + text);
    }

    private static RateLimits rateLimits(String text) {
        String[] parts = text.split(",");
        if (parts.length == 2) {
            try {
                return RateLimits.of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (IllegalArgumentException e) {
                // said below
            }
        }
        throw new IllegalArgumentException("--rate-limit must be two positive numbers PER_SECOND,PER_MINUTE, e.g. 3,60; was " + text);
    }
}
