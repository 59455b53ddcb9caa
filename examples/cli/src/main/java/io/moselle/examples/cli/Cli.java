package io.moselle.examples.cli;

import io.moselle.cin7.client.AuthenticationException;
import io.moselle.cin7.client.Cin7Exception;
import io.moselle.cin7.client.Cin7IoException;
import io.moselle.examples.InMemorySink;
import io.moselle.mapping.cin7.SettingsException;
import io.moselle.sync.ConnectionReport;
import io.moselle.sync.FailureKind;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code cin7-omni-sync}: the demo, a sync into an output folder, and a connection check. Each command checks its whole command line before doing anything; errors are
 * one line saying what to do, and {@code --verbose} adds the stack trace. Exit codes are listed
 * by each command's {@code --help}.
 */
public final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int BAD_CREDENTIALS = 3;
    static final int UNREACHABLE = 4;
    static final int PAUSED = 5;
    /** As a shell reports a command ended by Ctrl-C; the JVM itself exits with 128 + the signal. */
    static final int INTERRUPTED = 130;

    static final String BAD_CREDENTIALS_MESSAGE = "Cin7 refused the credentials (HTTP 401): check the API username"
            + " (Account ID) and the API key (API Application Key)";

    /** The engine's loggers (System.Logger, on java.util.logging here); held, since a logger only referenced by name may be collected. */
    private static final Logger ENGINE_LOG = Logger.getLogger("io.moselle.sync");

    private final Map<String, String> env;
    private final PrintStream out;
    private final Messages messages;
    private final CrashPoints crash;

    Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this(env, out, err, CrashPoints.NONE);
    }

    Cli(Map<String, String> env, PrintStream out, PrintStream err, CrashPoints crash) {
        this.env = env;
        this.out = out;
        this.messages = new Messages(err);
        this.crash = crash;
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.getenv(), System.out, System.err).execute(args));
    }

    int execute(String[] args) {
        messages.verbose = java.util.Arrays.asList(args).contains("--verbose");
        // the command line says what happened itself; the engine's log joins in with --verbose only
        ENGINE_LOG.setLevel(messages.verbose ? Level.INFO : Level.OFF);
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
                out.print(Command.USAGE);
                return args.length == 0 ? USAGE : OK;
            }
            Options options = Options.parse(args);
            if (options.has("help")) {
                out.print(options.command.help());
                return OK;
            }
            return switch (options.command) {
                case DEMO -> new Demo(out, System.console() != null).run(options.has("out") ? java.nio.file.Path.of(options.get("out")) : null);
                case SYNC -> new SyncCommand(env, out, messages, crash, System.console() != null).run(options);
                case CHECK -> check(options);
                case STATUS -> new StatusCommand(out, java.time.Clock.systemUTC()).run(options);
            };
        } catch (Options.UsageException e) {
            return messages.fail(USAGE, e.getMessage() + " (see --help)", e);
        } catch (SettingsException e) {
            return messages.fail(USAGE, "bad settings file: " + e.getMessage(), e);
        } catch (FolderException e) {
            return messages.fail(USAGE, e.getMessage(), e);
        } catch (AuthenticationException e) {
            return messages.fail(BAD_CREDENTIALS, BAD_CREDENTIALS_MESSAGE, e);
        } catch (Cin7IoException e) {
            return messages.fail(UNREACHABLE, "cannot reach Cin7: " + e.getMessage(), e);
        } catch (Cin7Exception e) {
            return messages.fail(FAILED, e.getMessage(), e);
        } catch (IOException e) {
            return messages.fail(FAILED, e instanceof java.nio.file.FileSystemException fs
                    ? fs.getFile() + ": " + OutputFolder.reasonOf(fs) : String.valueOf(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            return messages.fail(USAGE, e.getMessage(), e);
        } catch (RuntimeException e) {
            return messages.fail(FAILED, e.getMessage(), e);
        }
    }

    private int check(Options options) throws IOException {
        Connection connection = Connection.of(options, env);
        SyncEngine engine = SyncEngine.builder().sink(new InMemorySink()).checkpointStore(new InMemoryCheckpointStore())
                .clientOptions(connection.client()).rateLimits(connection.rateLimits()).build();
        ConnectionReport report = engine.testConnection(connection.tenant());
        if (!report.authenticated()) {
            return messages.fail(BAD_CREDENTIALS, BAD_CREDENTIALS_MESSAGE, null);
        }
        if (report.failureKind().orElse(null) == FailureKind.CIN7_UNREACHABLE) {
            return messages.fail(UNREACHABLE, "cannot reach Cin7: " + report.error().orElse(""), null);
        }
        out.println("Credentials: accepted for " + connection.tenant().credentials().username());
        report.access().forEach((resource, access) -> out.printf("  %-20s %s%n", resource, access));
        out.println("Branches -> warehouses:");
        report.branches().forEach(b -> out.printf("  %5d  %-30s %-8s -> %s%n", b.id(), b.company(),
                Boolean.FALSE.equals(b.isActive()) ? "inactive" : "active",
                report.warehouses().stream().filter(w -> w.branchIds().contains(b.id())).findFirst()
                        .map(w -> w.key() + (w.enabled() ? "" : " (disabled)")).orElse("?")));
        return report.ok() ? OK : messages.fail(FAILED, "not every resource can be read: " + report.error().orElse(""), null);
    }

    /** Where errors go: one line each, the stack trace only with {@code --verbose}. */
    static final class Messages {
        private final PrintStream err;
        private boolean verbose;

        Messages(PrintStream err) {
            this.err = err;
        }

        /** Prints {@code error: message} and returns {@code code}. */
        int fail(int code, String message, Exception e) {
            err.println("error: " + message);
            if (verbose && e != null) {
                e.printStackTrace(err);
            }
            return code;
        }

        void line(String message) {
            err.println(message);
        }
    }
}
