package dev.sodamaven.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The time one try of a request may take in all: connecting, sending and the whole answer, redirects
 * included. A read timeout alone cannot bound that: a server sending one byte every few seconds never
 * lets it expire. When the deadline passes, the request being made is cancelled, which closes its
 * connection at once; whatever was blocked on it then fails, and the transport reports the deadline.
 */
final class RequestDeadline implements AutoCloseable {

    private final AtomicReference<Cancellable> request = new AtomicReference<>();
    private final ScheduledFuture<?> alarm;
    private volatile boolean passed;

    private RequestDeadline(ScheduledThreadPoolExecutor timer, Duration limit) {
        this.alarm = timer.schedule(this::pass, nanos(limit), TimeUnit.NANOSECONDS);
    }

    /** The one thread of a transport that cancels requests whose deadline passed. */
    static ScheduledThreadPoolExecutor newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "soda-http-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // A try that ended in time must not leave its alarm queued for half an hour.
        timer.setRemoveOnCancelPolicy(true);
        // Nor an idle transport a thread.
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    /** Starts the clock of one try. */
    static RequestDeadline start(ScheduledThreadPoolExecutor timer, Duration limit) {
        return new RequestDeadline(timer, limit);
    }

    /** {@code next} is the request now being made (the first, or a redirect's); it is cancelled at the deadline. */
    void watch(Cancellable next) {
        request.set(next);
        // Checked after publishing it: either this sees the deadline passed or pass() sees the request.
        if (passed) {
            next.cancel();
        }
    }

    /** Whether the deadline passed (and the request was cancelled). */
    boolean passed() {
        return passed;
    }

    private void pass() {
        passed = true;
        Cancellable current = request.get();
        if (current != null) {
            current.cancel();
        }
    }

    /** The try ended: the alarm is called off. */
    @Override
    public void close() {
        alarm.cancel(false);
    }

    private static long nanos(Duration limit) {
        try {
            return limit.toNanos();
        } catch (ArithmeticException beyondLong) {
            return Long.MAX_VALUE;
        }
    }
}
