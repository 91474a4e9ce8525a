package dev.sodamaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

// A separate thread: a cause chain that loops back must fail the test, not hang it.
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
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

    @Test
    void aCauseChainThatLoopsBackIsShownAndEnds() {
        // initCause can close a loop (A -> B -> A), as a library may do by mistake.
        Exception outer = new Exception("outer");
        Exception inner = new Exception("inner");
        outer.initCause(inner);
        inner.initCause(outer);

        Throwable shown = outbound.problem(IngestException.input("Bad file.", "Fix it.", outer))
                .getCause();

        assertThat(shown).isSameAs(outer);
    }

    @Test
    void aCauseChainThatLoopsBackWithALineBreakIsCopiedAndEnds() {
        Exception outer = new Exception("outer\n[INFO] BUILD SUCCESS");
        Exception inner = new Exception("inner");
        outer.initCause(inner);
        inner.initCause(outer);

        Throwable shown = outbound.problem(IngestException.input("Bad file.", "Fix it.", outer))
                .getCause();

        assertThat(shown).hasMessage("java.lang.Exception: outer\\n[INFO] BUILD SUCCESS");
        assertThat(shown.getCause()).hasMessage("java.lang.Exception: inner").hasNoCause();
    }

    @Test
    void aCauseChainThatLoopsBackHoldingASecretIsNotKept() {
        Exception outer = new Exception("outer");
        Exception inner = new Exception("token " + SECRET);
        outer.initCause(inner);
        inner.initCause(outer);

        assertThat(outbound.problem(IngestException.input("Bad file.", "Fix it.", outer))
                        .getCause())
                .isNull();
    }

    @Test
    void aCauseWhoseSuppressedExceptionHoldsASecretIsNotKept() {
        IOException cause = new IOException("reading failed");
        cause.addSuppressed(new IOException("closing failed for token " + SECRET));
        IngestException problem = IngestException.input("Bad file.", "Fix it.", new UncheckedIOException(cause));

        IngestException shown = outbound.problem(problem);

        assertThat(printed(shown)).doesNotContain(SECRET);
        assertThat(shown.getCause()).isNull();
    }

    @Test
    void aSuppressedExceptionWithALineBreakIsKeptAsAOneLineCopy() {
        IOException cause = new IOException("reading failed");
        IOException suppressed = new IOException("closing failed\n[INFO] BUILD SUCCESS");
        cause.addSuppressed(suppressed);
        IngestException problem = IngestException.input("Bad file.", "Fix it.", cause);

        Throwable shown = outbound.problem(problem).getCause();

        assertThat(printed(shown).lines()).noneMatch(line -> line.startsWith("[INFO]"));
        assertThat(shown).hasMessage("java.io.IOException: reading failed");
        assertThat(shown.getSuppressed()).singleElement().satisfies(copy -> {
            assertThat(copy).hasMessage("java.io.IOException: closing failed\\n[INFO] BUILD SUCCESS");
            assertThat(copy.getStackTrace()).isEqualTo(suppressed.getStackTrace());
        });
    }

    @Test
    void aSuppressedExceptionThatLoopsBackEnds() {
        Exception outer = new Exception("outer\r::warning::pwned");
        Exception inner = new Exception("inner");
        outer.addSuppressed(inner);
        inner.initCause(outer);

        Throwable shown = outbound.problem(IngestException.input("Bad file.", "Fix it.", outer))
                .getCause();

        assertThat(shown).hasMessage("java.lang.Exception: outer\\r::warning::pwned");
        assertThat(shown.getSuppressed())
                .singleElement()
                .satisfies(copy -> assertThat(copy)
                        .hasMessage("java.lang.Exception: inner")
                        .hasNoCause());
    }

    @Test
    void aLongLogLineIsCutAfterMaskingSoASecretIsNeverHalfShown() {
        // The notice counts the masked text: the secret is four characters there.
        String notice = String.format(
                Locale.ROOT, "… [cut: %,d characters in all]", 2 * OneLine.MAX_CHARACTERS - SECRET.length() + 4);
        int kept = OneLine.MAX_CHARACTERS - notice.length();
        // The secret straddles the place of the cut.
        String text = "x".repeat(kept - 4) + SECRET;
        text += "y".repeat(2 * OneLine.MAX_CHARACTERS - text.length());

        String line = outbound.line(text);

        assertThat(line).hasSize(OneLine.MAX_CHARACTERS).endsWith(notice).doesNotContain(SECRET.substring(0, 3));
    }

    @Test
    void aProblemWithAHugeMessageHintAndCauseIsShownCut() {
        String huge = "dbt Cloud job " + "j".repeat(2_000_000);
        IngestException problem =
                IngestException.remote(huge, "Check the job " + huge + ".", new IOException("body " + huge));

        IngestException shown = outbound.problem(problem);

        assertThat(shown.getMessage())
                .hasSize(OneLine.MAX_CHARACTERS)
                .startsWith("dbt Cloud job jjj")
                .endsWith("… [cut: 2,000,014 characters in all]");
        assertThat(shown.hint()).hasSize(OneLine.MAX_CHARACTERS);
        assertThat(shown.getCause().getMessage()).hasSize(OneLine.MAX_CHARACTERS);
        assertThat(printed(shown).length()).isLessThan(4 * OneLine.MAX_CHARACTERS);
    }

    private static String printed(Throwable shown) {
        StringWriter out = new StringWriter();
        shown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
