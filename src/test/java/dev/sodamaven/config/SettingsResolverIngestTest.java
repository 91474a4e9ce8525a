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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** resolveIngest: data source, dbt artifacts, gate and timestamp options, network settings. */
class SettingsResolverIngestTest {

    @TempDir
    Path dir;

    private Path target;

    @BeforeEach
    void createArtifactsFolder() throws Exception {
        target = Files.createDirectory(dir.resolve("target"));
    }

    private IngestSettings resolve(Parameters.Builder p) throws IngestException {
        return resolver(Map.of()).resolveIngest(p.build());
    }

    private IngestException refused(Parameters.Builder p) {
        return failure(() -> resolver(Map.of()).resolveIngest(p.build()));
    }

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("configuration.yml"), yaml);
    }

    // --- data source ---

    @Test
    void aDataSourceIsRequired() {
        IngestException problem = refused(dryRun(target).with(Setting.DATA_SOURCE, null));

        assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(problem.getMessage()).isEqualTo("No Soda data source is set.");
        assertThat(problem.hint()).contains("dataSource (-Dsoda.dataSource)", "SODA_DATA_SOURCE", "Soda's -d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jaffle_Shop", "jaffle-shop", "j", "9lives", "jaffle shop"})
    void anInvalidDataSourceNameIsRefused(String name) {
        IngestException problem = refused(dryRun(target).with(Setting.DATA_SOURCE, name));

        assertThat(problem.getMessage()).contains("'" + name + "'", "dataSource", "not a valid Soda data source name");
    }

    @Test
    void theDataSourceMustBeDeclaredInTheFile() throws Exception {
        Path file = file("data_source warehouse:\n  type: snowflake\ndata_source lake_house:\n  type: spark\n");

        IngestException problem = refused(dryRun(target).with(Setting.CONFIGURATION, file));

        assertThat(problem.getMessage())
                .isEqualTo("The data source 'jaffle_shop' (from plugin parameter dataSource "
                        + "(-Dsoda.dataSource)) is not declared in " + file + " (it declares: warehouse, lake_house).");
        assertThat(problem.hint()).contains("data_source jaffle_shop:");
    }

    @Test
    void aFileDeclaringNoDataSourceSaysSo() throws Exception {
        IngestException problem =
                refused(dryRun(target).with(Setting.CONFIGURATION, file("soda_cloud:\n  host: cloud.soda.io\n")));

        assertThat(problem.getMessage()).contains("(it declares: none)");
    }

    @Test
    void aDeclaredDataSourceIsAccepted() throws Exception {
        Path file = file("data_source jaffle_shop:\n  type: postgres\n");

        IngestSettings settings = resolve(dryRun(target).with(Setting.CONFIGURATION, file));

        assertThat(settings.dataSource()).isEqualTo("jaffle_shop");
        assertThat(origin(settings.origins(), "configuration file").value()).isEqualTo(file.toString());
    }

    @Test
    void warningsOfTheFileArePassedOn() throws Exception {
        Path file = file("data_source jaffle_shop:\n  type: postgres\nsoda_cloud:\n  hots: x\n");

        assertThat(resolve(dryRun(target).with(Setting.CONFIGURATION, file)).warnings())
                .singleElement()
                .asString()
                .contains("soda_cloud.hots");
    }

    @Test
    void problemsOfTheFileStopTheResolution() throws Exception {
        Path file = file("data_source jaffle_shop:\n  type: postgres\nsodacloud:\n  host: x\n");

        assertThat(refused(dryRun(target).with(Setting.CONFIGURATION, file)).getMessage())
                .contains("unknown top-level key");
    }

    // --- artifacts ---

    @Test
    void aFolderGivesBothFiles() throws Exception {
        IngestSettings settings = resolve(dryRun(target));
        ArtifactSource.Local local = (ArtifactSource.Local) settings.artifacts();

        assertThat(local.manifest()).isEqualTo(target.resolve("manifest.json"));
        assertThat(local.runResults()).containsExactly(target.resolve("run_results.json"));
        assertThat(local.manifestSetting()).contains("dbtArtifacts");
        assertThat(origin(settings.origins(), "dbt manifest").origin())
                .contains("dbtArtifacts", "-Dsoda.dbt.artifacts");
        assertThat(origin(settings.origins(), "dbt run results").value())
                .isEqualTo(target.resolve("run_results.json").toString());
    }

    @Test
    void separateFilesWorkWithoutAFolder() throws Exception {
        Path manifest = dir.resolve("m.json");
        List<Path> runResults = List.of(dir.resolve("r1.json"), dir.resolve("r2.json"));

        ArtifactSource.Local local = (ArtifactSource.Local)
                resolve(dryRun(null).with(Setting.DBT_MANIFEST, manifest).with(Setting.DBT_RUN_RESULTS, runResults))
                        .artifacts();

        assertThat(local.manifest()).isEqualTo(manifest);
        assertThat(local.runResults()).containsExactlyElementsOf(runResults);
        assertThat(local.manifestSetting()).contains("dbtManifest");
        assertThat(local.runResultsSetting()).contains("dbtRunResults");
    }

    @Test
    void aFileOverridesTheFoldersFile() throws Exception {
        Path manifest = dir.resolve("other-manifest.json");

        IngestSettings settings = resolve(dryRun(target).with(Setting.DBT_MANIFEST, manifest));
        ArtifactSource.Local local = (ArtifactSource.Local) settings.artifacts();

        assertThat(local.manifest()).isEqualTo(manifest);
        assertThat(local.runResults()).containsExactly(target.resolve("run_results.json"));
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void aFolderWithBothFilesOverriddenWarns() throws Exception {
        IngestSettings settings = resolve(dryRun(target)
                .with(Setting.DBT_MANIFEST, dir.resolve("m.json"))
                .with(Setting.DBT_RUN_RESULTS, List.of(dir.resolve("r.json"))));

        assertThat(settings.warnings()).singleElement().asString().contains("dbtArtifacts", "not used");
    }

    @Test
    void onlyOneOfTheTwoFilesIsRefused() {
        IngestException manifestOnly = refused(dryRun(null).with(Setting.DBT_MANIFEST, dir.resolve("m.json")));
        IngestException runResultsOnly =
                refused(dryRun(null).with(Setting.DBT_RUN_RESULTS, List.of(dir.resolve("r.json"))));

        assertThat(manifestOnly.getMessage())
                .isEqualTo("dbtManifest (-Dsoda.dbt.manifest) is set but neither dbtRunResults "
                        + "(-Dsoda.dbt.runResults) nor dbtSources (-Dsoda.dbt.sources) is.");
        assertThat(runResultsOnly.getMessage())
                .isEqualTo("dbtRunResults (-Dsoda.dbt.runResults) is set but "
                        + "dbtManifest (-Dsoda.dbt.manifest) is not.");
        assertThat(manifestOnly.hint()).contains("dbtArtifacts");
    }

    @Test
    void noArtifactsNamesEveryWay() {
        IngestException problem = refused(dryRun(null));

        assertThat(problem.getMessage()).isEqualTo("No dbt artifacts are configured.");
        assertThat(problem.hint())
                .contains(
                        "dbtArtifacts",
                        "-Dsoda.dbt.artifacts",
                        "dbtManifest",
                        "-Dsoda.dbt.manifest",
                        "dbtRunResults",
                        "-Dsoda.dbt.runResults",
                        "dbtCloudRunId",
                        "-Dsoda.dbtCloud.runId",
                        "dbtCloudJobId",
                        "-Dsoda.dbtCloud.jobId");
    }

    @Test
    void aMissingFolderIsRefused() {
        IngestException problem = refused(dryRun(dir.resolve("no-such-target")));

        assertThat(problem.kind()).isEqualTo(IngestException.Kind.INPUT);
        assertThat(problem.getMessage()).contains("no-such-target", "does not exist", "dbtArtifacts");
    }

    @Test
    void aFileGivenAsFolderIsRefused() throws Exception {
        Path manifest = Files.writeString(dir.resolve("manifest.json"), "{}");

        IngestException problem = refused(dryRun(manifest));

        assertThat(problem.getMessage()).contains("is a file, not a folder");
        assertThat(problem.hint()).contains("dbtManifest");
    }

    // --- options ---

    @Test
    void defaultsAreRecordedAsDefaults() throws Exception {
        IngestSettings settings = resolve(dryRun(target)
                .with(Setting.DRY_RUN, false)
                .with(Setting.API_KEY_ID, Secret.of("i"))
                .with(Setting.API_KEY_SECRET, Secret.of("s")));

        assertThat(settings.failOn()).isEqualTo(FailOn.NONE);
        assertThat(settings.dataTimestamp()).isEqualTo(DataTimestamp.INGESTION);
        assertThat(settings.scanDefinition()).isEqualTo("Ingest - dbt");
        assertThat(settings.dryRun()).isFalse();
        assertThat(origin(settings.origins(), "fail on").origin()).isEqualTo("default");
        assertThat(origin(settings.origins(), "data timestamp").origin()).isEqualTo("default");
        assertThat(origin(settings.origins(), "scan definition").origin()).isEqualTo("default");
        assertThat(origin(settings.origins(), "dry run").origin()).isEqualTo("default");
        assertThat(settings.network().connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.network().readTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.network().maxRetries()).isEqualTo(3);
        assertThat(settings.scanResultsFile()).isEqualTo(Path.of("target", "soda", "scan-results.json"));
    }

    @ParameterizedTest
    @CsvSource({"none, NONE", "error, ERROR", "fail, FAIL", "warn, WARN", "' WARN ', WARN", "Fail, FAIL"})
    void failOnValues(String given, FailOn expected) throws Exception {
        IngestSettings settings = resolve(dryRun(target).with(Setting.FAIL_ON, given));

        assertThat(settings.failOn()).isEqualTo(expected);
        assertThat(origin(settings.origins(), "fail on").value())
                .isEqualTo(expected.name().toLowerCase());
    }

    @Test
    void anExplicitFailOnIsRecordedAsTheParameter() throws Exception {
        assertThat(origin(resolve(dryRun(target).with(Setting.FAIL_ON, "warn")).origins(), "fail on")
                        .origin())
                .isEqualTo("plugin parameter failOn (-Dsoda.failOn)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fatal", "failure", "warning", "true"})
    void anUnknownFailOnIsRefused(String value) {
        IngestException problem = refused(dryRun(target).with(Setting.FAIL_ON, value));

        assertThat(problem.getMessage()).isEqualTo("failOn '" + value + "' is not one of none, error, fail, warn.");
        assertThat(problem.hint()).contains("-Dsoda.failOn");
    }

    @Test
    void dataTimestampValues() throws Exception {
        assertThat(resolve(dryRun(target).with(Setting.DATA_TIMESTAMP, "dbt")).dataTimestamp())
                .isEqualTo(DataTimestamp.DBT);
        assertThat(resolve(dryRun(target).with(Setting.DATA_TIMESTAMP, "INGESTION"))
                        .dataTimestamp())
                .isEqualTo(DataTimestamp.INGESTION);
        assertThat(resolve(dryRun(target).with(Setting.DATA_TIMESTAMP, " ")).dataTimestamp())
                .isEqualTo(DataTimestamp.INGESTION);
    }

    @Test
    void anUnknownDataTimestampIsRefused() {
        IngestException problem = refused(dryRun(target).with(Setting.DATA_TIMESTAMP, "now"));

        assertThat(problem.getMessage()).isEqualTo("dataTimestamp 'now' is not one of ingestion, dbt.");
        assertThat(problem.hint()).contains("-Dsoda.dataTimestamp");
    }

    @Test
    void aScanDefinitionIsTrimmedAndRecorded() throws Exception {
        IngestSettings settings = resolve(dryRun(target).with(Setting.SCAN_DEFINITION, "  Nightly dbt "));

        assertThat(settings.scanDefinition()).isEqualTo("Nightly dbt");
        assertThat(origin(settings.origins(), "scan definition").origin()).contains("scanDefinition");
    }

    @Test
    void aDryRunIsRecordedAsTheParameter() throws Exception {
        assertThat(origin(resolve(dryRun(target)).origins(), "dry run").origin())
                .contains("-Dsoda.dryRun");
    }

    @Test
    void anOutputDirectoryIsRequired() {
        assertThat(refused(dryRun(target).with(Setting.OUTPUT_DIRECTORY, null)).getMessage())
                .contains("output directory");
    }

    @Test
    void networkSettingsAreTaken() throws Exception {
        NetworkSettings network = resolve(dryRun(target)
                        .with(Setting.CONNECT_TIMEOUT, 5)
                        .with(Setting.READ_TIMEOUT, 600)
                        .with(Setting.MAX_RETRIES, 0))
                .network();

        assertThat(network.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(network.readTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(network.maxRetries()).isZero();
        assertThat(resolve(dryRun(target).with(Setting.MAX_RETRIES, 10))
                        .network()
                        .maxRetries())
                .isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void timeoutsMustBePositive(int seconds) {
        IngestException connect = refused(dryRun(target).with(Setting.CONNECT_TIMEOUT, seconds));
        IngestException read = refused(dryRun(target).with(Setting.READ_TIMEOUT, seconds));

        assertThat(connect.getMessage())
                .isEqualTo("connectTimeout (-Dsoda.http.connectTimeout) is " + seconds + " seconds.");
        assertThat(connect.hint()).isEqualTo("Set it to a number of seconds above 0.");
        assertThat(read.getMessage()).isEqualTo("readTimeout (-Dsoda.http.readTimeout) is " + seconds + " seconds.");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, 1000})
    void maxRetriesMustBeBetweenZeroAndTen(int retries) {
        IngestException problem = refused(dryRun(target).with(Setting.MAX_RETRIES, retries));

        assertThat(problem.getMessage())
                .isEqualTo("maxRetries (-Dsoda.http.maxRetries) is " + retries + ", outside 0 to 10.");
        assertThat(problem.hint()).isEqualTo("Set it to a number from 0 to 10.");
    }

    // --- secrets ---

    @Test
    void noSecretFromAnySourceIsShown() throws Exception {
        Path file = file("""
                data_source jaffle_shop:
                  type: postgres
                soda_cloud:
                  api_key_id: file-id
                  api_key_secret: ${FILE_SECRET_VAR}
                  hots: file-unused-secret
                dbt_cloud:
                  account_id: 12
                  api_token: ${DBT_TOKEN_VAR}
                  access_url: http://dbt.internal:8080
                """);
        Map<String, String> env = Map.of(
                "FILE_SECRET_VAR",
                "file-secret-123",
                "DBT_TOKEN_VAR",
                "file-token-456",
                "SODA_API_KEY_SECRET",
                "env-secret-789",
                "DBT_CLOUD_API_TOKEN",
                "env-token-000");
        Parameters p = dryRun(null)
                .with(Setting.DRY_RUN, false)
                .with(Setting.CONFIGURATION, file)
                .with(Setting.DBT_CLOUD_JOB_ID, "3")
                .with(Setting.API_KEY_SECRET, Secret.of("param-secret-111"))
                .with(Setting.DBT_CLOUD_API_TOKEN, Secret.of("param-token-222"))
                .server(new ServerCredential("soda-cloud", "server-id", Secret.of("server-secret-333")))
                .server(new ServerCredential("dbt-cloud", null, Secret.of("server-token-444")))
                .with(Setting.SODA_CLOUD_SCHEME, "http")
                .with(Setting.SODA_CLOUD_HOST, "soda.internal")
                .with(Setting.ALLOW_INSECURE_HTTP, true)
                .build();

        IngestSettings settings = resolver(env).resolveIngest(p);

        // The three warnings this setup gives, so the check below also covers texts made from the file.
        assertThat(settings.warnings())
                .satisfiesExactly(
                        unknownKey -> assertThat(unknownKey).contains("soda_cloud.hots (line 6)", "ignored"),
                        dbtHttp ->
                                assertThat(dbtHttp).startsWith("dbt Cloud at http://dbt.internal:8080 uses plain http"),
                        sodaHttp ->
                                assertThat(sodaHttp).startsWith("Soda Cloud at http://soda.internal uses plain http"));
        assertNoSecret(
                settings,
                "file-secret-123",
                "file-token-456",
                "env-secret-789",
                "env-token-000",
                "param-secret-111",
                "param-token-222",
                "server-secret-333",
                "server-token-444",
                "file-unused-secret");
    }

    private Parameters.Builder dbtCloudJob() {
        return dryRun(null)
                .with(Setting.DBT_CLOUD_JOB_ID, "3")
                .with(Setting.DBT_CLOUD_ACCOUNT_ID, "70403")
                .with(Setting.DBT_CLOUD_API_TOKEN, Secret.of("token-for-the-test"));
    }

    @Test
    void aMaxRunAgeIsAnIsoDurationAboveZero() throws Exception {
        DbtCloudSettings cloud = ((ArtifactSource.DbtCloud)
                        resolve(dbtCloudJob().with(Setting.DBT_CLOUD_MAX_RUN_AGE, "PT1H"))
                                .artifacts())
                .settings();
        assertThat(cloud.maxRunAge()).isEqualTo(java.time.Duration.ofHours(1));

        for (String bad : java.util.List.of("1h", "PT0S", "-PT1H")) {
            IngestException problem = refused(dbtCloudJob().with(Setting.DBT_CLOUD_MAX_RUN_AGE, bad));
            assertThat(problem.getMessage())
                    .as(bad)
                    .isEqualTo("dbtCloudMaxRunAge (-Dsoda.dbtCloud.maxRunAge) '" + bad
                            + "' is not a duration above zero.");
        }
    }

    @Test
    void aMaxRunAgeWithARunIdIsIgnoredWithAWarning() throws Exception {
        IngestSettings settings = resolve(dbtCloudJob()
                .with(Setting.DBT_CLOUD_JOB_ID, null)
                .with(Setting.DBT_CLOUD_RUN_ID, "42")
                .with(Setting.DBT_CLOUD_MAX_RUN_AGE, "PT1H"));

        assertThat(((ArtifactSource.DbtCloud) settings.artifacts()).settings().maxRunAge())
                .isNull();
        assertThat(settings.warnings())
                .contains("dbtCloudMaxRunAge (-Dsoda.dbtCloud.maxRunAge) applies to dbtCloudJobId "
                        + "(-Dsoda.dbtCloud.jobId) only; with a run id it is ignored.");
    }

    @Test
    void selectorsAreSplitAtCommas() throws Exception {
        IngestSettings settings = resolve(
                dryRun(target).with(Setting.SELECT, " tag:nightly, ,orders ").with(Setting.EXCLUDE, "test_type:unit"));

        assertThat(settings.selection().select()).containsExactly("tag:nightly", "orders");
        assertThat(settings.selection().exclude()).containsExactly("test_type:unit");
        assertThat(resolve(dryRun(target)).selection().isEverything()).isTrue();
    }

    @Test
    void aNegativeMaxRetryWaitIsRefused() {
        IngestException problem = refused(dryRun(target).with(Setting.MAX_RETRY_WAIT, -1));

        assertThat(problem.getMessage()).isEqualTo("maxRetryWait (-Dsoda.http.maxRetryWait) is -1 seconds.");
    }
}
