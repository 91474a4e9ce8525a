package dev.sodamaven.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
final class RetryAfter {

    private RetryAfter() {}

    /** How long the server asks to wait, or null when the value is unreadable. */
    static Duration parse(String value, Clock clock) {
        String trimmed = value.trim();
        if (trimmed.matches("-?\\d{1,18}")) {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), when.toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
