package dev.sodamaven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.dbt.DataTestGuard;
import dev.sodamaven.dbt.DbtTest;
import dev.sodamaven.dbt.FreshnessResult;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.ManifestReader;
import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.RunResultsReader;
import dev.sodamaven.dbt.SourceFreshness;
import dev.sodamaven.dbt.SourcesReader;
import dev.sodamaven.dbt.TestResult;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.SodaCheck;
import dev.sodamaven.testing.EveryTest;
import dev.sodamaven.testing.RecordingLog;
import dev.sodamaven.testing.SharedArtifacts;
import dev.sodamaven.testing.TestRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the real dbt artifacts corpus ({@code ../shared/dbt-artifacts}, see its INDEX.md) goes
 * through the real ingestion (dry run) or the readers, with the numbers each case must give. The
 * expected numbers were derived from INDEX.md and the files themselves, independently of this code.
 */
class CorpusIngestionTest {

    private static final String DATA_SOURCE = "corpus_case";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T08:30:12.345Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFERENCE = "real-1.10.7-duckdb-build-fail-error-skipped";

    /** What one corpus case must give. */
    sealed interface Expectation permits Ingested, Refused, ManifestOnly, RunResultsOnly, SourcesOnly {}

    /**
     * A manifest + run_results pair that ingests.
     *
     * @param pass       checks sent with outcome pass
     * @param warn       checks sent with outcome warn
     * @param fail       checks sent with outcome fail (errored ones included)
     * @param errored    of the failed checks, those dbt ended in error
     * @param skipped    test results dbt skipped (not sent)
     * @param unattached executed tests without a dataset (not sent)
     * @param datasets   distinct datasets (database.schema.table) the checks are on
     * @param warnings   the start of each warning the ingestion must give, in order
     */
    record Ingested(
            int pass, int warn, int fail, int errored, int skipped, int unattached, int datasets, List<String> warnings)
            implements Expectation {
        int sent() {
            return pass + warn + fail;
        }
    }

    /**
     * A pair the ingestion refuses, naming the dbt command that wrote the run results and what they hold.
     *
     * @param onlyUnitTests the run results hold unit test results and no data-test result
     */
    record Refused(String command, String contents, boolean onlyUnitTests) implements Expectation {}

    /** A manifest alone (or beside a sources.json): it must read. */
    record ManifestOnly(int schema, String dbtVersion, int relations, int genericTests, int singularTests)
            implements Expectation {}

    /** A run_results alone: it must read; {@code dataTests} says whether it holds data-test results. */
    record RunResultsOnly(
            int schema, String dbtVersion, String command, Map<String, Integer> testStatuses, boolean dataTests)
            implements Expectation {}

    /**
     * A sources.json alone, without the manifest it needs to be ingested: it must read, with these
     * freshness results by status.
     */
    record SourcesOnly(int schema, String dbtVersion, Map<String, Integer> statuses) implements Expectation {}

    /**
     * What the cases holding a manifest and a sources.json without run results give as a freshness-only
     * ingestion of their folder, from INDEX.md's "freshness results" column: warn and pass map straight,
     * error is a fail, runtime error a fail that errored.
     */
    private static final Map<String, Ingested> FRESHNESS_ONLY = Map.of(
            "real-0.20.2-bigquery-source-freshness-warn", ingested(0, 1, 0, 0, 0, 0, 1),
            "real-1.0.0-snowflake-source-freshness", ingested(1, 0, 0, 0, 0, 0, 1),
            "real-1.0.1-bigquery-source-freshness-runtime-error", ingested(0, 1, 1, 1, 0, 0, 2),
            "real-1.7.4-bigquery-source-freshness-warn", ingested(0, 1, 0, 0, 0, 0, 1),
            "real-1.12.2-bigquery-source-freshness-error", ingested(0, 0, 1, 0, 0, 0, 1));

    private static Ingested ingested(
            int pass, int warn, int fail, int errored, int skipped, int unattached, int datasets, String... warnings) {
        return new Ingested(pass, warn, fail, errored, skipped, unattached, datasets, List.of(warnings));
    }

