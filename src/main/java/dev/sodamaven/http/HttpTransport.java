package dev.sodamaven.http;

import dev.sodamaven.IngestException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of a run, shared by the Soda Cloud and dbt Cloud clients: timeouts, bounded
 * retries with exponential backoff and jitter, {@code Retry-After}, proxies, redirects that never
 * carry credentials to another host, and bodies streamed from and to disk.
 *
 * <p>What is retried: connection failures and connect timeouts always (the request never left);
 * 429 and 503 always (the server says it did not handle the request); read timeouts, dropped
 * connections, 502 and 504 only for {@link RetryMode#IDEMPOTENT} requests, because the server may
 * have processed the request before the failure — repeating an upload could store it twice.
 */
public final class HttpTransport implements Closeable {

    /** Error bodies and API answers are read into memory up to this size. */
    public static final int MAX_MEMORY_BODY = 16 * 1024 * 1024;
    private static final long PROGRESS_STEP = 25L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final HttpSettings settings;
    private final RetryListener retryListener;
    private final CloseableHttpClient client;

    public HttpTransport(HttpSettings settings, RetryListener retryListener) {
        WireLogSilencer.silence();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
        this.client = buildClient(settings);
    }

    private static CloseableHttpClient buildClient(HttpSettings settings) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
                .setUserAgent(settings.userAgent())
                // Retries and redirects are decided here, with knowledge of what each request is.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (settings.proxies().isEmpty()) {
            builder.setRoutePlanner(new SystemDefaultRoutePlanner(null));
        } else {
            builder.setRoutePlanner(new ProxyRoutePlanner(settings));
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            for (ProxySettings proxy : settings.proxies()) {
                if (proxy.username() != null && proxy.password() != null) {
                    credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                            new UsernamePasswordCredentials(proxy.username(), proxy.password().reveal().toCharArray()));
                }
            }
            builder.setDefaultCredentialsProvider(credentials);
        }
        return builder.build();
    }

    /** Sends {@code call} and reads the answer into memory (up to {@link #MAX_MEMORY_BODY}). */
    public HttpReply send(HttpCall call) throws IngestException {
        return execute(call, null, DownloadListener.NONE);
    }

    /**
     * Sends {@code call} (a GET) and streams a successful answer to {@code target}; error answers
     * are read into memory. The file appears only when complete.
     */
    public HttpReply download(HttpCall call, Path target, DownloadListener listener) throws IngestException {
        return execute(call, Objects.requireNonNull(target, "target"), listener);
    }

    private HttpReply execute(HttpCall call, Path target, DownloadListener listener) throws IngestException {
        int maxAttempts = settings.maxRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            Attempt state = new Attempt();
            try {
                HttpReply reply = exchange(call, target, listener, state, attempt);
                Duration wait = retryableStatusWait(call, reply, attempt);
                if (wait == null || attempt >= maxAttempts) {
                    return reply;
                }
                pause(call, "HTTP " + reply.status(), attempt + 1, maxAttempts, wait);
            } catch (IOException failure) {
                Failure kind = classify(failure, state.responseStarted);
                if (!kind.retryable(call.retryMode()) || attempt >= maxAttempts) {
                    throw kind.toException(call, attempt, failure);
                }
                pause(call, kind.reason, attempt + 1, maxAttempts, backoff(attempt));
            }
        }
    }

    private void pause(HttpCall call, String reason, int nextAttempt, int maxAttempts, Duration wait)
            throws IngestException {
        retryListener.retrying(call.description(), reason, nextAttempt, maxAttempts, wait);
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw IngestException.remote(call.description() + " was interrupted while waiting to retry.",
                    "The build was cancelled.");
        }
    }

    /** How long to wait before retrying this status, or null when it is not retried. */
    private Duration retryableStatusWait(HttpCall call, HttpReply reply, int attempt) {
        int status = reply.status();
        boolean retry = status == 429 || status == 503
                || (call.retryMode() == RetryMode.IDEMPOTENT && (status == 502 || status == 504));
        if (!retry) {
            return null;
        }
        Duration retryAfter = reply.header("retry-after").map(HttpTransport::parseRetryAfter).orElse(null);
        if (retryAfter == null) {
            return backoff(attempt);
        }
        // A server asking for a longer pause than we are willing to wait gets its answer reported instead.
        return retryAfter.compareTo(settings.maxBackoff()) > 0 ? null : retryAfter;
    }

    /** Exponential backoff with jitter: base × 2^(attempt-1), capped, then scaled by 50–100 %. */
    Duration backoff(int attempt) {
        long base = settings.initialBackoff().toMillis();
        long exponential = base << Math.min(attempt - 1, 20);
        long capped = Math.min(exponential, settings.maxBackoff().toMillis());
        long jittered = capped / 2 + (capped <= 1 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        return Duration.ofMillis(jittered);
    }

    /** Retry-After as delta-seconds or an HTTP date; null when unreadable. */
    static Duration parseRetryAfter(String value) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private HttpReply exchange(HttpCall call, Path target, DownloadListener listener, Attempt state, int attempt)
            throws IOException {
        URI uri = call.uri();
        boolean sendAuthorization = true;
        for (int redirects = 0; ; redirects++) {
            ClassicHttpRequest request = buildRequest(call, uri, sendAuthorization);
            HttpReply reply = client.execute(request, response -> {
                state.responseStarted = true;
                return readResponse(response, target, listener, attempt);
            });
            String location = reply.header("location").orElse(null);
            boolean redirect = reply.status() >= 300 && reply.status() < 400 && location != null;
            if (!redirect || !"GET".equals(call.method()) || redirects >= MAX_REDIRECTS) {
                return reply;
            }
            URI next = uri.resolve(location);
            // Credentials stay with the host they were meant for.
            sendAuthorization = sendAuthorization && sameOrigin(uri, next);
            uri = next;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    private static ClassicHttpRequest buildRequest(HttpCall call, URI uri, boolean sendAuthorization) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(call.method()).setUri(uri);
        call.headers().forEach(builder::addHeader);
        if (sendAuthorization && call.authorization() != null) {
            builder.addHeader("Authorization", call.authorization().reveal());
        }
        if (call.body() != null) {
            builder.setEntity(new BodyEntity(call.body()));
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
            long total = entity == null ? -1 : entity.getContentLength();
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(partial)) {
                if (entity != null) {
                    try (InputStream in = entity.getContent()) {
                        copy(in, out, total, listener);
                    }
                }
            }
            move(partial, target);
            return new HttpReply(status, headers, new byte[0], target, attempt);
        }
        byte[] body = entity == null ? new byte[0] : readLimited(entity);
        return new HttpReply(status, headers, body, null, attempt);
    }

    private static void copy(InputStream in, OutputStream out, long total, DownloadListener listener)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        long nextReport = PROGRESS_STEP;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            written += read;
            if (written >= nextReport) {
                listener.progress(written, total);
                nextReport += PROGRESS_STEP;
            }
        }
    }

    private static byte[] readLimited(HttpEntity entity) throws IOException {
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            byte[] body = in.readNBytes(MAX_MEMORY_BODY);
            if (in.read() >= 0) {
                throw new ResponseTooLargeException();
            }
            return body;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notHere) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** What kind of transport failure happened, and whether the request may be tried again. */
    private record Failure(String reason, String hint, boolean mayHaveBeenProcessed, boolean transientFault) {

        boolean retryable(RetryMode mode) {
            return transientFault && (!mayHaveBeenProcessed || mode == RetryMode.IDEMPOTENT);
        }

        IngestException toException(HttpCall call, int attempts, IOException cause) {
            String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
            String processed = mayHaveBeenProcessed && call.retryMode() == RetryMode.ONLY_IF_NOT_PROCESSED
                    ? " The server may have received the request before the failure, so it was not repeated."
                    : "";
            return IngestException.remote(call.description() + " failed" + tries + ": " + reason + " ("
                    + call.uri().getScheme() + "://" + call.uri().getAuthority() + ")." + processed, hint, cause);
        }
    }

    private static Failure classify(IOException failure, boolean responseStarted) {
        if (failure instanceof ResponseTooLargeException) {
            return new Failure("the answer is larger than " + (MAX_MEMORY_BODY / (1024 * 1024)) + " MB",
                    "Check the configured address: this is not the expected API.", true, false);
        }
        if (failure instanceof UnknownHostException) {
            return new Failure("the host name cannot be resolved",
                    "Check the host setting and the network (DNS, proxy).", false, false);
        }
        if (failure instanceof SSLException) {
            return new Failure("the TLS handshake failed: " + failure.getMessage(),
                    "Check the scheme and port; behind a TLS-inspecting proxy, add its CA to the JVM's truststore.",
                    false, false);
        }
        if (failure instanceof HttpHostConnectException || failure instanceof ConnectException
                || failure instanceof NoRouteToHostException) {
            return new Failure("connection refused",
                    "Check the host and port settings, and that the service is reachable from this machine.",
                    false, true);
        }
        if (failure instanceof ConnectTimeoutException) {
            return new Failure("timed out connecting",
                    "Check the host, the network and the proxy settings; raise -Dsoda.http.connectTimeout if the network is slow.",
                    false, true);
        }
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            return new Failure("timed out waiting for the answer",
                    "The service is slow or stalled; raise -Dsoda.http.readTimeout or try again later.",
                    true, true);
        }
        String what = responseStarted ? "the connection was dropped in the middle of the answer"
                : "the connection was closed before an answer came";
        return new Failure(what + " (" + failure.getClass().getSimpleName() + ")",
                "This is usually a network or server fault; try again later.", true, true);
    }

    /** Per-try state the response handler reports back. */
    private static final class Attempt {
        boolean responseStarted;
    }

    /** The answer did not fit in memory. */
    private static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException() {
            super("response too large");
        }
    }

    /** A JSON request body re-read from its source on every try. */
    private static final class BodyEntity extends AbstractHttpEntity {
        private final RequestBody body;

        BodyEntity(RequestBody body) {
            super(ContentType.APPLICATION_JSON, null);
            this.body = body;
        }

        @Override
        public InputStream getContent() throws IOException {
            return body.open();
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = body.open()) {
                in.transferTo(out);
            }
        }

        @Override
        public long getContentLength() {
            return body.length();
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
            // Nothing held open between tries.
        }
    }

    /** Routes through the settings.xml proxy for the target's scheme, unless the host bypasses it. */
    private static final class ProxyRoutePlanner extends DefaultRoutePlanner {
        private final HttpSettings settings;

        ProxyRoutePlanner(HttpSettings settings) {
            super(null);
            this.settings = settings;
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) {
            // Like Maven: a proxy declared for the target's scheme first; an http proxy also serves https.
            ProxySettings chosen = settings.proxies().stream()
                    .filter(proxy -> proxy.protocol().equalsIgnoreCase(target.getSchemeName()))
                    .findFirst()
                    .orElseGet(() -> settings.proxies().stream()
                            .filter(proxy -> "http".equalsIgnoreCase(proxy.protocol()))
                            .findFirst()
                            .orElse(null));
            if (chosen == null || chosen.bypasses(target.getHostName())) {
                return null;
            }
            return new HttpHost("http", chosen.host(), chosen.port());
        }
    }
}
