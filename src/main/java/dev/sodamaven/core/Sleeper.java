package dev.sodamaven.core;

import java.time.Duration;

/** Waits between tries of a request; tests replace it so that retries take no time. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