    private static final Map<String, Expectation> EXPECTED = new TreeMap<>(Map.ofEntries(
            // manifests alone: schema, dbt version, models+seeds+snapshots+sources, generic / singular tests
            entry("dap-manifest-v1", new ManifestOnly(1, "0.19.1", 11, 21, 0)),
            entry("dap-manifest-v2", new ManifestOnly(2, "0.20.2", 11, 21, 0)),
            entry("dap-manifest-v3", new ManifestOnly(3, "0.21.0", 11, 20, 0)),
            entry("dap-manifest-v4", new ManifestOnly(4, "1.0.0", 8, 20, 0)),
            entry("dap-manifest-v5", new ManifestOnly(5, "1.1.0", 34, 20, 0)),
            entry("dap-manifest-v6", new ManifestOnly(6, "1.2.1", 8, 20, 0)),
            entry("dap-manifest-v7", new ManifestOnly(7, "1.3.0", 8, 20, 0)),
            entry("dap-manifest-v8", new ManifestOnly(8, "1.4.1", 8, 20, 0)),
            entry("dap-manifest-v8-dbt1.4.3", new ManifestOnly(8, "1.4.3", 10, 21, 0)),
            entry("dap-manifest-v9", new ManifestOnly(9, "1.5.0rc1", 37, 21, 0)),
            entry("dap-manifest-v10", new ManifestOnly(10, "1.6.0", 9, 20, 0)),
            entry("dap-manifest-v12-dbt1.8", new ManifestOnly(12, "1.8.9", 39, 20, 0)),
            entry("dap-manifest-v12-dbt1.10", new ManifestOnly(12, "1.10.13", 19, 27, 0)),
            entry("dap-manifest-v12-dbt1.11", new ManifestOnly(12, "1.11.7", 26, 27, 0)),
            // run results alone: `generate` and `run` hold no data-test result
            entry("dap-run-results-v1", new RunResultsOnly(1, "0.19.1", "run", Map.of(), false)),
            entry("dap-run-results-v2", new RunResultsOnly(2, "0.20.2", "generate", Map.of("success", 21), false)),
            entry("dap-run-results-v3", new RunResultsOnly(3, "0.21.0", "build", Map.of("pass", 20), true)),
            entry("dap-run-results-v4", new RunResultsOnly(4, "1.0.0", "build", Map.of("pass", 20), true)),
            entry(
                    "dap-run-results-v6-dbt1.11",
                    new RunResultsOnly(6, "1.11.7", "generate", Map.of("success", 27), false)),
            // source freshness: the manifests read; sources.json is not ingested
            entry("real-0.20.2-bigquery-source-freshness-warn", new ManifestOnly(2, "0.20.2", 11, 14, 1)),
            entry("real-0.21.0-snowflake-sources-v2-error", new SourcesOnly(2, "0.21.0", Map.of("error", 2))),
            entry("real-1.0.0-snowflake-source-freshness", new ManifestOnly(4, "1.0.0", 34, 18, 0)),
            entry("real-1.0.1-bigquery-source-freshness-runtime-error", new ManifestOnly(4, "1.0.1", 8, 0, 0)),
            entry("real-1.7.4-bigquery-source-freshness-warn", new ManifestOnly(11, "1.7.4", 5, 0, 0)),
            entry("real-1.12.2-bigquery-source-freshness-error", new ManifestOnly(12, "1.12.2", 19, 49, 1)),
            // pairs that are refused
            entry(
                    "neg-1.4.5-duckdb-compile",
                    new Refused("compile", "25 tests with status success, 8 models, 2 operations, 2 seeds", false)),
            entry(
                    "dap-pair-manifest-v12-run-results-v6-dbt1.12-docs-generate",
                    new Refused("docs generate", "27 tests with status success, 13 models, 6 seeds", false)),
            entry("real-1.10.17-postgres-build-unit-tests", new Refused("build", "1 model, 4 unit tests", true)),
            // pairs that ingest:            pass warn fail err skip unatt datasets
            entry("dap-pair-manifest-v11-run-results-v5", ingested(20, 0, 0, 0, 0, 0, 5)),
            entry("dap-pair-manifest-v12-run-results-v6-dbt1.9", ingested(20, 0, 0, 0, 0, 0, 5)),
            entry("neg-1.10.17-postgres-test-mismatched-invocation", ingested(3, 0, 0, 0, 0, 0, 1, "The manifest (")),
            entry("real-0.19.1-bigquery-test-fail", ingested(5, 0, 1, 0, 0, 0, 3)),
            entry("real-0.20.2-bigquery-test-all-error", ingested(0, 0, 4, 4, 0, 0, 2)),
            entry("real-0.21.0-snowflake-test-singular", ingested(5, 0, 0, 0, 0, 0, 3)),
            entry("real-1.0.1-bigquery-build-snapshot-error", ingested(11, 0, 0, 0, 0, 0, 5)),
            entry("real-1.1.0-postgres-test-singular-error", ingested(0, 0, 1, 1, 0, 0, 1)),
            entry("real-1.2.2-redshift-test", ingested(4, 0, 0, 0, 0, 0, 4)),
            entry("real-1.3.0-snowflake-test-warn", ingested(21, 1, 0, 0, 0, 0, 5)),
            entry("real-1.5.6-trino-test-fail", ingested(7, 0, 3, 0, 0, 0, 1)),
            entry("real-1.7.4-bigquery-test-fail", ingested(2, 0, 1, 0, 0, 0, 1)),
            // 11 singular tests (10 pass, 1 warn) name their tables without ref() or source()
            entry(
                    "real-1.8.0-clickhouse-test-warn",
                    ingested(
                            43,
                            1,
                            0,
                            0,
                            0,
                            11,
                            17,
                            "11 tests not sent because no dataset could be determined (its SQL names no model, seed, snapshot or source through ref() or source(): ")),
            entry(REFERENCE, ingested(77, 0, 2, 1, 43, 0, 10)),
            entry("real-1.10.9-bigquery-test-sources-seeds", ingested(34, 0, 0, 0, 0, 0, 12)),
            entry("real-1.10.17-postgres-build-singular-fail", ingested(0, 0, 1, 0, 0, 0, 1)),
            entry("real-1.11.8-snowflake-test-fail", ingested(23, 0, 1, 0, 0, 0, 8)),
            entry("real-1.11.11-sqlserver-test-error", ingested(11, 0, 10, 10, 0, 0, 4)),
            entry("real-1.11.12-databricks-build", ingested(25, 0, 0, 0, 0, 0, 8)),
            entry("real-1.12.2-bigquery-build-fail-skipped", ingested(46, 0, 2, 0, 2, 0, 9)),
            // with its sources.json, whose freshness result (Fusion's "Error") is a fail; another invocation
            entry(
                    "real-fusion-2.0.0-preview.154-snowflake-build-with-sources",
                    ingested(9, 0, 1, 0, 0, 0, 5, "The manifest (")),
            entry("real-fusion-2.0.0-preview.200-redshift-build", ingested(74, 0, 0, 0, 0, 0, 11))));

