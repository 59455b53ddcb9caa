package io.moselle.examples.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The commands of {@code cin7-omni-sync}: each with its options, the files it writes and its exit codes. */
enum Command {
    DEMO("demo", """
            Start a built-in Cin7 Omni simulator, sync it twice (a first sync, then "the next day"
            and a daily sync), and print each report and the projected stock.""",
            List.of(Option.valued("out", "DIR", "also keep the records in DIR, as sync writes them (default: memory only)")),
            "with --out DIR: the files of sync --out (see sync --help)",
            """
              0  both syncs succeeded
              1  a sync failed
              2  bad command line or output folder"""),
    SYNC("sync", """
            Sync a Cin7 Omni account into an output folder, one JSON object per line. Every page
            is kept as it arrives: a run interrupted (Ctrl-C, kill, crash) continues where it
            stopped when run again.""",
            connection(Option.valued("out", "DIR", "required: the output folder; a second run into it continues from the first"),
                    Option.valued("tenant", "ID", "the tenant id recorded in the folder (default cli)"),
                    Option.valued("now", "INSTANT", "pin the run's clock, e.g. 2026-11-27T06:00:00Z (at most a day ahead)"),
                    Option.valued("resync-from", "DATE", "re-read history from DATE (2026-01-01 or an instant)"),
                    Option.valued("parallelism", "N", "the most requests in flight at once, 1 to 64 (default 16)"),
                    Option.flag("reset", "start afresh: re-read the whole history; the folder keeps its files until the run ends")),
            """
            DIR/warehouses.jsonl, products.jsonl, sales-orders.jsonl, replenishment-orders.jsonl,
                inventory.jsonl, projected-stock.jsonl: the records, each file sorted by key
            DIR/sync-report.json: the last run's report
            DIR/checkpoints.json: how far each stream got
            DIR/MANIFEST.json: each file's size and SHA-256, checked before every run
            DIR is a link to .DIR.sync/state-NNNNNN, switched in one step when a run ends;
            .DIR.sync/journal.jsonl keeps what a run delivered until then""",
            """
              0  done
              1  the sync failed, in part or in whole (see the report)
              2  bad command line, settings or output folder (nothing was sent to Cin7)
              3  Cin7 refused the credentials
              4  Cin7 could not be reached
              5  paused: Cin7's or the connection's daily calls are spent; the message says when to try again
            130  interrupted (Ctrl-C) or 143 terminated: what was delivered is kept; run again to continue"""),
    CHECK("check", """
            Check the credentials and the read permission of every resource, and list the branches
            with the warehouse each maps to.""",
            connection(),
            "nothing",
            """
              0  every resource can be read
              1  some resource cannot be read
              2  bad command line or settings
              3  Cin7 refused the credentials
              4  Cin7 could not be reached"""),
    STATUS("status", """
            The fleet at a glance, from the PostgreSQL the replicas share: per tenant, how fresh
            its data is, how its last run ended and why, its API connection's calls today, and who
            runs it now. Stalest first.""",
            List.of(Option.valued("jdbc-url", "URL", "required: the shared PostgreSQL (user and password in the URL)"),
                    Option.valued("prefix", "PREFIX", "the stores' table prefix (default moselle_sync_)"),
                    Option.valued("stale", "AGE", "only tenants whose data is older than AGE, e.g. 24h, 90m, 2d"),
                    Option.flag("failing", "only tenants whose last run failed, in part or in whole"),
                    Option.flag("json", "one JSON object per tenant instead of a table")),
            "nothing",
            """
              0  listed (none may match)
              1  the database could not be read
              2  bad command line""");

    static final String USAGE = """
            Usage: java -jar cin7-omni-sync.jar <command> [options]

            Commands:
              demo           sync a built-in Cin7 Omni simulator, then "the next day"
              sync           sync a Cin7 Omni account into an output folder
              check          check credentials, read permissions and branches
              status         the fleet at a glance, from the replicas' PostgreSQL

            Run java -jar cin7-omni-sync.jar <command> --help for its options, files and exit codes.
            """;

    final String name;
    private final String summary;
    final List<Option> options;
    private final String writes;
    private final String exitCodes;

    Command(String name, String summary, List<Option> options, String writes, String exitCodes) {
        this.name = name;
        this.summary = summary;
        List<Option> all = new ArrayList<>(options);
        all.addAll(List.of(Option.flag("verbose", "print the stack trace of an error, and the engine's log"), // every command's
                Option.flag("help", "this command's options, files and exit codes")));
        this.options = List.copyOf(all);
        this.writes = writes;
        this.exitCodes = exitCodes;
    }

    static Optional<Command> named(String name) {
        return Arrays.stream(values()).filter(c -> c.name.equals(name)).findFirst();
    }

    Optional<Option> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** The text of {@code <command> --help}. */
    String help() {
        StringBuilder text = new StringBuilder("Usage: java -jar cin7-omni-sync.jar " + name + " [options]\n\n" + summary + "\n\nOptions:\n");
        for (Option option : options) {
            String left = "--" + option.name() + (option.value() == null ? "" : " " + option.value());
            text.append(String.format(Locale.ROOT, "  %-22s %s%n", left, option.help()));
        }
        if (options.stream().anyMatch(o -> o.name().equals("username"))) {
            text.append("  The API username and key may instead come from CIN7_USERNAME and CIN7_API_KEY.\n");
        }
        return text.append("\nWrites:\n").append(writes.stripTrailing().indent(2))
                .append("\nExit codes:\n").append(exitCodes.stripTrailing()).append('\n').toString();
    }

    /** The options of the commands that talk to a real Cin7 account, then {@code extra}. */
    private static List<Option> connection(Option... extra) {
        List<Option> options = new ArrayList<>(List.of(
                Option.valued("base-url", "URL", "Cin7 API root (default https://api.cin7.com/api/)"),
                Option.valued("username", "NAME", "API username, a.k.a. Account ID (or CIN7_USERNAME)"),
                Option.valued("api-key", "KEY", "API key, a.k.a. API Application Key (or CIN7_API_KEY)"),
                Option.valued("settings", "FILE", "tenant settings JSON: warehouses, channels, lookbacks..."),
                Option.valued("rate-limit", "PS,PM", "calls per second and per minute (default 3,60)")));
        options.addAll(List.of(extra));
        return options;
    }

    /** One option: {@code --name VALUE}, or a flag when {@code value} is null. */
    record Option(String name, String value, String help) {
        static Option valued(String name, String value, String help) {
            return new Option(name, value, help);
        }

        static Option flag(String name, String help) {
            return new Option(name, null, help);
        }

        boolean isFlag() {
            return value == null;
        }
    }
}
