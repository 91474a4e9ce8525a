package dev.sodamaven.http;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Sleeper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.DecompressingEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The one HTTP client of a run, shared by the Soda Cloud and dbt Cloud clients: bounded retries as
 * the {@link RetryPolicy} decides, redirects as the {@link RedirectRule} allows (never carrying
 * credentials to another host, never from https to plain http), and bodies streamed from and to disk.
 *
 * <p>What a server can make it read, write or wait for is bounded, so a hostile or broken one cannot
 * fill the disk, the memory or the build's time:
 *
 * <ul>
 *   <li>each try of a request has {@link HttpSettings#requestDeadline()} in all — connecting, sending,
 *       the whole answer and any redirects — however slowly the server sends; a try that outlives it
 *       is cut off and counts as a read timeout (tried again only when the request may be repeated);
 *   <li>a download writes at most {@link HttpSettings#maxDownloadBytes()}, counted after
 *       decompression; more is an error that is not retried and leaves no file;
 *   <li>a successful answer read into memory may have {@link #MAX_MEMORY_BODY}; of an error answer
 *       only the first {@link #MAX_ERROR_BODY} bytes are read, enough for any message quoting it;
 *   <li>a body that is not read to its end is never drained: its connection is closed instead.
 * </ul>
 */
public final class HttpTransport implements Closeable {

    /** Successful API answers are read into memory up to this size. */
    public static final int MAX_MEMORY_BODY = 16 * 1024 * 1024;

    /**
     * Of an answer that is no success (an error, a redirect), this much is read: messages quote the
     * start of it or a field of its JSON. The rest is not read.
     */
    public static final int MAX_ERROR_BODY = 64 * 1024;

    private static final int MAX_REDIRECTS = 5;

    private final CloseableHttpClient client;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Duration requestDeadline;
    private final long maxDownloadBytes;
    private final RetryListener retryListener;
    private final ScheduledThreadPoolExecutor deadlines = RequestDeadline.newTimer();

    public HttpTransport(HttpSettings settings, RetryListener retryListener) {
        this(
                HttpClientFactory.create(settings, SystemDefaultDnsResolver.INSTANCE),
                RetryPolicy.of(settings, Clock.systemUTC()),
                settings,
                retryListener);
    }

    /**
     * @param client        sends the requests; closed with this transport
     * @param retryPolicy   decides after each try whether to try again
     * @param settings      how to wait between tries, the request deadline and the download limit
     * @param retryListener told about each retry
     */
    HttpTransport(
            CloseableHttpClient client, RetryPolicy retryPolicy, HttpSettings settings, RetryListener retryListener) {
        this.client = Objects.requireNonNull(client, "client");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.sleeper = Objects.requireNonNull(settings.sleeper(), "sleeper");
        this.requestDeadline = settings.requestDeadline();
        this.maxDownloadBytes = settings.maxDownloadBytes();
        this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
    }

    /**
     * Sends {@code call} and reads the answer into memory: a success up to {@link #MAX_MEMORY_BODY}
     * (more is an error), anything else up to {@link #MAX_ERROR_BODY} (the rest is left unread).
     */
    public HttpReply send(HttpCall call) throws IngestException {
        return execute(call, null, DownloadListener.NONE);
    }

    /**
     * Sends {@code call} (a GET) and streams a successful answer to {@code target}, up to
     * {@link HttpSettings#maxDownloadBytes()}; other answers are read into memory as by
     * {@link #send}. The file appears only when complete: a failed download leaves neither
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

    /** One try: the request and the redirects it is sent on to, within one request deadline. */
    private HttpReply exchange(
            HttpCall call, Path target, DownloadListener listener, TransportFailure.Progress progress, int attempt)
            throws IOException {
        try (RequestDeadline deadline = RequestDeadline.start(deadlines, requestDeadline)) {
            try {
                return followRedirects(call, target, listener, progress, attempt, deadline);
            } catch (IOException | RuntimeException failure) {
                // Whatever a cancelled request fails with (a closed socket, an aborted request, even an
                // IllegalStateException from the client library), the deadline is what happened.
                if (deadline.passed() && !TransportFailure.isOwn(failure)) {
                    throw new TransportFailure.DeadlineException(requestDeadline, failure);
                }
                throw failure;
            }
        }
    }

    private HttpReply followRedirects(
            HttpCall call,
            Path target,
            DownloadListener listener,
            TransportFailure.Progress progress,
            int attempt,
            RequestDeadline deadline)
            throws IOException {
        URI uri = call.uri();
        boolean sendAuthorization = true;
        for (int redirects = 0; ; redirects++) {
            HttpUriRequestBase request = buildRequest(call, uri, sendAuthorization, progress);
            deadline.watch(request);
            HttpReply reply = sendOnce(request, target, listener, progress, attempt);
            URI next = RedirectRule.target(call.method(), uri, reply);
            if (next == null || redirects >= MAX_REDIRECTS) {
                return reply;
            }
            if (RedirectRule.leavesHttps(uri, next)) {
                throw new TransportFailure.InsecureRedirectException(TransportFailure.origin(next));
            }
            // Credentials stay with the host they were meant for.
            sendAuthorization = sendAuthorization && RedirectRule.sameOrigin(uri, next);
            uri = next;
        }
    }

    private static HttpUriRequestBase buildRequest(
            HttpCall call, URI uri, boolean sendAuthorization, TransportFailure.Progress progress) {
        // HttpUriRequestBase, because it can be cancelled: that is how a connection is dropped.
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), uri);
        call.headers().forEach(request::addHeader);
        if (sendAuthorization && call.authorization() != null) {
            request.addHeader("Authorization", call.authorization().reveal());
        }
        if (call.body() != null) {
            request.setEntity(new RequestBodyEntity(call.body(), progress));
        }
        return request;
    }

    /**
     * Sends one request and reads its answer. A body read to its end leaves the connection to be
     * reused; otherwise the request is cancelled, which closes the connection: closing the response
     * alone would read the rest of the body first, however long or endless.
     */
    private HttpReply sendOnce(
            HttpUriRequestBase request,
            Path target,
            DownloadListener listener,
            TransportFailure.Progress progress,
            int attempt)
            throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        progress.responseStarted = true;
        Answer answer;
        try {
            answer = readResponse(response, target, listener, attempt);
        } catch (IOException | RuntimeException failure) {
            abandon(request, response);
            throw failure;
        }
        if (answer.wholeBody()) {
            response.close();
        } else {
            abandon(request, response);
        }
        return answer.reply();
    }

    private static void abandon(HttpUriRequestBase request, ClassicHttpResponse response) {
        request.cancel();
        try {
            response.close();
        } catch (IOException | RuntimeException connectionAlreadyClosed) {
            // Expected: the rest of the body cannot be read any more, which is the point.
        }
    }

    /** A reply, and whether its body was read to its end. */
    private record Answer(HttpReply reply, boolean wholeBody) {}

    private Answer readResponse(ClassicHttpResponse response, Path target, DownloadListener listener, int attempt)
            throws IOException {
        Map<String, String> headers = headers(response);
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        boolean success = status >= 200 && status < 300;
        if (target != null && success) {
            DownloadWriter.write(entity, target, maxDownloadBytes, listener);
            return new Answer(new HttpReply(status, headers, new byte[0], target, attempt), !compressed(entity));
        }
        if (success && entity != null && entity.getContentLength() > MAX_MEMORY_BODY) {
            throw new TransportFailure.ResponseTooLargeException();
        }
        Body body = readAtMost(entity, success ? MAX_MEMORY_BODY : MAX_ERROR_BODY);
        if (success && !body.whole()) {
            throw new TransportFailure.ResponseTooLargeException();
        }
        return new Answer(
                new HttpReply(status, headers, body.bytes(), null, attempt), body.whole() && !compressed(entity));
    }

    /**
     * Whether HttpClient inflates the body. Then the end of the inflated stream says nothing about the
     * end of the answer: a server can send endless bytes after a complete gzip stream, and closing the
     * response would read them all.
     */
    private static boolean compressed(HttpEntity entity) {
        return entity instanceof DecompressingEntity;
    }

    /** The headers, names in lower case, the first value of each. */
    private static Map<String, String> headers(ClassicHttpResponse response) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        // Messages quote a Retry-After and a Content-Type; one that is not what it should be (a server
        // echoing a credential there) is dropped before anything can.
        headers.computeIfPresent("retry-after", (name, value) -> RetryAfter.isReadable(value) ? value : null);
        headers.computeIfPresent("content-type", (name, value) -> MediaType.isValid(value) ? value : null);
        return headers;
    }

    /** What was read of a body: its start, and whether that is all of it. */
    private record Body(byte[] bytes, boolean whole) {}

    private static Body readAtMost(HttpEntity entity, int limit) throws IOException {
        // Not closed here: closing a body stream reads it to its end.
        InputStream in = entity == null ? null : entity.getContent();
        if (in == null) {
            return new Body(new byte[0], true);
        }
        byte[] bytes = in.readNBytes(limit);
        return new Body(bytes, in.read() < 0);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
