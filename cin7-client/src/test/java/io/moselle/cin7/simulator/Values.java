package io.moselle.cin7.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Compares JSON values with where-clause literals the way SQL would. */
final class Values {
    private Values() {}

    /** Negative, zero or positive; null when the two cannot be compared. */
    static Integer compare(JsonNode value, Object literal) {
        if (value.isNumber() && literal instanceof BigDecimal n) {
            return value.decimalValue().compareTo(n);
        }
        if (value.isBoolean()) {
            if (literal instanceof Boolean b) {
                return Boolean.compare(value.booleanValue(), b);
            }
            if (literal instanceof BigDecimal n) {
                return Integer.compare(value.booleanValue() ? 1 : 0, n.intValue());
            }
        }
        if (value.isTextual() && literal instanceof String s) {
            Instant left = asInstant(value.textValue());
            Instant right = asInstant(s);
            if (left != null && right != null) {
                return left.compareTo(right);
            }
            return value.textValue().compareToIgnoreCase(s);
        }
        if (value.isTextual() && literal instanceof BigDecimal n) {
            return value.textValue().compareToIgnoreCase(n.toPlainString());
        }
        return null;
    }

    /** The instant a text denotes, or null when it is not a date. */
    static Instant asInstant(Object text) {
        if (!(text instanceof String s) || s.length() < 10 || !Character.isDigit(s.charAt(0)) || s.charAt(4) != '-') {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
