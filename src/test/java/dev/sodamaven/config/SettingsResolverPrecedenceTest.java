package dev.sodamaven.config;

import static dev.sodamaven.config.ResolverTesting.assertNoSecret;
import static dev.sodamaven.config.ResolverTesting.dryRun;
import static dev.sodamaven.config.ResolverTesting.origin;
import static dev.sodamaven.config.ResolverTesting.resolver;
import static dev.sodamaven.config.ResolverTesting.shown;
import static dev.sodamaven.config.ResolverTesting.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The precedence of every value over every source: plugin parameter > configuration.yml >
 * environment variable > settings.xml server > default. Each test walks down the ladder by removing
 * the highest source present, and checks the value and the recorded origin.
 */
class SettingsResolverPrecedenceTest {

    private static final String[] SECRETS = {
        "secret-param",
        "secret-file",
        "secret-env",
        "secret-server",
        "token-param",
        "token-file",
        "token-env",
        "token-server"
    };

    @TempDir
    Path dir;

    private Path artifacts;

    @BeforeEach
    void createArtifactsFolder() throws Exception {
        artifacts = Files.createDirectory(dir.resolve("target"));
    }

    /** Which sources hold a value, highest first. */
    private record Sources(boolean param, boolean file, boolean env, boolean server) {
        static Sources from(int highest) {
            return new Sources(highest <= 0, highest <= 1, highest <= 2, highest <= 3);
        }
    }

    private Path configuration(Sources sources) throws Exception {
        String yaml = "data_source jaffle_shop:\n  type: postgres\n";
        if (sources.file()) {
            yaml += """
                    soda_cloud:
                      host: file.soda.example
                      port: 8443
                      scheme: https
                      api_key_id: id-file
                      api_key_secret: secret-file
                    dbt_cloud:
                      account_id: 222
                      api_token: token-file
                      access_url: file.dbt.example
                    """;
        }
        return Files.writeString(dir.resolve("configuration.yml"), yaml);
    }

    private IngestSettings resolveIngest(Sources sources, boolean dbtCloud) throws Exception {
        Map<String, String> env = new HashMap<>();
        Parameters.Builder p = dryRun(artifacts)
                .with(Setting.CONFIGURATION, configuration(sources))
                .with(Setting.DRY_RUN, false);
        if (dbtCloud) {
            p.with(Setting.DBT_ARTIFACTS, null).with(Setting.DBT_CLOUD_RUN_ID, "99");
        }
        if (sources.param()) {
            p.with(Setting.SODA_CLOUD_HOST, "param.soda.example")
                    .with(Setting.SODA_CLOUD_PORT, "9443")
                    .with(Setting.SODA_CLOUD_SCHEME, "https")
                    .with(Setting.API_KEY_ID, Secret.of("id-param"))
                    .with(Setting.API_KEY_SECRET, Secret.of("secret-param"))
                    .with(Setting.DBT_CLOUD_ACCOUNT_ID, "111")
                    .with(Setting.DBT_CLOUD_API_TOKEN, Secret.of("token-param"))
                    .with(Setting.DBT_CLOUD_ACCESS_URL, "param.dbt.example");
        }
        if (sources.env()) {
            env.put("SODA_API_KEY_ID", "id-env");
            env.put("SODA_API_KEY_SECRET", "secret-env");
            env.put("DBT_CLOUD_ACCOUNT_ID", "333");
            env.put("DBT_CLOUD_API_TOKEN", "token-env");
        }
        if (sources.server()) {
            p.server(new ServerCredential("soda-cloud", "id-server", Secret.of("secret-server")));
            p.server(new ServerCredential("dbt-cloud", null, Secret.of("token-server")));
        }
        IngestSettings settings = resolver(env).resolveIngest(p.build());
        assertNoSecret(settings, SECRETS);
        return settings;
    }

