package dev.sodamaven.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides, from what one try of a request observed, whether to try again and how long to wait first.
 *
 * <p>What is retried: failures before the request left (connection refused, connect timeout, a
 * connection lost before the body was sent) always; 429 and 503 always (the server says it did not
 * handle the request); read timeouts, dropped connections and the other 5xx but 501 and 505 only for
 * {@link RetryMode#IDEMPOTENT} requests, because the server may have processed the request before
 * the failure — repeating an upload could store it twice. A try cut off at its request deadline
 * counts as a read timeout. Never retried: unknown hosts, TLS handshake failures, answers that are
 * not HTTP, answers over a size limit, redirects from https to plain http, and failures writing a
 * download to disk.
 *
 * <p>A {@code Retry-After} is honoured only as delta-seconds or an HTTP date ({@link RetryAfter});
 * the transport drops any other value from the reply, so no message can quote it.
 */
final class RetryPolicy {

    // Enough doublings to pass any sensible cap, few enough that a shift never wraps around.
    private static final int MAX_DOUBLINGS = 30;

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryWait;
    private final Clock clock;

    /**
     * @param maxRetries     how many times a request is tried again (0: never)
     * @param initialBackoff the wait before the first retry; doubled for each further one
     * @param maxBackoff     the longest backoff between two tries
     * @param maxRetryWait   the longest {@code Retry-After} waited for; longer ones end the retries
     * @param clock          what {@code Retry-After} dates are read against
     */
    RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryWait, Clock clock) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        this.maxAttempts = maxRetries + 1;
        this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.maxRetryWait = Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static RetryPolicy of(HttpSettings settings, Clock clock) {
        return new RetryPolicy(
                settings.maxRetries(),
                settings.initialBackoff(),
                settings.maxBackoff(),
                settings.maxRetryWait(),
                clock);
    }

    /** The most tries a request gets. */
    int maxAttempts() {
        return maxAttempts;
    }

    /** How long to wait before trying again after try {@code attempt} got {@code reply}; empty: the reply stands. */
    Optional<Duration> afterReply(HttpReply reply, RetryMode mode, int attempt) {
        if (attempt >= maxAttempts || !isRetried(reply.status(), mode)) {
            return Optional.empty();
        }
        Duration retryAfter = reply.header("retry-after")
                .map(value -> RetryAfter.parse(value, clock))
                .orElse(null);
        if (retryAfter == null) {
            return Optional.of(backoff(attempt));
        }
        // Rate limits are per minute, so a minute's wait is honoured; a server asking for more than
        // maxRetryWait gets its answer reported instead of a stalled build.
        return retryAfter.compareTo(maxRetryWait) > 0 ? Optional.empty() : Optional.of(retryAfter);
    }

    /** How long to wait before trying again after try {@code attempt} failed so; empty: the failure stands. */
    Optional<Duration> afterFailure(TransportFailure failure, RetryMode mode, int attempt) {
        if (attempt >= maxAttempts || !failure.retryable(mode)) {
            return Optional.empty();
        }
        return Optional.of(backoff(attempt));
    }

    private static boolean isRetried(int status, RetryMode mode) {
        // 501 and 505 say the server will never handle this request; any other 5xx may pass on a retry.
        return status == 429
                || status == 503
                || (mode == RetryMode.IDEMPOTENT && status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /** Exponential backoff with jitter: initial × 2^(attempt-1), capped, then scaled by 50–100 %. */
    Duration backoff(int attempt) {
        long base = initialBackoff.toMillis();
        long max = maxBackoff.toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), MAX_DOUBLINGS);
        // Shifting a large base far can overflow; once past the cap the cap applies anyway.
        long exponential = base > (max >> doublings) ? max : base << doublings;
        long capped = Math.min(exponential, max);
        long jittered =
                capped / 2 + (capped <= 1 ? 0 : ThreadLocalRandom.current().nextLong(capped - capped / 2 + 1));
        return Duration.ofMillis(jittered);
    }
}
