package dev.sodamaven.http;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * What kind of transport failure happened, and whether the request may be tried again.
 *
 * @param reason               what happened, for the message
 * @param hint                 what the user can do
 * @param mayHaveBeenProcessed whether the server may have received and acted on the request
 * @param transientFault       whether trying again can help at all
 */
record TransportFailure(String reason, String hint, boolean mayHaveBeenProcessed, boolean transientFault) {

    private static final long MIB = 1024 * 1024;

    /** How far one try got before it failed; reported by the transport as it goes. */
    static final class Progress {
        /** The request body started to go out (so the server may have the whole request). */
        volatile boolean bodySent;
        /** The status line and headers of an answer arrived. */
        volatile boolean responseStarted;
    }

    /** A failure on this machine, not on the network: writing a download, or reading a request body. */
    static final class LocalFileException extends IOException {
        private final IngestException.Kind kind;

        private LocalFileException(String message, IOException cause, IngestException.Kind kind) {
            super(message, cause);
            this.kind = kind;
        }

        /** A download could not be written. */
        static LocalFileException writing(String message, IOException cause) {
            return new LocalFileException(message, cause, IngestException.Kind.OUTPUT);
        }

        /** The file a request body comes from could not be read. */
        static LocalFileException reading(String message, IOException cause) {
            return new LocalFileException(message, cause, IngestException.Kind.INPUT);
        }
    }

    /** The transport itself ended the try: an answer over a limit, a redirect it does not follow. */
    abstract static class Refusal extends IOException {
        Refusal(String message) {
            super(message);
        }
    }

    /** The answer did not fit in memory. */
    static final class ResponseTooLargeException extends Refusal {
        ResponseTooLargeException() {
            super("response too large");
        }
    }

    /** A download announced or wrote more than the download limit. */
    static final class DownloadTooLargeException extends Refusal {
        private final long maxBytes;

