package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

/** Failures the local servers cannot easily produce (TLS, interrupts), classified directly. */
class TransportFailureTest {

    private static TransportFailure.Progress progress(boolean bodySent, boolean responseStarted) {
        TransportFailure.Progress progress = new TransportFailure.Progress();
        progress.bodySent = bodySent;
        progress.responseStarted = responseStarted;
        return progress;
    }

    @Test
    void aTlsHandshakeFailureIsNotRetried() {
        TransportFailure failure = TransportFailure.classify(
                new SSLHandshakeException("PKIX path building failed"), progress(false, false), true);

        assertThat(failure.reason()).startsWith("the TLS handshake failed");
        assertThat(failure.retryable(RetryMode.IDEMPOTENT)).isFalse();
        assertThat(failure.hint()).contains("truststore");
    }

    @Test
    void aTlsConnectionResetMidAnswerIsADroppedConnection() {
        // Newer JDKs report a reset TLS connection as a plain SSLException: it is no handshake problem.
        TransportFailure failure =
                TransportFailure.classify(new SSLException("Connection reset"), progress(true, true), true);

        assertThat(failure.reason()).startsWith("the connection was dropped in the middle of the answer");
        assertThat(failure.retryable(RetryMode.IDEMPOTENT)).isTrue();
        assertThat(failure.retryable(RetryMode.ONLY_IF_NOT_PROCESSED)).isFalse();
    }

    @Test
    void anInterruptIsNeitherATimeoutNorRetried() {
        for (IOException interrupt :
                new IOException[] {new InterruptedIOException(), new RequestFailedException("Request aborted")}) {
            TransportFailure failure = TransportFailure.classify(interrupt, progress(false, false), false);

            assertThat(failure.reason()).isEqualTo("the request was interrupted");
            assertThat(failure.retryable(RetryMode.IDEMPOTENT)).isFalse();
        }
    }

    @Test
    void connectFailuresAreRetriedEvenForAnUpload() {
        for (IOException connect :
                new IOException[] {new HttpHostConnectException("refused"), new ConnectTimeoutException("timed out")}) {
            assertThat(TransportFailure.classify(connect, progress(false, false), true)
                            .retryable(RetryMode.ONLY_IF_NOT_PROCESSED))
                    .isTrue();
        }
    }

    @Test
    void whetherAnUploadMayHaveArrivedFollowsWhatTheTrySaw() {
        IOException reset = new SocketException("Connection reset");
        assertThat(TransportFailure.classify(reset, progress(false, false), true)
                        .retryable(RetryMode.ONLY_IF_NOT_PROCESSED))
                .as("the body never left")
                .isTrue();
        assertThat(TransportFailure.classify(reset, progress(false, false), true)
                        .reason())
                .startsWith("the connection failed before the request was sent");
        assertThat(TransportFailure.classify(reset, progress(true, false), true)
                        .retryable(RetryMode.ONLY_IF_NOT_PROCESSED))
                .as("the body was sent")
                .isFalse();
        assertThat(TransportFailure.classify(new SocketTimeoutException("Read timed out"), progress(true, false), true)
                        .retryable(RetryMode.ONLY_IF_NOT_PROCESSED))
                .isFalse();
        assertThat(TransportFailure.classify(new ConnectionClosedException("Premature end"), progress(true, true), true)
                        .mayHaveBeenProcessed())
                .isTrue();
    }

    @Test
    void aPassedDeadlineIsRetriedLikeAReadTimeout() {
        IOException late =
                new TransportFailure.DeadlineException(Duration.ofSeconds(1800), new SocketException("closed"));

        TransportFailure afterSending = TransportFailure.classify(late, progress(true, true), true);
        assertThat(afterSending.reason()).isEqualTo("it did not finish within the request deadline of 1800 s");
        assertThat(afterSending.hint()).contains(Setting.REQUEST_DEADLINE.ref());
        assertThat(afterSending.retryable(RetryMode.IDEMPOTENT)).isTrue();
        assertThat(afterSending.retryable(RetryMode.ONLY_IF_NOT_PROCESSED)).isFalse();
        assertThat(TransportFailure.classify(late, progress(false, false), true)
                        .retryable(RetryMode.ONLY_IF_NOT_PROCESSED))
                .as("the body never left")
                .isTrue();
    }

    @Test
    void whatTheTransportRefusedIsNeverRetried() {
        for (IOException refusal : new IOException[] {
            new TransportFailure.DownloadTooLargeException(2048L * 1024 * 1024),
            new TransportFailure.InsecureRedirectException("http://bucket.example"),
            new TransportFailure.ResponseTooLargeException()
        }) {
            TransportFailure failure = TransportFailure.classify(refusal, progress(false, true), false);
            assertThat(failure.retryable(RetryMode.IDEMPOTENT))
                    .as("%s", refusal)
                    .isFalse();
            assertThat(TransportFailure.isOwn(refusal)).isTrue();
        }
        assertThat(TransportFailure.classify(
                                new TransportFailure.DownloadTooLargeException(2048L * 1024 * 1024),
                                progress(false, true),
                                false)
                        .reason())
                .isEqualTo("the file is larger than the download limit of 2048 MiB, counted as written to disk");
        assertThat(TransportFailure.isOwn(new SocketException("closed"))).isFalse();
    }

    @Test
    void sizesAndDurationsReadNaturally() {
        assertThat(TransportFailure.size(1024 * 1024)).isEqualTo("1 MiB");
        assertThat(TransportFailure.size(1000)).isEqualTo("1000 bytes");
        assertThat(TransportFailure.duration(Duration.ofMinutes(30))).isEqualTo("1800 s");
        assertThat(TransportFailure.duration(Duration.ofMillis(700))).isEqualTo("700 ms");
    }
}
