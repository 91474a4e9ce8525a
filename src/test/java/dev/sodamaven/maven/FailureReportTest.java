package dev.sodamaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How a failed run ends the build: which Mojo exception, or only warnings, and what text it carries. */
@Timeout(10)
class FailureReportTest {

    private static final String SECRET = "apiSecret-0d9c-41f7";
    private static final String CONTINUES = "The build goes on because failOnError (-Dsoda.failOnError) is false.";

    private final Secrets secrets = new Secrets();
    private final RecordingMavenLog log = new RecordingMavenLog();
    private final FailureReport report = new FailureReport(new Outbound(secrets, MavenSettingNames.INSTANCE), log);

    private Throwable end(IngestException problem, boolean failOnError) {
        return catchThrowable(() -> report.end(problem, failOnError));
    }

    @Test
    void aFailedQualityGateFailsTheBuild() {
        IngestException gate = new IngestException(
                IngestException.Kind.QUALITY_GATE, "2 dbt tests failed and failOn is fail.", "See the report.");

        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, () -> report.end(gate, true));

        assertThat(failure).hasMessage("2 dbt tests failed and failOn is fail. See the report.");
        assertThat(failure.getCause())
                .isInstanceOfSatisfying(
                        IngestException.class,
                        cause -> assertThat(cause.kind()).isEqualTo(IngestException.Kind.QUALITY_GATE));
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void aFailedQualityGateFailsTheBuildEvenWhenFailOnErrorIsFalse() {
        IngestException gate = new IngestException(IngestException.Kind.QUALITY_GATE, "1 dbt test failed.", null);

        assertThat(end(gate, false)).isInstanceOf(MojoFailureException.class).hasMessage("1 dbt test failed.");
        assertThat(log.lines()).as("no 'the build goes on'").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = IngestException.Kind.class, names = "QUALITY_GATE", mode = EnumSource.Mode.EXCLUDE)
    void anyOtherProblemIsABuildError(IngestException.Kind kind) {
        IngestException problem = new IngestException(kind, "Something went wrong.", "Do this.");

        Throwable thrown = end(problem, true);

        assertThat(thrown)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("Something went wrong. Do this.");
        assertThat(thrown.getCause())
                .isInstanceOfSatisfying(
                        IngestException.class, cause -> assertThat(cause.kind()).isEqualTo(kind));
        assertThat(log.lines()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = IngestException.Kind.class, names = "QUALITY_GATE", mode = EnumSource.Mode.EXCLUDE)
    void withFailOnErrorFalseAProblemOnlyWarns(IngestException.Kind kind) {
        IngestException problem = new IngestException(kind, "Soda Cloud is down.", "Try again later.");

        assertThatCode(() -> report.end(problem, false)).doesNotThrowAnyException();

        assertThat(log.lines()).containsExactly("WARN Soda Cloud is down. Try again later.", "WARN " + CONTINUES);
    }

    @Test
    void keptScanResultsAreNamedWithTheWayToSendThemAgain() {
        Path file = Path.of("target", "soda", "scan-results.json");
        IngestException problem = IngestException.remote("Soda Cloud answered 503.", "Try again later.")
                .withKeptScanResults(file);

        Throwable thrown = end(problem, true);

        assertThat(thrown)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Soda Cloud answered 503. Try again "
                        + "later. The scan results are saved in " + file + "; send them again with: mvn soda:upload "
                        + "-Dsoda.scanResults=" + file);
    }

    @Test
    void keptScanResultsAreNamedInTheWarningToo() throws Exception {
        Path file = Path.of("target", "soda", "scan-results.json");

        report.end(IngestException.remote("Soda Cloud answered 503.", null).withKeptScanResults(file), false);

        assertThat(log.at("WARN"))
                .containsExactly(
                        "Soda Cloud answered 503. The scan results are saved in " + file
                                + "; send them again with: mvn soda:upload -Dsoda.scanResults=" + file,
                        CONTINUES);
    }

    @Test
    void settingsAreSpelledTheMavenWay() {
        IngestException problem = IngestException.configuration(
                "No data source: " + Setting.DATA_SOURCE.ref() + " is not set.",
                "Set " + Setting.DATA_SOURCE.ref() + " or the environment variable SODA_DATA_SOURCE.");

        Throwable thrown = end(problem, true);

        assertThat(thrown)
                .hasMessage("No data source: dataSource (-Dsoda.dataSource) is not set. Set dataSource "
                        + "(-Dsoda.dataSource) or the environment variable SODA_DATA_SOURCE.");
        assertThat(((IngestException) thrown.getCause()).hint()).doesNotContain("{{setting:");
    }

    @Test
    void theRunsSecretsAreMaskedInMessageAndHint() {
        secrets.add(SECRET);
        IngestException problem = IngestException.remote(
                "Soda Cloud echoed {\"secret\":\"" + SECRET + "\"}.", "Check the key " + SECRET + ".");

        Throwable thrown = end(problem, true);

        assertThat(thrown).hasMessage("Soda Cloud echoed {\"secret\":\"****\"}. Check the key ****.");
        IngestException shown = (IngestException) thrown.getCause();
        assertThat(shown.getMessage()).isEqualTo("Soda Cloud echoed {\"secret\":\"****\"}.");
        assertThat(shown.hint()).isEqualTo("Check the key ****.");
    }

