package dev.sodamaven.http;

import java.time.Duration;

/** Told about each retry, so the build log can say why it is waiting. */
@FunctionalInterface
public interface RetryListener {

    /**
     * @param description what is being retried (e.g. "Soda Cloud login")
     * @param reason      why (e.g. "HTTP 503", "connection refused")
     * @param nextAttempt the number of the coming try (2 for the first retry)
     * @param maxAttempts the most tries there will be
     * @param wait        how long it waits first
     */
    void retrying(String description, String reason, int nextAttempt, int maxAttempts, Duration wait);
}
