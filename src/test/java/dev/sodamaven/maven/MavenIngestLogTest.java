package dev.sodamaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The core's log lines reach Maven's log rendered for Maven users and with the run's secrets masked. */
@Timeout(10)
class MavenIngestLogTest {

    private static final String TOKEN = "dbtc_token-5a61-e0f2";

    private final Secrets secrets = new Secrets();
    private final RecordingMavenLog maven = new RecordingMavenLog();
    private final MavenIngestLog log = new MavenIngestLog(maven, new Outbound(secrets, MavenSettingNames.INSTANCE));

    @Test
    void infoAndWarnAreRenderedAndMasked() {
        secrets.add(TOKEN);

        log.info("Using " + Setting.DBT_CLOUD_ACCESS_URL.ref() + " = emea.dbt.com");
        log.warn("dbt Cloud echoed the token " + TOKEN + "; check " + Setting.DBT_CLOUD_API_TOKEN.ref() + ".");

        assertThat(maven.lines())
                .containsExactly(
                        "INFO Using dbtCloudAccessUrl (-Dsoda.dbtCloud.accessUrl) = emea.dbt.com",
                        "WARN dbt Cloud echoed the token ****; check dbtCloudApiToken (-Dsoda.dbtCloud.apiToken).");
    }

    @Test
    void aSecretAddedDuringTheRunIsMaskedFromThenOn() {
        log.info("token " + TOKEN);
        secrets.add(TOKEN);
        log.info("token " + TOKEN);

        assertThat(maven.at("INFO")).containsExactly("token " + TOKEN, "token ****");
    }

    @Test
    void settingNamesAreParameterAndUserProperty() {
        assertThat(MavenSettingNames.INSTANCE.name(Setting.SCAN_RESULTS)).isEqualTo("scanResults (-Dsoda.scanResults)");
    }

    /**
     * Text from artifacts and servers cannot start a log line of its own: not a forged Maven line,
     * not a CI command, not a terminal escape that rewrites what was printed.
     */
    @Test
    void textFromOutsideStaysOnItsLine() {
        log.info("dbt results for dataset x\n[INFO] BUILD SUCCESS");
        log.warn("Unknown test id\r::warning::pwned");
        log.info("status \u001b[2K\u001b[1Aerased");
        log.warn("job\u2028name\u2029step\u202eevil\u2066");
        log.info("tab\tand\u0085next\u009b31m");

        assertThat(maven.lines())
                .containsExactly(
                        "INFO dbt results for dataset x\\n[INFO] BUILD SUCCESS",
                        "WARN Unknown test id\\r::warning::pwned",
                        "INFO status \\u001b[2K\\u001b[1Aerased",
                        "WARN job\\u2028name\\u2029step\\u202eevil\\u2066",
                        "INFO tab\\tand\\u0085next\\u009b31m");
    }

    @Test
    void aSecretIsMaskedBeforeTheLineIsEscaped() {
        secrets.add(TOKEN);

        log.warn("echo " + TOKEN + "\n" + TOKEN);

        assertThat(maven.at("WARN")).containsExactly("echo ****\\n****");
    }
}
