package dev.sodamaven.config;

import static dev.sodamaven.config.ResolverTesting.assertNoSecret;
import static dev.sodamaven.config.ResolverTesting.dryRun;
import static dev.sodamaven.config.ResolverTesting.failure;
import static dev.sodamaven.config.ResolverTesting.origin;
import static dev.sodamaven.config.ResolverTesting.resolver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dbt Cloud source: run or job id, account id, token and access URL. */
class SettingsResolverDbtCloudTest {

    private static final String TOKEN = "dbtc_Secret-Token-42";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    /** A dry run of dbt Cloud run 7 with an account id and token. */
    private Parameters.Builder run() {
        return dryRun(null)
                .with(Setting.DBT_CLOUD_RUN_ID, "7")
                .with(Setting.DBT_CLOUD_ACCOUNT_ID, "123")
                .with(Setting.DBT_CLOUD_API_TOKEN, Secret.of(TOKEN))
                .with(Setting.DBT_CLOUD_ACCESS_URL, "ab123.us1.dbt.com");
    }

    private IngestSettings resolve(Parameters.Builder p) throws IngestException {
        IngestSettings settings = resolver(env).resolveIngest(p.build());
        assertNoSecret(settings, TOKEN);
        return settings;
    }

    private DbtCloudSettings dbt(Parameters.Builder p) throws IngestException {
        return ((ArtifactSource.DbtCloud) resolve(p).artifacts()).settings();
    }

    private IngestException refused(Parameters.Builder p) {
        IngestException problem = failure(() -> resolver(env).resolveIngest(p.build()));
        assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertNoSecret(problem, TOKEN);
        return problem;
    }

    private Path file(String yaml) throws Exception {
        return Files.writeString(
                dir.resolve("configuration.yml"), "data_source jaffle_shop:\n  type: postgres\n" + yaml);
    }

