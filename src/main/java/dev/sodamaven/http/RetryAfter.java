package dev.sodamaven.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header: delta-seconds or an HTTP date in one of the three forms RFC 9110
 * §5.6.7 has recipients accept (IMF-fixdate, RFC 850, asctime). Anything else is unreadable, and is
 * then neither waited for nor quoted: a server could echo a credential there.
 */
final class RetryAfter {

    // A negative number is read as "now" rather than refused, as before; 18 digits keep it a long.
    private static final Pattern DELTA_SECONDS = Pattern.compile("-?\\d{1,18}");
    // The longest date form, RFC 850 with "Wednesday", has 33 characters.
    private static final int MAX_DATE_LENGTH = 40;
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private RetryAfter() {}

    /** Whether {@code value} is delta-seconds or an HTTP date; only then may a message quote it. */
    static boolean isReadable(String value) {
        return parse(value, Clock.systemUTC()) != null;
    }

    /** How long the server asks to wait, or null when the value is unreadable. */
    static Duration parse(String value, Clock clock) {
        String trimmed = value.trim();
        if (DELTA_SECONDS.matcher(trimmed).matches()) {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        }
        if (trimmed.length() > MAX_DATE_LENGTH) {
            return null;
        }
        Instant when = date(trimmed, clock);
        if (when == null) {
            return null;
        }
        Duration until = Duration.between(clock.instant(), when);
        return until.isNegative() ? Duration.ZERO : until;
    }

    private static Instant date(String text, Clock clock) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException notImfFixdate) {
            // One of the obsolete forms, below.
        }
        for (DateTimeFormatter form : new DateTimeFormatter[] {rfc850(clock), ASCTIME}) {
            try {
                return LocalDateTime.parse(text, form).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notThisForm) {
                // The next form.
            }
        }
        return null;
    }

    /**
     * "Sunday, 06-Nov-94 08:49:37 GMT". RFC 9110: a two-digit year more than 50 years in the future
     * is the most recent past year with those digits.
     */
    private static DateTimeFormatter rfc850(Clock clock) {
        int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
        return new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, thisYear - 49)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US);
    }
}
