package io.moselle.cin7.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header leniently: seconds ({@code 30}, {@code 1.5}), a number with
 * a unit ({@code 30 seconds}, {@code 2 min}, {@code 5 Hours}), or an HTTP-date.
 */
final class RetryAfter {
    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?)?", Pattern.CASE_INSENSITIVE);

    private RetryAfter() {}

    private static int unitSeconds(String unit) {
        if (unit == null) {
            return 1;
        }
        char first = Character.toLowerCase(unit.charAt(0));
        return first == 'h' ? 3_600 : first == 'm' ? 60 : 1;
    }

    /** The wait the header asks for, relative to {@code now}; empty when absent or unreadable. Never negative. */
    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Matcher m = AMOUNT.matcher(value);
        if (m.matches()) {
            double seconds = Double.parseDouble(m.group(1)) * unitSeconds(m.group(2));
            return Optional.of(Duration.ofMillis(Math.round(Math.min(seconds, 86_400) * 1000)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