    @Test
    void sodaCloudApiKeyFollowsThePrecedence() throws Exception {
        String[] ids = {"id-param", "id-file", "id-env", "id-server"};
        String[] secrets = {"secret-param", "secret-file", "secret-env", "secret-server"};
        String[] origins = {
            "plugin parameter apiKeyId (-Dsoda.cloud.apiKeyId)",
            "configuration.yml soda_cloud.api_key_id (line 7)",
            "environment variable SODA_API_KEY_ID",
            "settings.xml server 'soda-cloud'"
        };
        String[] secretOrigins = {
            "plugin parameter apiKeySecret (-Dsoda.cloud.apiKeySecret)",
            "configuration.yml soda_cloud.api_key_secret (line 8)",
            "environment variable SODA_API_KEY_SECRET",
            "settings.xml server 'soda-cloud'"
        };
        for (int highest = 0; highest < 4; highest++) {
            SodaCloudSettings cloud =
                    resolveIngest(Sources.from(highest), false).sodaCloud();

            assertThat(cloud.apiKeyId().reveal()).as("level %d", highest).isEqualTo(ids[highest]);
            assertThat(cloud.apiKeySecret().reveal()).as("level %d", highest).isEqualTo(secrets[highest]);
            String expectedOrigin = origins[highest].equals(secretOrigins[highest])
                    ? origins[highest]
                    : highest == 2
                            ? "environment variables SODA_API_KEY_ID and SODA_API_KEY_SECRET"
                            : "id: " + origins[highest] + ", secret: " + secretOrigins[highest];
            assertThat(shown(cloud.apiKeyOrigin())).as("level %d", highest).isEqualTo(expectedOrigin);
        }
    }

    @Test
    void anApiKeyFromOneSourceHasOneOrigin() throws Exception {
        IngestSettings settings = resolveIngest(new Sources(false, false, false, true), false);

        assertThat(settings.sodaCloud().apiKeyOrigin()).isEqualTo("settings.xml server 'soda-cloud'");
        assertThat(origin(settings.origins(), "Soda Cloud API key").value()).isEqualTo("(hidden)");
        assertThat(origin(settings.origins(), "Soda Cloud API key").origin())
                .isEqualTo("settings.xml server 'soda-cloud'");
    }

    @Test
    void sodaCloudAddressFollowsThePrecedence() throws Exception {
        SodaCloudSettings fromParam = resolveIngest(Sources.from(0), false).sodaCloud();
        SodaCloudSettings fromFile = resolveIngest(Sources.from(1), false).sodaCloud();
        IngestSettings byDefault = resolveIngest(Sources.from(2), false);

        assertThat(fromParam.host()).isEqualTo("param.soda.example");
        assertThat(fromParam.port()).isEqualTo(9443);
        assertThat(fromFile.host()).isEqualTo("file.soda.example");
        assertThat(fromFile.port()).isEqualTo(8443);
        assertThat(fromFile.scheme()).isEqualTo("https");
        assertThat(byDefault.sodaCloud().host()).isEqualTo("cloud.soda.io");
        assertThat(byDefault.sodaCloud().port()).isNull();
        assertThat(byDefault.sodaCloud().scheme()).isEqualTo("https");
        assertThat(origin(byDefault.origins(), "Soda Cloud").value()).isEqualTo("https://cloud.soda.io");
        assertThat(origin(byDefault.origins(), "Soda Cloud").origin()).isEqualTo("default host");
    }

    @Test
    void sodaCloudOriginNamesEachPart() throws Exception {
        SettingOrigin fromParam = origin(resolveIngest(Sources.from(0), false).origins(), "Soda Cloud");
        SettingOrigin fromFile = origin(resolveIngest(Sources.from(1), false).origins(), "Soda Cloud");

        assertThat(fromParam.value()).isEqualTo("https://param.soda.example:9443");
        assertThat(fromParam.origin())
                .isEqualTo("plugin parameter sodaCloudHost (-Dsoda.cloud.host); port from "
                        + "plugin parameter sodaCloudPort (-Dsoda.cloud.port); scheme from plugin parameter sodaCloudScheme "
                        + "(-Dsoda.cloud.scheme)");
        assertThat(fromFile.value()).isEqualTo("https://file.soda.example:8443");
        assertThat(fromFile.origin())
                .isEqualTo(
                        "configuration.yml soda_cloud.host (line 4); port from "
                                + "configuration.yml soda_cloud.port (line 5); scheme from configuration.yml soda_cloud.scheme (line 6)");
    }