    @Test
    void resolvesARun() throws Exception {
        IngestSettings settings = resolve(run());
        DbtCloudSettings dbt = ((ArtifactSource.DbtCloud) settings.artifacts()).settings();

        assertThat(dbt.runId()).isEqualTo(7L);
        assertThat(dbt.jobId()).isNull();
        assertThat(dbt.accountId()).isEqualTo("123");
        assertThat(dbt.apiToken().reveal()).isEqualTo(TOKEN);
        assertThat(dbt.baseUrl()).hasToString("https://ab123.us1.dbt.com");
        assertThat(origin(settings.origins(), "dbt Cloud run").value()).isEqualTo("7");
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void resolvesAJob() throws Exception {
        IngestSettings settings = resolve(run().with(Setting.DBT_CLOUD_RUN_ID, null)
                .with(Setting.DBT_CLOUD_JOB_ID, "42")
                .with(Setting.DBT_CLOUD_SUCCESSFUL_RUNS_ONLY, true));
        DbtCloudSettings dbt = ((ArtifactSource.DbtCloud) settings.artifacts()).settings();

        assertThat(dbt.jobId()).isEqualTo(42L);
        assertThat(dbt.runId()).isNull();
        assertThat(dbt.successfulRunsOnly()).isTrue();
        assertThat(origin(settings.origins(), "dbt Cloud job").value()).isEqualTo("42 (successful runs only)");
    }

    @Test
    void successfulRunsOnlyWithARunIdWarns() throws Exception {
        IngestSettings settings = resolve(run().with(Setting.DBT_CLOUD_SUCCESSFUL_RUNS_ONLY, true));

        assertThat(settings.warnings()).singleElement().asString().contains("dbtCloudSuccessfulRunsOnly", "ignored");
    }

    @Test
    void aRunIdAndAJobIdAreRefused() {
        IngestException problem = refused(run().with(Setting.DBT_CLOUD_JOB_ID, "8"));

        assertThat(problem.getMessage()).contains("dbtCloudRunId", "dbtCloudJobId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12a", "0", "-5", "1.5", "1234567890123456789012", "7 8"})
    void aNonNumericRunOrJobIdIsRefused(String id) {
        IngestException run = refused(run().with(Setting.DBT_CLOUD_RUN_ID, id));
        IngestException job = refused(run().with(Setting.DBT_CLOUD_RUN_ID, null).with(Setting.DBT_CLOUD_JOB_ID, id));

        assertThat(run.getMessage()).contains("dbtCloudRunId", "not a dbt Cloud id");
        assertThat(job.getMessage()).contains("dbtCloudJobId", "not a dbt Cloud id");
        assertThat(run.hint()).contains("-Dsoda.dbtCloud.runId");
    }

    @Test
    void localArtifactsAndDbtCloudAreRefused() throws Exception {
        Path target = Files.createDirectory(dir.resolve("target"));

        IngestException problem = refused(run().with(Setting.DBT_ARTIFACTS, target));

        assertThat(problem.getMessage()).contains("dbtArtifacts", "dbtCloudRunId");
        assertThat(problem.hint()).contains("one source");
    }

    @Test
    void theAccountIdComesFromTheFileOrEnvironment() throws Exception {
        Path file = file("dbt_cloud:\n  account_id: 456\n");

        assertThat(dbt(run().with(Setting.DBT_CLOUD_ACCOUNT_ID, null).with(Setting.CONFIGURATION, file))
                        .accountId())
                .isEqualTo("456");
        env.put("DBT_CLOUD_ACCOUNT_ID", "789");
        assertThat(dbt(run().with(Setting.DBT_CLOUD_ACCOUNT_ID, null)).accountId())
                .isEqualTo("789");
    }

    @ParameterizedTest
    @CsvSource({
        "param, plugin parameter dbtCloudAccountId",
        "file, configuration.yml dbt_cloud.account_id (line 4)",
        "env, environment variable DBT_CLOUD_ACCOUNT_ID"
    })
    void aNonNumericAccountIdIsRefusedFromEverySource(String source, String origin) throws Exception {
        Parameters.Builder p = run().with(Setting.DBT_CLOUD_ACCOUNT_ID, null);
        switch (source) {
            case "param" -> p.with(Setting.DBT_CLOUD_ACCOUNT_ID, "acme");
            case "file" -> p.with(Setting.CONFIGURATION, file("dbt_cloud:\n  account_id: acme\n"));
            default -> env.put("DBT_CLOUD_ACCOUNT_ID", "acme");
        }

        IngestException problem = refused(p);

        assertThat(problem.getMessage()).contains("account id 'acme'", origin, "not a number");
    }

    @Test
    void aLongAccountIdIsNotRepeatedInCaseItIsATokenInTheWrongPlace() {
        IngestException problem =
                refused(run().with(Setting.DBT_CLOUD_ACCOUNT_ID, "dbtc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        assertThat(problem.getMessage()).contains("not a number").doesNotContain("dbtc_AAAA");
    }

    @Test
    void theTokenComesFromEverySource() throws Exception {
        Path file = file("dbt_cloud:\n  api_token: file-token\n");
        ServerCredential server = new ServerCredential("dbt-cloud", null, Secret.of("server-token"));

        assertThat(dbt(run().with(Setting.DBT_CLOUD_API_TOKEN, null).with(Setting.CONFIGURATION, file))
                        .apiToken()
                        .reveal())
                .isEqualTo("file-token");
        assertThat(dbt(run().with(Setting.DBT_CLOUD_API_TOKEN, null).server(server))
                        .apiToken()
                        .reveal())
                .isEqualTo("server-token");
        env.put("DBT_CLOUD_API_TOKEN", "env-token");
        assertThat(dbt(run().with(Setting.DBT_CLOUD_API_TOKEN, null).server(server))
                        .apiToken()
                        .reveal())
                .isEqualTo("env-token");
    }

    @Test
    void missingAccountAndTokenNameEveryWay() {
        IngestException problem = refused(run().with(Setting.DBT_CLOUD_ACCOUNT_ID, null)
                .with(Setting.DBT_CLOUD_API_TOKEN, null)
                .with(Setting.DBT_CLOUD_SERVER_ID, "my-dbt"));

        assertThat(problem.getMessage()).isEqualTo("No dbt Cloud account id and no dbt Cloud API token are set.");
        assertThat(problem.hint())
                .contains(
                        "dbtCloudAccountId",
                        "-Dsoda.dbtCloud.accountId",
                        "dbt_cloud.account_id",
                        "DBT_CLOUD_ACCOUNT_ID",
                        "dbtCloudApiToken",
                        "-Dsoda.dbtCloud.apiToken",
                        "dbt_cloud.api_token",
                        "DBT_CLOUD_API_TOKEN",
                        "settings.xml",
                        "'my-dbt'");
    }

    @Test
    void aMissingTokenNamesOnlyTheWaysToGiveTheToken() {
        IngestException problem = refused(run().with(Setting.DBT_CLOUD_API_TOKEN, null));

        assertThat(problem.getMessage()).isEqualTo("No dbt Cloud API token is set.");
        assertThat(problem.hint())
                .contains("dbt_cloud.api_token", "'dbt-cloud'")
                .doesNotContain("account_id");
    }

    @Test
    void aMissingAccountIdNamesOnlyTheWaysToGiveIt() {
        IngestException problem = refused(run().with(Setting.DBT_CLOUD_ACCOUNT_ID, null));

        assertThat(problem.getMessage()).isEqualTo("No dbt Cloud account id is set.");
        assertThat(problem.hint()).contains("DBT_CLOUD_ACCOUNT_ID").doesNotContain("api_token");
    }

    @Test
    void aTokenEmptyBecauseItsVariableIsUnsetSaysWhichVariable() throws Exception {
        Path file = file("dbt_cloud:\n  api_token: ${ env_var('MY_DBT_TOKEN') }\n");

        IngestException problem =
                refused(run().with(Setting.DBT_CLOUD_API_TOKEN, null).with(Setting.CONFIGURATION, file));

        assertThat(problem.getMessage())
                .contains(
                        "No dbt Cloud API token is set",
                        "dbt_cloud.api_token refers to ${MY_DBT_TOKEN}, which is not set");
    }

    @ParameterizedTest
    @CsvSource({
        "ab123.us1.dbt.com, https://ab123.us1.dbt.com",
        "ab123.us1.dbt.com/, https://ab123.us1.dbt.com",
        "https://ab123.us1.dbt.com/, https://ab123.us1.dbt.com",
        "HTTPS://emea.dbt.com, https://emea.dbt.com",
        "https://cloud.getdbt.com/api/v2/accounts/, https://cloud.getdbt.com",
        "https://emea.dbt.com/api/v2/accounts, https://emea.dbt.com",
        "https://emea.dbt.com/api/v2/, https://emea.dbt.com",
        "http://127.0.0.1:8089, http://127.0.0.1:8089",
        "http://localhost:8089/api/v2/accounts/, http://localhost:8089",
        "http://127.0.0.1:8089/fake-dbt/, http://127.0.0.1:8089/fake-dbt",
        "single.tenant.getdbt.com:8443, https://single.tenant.getdbt.com:8443",
    })
    void normalisesTheAccessUrl(String given, String expected) throws Exception {
        assertThat(dbt(run().with(Setting.DBT_CLOUD_ACCESS_URL, given)).baseUrl())
                .hasToString(expected);
    }

    @Test
    void theAccessUrlComesFromTheFile() throws Exception {
        Path file = file("dbt_cloud:\n  access_url: https://ab999.eu1.dbt.com/\n");

        IngestSettings settings =
                resolve(run().with(Setting.DBT_CLOUD_ACCESS_URL, null).with(Setting.CONFIGURATION, file));

        assertThat(((ArtifactSource.DbtCloud) settings.artifacts()).settings().baseUrl())
                .hasToString("https://ab999.eu1.dbt.com");
        assertThat(origin(settings.origins(), "dbt Cloud address").origin())
                .isEqualTo("configuration.yml dbt_cloud.access_url (line 4)");
    }

    @Test
    void theDefaultHostWarns() throws Exception {
        IngestSettings settings = resolve(run().with(Setting.DBT_CLOUD_ACCESS_URL, null));

        assertThat(((ArtifactSource.DbtCloud) settings.artifacts()).settings().baseUrl())
                .hasToString("https://cloud.getdbt.com");
        assertThat(settings.warnings())
                .singleElement()
                .asString()
                .contains("cloud.getdbt.com", "default", "dbtCloudAccessUrl", "dbt_cloud.access_url");
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessAllowed() throws Exception {
        IngestException problem = refused(run().with(Setting.DBT_CLOUD_ACCESS_URL, "http://dbt.internal"));
        IngestSettings allowed = resolve(run().with(Setting.DBT_CLOUD_ACCESS_URL, "http://dbt.internal")
                .with(Setting.ALLOW_INSECURE_HTTP, true));

        assertThat(problem.getMessage()).contains("dbt Cloud", "plain http", "dbt Cloud API token");
        assertThat(allowed.warnings()).singleElement().asString().contains("http://dbt.internal", "allowInsecureHttp");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://ab123.us1.dbt.com",
                "://x",
                "https://",
                "https://ab 123.dbt.com",
                "https://ab123.us1.dbt.com:99999",
                "https://ab123.us1.dbt.com/?x=1",
                "/x://y"
            })
    void aBadAccessUrlIsRefused(String url) {
        IngestException problem = refused(run().with(Setting.DBT_CLOUD_ACCESS_URL, url));

        assertThat(problem.getMessage()).contains("dbt Cloud access URL", "dbtCloudAccessUrl");
    }

    @Test
    void anAccessUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
        IngestException problem =
                refused(run().with(Setting.DBT_CLOUD_ACCESS_URL, "https://me:" + TOKEN + "@ab123.us1.dbt.com"));

        assertThat(problem.getMessage()).contains("user name or password");
    }
}
