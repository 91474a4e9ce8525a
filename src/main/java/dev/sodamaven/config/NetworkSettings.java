package dev.sodamaven.config;

import java.time.Duration;

/**
 * Timeouts and retries of every HTTP request.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for data
 * @param maxRetries     how many times a failed request is tried again
 */
public record NetworkSettings(Duration connectTimeout, Duration readTimeout, int maxRetries) {}