    /**
     * Parameter, file, environment. The last rung, the settings.xml server, holds a token but no account
     * id, so it needs an environment that gives the account id alone: see the next test.
     */
    @Test
    void dbtCloudAccountAndTokenFollowThePrecedence() throws Exception {
        String[] accounts = {"111", "222", "333"};
        String[] accountOrigins = {
            "plugin parameter dbtCloudAccountId (-Dsoda.dbtCloud.accountId)",
            "configuration.yml dbt_cloud.account_id (line 10)",
            "environment variable DBT_CLOUD_ACCOUNT_ID"
        };
        String[] tokens = {"token-param", "token-file", "token-env"};
        String[] tokenOrigins = {
            "plugin parameter dbtCloudApiToken (-Dsoda.dbtCloud.apiToken)",
            "configuration.yml dbt_cloud.api_token (line 11)",
            "environment variable DBT_CLOUD_API_TOKEN"
        };
        for (int highest = 0; highest < 3; highest++) {
            // At every level the settings.xml server holds a token too: it loses to each source above it.
            IngestSettings settings = resolveIngest(Sources.from(highest), true);
            DbtCloudSettings dbt = ((ArtifactSource.DbtCloud) settings.artifacts()).settings();

            assertThat(dbt.accountId()).as("level %d", highest).isEqualTo(accounts[highest]);
            assertThat(origin(settings.origins(), "dbt Cloud account").origin()).isEqualTo(accountOrigins[highest]);
            assertThat(dbt.apiToken().reveal()).as("level %d", highest).isEqualTo(tokens[highest]);
            assertThat(shown(dbt.tokenOrigin())).isEqualTo(tokenOrigins[highest]);
            assertThat(origin(settings.origins(), "dbt Cloud API token").value())
                    .isEqualTo("(hidden)");
            assertThat(origin(settings.origins(), "dbt Cloud API token").origin())
                    .isEqualTo(tokenOrigins[highest]);
        }
    }

    @Test
    void theDbtCloudTokenComesFromTheSettingsXmlPasswordLast() throws Exception {
        Map<String, String> env = Map.of("DBT_CLOUD_ACCOUNT_ID", "333");
        Parameters p = dryRun(null)
                .with(Setting.DBT_CLOUD_JOB_ID, "5")
                .server(new ServerCredential("dbt-cloud", null, Secret.of("token-server")))
                .build();

        IngestSettings settings = resolver(env).resolveIngest(p);

        DbtCloudSettings dbt = ((ArtifactSource.DbtCloud) settings.artifacts()).settings();
        assertThat(dbt.apiToken().reveal()).isEqualTo("token-server");
        assertThat(dbt.tokenOrigin()).isEqualTo("settings.xml server 'dbt-cloud'");
        assertNoSecret(settings, "token-server");
    }

    @Test
    void dbtCloudAccessUrlFollowsThePrecedence() throws Exception {
        IngestSettings fromParam = resolveIngest(Sources.from(0), true);
        IngestSettings fromFile = resolveIngest(Sources.from(1), true);
        IngestSettings byDefault = resolveIngest(new Sources(false, false, true, false), true);

        assertThat(((ArtifactSource.DbtCloud) fromParam.artifacts()).settings().baseUrl())
                .hasToString("https://param.dbt.example");
        assertThat(origin(fromParam.origins(), "dbt Cloud address").origin())
                .isEqualTo("plugin parameter dbtCloudAccessUrl (-Dsoda.dbtCloud.accessUrl)");
        assertThat(((ArtifactSource.DbtCloud) fromFile.artifacts()).settings().baseUrl())
                .hasToString("https://file.dbt.example");
        assertThat(origin(fromFile.origins(), "dbt Cloud address").origin())
                .isEqualTo("configuration.yml dbt_cloud.access_url (line 12)");
        assertThat(((ArtifactSource.DbtCloud) byDefault.artifacts()).settings().baseUrl())
                .hasToString("https://cloud.getdbt.com");
        assertThat(origin(byDefault.origins(), "dbt Cloud address").origin()).isEqualTo("default");
    }

