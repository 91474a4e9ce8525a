package dev.sodamaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import org.junit.jupiter.api.Test;

/** The core's log lines reach Maven's log rendered for Maven users and with the run's secrets masked. */
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
}