        DownloadTooLargeException(long maxBytes) {
            super("download over " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    /** A redirect would have left https for plain http. */
    static final class InsecureRedirectException extends Refusal {
        private final String target;

        /** @param target scheme://host:port of the refused address, never its path or query */
        InsecureRedirectException(String target) {
            super("redirect to plain http refused");
            this.target = target;
        }
    }

    /** The try outlived its request deadline and was cancelled; the cause is how the cancelled call failed. */
    static final class DeadlineException extends IOException {
        private final Duration deadline;

        DeadlineException(Duration deadline, Throwable cause) {
            super("request deadline passed", cause);
            this.deadline = deadline;
        }
    }

    boolean retryable(RetryMode mode) {
        return transientFault && (!mayHaveBeenProcessed || mode == RetryMode.IDEMPOTENT);
    }

    IngestException toException(HttpCall call, int attempts, IOException cause) {
        String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        boolean mayBeStored =
                mayHaveBeenProcessed && transientFault && call.retryMode() == RetryMode.ONLY_IF_NOT_PROCESSED;
        String message = call.description() + " failed" + tries + ": " + reason + " (" + origin(call.uri()) + ")."
                + (mayBeStored
                        ? " The server may have received the request before the failure, so it was not "
                                + "repeated (repeating it could store it twice)."
                        : "");
        // Sending it again is what the user will want to do: say first what to check.
        String advice = mayBeStored ? "Check whether the server stored it before sending it again. " + hint : hint;
        // A file of this machine failed, not the network.
        IngestException.Kind kind =
                cause instanceof LocalFileException local ? local.kind : IngestException.Kind.REMOTE;
        return new IngestException(kind, message, advice, cause);
    }

    /** Whether the transport raised {@code failure} itself, rather than the network or the client library. */
    static boolean isOwn(Throwable failure) {
        return failure instanceof Refusal || failure instanceof LocalFileException;
    }

    /** "2048 MiB", or the bytes when not a whole number of MiB. */
    static String size(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes + " bytes";
    }

    /** "1800 s", or the milliseconds when not a whole number of seconds. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** scheme://host:port, never the user info or query of a URI. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /**
     * Classifies {@code failure}. Whether the server may have processed the request is decided from
     * what the try observed (was the body sent, did an answer start) rather than guessed from the
     * exception type alone: a failure before the body left can be repeated even for an upload.
     */
    static TransportFailure classify(IOException failure, Progress progress, boolean hasBody) {
        boolean reachedServer = progress.responseStarted || progress.bodySent || !hasBody;
        if (failure instanceof LocalFileException) {
            return new TransportFailure(
                    failure.getMessage(),
                    "Check the file named above, its folder's permissions and the free disk space.",
                    false,
                    false);
        }
        if (failure instanceof ResponseTooLargeException) {
            return new TransportFailure(
                    "the answer is larger than " + size(HttpTransport.MAX_MEMORY_BODY),
                    "Check the configured address: this is not the expected API.",
                    true,
                    false);
        }
        if (failure instanceof DownloadTooLargeException tooLarge) {
            return new TransportFailure(
                    "the file is larger than the download limit of " + size(tooLarge.maxBytes)
                            + ", counted as written to disk",
                    "If the file really is that large, raise " + Setting.MAX_DOWNLOAD_SIZE.ref()
                            + "; otherwise the server did not send the expected file.",
                    true,
                    false);
        }
        if (failure instanceof InsecureRedirectException redirect) {
            return new TransportFailure(
                    "the server redirected it from https to plain http at " + redirect.target + ", which is refused",
                    "Check that the configured address is the service's https address, and any proxy in between:"
                            + " a redirect to plain http would carry the request and its answer unencrypted.",
                    reachedServer,
                    false);
        }
        if (failure instanceof DeadlineException late) {
            // Like a read timeout: the server may have acted on the request before it got this slow.
            return new TransportFailure(
                    "it did not finish within the request deadline of " + duration(late.deadline),
                    "The service answers too slowly or has stalled; try again later, or raise "
                            + Setting.REQUEST_DEADLINE.ref() + " if a slow network needs more time.",
                    reachedServer,
                    true);
        }
        if (failure instanceof UnknownHostException) {
            return new TransportFailure(
                    "the host name cannot be resolved",
                    "Check the host setting and the network (DNS, proxy).",
                    false,
                    false);
        }
        if (failure instanceof SSLHandshakeException || failure instanceof SSLPeerUnverifiedException) {
            return new TransportFailure(
                    "the TLS handshake failed: " + failure.getMessage(),
                    "Check the scheme and port; behind a TLS-inspecting proxy, add its CA to the JVM's truststore.",
                    false,
                    false);
        }
        if (failure instanceof ConnectException) {
            // HttpClient's HttpHostConnectException is a ConnectException.
            return new TransportFailure(
                    "connection refused",
                    "Check the host and port settings, and that the service is reachable from this machine.",
                    false,
                    true);
        }
        if (failure instanceof NoRouteToHostException) {
            return new TransportFailure(
                    "no route to the host", "Check the network and the proxy settings.", false, true);
        }
        if (failure instanceof ConnectTimeoutException) {
            return new TransportFailure(
                    "timed out connecting",
                    "Check the host, the network and the proxy settings; raise " + Setting.CONNECT_TIMEOUT.ref()
                            + " if the network is slow.",
                    false,
                    true);
        }
        if (failure instanceof SocketTimeoutException) {
            return new TransportFailure(
                    "timed out waiting for the answer",
                    "The service is slow or stalled; raise " + Setting.READ_TIMEOUT.ref() + " or try again later.",
                    reachedServer,
                    true);
        }
        if (failure instanceof InterruptedIOException) {
            // Not a timeout: the thread was interrupted (the build is being cancelled) or the request aborted.
            return new TransportFailure(
                    "the request was interrupted", "The build was cancelled.", reachedServer, false);
        }
        if (failure instanceof ClientProtocolException) {
            return new TransportFailure(
                    "the answer is not valid HTTP",
                    "Check the scheme and port: something other than the expected web service answered.",
                    reachedServer,
                    false);
        }
        String what = progress.responseStarted
                ? "the connection was dropped in the middle of the answer"
                : reachedServer
                        ? "the connection was closed before an answer came"
                        : "the connection failed before the request was sent";
        return new TransportFailure(
                what + " (" + failure.getClass().getSimpleName() + ")",
                "This is usually a network or server fault; try again later.",
                reachedServer,
                true);
    }
}
