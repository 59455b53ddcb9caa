package io.moselle.examples.cli;

import io.moselle.cin7.client.RateLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A command line: its command and options ({@code --name value}, {@code --name=value}, flags), checked against the command's. */
final class Options {
    final Command command;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options(Command command) {
        this.command = command;
    }

    /**
     * @throws UsageException for a missing or unknown command, an option the command does not take, or a missing value
     */
    static Options parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new UsageException("a command comes first: demo, sync, check or status");
        }
        String name = rest.remove(0);
        Command command = Command.named(name).orElseThrow(() -> new UsageException("unknown command '" + name + "'"));
        Options options = new Options(command);
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String option = arg.substring(2);
            String value = null;
            int eq = option.indexOf('=');
            if (eq >= 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            Command.Option spec = command.option(option).orElseThrow(unknown(command, option));
            if (spec.isFlag()) {
                if (value != null) {
                    throw new UsageException("--" + option + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= rest.size()) {
                    throw new UsageException("--" + option + " needs a value: " + spec.value());
                }
                value = rest.get(++i);
            }
            if (options.values.put(option, value) != null) {
                throw new UsageException("--" + option + " is given twice");
            }
        }
        return options;
    }

    private static java.util.function.Supplier<UsageException> unknown(Command command, String option) {
        return () -> {
            Optional<Command> other = Arrays.stream(Command.values()).filter(c -> c.option(option).isPresent()).findFirst();
            return new UsageException(other.map(c -> command.name + " does not take --" + option + " (an option of " + c.name + ")")
                    .orElse("unknown option --" + option));
        };
    }

    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String required(String name) {
        if (!has(name)) {
            throw new UsageException("--" + name + " is required");
        }
        return get(name);
    }

    int number(String name, int fallback, int min, int max) {
        if (!has(name)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(get(name).trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", was " + get(name));
    }

    /** A date (midnight UTC) or an instant, or null when absent. */
    Instant instant(String name) {
        if (!has(name)) {
            return null;
        }
        String text = get(name);
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be a date (2026-01-01) or an instant (2026-01-01T00:00:00Z), was " + text);
        }
    }

    RateLimits rateLimits() {
        if (!has("rate-limit")) {
            return RateLimits.defaults();
        }
        String[] parts = get("rate-limit").split(",");
        try {
            if (parts.length == 2) {
                return RateLimits.of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new UsageException("--rate-limit must be two positive numbers PER_SECOND,PER_MINUTE, e.g. 3,60; was " + get("rate-limit"));
    }

    /** Thrown for a command line that cannot be understood; exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
