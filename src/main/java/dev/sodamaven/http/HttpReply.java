package dev.sodamaven.http;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A response, after any retries.
 *
 * @param status   HTTP status code
 * @param headers  response headers, names in lower case (first value of each); a {@code Retry-After}
 *                 that is neither delta-seconds nor an HTTP date, and a {@code Content-Type} that is no
 *                 media type, are left out, since messages quote them
 * @param body     the body when it was read into memory, else an empty array: a success whole, any
 *                 other answer only its first {@link HttpTransport#MAX_ERROR_BODY} bytes
 * @param file     the file the body was streamed to, or null
 * @param attempts how many tries it took
 */
public record HttpReply(int status, Map<String, String> headers, byte[] body, Path file, int attempts) {

    public HttpReply {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code Retry-After} the server sent, when it is delta-seconds or an HTTP date. */
    public Optional<String> retryAfter() {
        return header("retry-after").map(String::trim);
    }

    /**
     * When the server said to try again ({@code Retry-After}, seconds from when the answer was read
     * or an HTTP date), as an instant to the second; empty without one.
     */
    public Optional<Instant> tryAgainAt(Clock clock) {
        return retryAfter()
                .map(value -> RetryAfter.parse(value, clock))
                .map(wait -> clock.instant().plus(wait).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The {@code Content-Type} the server sent, when it is a media type; else "none". */
    public String contentType() {
        return header("content-type").map(String::trim).orElse("none");
    }

    public boolean isJson() {
        return header("content-type")
                .map(type -> type.toLowerCase(Locale.ROOT).contains("json"))
                .orElse(false);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