    @Test
    void blankValuesCountAsUnset() throws Exception {
        Path file = Files.writeString(dir.resolve("blank.yml"), """
                data_source jaffle_shop:
                  type: postgres
                soda_cloud:
                  host: file.soda.example
                  api_key_id: ""
                  api_key_secret: ${NOT_SET_ANYWHERE}
                """);
        Parameters p = dryRun(artifacts)
                .with(Setting.DRY_RUN, false)
                .with(Setting.CONFIGURATION, file)
                .with(Setting.SODA_CLOUD_HOST, "  ")
                .with(Setting.API_KEY_ID, Secret.of("   "))
                .build();

        IngestSettings settings = resolver(Map.of("SODA_API_KEY_ID", "id-env", "SODA_API_KEY_SECRET", "secret-env"))
                .resolveIngest(p);

        assertThat(settings.sodaCloud().host()).isEqualTo("file.soda.example");
        assertThat(settings.sodaCloud().apiKeyId().reveal()).isEqualTo("id-env");
        assertThat(settings.sodaCloud().apiKeySecret().reveal()).isEqualTo("secret-env");
        assertThat(settings.warnings()).anyMatch(w -> w.contains("${NOT_SET_ANYWHERE}"));
    }

    @Test
    void valuesAreTrimmed() throws Exception {
        Parameters p = dryRun(artifacts)
                .with(Setting.DRY_RUN, false)
                .with(Setting.DATA_SOURCE, " jaffle_shop ")
                .with(Setting.SODA_CLOUD_HOST, " cloud.soda.io ")
                .with(Setting.API_KEY_ID, Secret.of(" id "))
                .build();

        IngestSettings settings =
                resolver(Map.of("SODA_API_KEY_SECRET", "secret-env\n")).resolveIngest(p);

        assertThat(settings.dataSource()).isEqualTo("jaffle_shop");
        assertThat(settings.sodaCloud().host()).isEqualTo("cloud.soda.io");
        assertThat(settings.sodaCloud().apiKeyId().reveal()).isEqualTo("id");
        assertThat(settings.sodaCloud().apiKeySecret().reveal()).isEqualTo("secret-env");
    }

    @Test
    void theDataSourceComesFromTheParameterThenTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("SODA_DATA_SOURCE", "from_env");

        IngestSettings fromParam = resolver(env)
                .resolveIngest(dryRun(artifacts)
                        .with(Setting.DATA_SOURCE, "from_param")
                        .build());
        IngestSettings fromEnv = resolver(env)
                .resolveIngest(dryRun(artifacts).with(Setting.DATA_SOURCE, null).build());

        assertThat(fromParam.dataSource()).isEqualTo("from_param");
        assertThat(origin(fromParam.origins(), "data source").origin())
                .isEqualTo("plugin parameter dataSource (-Dsoda.dataSource)");
        assertThat(fromEnv.dataSource()).isEqualTo("from_env");
        assertThat(origin(fromEnv.origins(), "data source").origin())
                .isEqualTo("environment variable SODA_DATA_SOURCE");
    }

    @Test
    void uploadFollowsTheSamePrecedence() throws Exception {
        Path file = configuration(Sources.from(1));
        Parameters p = upload().with(Setting.CONFIGURATION, file)
                .with(Setting.API_KEY_ID, Secret.of("id-param"))
                .server(new ServerCredential("soda-cloud", "id-server", Secret.of("secret-server")))
                .build();

        UploadSettings settings =
                resolver(Map.of("SODA_API_KEY_SECRET", "secret-env")).resolveUpload(p);

        assertThat(settings.sodaCloud().host()).isEqualTo("file.soda.example");
        assertThat(settings.sodaCloud().apiKeyId().reveal()).isEqualTo("id-param");
        assertThat(settings.sodaCloud().apiKeySecret().reveal()).isEqualTo("secret-file");
        assertThat(shown(settings.sodaCloud().apiKeyOrigin()))
                .isEqualTo("id: plugin parameter apiKeyId "
                        + "(-Dsoda.cloud.apiKeyId), secret: configuration.yml soda_cloud.api_key_secret (line 8)");
        assertNoSecret(settings, SECRETS);
    }
}
