package dev.sodamaven.config;

import java.time.Duration;

/**
 * Timeouts, retries and limits of every HTTP request.
 *
 * @param connectTimeout   how long to wait for a connection
 * @param readTimeout      how long to wait for data
 * @param maxRetries       how many times a failed request is tried again
 * @param requestDeadline  how long one try of a request may take in all, answer included
 * @param maxDownloadBytes how many bytes a download may write to disk
 * @param maxRetryWait     the longest {@code Retry-After} waited for
 */
public record NetworkSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration requestDeadline,
        long maxDownloadBytes,
        Duration maxRetryWait) {}
