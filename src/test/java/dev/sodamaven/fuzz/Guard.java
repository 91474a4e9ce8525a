package dev.sodamaven.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Runs one try of a property on another thread and fails it if it does not end: a reader must never
 * hang on any input. The bound is far above what a try takes (milliseconds), so it only ever trips
 * on a hang, not on a slow machine.
 */
final class Guard {

    static final Duration TRY_LIMIT = Duration.ofSeconds(Long.getLong("soda.fuzz.tryTimeoutSeconds", 60));

    private Guard() {}

    static <T> T within(String what, ThrowingSupplier<T> work) {
        return assertTimeoutPreemptively(
                TRY_LIMIT,
                work,
                () -> what + " did not end within " + TRY_LIMIT.toSeconds() + " s: it hangs on this input");
    }
}
