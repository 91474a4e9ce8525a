package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The retry rules, without any server: what one try saw in, whether and how long to wait out. */
class RetryPolicyTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-20T08:30:12Z"), ZoneOffset.UTC);
    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(5);

    private final RetryPolicy policy = new RetryPolicy(3, INITIAL, CAP, Duration.ofSeconds(120), FIXED);

    private static HttpReply reply(int status) {
        return reply(status, Map.of());
    }

    private static HttpReply reply(int status, Map<String, String> headers) {
        return new HttpReply(status, headers, new byte[0], null, 1);
    }

    private static HttpReply retryAfter(int status, String value) {
        return reply(status, Map.of("retry-after", value));
    }

    private static TransportFailure failure(boolean mayHaveBeenProcessed, boolean transientFault) {
        return new TransportFailure("what happened", "what to do", mayHaveBeenProcessed, transientFault);
    }

    @Test
    void tooManyRequestsAndServiceUnavailableAreRetriedWhateverTheRequest() {
        for (RetryMode mode : RetryMode.values()) {
            assertThat(policy.afterReply(reply(429), mode, 1))
                    .as("429 %s", mode)
                    .isPresent();
            assertThat(policy.afterReply(reply(503), mode, 1))
                    .as("503 %s", mode)
                    .isPresent();
        }
    }

    @Test
    void otherServerErrorsAreRetriedOnlyForIdempotentRequests() {
        for (int status : new int[] {500, 502, 504, 507, 599}) {
            assertThat(policy.afterReply(reply(status), RetryMode.IDEMPOTENT, 1))
                    .as("%d", status)
                    .isPresent();
            assertThat(policy.afterReply(reply(status), RetryMode.ONLY_IF_NOT_PROCESSED, 1))
                    .as("%d", status)
                    .isEmpty();
        }
    }

    @Test
    void notImplementedAndVersionNotSupportedAreNeverRetried() {
        for (int status : new int[] {501, 505}) {
            assertThat(policy.afterReply(reply(status), RetryMode.IDEMPOTENT, 1))
                    .as("%d", status)
                    .isEmpty();
        }
    }

    @Test
    void successesRedirectsAndOtherClientErrorsStand() {
        for (int status : new int[] {200, 204, 302, 400, 401, 404, 408, 413, 600}) {
            assertThat(policy.afterReply(reply(status), RetryMode.IDEMPOTENT, 1))
                    .as("%d", status)
                    .isEmpty();
        }
    }

    @Test
    void theLastAttemptIsNeverFollowedByAnother() {
        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.afterReply(reply(503), RetryMode.IDEMPOTENT, 3)).isPresent();
        assertThat(policy.afterReply(reply(503), RetryMode.IDEMPOTENT, 4)).isEmpty();
        assertThat(policy.afterFailure(failure(false, true), RetryMode.IDEMPOTENT, 4))
                .isEmpty();

        RetryPolicy never = new RetryPolicy(0, INITIAL, CAP, Duration.ofSeconds(120), FIXED);
        assertThat(never.maxAttempts()).isEqualTo(1);
        assertThat(never.afterReply(reply(503), RetryMode.IDEMPOTENT, 1)).isEmpty();
        assertThat(never.afterFailure(failure(false, true), RetryMode.IDEMPOTENT, 1))
                .isEmpty();
    }

    @Test
    void aNegativeNumberOfRetriesIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(-1, INITIAL, CAP, Duration.ofSeconds(120), FIXED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transportFailuresFollowWhetherTheServerMayHaveProcessedTheRequest() {
        // Nothing reached the server: even an upload is tried again.
        assertThat(policy.afterFailure(failure(false, true), RetryMode.ONLY_IF_NOT_PROCESSED, 1))
                .isPresent();
        assertThat(policy.afterFailure(failure(false, true), RetryMode.IDEMPOTENT, 1))
                .isPresent();
        // It may have: only a request that can be repeated safely is.
        assertThat(policy.afterFailure(failure(true, true), RetryMode.ONLY_IF_NOT_PROCESSED, 1))
                .isEmpty();
        assertThat(policy.afterFailure(failure(true, true), RetryMode.IDEMPOTENT, 1))
                .isPresent();
        // Trying again cannot help (unknown host, TLS, a local file).
        assertThat(policy.afterFailure(failure(false, false), RetryMode.IDEMPOTENT, 1))
                .isEmpty();
    }

    @Test
    void aTransportFailureWaitsTheBackoff() {
        assertThat(policy.afterFailure(failure(false, true), RetryMode.IDEMPOTENT, 2))
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
    }

    @Test
    void withoutRetryAfterTheBackoffIsWaited() {
        assertThat(policy.afterReply(reply(503), RetryMode.IDEMPOTENT, 1))
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @Test
    void retryAfterInSecondsIsWaitedEvenBeyondTheBackoffCap() {
        assertThat(policy.afterReply(retryAfter(429, "3"), RetryMode.ONLY_IF_NOT_PROCESSED, 1))
                .contains(Duration.ofSeconds(3));
        assertThat(policy.afterReply(retryAfter(429, " 60 "), RetryMode.IDEMPOTENT, 1))
                .contains(Duration.ofSeconds(60));
        assertThat(policy.afterReply(retryAfter(500, "2"), RetryMode.IDEMPOTENT, 1))
                .contains(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterAsAnHttpDateIsReadAgainstTheClock() {
        // The clock says 08:30:12; the server asks to come back at 08:30:16.
        assertThat(policy.afterReply(retryAfter(503, "Fri, 20 Nov 2026 08:30:16 GMT"), RetryMode.IDEMPOTENT, 1))
                .contains(Duration.ofSeconds(4));
    }

    @Test
    void aRetryAfterInThePastMeansRetryAtOnce() {
        assertThat(policy.afterReply(retryAfter(503, "Fri, 20 Nov 2026 08:00:00 GMT"), RetryMode.IDEMPOTENT, 1))
                .contains(Duration.ZERO);
        assertThat(policy.afterReply(retryAfter(503, "-5"), RetryMode.IDEMPOTENT, 1))
                .contains(Duration.ZERO);
    }

    @Test
    void theLongestRetryAfterWaitedForIsTheSetting() {
        RetryPolicy patient = new RetryPolicy(3, INITIAL, CAP, Duration.ofMinutes(10), FIXED);
        RetryPolicy impatient = new RetryPolicy(3, INITIAL, CAP, Duration.ZERO, FIXED);

        assertThat(patient.afterReply(retryAfter(429, "600"), RetryMode.IDEMPOTENT, 1))
                .contains(Duration.ofMinutes(10));
        assertThat(patient.afterReply(retryAfter(429, "601"), RetryMode.IDEMPOTENT, 1))
                .isEmpty();
        assertThat(impatient.afterReply(retryAfter(429, "1"), RetryMode.IDEMPOTENT, 1))
                .isEmpty();
        assertThat(impatient.afterReply(retryAfter(429, "0"), RetryMode.IDEMPOTENT, 1))
                .contains(Duration.ZERO);
    }

    @Test
    void aRetryAfterLongerThanTheMaximumEndsTheRetries() {
        // The limit is two minutes: 120 s is waited for, a second more is not.
        assertThat(policy.afterReply(retryAfter(429, "120"), RetryMode.IDEMPOTENT, 1))
                .contains(Duration.ofSeconds(120));
        assertThat(policy.afterReply(retryAfter(429, "121"), RetryMode.IDEMPOTENT, 1))
                .isEmpty();
        assertThat(policy.afterReply(retryAfter(429, "3600"), RetryMode.IDEMPOTENT, 1))
                .isEmpty();
        assertThat(policy.afterReply(retryAfter(503, "Fri, 20 Nov 2026 09:30:12 GMT"), RetryMode.IDEMPOTENT, 1))
                .isEmpty();
        assertThat(policy.afterReply(retryAfter(503, "999999999999999999"), RetryMode.IDEMPOTENT, 1))
                .isEmpty();
    }

    @Test
    void anUnreadableRetryAfterFallsBackToTheBackoff() {
        for (String unreadable : new String[] {"later", "", "1.5", "20 Nov 2026 08:30:16", "9999999999999999999"}) {
            assertThat(policy.afterReply(retryAfter(429, unreadable), RetryMode.IDEMPOTENT, 1))
                    .as("'%s'", unreadable)
                    .hasValueSatisfying(
                            wait -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
        }
    }

    @Test
    void retryAfterIsOnlyReadWhenTheStatusIsRetried() {
        assertThat(policy.afterReply(retryAfter(404, "1"), RetryMode.IDEMPOTENT, 1))
                .isEmpty();
        assertThat(policy.afterReply(retryAfter(500, "1"), RetryMode.ONLY_IF_NOT_PROCESSED, 1))
                .isEmpty();
    }

    @Test
    void exponentialBackoffWithJitterStaysWithinBounds() {
        RetryPolicy tenRetries =
                new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofSeconds(120), FIXED);
        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(200L << Math.min(attempt - 1, 20), 3000);
            Set<Long> seen = new HashSet<>();
            for (int sample = 0; sample < 200; sample++) {
                long wait = tenRetries.backoff(attempt).toMillis();
                assertThat(wait).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
                seen.add(wait);
            }
            assertThat(seen).as("jitter at attempt %d", attempt).hasSizeGreaterThan(1);
        }
    }

    @Test
    void backoffNeverOverflowsWithLargeSettings() {
        RetryPolicy large =
                new RetryPolicy(100, Duration.ofDays(300), Duration.ofDays(400), Duration.ofSeconds(120), FIXED);
        for (int attempt = 1; attempt <= 100; attempt++) {
            assertThat(large.backoff(attempt)).isBetween(Duration.ofDays(150), Duration.ofDays(400));
        }
        RetryPolicy uncapped = new RetryPolicy(
                10, Duration.ofMillis(1), Duration.ofMillis(Long.MAX_VALUE), Duration.ofSeconds(120), FIXED);
        for (int attempt : new int[] {31, 64, 65, 1000, Integer.MAX_VALUE}) {
            // Doubling stops after 30 steps rather than shifting the base past the width of a long.
            assertThat(uncapped.backoff(attempt).toMillis())
                    .as("attempt %d", attempt)
                    .isBetween(1L << 29, 1L << 30);
        }
    }

    @Test
    void aZeroBackoffWaitsNothing() {
        RetryPolicy immediate = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(120), FIXED);
        assertThat(immediate.afterReply(reply(503), RetryMode.IDEMPOTENT, 1)).contains(Duration.ZERO);
    }
}
