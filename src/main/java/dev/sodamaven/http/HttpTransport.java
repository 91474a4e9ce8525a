package dev.sodamaven.http;

import dev.sodamaven.core.AtomicFileWriter;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Sleeper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * The one HTTP client of a run, shared by the Soda Cloud and dbt Cloud clients: bounded retries as
 * the {@link RetryPolicy} decides, redirects that never carry credentials to another host, and
 * bodies streamed from and to disk.
 */
public final class HttpTransport implements Closeable {

    /** Error bodies and API answers are read into memory up to this size. */
    public static final int MAX_MEMORY_BODY = 16 * 1024 * 1024;

    private static final long PROGRESS_STEP = 25L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final RetryListener retryListener;
    private final CloseableHttpClient client;

    public HttpTransport(HttpSettings settings, RetryListener retryListener) {
        this(
                HttpClientFactory.create(settings, SystemDefaultDnsResolver.INSTANCE),
                RetryPolicy.of(settings, Clock.systemUTC()),
                settings.sleeper(),
                retryListener);
    }

    /**
     * @param client        sends the requests; closed with this transport
     * @param retryPolicy   decides after each try whether to try again
     * @param sleeper       waits between tries
     * @param retryListener told about each retry
     */
    HttpTransport(CloseableHttpClient client, RetryPolicy retryPolicy, Sleeper sleeper, RetryListener retryListener) {
        this.client = Objects.requireNonNull(client, "client");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
    }

    /** Sends {@code call} and reads the answer into memory (up to {@link #MAX_MEMORY_BODY}). */
    public HttpReply send(HttpCall call) throws IngestException {
        return execute(call, null, DownloadListener.NONE);
    }

    /**
     * Sends {@code call} (a GET) and streams a successful answer to {@code target}; error answers
     * are read into memory. The file appears only when complete: a failed download leaves neither
     * {@code target} nor a partial file behind.
     */
    public HttpReply download(HttpCall call, Path target, DownloadListener listener) throws IngestException {
        return execute(call, Objects.requireNonNull(target, "target"), listener);
    }

    private HttpReply execute(HttpCall call, Path target, DownloadListener listener) throws IngestException {
        if (call.uri().getHost() == null || call.uri().getScheme() == null) {
            String authority = String.valueOf(call.uri().getRawAuthority());
            // Never show user info (user:password@) that may have been put in a URL.
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            throw IngestException.configuration(
                    call.description() + " cannot be sent: the address "
                            + call.uri().getScheme() + "://" + authority + " has no valid host name.",
                    "Check the host setting (a host name such as cloud.soda.io, without a path).");
        }
        for (int attempt = 1; ; attempt++) {
            TransportFailure.Progress progress = new TransportFailure.Progress();
            try {
                HttpReply reply = exchange(call, target, listener, progress, attempt);
                Optional<Duration> wait = retryPolicy.afterReply(reply, call.retryMode(), attempt);
                if (wait.isEmpty()) {
                    return reply;
                }
                pause(call, "HTTP " + reply.status(), attempt + 1, wait.get());
            } catch (IOException failure) {
                TransportFailure kind = TransportFailure.classify(failure, progress, call.body() != null);
                Optional<Duration> wait = retryPolicy.afterFailure(kind, call.retryMode(), attempt);
                if (wait.isEmpty()) {
                    throw kind.toException(call, attempt, failure);
                }
                pause(call, kind.reason(), attempt + 1, wait.get());
            }
        }
    }

