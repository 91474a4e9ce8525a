package dev.sodamaven.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunAgeTest {

    @Test
    void readsDbtCloudsFinishedAtAndTheIsoForm() {
        assertThat(RunAge.finished("2026-11-20 06:07:40.884512+00:00"))
                .contains(Instant.parse("2026-11-20T06:07:40.884512Z"));
        assertThat(RunAge.finished("2026-11-20T06:07:40+02:00")).contains(Instant.parse("2026-11-20T04:07:40Z"));
    }

    @Test
    void anUnreadableOrMissingTimeIsEmpty() {
        assertThat(RunAge.finished(null)).isEmpty();
        assertThat(RunAge.finished("yesterday")).isEmpty();
        assertThat(RunAge.finished("2026-11-20 06:07:40"))
                .as("no offset: no instant")
                .isEmpty();
        assertThat(RunAge.finished("2".repeat(41))).isEmpty();
    }

    @Test
    void describesAnAgeForALogLine() {
        assertThat(RunAge.describe(Duration.ofSeconds(40))).isEqualTo("40 s");
        assertThat(RunAge.describe(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(RunAge.describe(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
        assertThat(RunAge.describe(Duration.ofDays(5))).isEqualTo("5 days");
    }
}