    private static JsonSchema uploadSchema;

    private static final String CORPUS_ABSENT = "(corpus absent)";

    @TempDir
    Path output;

    private final TestRun run = new TestRun(CLOCK);
    private final RecordingLog log = run.log();

    /** The contract's schema; skips the calling test when it is absent. */
    private static synchronized JsonSchema uploadSchema() throws IOException {
        if (uploadSchema == null) {
            try (InputStream in = Files.newInputStream(SharedArtifacts.uploadSchema())) {
                uploadSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(in);
            }
        }
        return uploadSchema;
    }

    static Stream<String> corpusCases() throws IOException {
        Path corpus = SharedArtifacts.sharedDir().resolve("dbt-artifacts");
        if (!Files.isDirectory(corpus)) {
            // One placeholder, so that the test runs and is skipped with SharedArtifacts' clear message.
            return Stream.of(CORPUS_ABSENT);
        }
        try (Stream<Path> folders = Files.list(corpus)) {
            return folders
                    .filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> !name.equals("schemas"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyExpectationNamesACaseOfTheCorpus() throws IOException {
        SharedArtifacts.corpus();
        assertThat(corpusCases().toList()).containsAll(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusCases")
    void everyCaseGivesItsExpectedNumbers(String name) throws Exception {
        SharedArtifacts.corpus();
        Path folder = SharedArtifacts.corpusCase(name);
        Expectation expected = EXPECTED.get(name);
        assertThat(expected)
                .as("corpus case %s has no expected numbers: add them to EXPECTED", name)
                .isNotNull();

        if (expected instanceof Ingested ingested) {
            checkIngested(folder, ingested);
        } else if (expected instanceof Refused refused) {
            checkRefused(folder, refused);
        } else if (expected instanceof ManifestOnly manifest) {
            checkManifest(folder.resolve("manifest.json"), manifest);
        } else if (expected instanceof RunResultsOnly runResults) {
            checkRunResults(folder.resolve("run_results.json"), runResults);
        } else if (expected instanceof SourcesOnly sources) {
            checkSources(folder.resolve("sources.json"), sources);
        }
        if (Files.exists(folder.resolve("sources.json"))) {
            checkSourcesIsRecognised(folder.resolve("sources.json"));
        }
        if (FRESHNESS_ONLY.containsKey(name)) {
            checkIngested(folder, FRESHNESS_ONLY.get(name));
        }
    }

    /**
     * The reference case in detail: a dbt build with passes, a failure, an error and skipped tests. Its
     * counts, flags and schema validity are checked with every other case in {@link #EXPECTED}; this
     * adds the checks of each dataset, the failed and the errored check as sent, and the logs.
     */
    @Test
    void referenceCaseInDetail() throws Exception {
        IngestOutcome outcome = ingest(SharedArtifacts.corpusCase(REFERENCE));
        MappedChecks mapped = outcome.checks();

        Map<String, Long> perDataset = mapped.checks().stream()
                .collect(Collectors.groupingBy(
                        check -> check.dataset().nodeType() + " "
                                + check.dataset().qualifiedName(),
                        TreeMap::new,
                        Collectors.counting()));
        assertThat(perDataset)
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "model synthetic.sprint_mart.country_monthly_playtime", 4L,
                        "model synthetic.sprint_mart.country_weekly_revenue", 5L,
                        "model synthetic.sprint_mart.player_activity_daily", 11L,
                        "model synthetic.sprint_mart.player_consecutive_days_monthly", 6L,
                        "model synthetic.sprint_mart.player_stats_lifetime", 10L,
                        "seed synthetic.sprint_dim.dim_products", 12L,
                        "source synthetic.sprint_dim.dim_players", 2L,
                        "source synthetic.sprint_raw.event_session", 5L,
                        "source synthetic.sprint_raw.event_transaction", 14L,
                        "source synthetic.sprint_stage.fact_session", 10L)));

        JsonNode scan = JSON.readTree(outcome.scanResultsFile().toFile());
        JsonNode failed = check(
                scan,
                "test.sprint.dbt_utils_source_expression_is_true_sprint_raw_event_session_createdAt___now_.bcf764fa73");
        assertThat(failed.path("name").asText())
                .isEqualTo("dbt_utils_source_expression_is_true_sprint_raw_event_session_createdAt___now_");
        assertThat(failed.path("table").asText()).isEqualTo("event_session");
        assertThat(failed.path("column").asText()).isEqualTo("createdAt");
        assertThat(failed.path("outcome").asText()).isEqualTo("fail");
        assertThat(failed.path("diagnostics").path("value").asLong()).isEqualTo(12680);
        assertThat(failed.path("location").path("filePath").asText()).isEqualTo("models/staging/schema.yml");
        assertThat(failed.path("dataSource").asText()).isEqualTo(DATA_SOURCE);

        JsonNode errored = check(scan, "test.sprint.revenue_consistency_weekly");
        assertThat(errored.path("name").asText()).isEqualTo("revenue_consistency_weekly");
        assertThat(errored.path("table").asText()).isEqualTo("country_weekly_revenue");
        assertThat(errored.path("column").isNull()).isTrue();
        assertThat(errored.path("outcome").asText()).isEqualTo("fail");
        assertThat(errored.path("diagnostics").path("value").asLong()).isZero();
        assertThat(errored.path("location").path("filePath").asText())
                .isEqualTo("tests/revenue_consistency_weekly.sql");

        List<JsonNode> errorLogs = logs(scan, "error");
        assertThat(errorLogs)
                .singleElement()
                .extracting(log -> log.path("message").asText())
                .isEqualTo(
                        "dbt test revenue_consistency_weekly on country_weekly_revenue ended in error: Runtime Error in test "
                                + "revenue_consistency_weekly (tests/revenue_consistency_weekly.sql)\n"
                                + "  Parser Error: syntax error at or near \",\"");
        assertThat(logs(scan, "info"))
                .extracting(log -> log.path("message").asText())
                .contains("43 tests were skipped by dbt and are not sent.")
                .anySatisfy(message -> assertThat(message)
                        .startsWith("dbt 1.10.7 `dbt build`, invocation "
                                + "d5d53fda-9a2f-4967-b28f-220fa7290d71, 122 test results"));
    }

    @Test
    void mismatchedInvocationsIngestWithAWarningNamingBothIds() throws Exception {
        IngestOutcome outcome = ingest(SharedArtifacts.corpusCase("neg-1.10.17-postgres-test-mismatched-invocation"));

        assertThat(outcome.checks().checks()).hasSize(3);
        assertThat(outcome.warnings())
                .singleElement()
                .satisfies(warning -> assertThat(warning)
                        .contains("invocation 775df719-5303-4e8f-b870-56adce67c6cd")
                        .contains("invocation b4fa0a88-79b7-4155-86b4-573955ddd5e7")
                        .contains("were written by different dbt invocations"));
        assertThat(log.warnings()).containsExactlyElementsOf(outcome.warnings());
    }

    private IngestOutcome ingest(Path folder) throws IngestException {
        Parameters parameters = Parameters.builder()
                .with(Setting.DATA_SOURCE, DATA_SOURCE)
                .with(Setting.DBT_ARTIFACTS, folder)
                .with(Setting.DRY_RUN, true)
                .with(Setting.OUTPUT_DIRECTORY, output)
                .build();
        return run.ingest(parameters);
    }

    private void checkIngested(Path folder, Ingested expected) throws Exception {
        IngestOutcome outcome = ingest(folder);
        MappedChecks mapped = outcome.checks();

        assertThat(mapped.tally().pass()).as("pass").isEqualTo(expected.pass());
        assertThat(mapped.tally().warn()).as("warn").isEqualTo(expected.warn());
        assertThat(mapped.tally().fail() + mapped.tally().error()).as("fail").isEqualTo(expected.fail());
        assertThat(mapped.tally().error()).as("errored").isEqualTo(expected.errored());
        assertThat(mapped.skipped()).as("skipped").hasSize(expected.skipped());
        assertThat(mapped.unattached()).as("unattached").hasSize(expected.unattached());
        assertThat(mapped.missingInManifest()).as("missing in manifest").isEmpty();
        assertThat(mapped.otherStatus()).as("other statuses").isEmpty();
        assertThat(mapped.checks().stream()
                        .map(check -> check.dataset().qualifiedName())
                        .distinct()
                        .count())
                .as("datasets")
                .isEqualTo(expected.datasets());
        assertThat(mapped.checks().stream().map(SodaCheck::identity).distinct().count())
                .as("each test once")
                .isEqualTo(mapped.checks().size());
        assertThat(outcome.warnings()).as("warnings").hasSameSizeAs(expected.warnings());
        for (int i = 0; i < expected.warnings().size(); i++) {
            assertThat(outcome.warnings().get(i)).startsWith(expected.warnings().get(i));
        }
        assertThat(outcome.receipt()).isNull();

        JsonNode scan = JSON.readTree(outcome.scanResultsFile().toFile());
        assertValid(scan);
        assertThat(scan.path("checks")).hasSize(expected.sent());
        assertThat(scan.path("hasErrors").asBoolean()).as("hasErrors").isEqualTo(expected.errored() > 0);
        assertThat(scan.path("hasWarnings").asBoolean()).as("hasWarnings").isEqualTo(expected.warn() > 0);
        assertThat(scan.path("hasFailures").asBoolean()).as("hasFailures").isEqualTo(expected.fail() > 0);
        assertThat(logs(scan, "error")).as("one error log per errored test").hasSize(expected.errored());
    }

    private void checkRefused(Path folder, Refused expected) {
        Path runResults = folder.resolve("run_results.json");
        String holds = expected.onlyUnitTests()
                ? " and holds only unit test results, no data-test result (" + expected.contents()
                        + "); unit tests are not sent to Soda Cloud unless sendUnitTests (-Dsoda.sendUnitTests) is true."
                : " and holds no data-test result (" + expected.contents() + ").";
        String hint = expected.onlyUnitTests()
                ? "Ingest the run_results.json of a `dbt test` or `dbt build` whose selection includes data tests, or set "
                        + "sendUnitTests (-Dsoda.sendUnitTests) to true to send the unit tests as checks on the models "
                        + "they test."
                : "Ingest the run_results.json of `dbt test` or `dbt build`, which run the data tests.";

        assertThatThrownBy(() -> ingest(folder))
                .isInstanceOf(IngestException.class)
                .hasMessage(
                        "dbt run results " + runResults + " was written by `dbt " + expected.command() + "`" + holds)
                .satisfies(e -> {
                    assertThat(((IngestException) e).kind()).isEqualTo(IngestException.Kind.INPUT);
                    assertThat(((IngestException) e).hint()).isEqualTo(hint);
                });
        assertThat(output.resolve("scan-results.json"))
                .as("nothing written for a refused run")
                .doesNotExist();
    }

    private static void checkManifest(Path file, ManifestOnly expected) throws IngestException {
        ManifestIndex manifest = new ManifestReader().read(file, EveryTest.IDS, "dbtManifest");

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(expected.schema());
        assertThat(manifest.metadata().dbtVersion()).isEqualTo(expected.dbtVersion());
        assertThat(manifest.relations()).hasSize(expected.relations());
        assertThat(manifest.tests().values().stream()
                        .filter(test -> !test.isSingular())
                        .count())
                .as("generic tests")
                .isEqualTo(expected.genericTests());
        assertThat(manifest.tests().values().stream()
                        .filter(DbtTest::isSingular)
                        .count())
                .as("singular tests")
                .isEqualTo(expected.singularTests());
        assertThat(manifest.warnings()).isEmpty();
    }

    private static void checkRunResults(Path file, RunResultsOnly expected) throws IngestException {
        RunResults results = new RunResultsReader().read(file, "dbtRunResults");

        assertThat(results.metadata().schemaVersion()).isEqualTo(expected.schema());
        assertThat(results.metadata().dbtVersion()).isEqualTo(expected.dbtVersion());
        assertThat(results.command()).isEqualTo(expected.command());
        assertThat(results.tests().stream()
                        .collect(Collectors.groupingBy(TestResult::status, Collectors.summingInt(result -> 1))))
                .isEqualTo(expected.testStatuses());
        assertThat(DataTestGuard.hasDataTestResults(results)).isEqualTo(expected.dataTests());
        assertThat(results.warnings()).isEmpty();
    }

    /** sources.json is not ingested yet; given where a manifest or run results belong, it is named for what it is. */
    @Test
    void everyCaseWithManifestAndSourcesAloneIsAFreshnessOnlyIngestion() throws IOException {
        SharedArtifacts.corpus();
        List<String> freshnessOnly = corpusCases()
                .filter(name -> Files.exists(SharedArtifacts.corpusCase(name).resolve("sources.json")))
                .filter(name -> Files.exists(SharedArtifacts.corpusCase(name).resolve("manifest.json")))
                .filter(name -> !Files.exists(SharedArtifacts.corpusCase(name).resolve("run_results.json")))
                .toList();
        assertThat(FRESHNESS_ONLY.keySet()).containsExactlyInAnyOrderElementsOf(freshnessOnly);
    }

    private static void checkSources(Path file, SourcesOnly expected) throws IngestException {
        SourceFreshness freshness = new SourcesReader().read(file, "dbtSources");

        assertThat(freshness.metadata().schemaVersion()).isEqualTo(expected.schema());
        assertThat(freshness.metadata().dbtVersion()).isEqualTo(expected.dbtVersion());
        assertThat(freshness.results().stream()
                        .collect(Collectors.groupingBy(FreshnessResult::status, Collectors.summingInt(r -> 1))))
                .isEqualTo(expected.statuses());
        assertThat(freshness.warnings()).isEmpty();
    }

    private static void checkSourcesIsRecognised(Path sources) {
        assertThatThrownBy(() -> new RunResultsReader().read(sources, "dbtRunResults"))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("dbt run results " + sources + " is a dbt sources.json (")
                .hasMessageEndingWith("), not a run_results.json.");
        assertThatThrownBy(() -> new ManifestReader().read(sources, Set.of(), "dbtManifest"))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("dbt manifest " + sources + " is a dbt sources.json (");
    }

    private static void assertValid(JsonNode scan) throws IOException {
        ObjectNode withToken = scan.deepCopy();
        // The file is the upload body without the session token, which the schema requires.
        withToken.put("token", "placeholder-token");
        Set<ValidationMessage> errors = uploadSchema().validate(withToken);
        assertThat(errors).as("schema errors").isEmpty();
        assertThat(scan.has("token")).isFalse();
    }

    private static JsonNode check(JsonNode scan, String identity) {
        for (JsonNode check : scan.path("checks")) {
            if (check.path("identity").asText().equals(identity)) {
                return check;
            }
        }
        throw new AssertionError("no check " + identity);
    }

    private static List<JsonNode> logs(JsonNode scan, String level) {
        List<JsonNode> logs = new java.util.ArrayList<>();
        scan.path("logs").forEach(log -> {
            if (log.path("level").asText().equals(level)) {
                logs.add(log);
            }
        });
        return logs;
    }
}
