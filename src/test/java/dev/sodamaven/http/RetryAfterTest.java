package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Retry-After in the forms RFC 9110 has recipients accept, and nothing else. */
class RetryAfterTest {

    // Friday, 20 November 2026, 08:30:12 UTC.
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-20T08:30:12Z"), ZoneOffset.UTC);

    @Test
    void readsDeltaSecondsAndTheThreeDateForms() {
        assertThat(RetryAfter.parse("7", FIXED)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Fri, 20 Nov 2026 08:30:16 GMT", FIXED)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryAfter.parse("Friday, 20-Nov-26 08:30:16 GMT", FIXED)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryAfter.parse("Fri Nov 20 08:30:16 2026", FIXED)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", FIXED)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aTwoDigitYearMoreThanFiftyYearsAheadIsInThePast() {
        // 94 is 1994, not 2094; 76 is 2076, fifty years ahead.
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", FIXED)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("Friday, 20-Nov-76 08:30:12 GMT", FIXED)).isGreaterThan(Duration.ofDays(365 * 49));
    }

    @Test
    void anythingElseIsUnreadable() {
        for (String value : new String[] {
            "Bearer sk_live_Zx81mQ0rT5vW2yB7",
            "3 sk_live_Zx81mQ0rT5vW2yB7",
            "Fri, 20 Nov 2026 08:30:16 GMT sk_live_Zx81mQ0rT5vW2yB7",
            "Thu, 20 Nov 2026 08:30:16 GMT", // the wrong day of the week
            "later",
            "",
            "1.5",
            "0x10",
            "9999999999999999999",
            "1".repeat(5000)
        }) {
            assertThat(RetryAfter.parse(value, FIXED)).as("'%s'", value).isNull();
            assertThat(RetryAfter.isReadable(value)).as("'%s'", value).isFalse();
        }
        assertThat(RetryAfter.isReadable(" 120 ")).isTrue();
    }
}
