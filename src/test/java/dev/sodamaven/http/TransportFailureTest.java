package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
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
}
