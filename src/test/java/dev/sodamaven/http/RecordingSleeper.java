package dev.sodamaven.http;

import dev.sodamaven.core.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that only writes down how long it was asked to wait. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** Settings for tests: short timeouts, {@code maxRetries} retries, backoff 100 ms up to 5 s, no proxy. */
    public HttpSettings settings(int maxRetries) {
        return settings(maxRetries, Duration.ofSeconds(5));
    }

    public HttpSettings settings(int maxRetries, Duration readTimeout) {
        return new HttpSettings(
                Duration.ofSeconds(5),
                readTimeout,
                maxRetries,
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                "soda-maven-plugin/test",
                List.of(),
                this,
                Duration.ofMinutes(1),
                64L * 1024 * 1024,
                Duration.ofSeconds(120));
    }
}