    @Test
    void theRunsSecretsAreMaskedInTheWarnings() throws Exception {
        secrets.add(SECRET);

        report.end(IngestException.remote("Login refused for " + SECRET + ".", null), false);

        assertThat(log.lines()).containsExactly("WARN Login refused for ****.", "WARN " + CONTINUES);
    }

    @Test
    void aCleanCauseIsKeptForDashE() {
        ConnectException refused = new ConnectException("Connection refused");
        IngestException problem =
                IngestException.remote("Soda Cloud could not be reached.", "Check the proxy.", refused);

        Throwable thrown = end(problem, true);

        assertThat(thrown.getCause()).isInstanceOf(IngestException.class);
        assertThat(thrown.getCause().getCause()).isSameAs(refused);
        assertThat(thrown.getCause().getStackTrace()).isEqualTo(problem.getStackTrace());
    }

    @Test
    void aCauseHoldingASecretIsDropped() {
        secrets.add(SECRET);
        IOException leaky = new IOException("Server said: bad token " + SECRET);
        IngestException problem = IngestException.remote(
                "Soda Cloud refused the login.", "Check the API key.", new RuntimeException("wrapped", leaky));

        Throwable thrown = end(problem, true);

        assertThat(thrown).hasMessage("Soda Cloud refused the login. Check the API key.");
        assertThat(thrown.getCause()).isInstanceOf(IngestException.class);
        assertThat(thrown.getCause().getCause())
                .as("the cause chain quotes the secret")
                .isNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
        }
    }

    @Test
    void aCauseThatIsAProblemIsShownTooRenderedAndMasked() {
        secrets.add(SECRET);
        IngestException inner = IngestException.configuration(
                "Bad key from " + Setting.API_KEY_ID.ref() + ".", "The key " + SECRET + " is revoked.");
        IngestException problem = IngestException.remote("Login failed.", null, inner);

        Throwable thrown = end(problem, true);

        IngestException shownInner = (IngestException) thrown.getCause().getCause();
        assertThat(shownInner.getMessage()).isEqualTo("Bad key from apiKeyId (-Dsoda.cloud.apiKeyId).");
        assertThat(shownInner.hint()).isEqualTo("The key **** is revoked.");
    }

    private static final String FORGED = "x\n[INFO] BUILD SUCCESS\r::warning::pwned\u001b[2K\u2028";
    private static final String ESCAPED = "x\\n[INFO] BUILD SUCCESS\\r::warning::pwned\\u001b[2K\\u2028";

    /** What Maven prints for a failed goal: the message and every cause's it does not already hold. */
    private static String mavenSummary(Throwable thrown) {
        return new DefaultExceptionHandler().handleException(thrown).getMessage();
    }

    @Test
    void textFromOutsideStaysOnOneLineInTheBuildError() {
        Path file = Path.of("target", "soda\nout", "scan-results.json");
        IngestException problem = IngestException.remote(
                        "dbt Cloud job '" + FORGED + "' failed.",
                        "Check step " + FORGED + ".",
                        new IOException("body:\n[ERROR] " + FORGED))
                .withKeptScanResults(file);

        Throwable thrown = end(problem, true);

        assertThat(thrown)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("dbt Cloud job '" + ESCAPED + "' failed. Check step " + ESCAPED
                        + ". The scan results are saved in " + file.toString().replace("\n", "\\n")
                        + "; send them again with: mvn soda:upload -Dsoda.scanResults="
                        + file.toString().replace("\n", "\\n"));
        String summary = mavenSummary(thrown);
        assertThat(summary).contains("body:\\n[ERROR] " + ESCAPED).doesNotContain("\n", "\r", "\u001b", "\u2028");
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t)).doesNotContain("\n", "\r", "\u001b", "\u2028");
        }
    }

    @Test
    void textFromOutsideStaysOnOneLineInTheBuildFailure() {
        IngestException gate = new IngestException(
                IngestException.Kind.QUALITY_GATE, "Test " + FORGED + " failed.", "See " + FORGED + ".");

        Throwable thrown = end(gate, true);

        assertThat(thrown)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Test " + ESCAPED + " failed. See " + ESCAPED + ".");
        assertThat(mavenSummary(thrown)).doesNotContain("\n", "\r", "\u001b", "\u2028");
    }

    @Test
    void textFromOutsideStaysOnOneLineInTheWarnings() throws Exception {
        report.end(IngestException.remote("Soda Cloud said " + FORGED + ".", "Retry " + FORGED + "."), false);

        assertThat(log.lines())
                .containsExactly("WARN Soda Cloud said " + ESCAPED + ". Retry " + ESCAPED + ".", "WARN " + CONTINUES);
    }
}
