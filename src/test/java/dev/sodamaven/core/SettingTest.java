package dev.sodamaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SettingTest {

    private static final SettingNames MAVEN_LIKE = setting -> setting.parameter() + " (-D" + setting.property() + ")";

    @Test
    void rendersEveryMentionOfASetting() {
        String text = "Set " + Setting.DBT_ARTIFACTS.ref() + ", or " + Setting.DBT_MANIFEST.ref() + " and "
                + Setting.DBT_RUN_RESULTS.ref() + ".";

        assertThat(Setting.render(text, MAVEN_LIKE))
                .isEqualTo("Set dbtArtifacts (-Dsoda.dbt.artifacts), or "
                        + "dbtManifest (-Dsoda.dbt.manifest) and dbtRunResults (-Dsoda.dbt.runResults).");
        assertThat(Setting.render(text, Setting::parameter))
                .isEqualTo("Set dbtArtifacts, or dbtManifest and dbtRunResults.");
    }

    @Test
    void leavesTextThatOnlyLooksLikeAMentionAlone() {
        assertThat(Setting.render("{{setting:noSuchSetting}} {{ ref('x') }} {{setting:dryRun", MAVEN_LIKE))
                .isEqualTo("{{setting:noSuchSetting}} {{ ref('x') }} {{setting:dryRun");
        assertThat(Setting.render(null, MAVEN_LIKE)).isNull();
    }

    @Test
    void parametersAndPropertiesAreUnique() {
        assertThat(Arrays.stream(Setting.values()).map(Setting::parameter)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(Setting.values()).map(Setting::property)).doesNotHaveDuplicates();
    }

    @Test
    void aServerSourceNamesTheSettingHoldingTheServerId() {
        assertThat(Setting.API_KEY_SECRET.serverIdSetting()).contains(Setting.SODA_CLOUD_SERVER_ID);
        assertThat(Setting.DBT_CLOUD_API_TOKEN.serverIdSetting()).contains(Setting.DBT_CLOUD_SERVER_ID);
        assertThat(Setting.DATA_SOURCE.serverIdSetting()).isEmpty();
    }

    @Test
    void aDefaultOnlyTheBuildToolCanEvaluateIsNoCoreDefault() {
        assertThat(Setting.OUTPUT_DIRECTORY.documentedDefault()).contains("${project.build.directory}/soda");
        assertThat(Setting.OUTPUT_DIRECTORY.defaultValue()).isEmpty();
        assertThat(Setting.SCAN_DEFINITION.defaultValue()).contains("Ingest - dbt");
    }

    @Test
    void theGoalsHaveTheirOwnSettings() {
        assertThat(Setting.of(Setting.Goal.UPLOAD))
                .contains(Setting.SCAN_RESULTS, Setting.API_KEY_SECRET)
                .doesNotContain(Setting.DATA_SOURCE);
        assertThat(Setting.of(Setting.Goal.INGEST))
                .contains(Setting.DATA_SOURCE, Setting.API_KEY_SECRET)
                .doesNotContain(Setting.SCAN_RESULTS);
    }
}
