package dev.sodamaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OutboundTest {

    private static final String SECRET = "Zq9-outbound-secret";
    private final Outbound outbound = new Outbound(new Secrets().add(SECRET), Setting::parameter);

    @Test
    void rendersSettingsAndMasksSecrets() {
        assertThat(outbound.text("Check " + Setting.SODA_CLOUD_HOST.ref() + ": got " + SECRET))
                .isEqualTo("Check sodaCloudHost: got ****");
    }

    @Test
    void aProblemIsShownRenderedAndMaskedAndKeepsWhatItWas() {
        Path kept = Path.of("target", "soda", "scan-results.json");
        IOException cause = new IOException("disk full");
        IngestException problem = IngestException.remote(
                        "Upload of " + SECRET + " failed.", "Raise " + Setting.READ_TIMEOUT.ref() + ".", cause)
                .withKeptScanResults(kept);

        IngestException shown = outbound.problem(problem);

        assertThat(shown.getMessage()).isEqualTo("Upload of **** failed.");
        assertThat(shown.hint()).isEqualTo("Raise readTimeout.");
        assertThat(shown.kind()).isEqualTo(IngestException.Kind.REMOTE);
        assertThat(shown.keptScanResults()).contains(kept);
        assertThat(shown.getCause()).isSameAs(cause);
        assertThat(shown.getStackTrace()).isEqualTo(problem.getStackTrace());
    }

    @Test
    void aCauseHoldingASecretIsNotKept() {
        IngestException problem = IngestException.input(
                "Bad file.", "Fix it.", new IOException("wrapped", new IOException("token " + SECRET)));

        assertThat(outbound.problem(problem).getCause()).isNull();
    }

    @Test
    void aLogLineIsRenderedMaskedAndKeptOnOneLine() {
        assertThat(outbound.line("Check " + Setting.SODA_CLOUD_HOST.ref() + ": x\n[INFO] BUILD SUCCESS " + SECRET))
                .isEqualTo("Check sodaCloudHost: x\\n[INFO] BUILD SUCCESS ****");
    }

    @Test
    void aSecretHoldingALineBreakIsMaskedBeforeTheLineIsEscaped() {
        Outbound own = new Outbound(new Secrets().add("two\nline-secret"), Setting::parameter);

        assertThat(own.line("got two\nline-secret")).isEqualTo("got ****");
    }

    @Test
    void textForAReportKeepsItsLineBreaks() {
        assertThat(outbound.text("Got 3 rows\nwhere id is null")).isEqualTo("Got 3 rows\nwhere id is null");
    }

    @Test
    void aProblemIsShownOnOneLine() {
        IngestException problem = IngestException.input(
                "Bad dataset 'x\n[INFO] BUILD SUCCESS'.", "Check \r::warning::pwned \u001b[2K\u2028.");

        IngestException shown = outbound.problem(problem);

        assertThat(shown.getMessage()).isEqualTo("Bad dataset 'x\\n[INFO] BUILD SUCCESS'.");
        assertThat(shown.hint()).isEqualTo("Check \\r::warning::pwned \\u001b[2K\\u2028.");
    }

    @Test
    void aCauseWithLineBreaksIsKeptAsAOneLineCopy() {
        IOException root = new IOException("Unexpected character\n at [Source: x; line: 1]\n[INFO] BUILD SUCCESS");
        UncheckedIOException cause = new UncheckedIOException("reading", root);
        IngestException problem = IngestException.input("Bad file.", "Fix it.", cause);

        Throwable shown = outbound.problem(problem).getCause();

        assertThat(shown).isNotSameAs(cause).hasMessage("java.io.UncheckedIOException: reading");
        assertThat(shown.getStackTrace()).isEqualTo(cause.getStackTrace());
        assertThat(shown.getCause())
                .hasMessage(
                        "java.io.IOException: Unexpected character\\n at [Source: x; line: 1]\\n[INFO] BUILD SUCCESS")
                .hasNoCause();
        assertThat(shown.getCause().getStackTrace()).isEqualTo(root.getStackTrace());
        assertThat(shown.getCause().toString()).doesNotContain("\n");
    }
}