    private void pause(HttpCall call, String reason, int nextAttempt, Duration wait) throws IngestException {
        retryListener.retrying(call.description(), reason, nextAttempt, retryPolicy.maxAttempts(), wait);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw IngestException.remote(
                    call.description() + " was interrupted while waiting to retry.", "The build was cancelled.");
        }
    }

    private HttpReply exchange(
            HttpCall call, Path target, DownloadListener listener, TransportFailure.Progress progress, int attempt)
            throws IOException {
        URI uri = call.uri();
        boolean sendAuthorization = true;
        for (int redirects = 0; ; redirects++) {
            ClassicHttpRequest request = buildRequest(call, uri, sendAuthorization, progress);
            HttpReply reply = client.execute(request, response -> {
                progress.responseStarted = true;
                return readResponse(response, target, listener, attempt);
            });
            URI next = redirectTarget(call, uri, reply);
            if (next == null || redirects >= MAX_REDIRECTS) {
                return reply;
            }
            // Credentials stay with the host they were meant for.
            sendAuthorization = sendAuthorization && sameOrigin(uri, next);
            uri = next;
        }
    }

    /** Where a GET is redirected to, or null when the reply is no redirect to follow. */
    private static URI redirectTarget(HttpCall call, URI from, HttpReply reply) {
        String location = reply.header("location").orElse(null);
        if (!"GET".equals(call.method()) || reply.status() < 300 || reply.status() >= 400 || location == null) {
            return null;
        }
        try {
            URI next = from.resolve(new URI(location.trim()));
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && next.getHost() != null ? next : null;
        } catch (URISyntaxException unusable) {
            return null;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static ClassicHttpRequest buildRequest(
            HttpCall call, URI uri, boolean sendAuthorization, TransportFailure.Progress progress) {
        ClassicRequestBuilder builder =
                ClassicRequestBuilder.create(call.method()).setUri(uri);
        call.headers().forEach(builder::addHeader);
        if (sendAuthorization && call.authorization() != null) {
            builder.addHeader("Authorization", call.authorization().reveal());
        }
        if (call.body() != null) {
            builder.setEntity(new RequestBodyEntity(call.body(), progress));
        }
        return builder.build();
    }

    private HttpReply readResponse(ClassicHttpResponse response, Path target, DownloadListener listener, int attempt)
            throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        if (target != null && status >= 200 && status < 300) {
            streamToFile(entity, target, listener);
            return new HttpReply(status, headers, new byte[0], target, attempt);
        }
        byte[] body = entity == null ? new byte[0] : readLimited(entity);
        return new HttpReply(status, headers, body, null, attempt);
    }

    /** Streams the body to {@code target}, which appears only once it is complete. */
    private static void streamToFile(HttpEntity entity, Path target, DownloadListener listener) throws IOException {
        long total = entity == null ? -1 : entity.getContentLength();
        AtomicFileWriter.write(
                target,
                out -> {
                    if (entity != null) {
                        try (InputStream in = entity.getContent()) {
                            copy(in, out, total, listener);
                        }
                    }
                },
                (step, local) -> switch (step) {
                    case CREATE ->
                        TransportFailure.LocalFileException.writing(
                                "the download could not be written to "
                                        + target.toAbsolutePath().getParent() + " ("
                                        + local.getClass().getSimpleName() + ": "
                                        + local.getMessage() + ")",
                                local);
                    case MOVE ->
                        TransportFailure.LocalFileException.writing(
                                "the download could not be moved to " + target + " ("
                                        + local.getClass().getSimpleName() + ": " + local.getMessage() + ")",
                                local);
                });
    }

    private static void copy(InputStream in, OutputStream out, long total, DownloadListener listener)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        long nextReport = PROGRESS_STEP;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            try {
                out.write(buffer, 0, read);
            } catch (IOException local) {
                throw TransportFailure.LocalFileException.writing(
                        "the download could not be written to disk (" + local.getMessage() + ")", local);
            }
            written += read;
            if (written >= nextReport) {
                listener.progress(written, total);
                nextReport += PROGRESS_STEP;
            }
        }
    }

    private static byte[] readLimited(HttpEntity entity) throws IOException {
        if (entity.getContentLength() > MAX_MEMORY_BODY) {
            throw new TransportFailure.ResponseTooLargeException();
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            byte[] body = in.readNBytes(MAX_MEMORY_BODY);
            if (in.read() >= 0) {
                throw new TransportFailure.ResponseTooLargeException();
            }
            return body;
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
