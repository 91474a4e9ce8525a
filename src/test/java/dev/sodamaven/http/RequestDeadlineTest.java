package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deadline's own bookkeeping; {@code HostileServerTest} shows it cutting real connections. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RequestDeadlineTest {

    private final ScheduledThreadPoolExecutor timer = RequestDeadline.newTimer();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void cancelsTheRequestBeingMadeWhenItPasses() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        try (RequestDeadline deadline = RequestDeadline.start(timer, Duration.ofMillis(50))) {
            deadline.watch(() -> {
                cancelled.countDown();
                return true;
            });
            assertThat(cancelled.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(deadline.passed()).isTrue();
        }
    }

    @Test
    void aRequestStartedAfterTheDeadlineIsCancelledAtOnce() throws Exception {
        AtomicInteger cancels = new AtomicInteger();
        try (RequestDeadline deadline = RequestDeadline.start(timer, Duration.ofMillis(1))) {
            while (!deadline.passed()) {
                Thread.sleep(5);
            }
            // A redirect followed after the deadline.
            deadline.watch(() -> cancels.incrementAndGet() > 0);
            assertThat(cancels).hasValue(1);
        }
    }

    @Test
    void aTryThatEndedInTimeCallsOffItsAlarm() {
        Cancellable neverCancelled = () -> {
            throw new AssertionError("cancelled after the try ended");
        };
        try (RequestDeadline deadline = RequestDeadline.start(timer, Duration.ofMinutes(30))) {
            deadline.watch(neverCancelled);
        }
        assertThat(timer.getQueue()).as("no alarm left queued").isEmpty();
    }

    @Test
    void anEnormousDeadlineDoesNotOverflow() {
        try (RequestDeadline deadline = RequestDeadline.start(timer, Duration.ofSeconds(Long.MAX_VALUE))) {
            assertThat(deadline.passed()).isFalse();
            // An overflowed delay would be negative: the alarm would be due at once.
            assertThat(timer.getQueue())
                    .singleElement()
                    .satisfies(alarm -> assertThat(((java.util.concurrent.Delayed) alarm).getDelay(TimeUnit.DAYS))
                            .isGreaterThan(365L * 100));
        }
    }
}
