package dev.sodamaven.http;

import dev.sodamaven.core.ProxySettings;
import dev.sodamaven.core.Sleeper;
import java.time.Duration;
import java.util.List;

/**
 * How the one HTTP client of a run behaves.
 *
 * @param connectTimeout  how long to wait for a TCP (and TLS) connection
 * @param readTimeout     how long to wait for data on an open connection
 * @param maxRetries      how many times a failed request is tried again (0: never)
 * @param initialBackoff  the wait before the first retry; doubled for each further one
 * @param maxBackoff      the longest backoff between two tries ({@code Retry-After} is honoured up to
 *                        {@code maxRetryWait})
 * @param userAgent       the User-Agent header
 * @param proxies         proxies to use, per target scheme (from Maven's settings.xml); empty: the JVM's
 *                        proxy system properties apply
 * @param sleeper         how to wait between tries (replaced in tests)
 * @param requestDeadline how long one try of a request may take in all: connecting, sending, the whole
 *                        answer and any redirects, however slowly the server sends (a read timeout alone
 *                        never expires while data trickles in). A try that outlives it is cut off and
 *                        retried like a read timeout: only when the request may be repeated. Each try
 *                        has its own deadline; the waits between tries are not counted.
 * @param maxDownloadBytes how many bytes a download may write to disk, counted after decompression (a
 *                        small gzip answer can inflate a thousandfold); a larger download, announced or
 *                        not, fails without a retry and leaves no file
 * @param maxRetryWait    the longest {@code Retry-After} waited for; a server asking for more gets its
 *                        answer reported, saying when to try again
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        String userAgent,
        List<ProxySettings> proxies,
        Sleeper sleeper,
        Duration requestDeadline,
        long maxDownloadBytes,
        Duration maxRetryWait) {

    public HttpSettings {
        proxies = List.copyOf(proxies);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (requestDeadline.isNegative() || requestDeadline.isZero() || maxDownloadBytes <= 0) {
            throw new IllegalArgumentException("the request deadline and download limit must be positive");
        }
    }
}
