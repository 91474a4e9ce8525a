package dev.sodamaven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sodamaven.config.IngestSettings;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import dev.sodamaven.testing.FakeCloud;
import dev.sodamaven.testing.RecordingLog;
import dev.sodamaven.testing.SharedArtifacts;
import dev.sodamaven.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole ingestion against the local fake Soda Cloud, on the bundled example. */
class IngestionTest {

    @TempDir
    Path output;

    private FakeCloud cloud;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T08:30:12.345Z"), ZoneOffset.UTC);
    private final TestRun run = new TestRun(clock);
    private final RecordingLog log = run.log();

    @BeforeEach
    void startCloud() throws Exception {
        cloud = FakeCloud.start(SharedArtifacts.sharedDir().resolve("contracts/soda-scan-results.schema.json"))
                .withApiKey("id-1", "secret-1");
    }

    @AfterEach
    void stopCloud() {
        cloud.close();
    }

    private Parameters.Builder parameters() {
        return Parameters.builder()
                .with(Setting.DATA_SOURCE, "jaffle_shop")
                .with(Setting.DBT_ARTIFACTS, SharedArtifacts.exampleArtifacts())
                .with(Setting.SODA_CLOUD_HOST, "127.0.0.1")
                .with(Setting.SODA_CLOUD_PORT, String.valueOf(cloud.port()))
                .with(Setting.SODA_CLOUD_SCHEME, "http")
                .with(Setting.API_KEY_ID, Secret.of("id-1"))
                .with(Setting.API_KEY_SECRET, Secret.of("secret-1"))
                .with(Setting.OUTPUT_DIRECTORY, output);
    }

    private IngestOutcome ingest(Parameters parameters) throws IngestException {
        return run.ingest(parameters);
    }

    @Test
    void uploadsEveryTestOnceWithTheRightOutcomes() throws Exception {
        IngestOutcome outcome = ingest(parameters().build());

        assertThat(cloud.commands("login")).hasSize(1);
        assertThat(cloud.schemaErrors()).isEmpty();
        assertThat(cloud.acceptedScans()).hasSize(1);
        JsonNode scan = cloud.acceptedScans().get(0);
        assertThat(scan.path("defaultDataSource").asText()).isEqualTo("jaffle_shop");
        assertThat(scan.path("definitionName").asText()).isEqualTo("Ingest - dbt");
        assertThat(scan.path("dataTimestamp").asText()).isEqualTo("2026-11-20T08:30:12+00:00");
        assertThat(scan.path("hasWarnings").asBoolean()).isTrue();
        assertThat(scan.path("hasFailures").asBoolean()).isTrue();
        assertThat(scan.path("hasErrors").asBoolean()).isFalse();
        assertThat(scan.path("checks")).hasSize(9);
        JsonNode relationships = find(scan, "relationships_orders_customer_id__customer_id__ref_customers_");
        assertThat(relationships.path("table").asText()).isEqualTo("fct_orders");
        assertThat(relationships.path("outcome").asText()).isEqualTo("fail");
        assertThat(relationships.path("diagnostics").path("value").asInt()).isEqualTo(2);
        assertThat(find(scan, "accepted_values_orders_status__placed__shipped__completed__returned")
                        .path("outcome")
                        .asText())
                .isEqualTo("warn");
        assertThat(find(scan, "source_unique_raw_customers_id").path("table").asText())
                .isEqualTo("raw_customers");
        assertThat(find(scan, "assert_order_amount_is_positive").path("table").asText())
                .isEqualTo("fct_orders");

        assertThat(outcome.receipt().traceId()).startsWith("upload-trace-");
        assertThat(log.text())
                .contains("Soda Cloud trace id: " + outcome.receipt().traceId());
        Path file = output.resolve("scan-results.json");
        assertThat(file).exists();
        assertThat(Files.readString(file)).doesNotContain("token").doesNotContain("secret-1");
    }

    @Test
    void aReportThatCannotBeWrittenKeepsTheScanResultsAndSendsNothing() throws Exception {
        // A non-empty folder where the HTML report goes: the report cannot replace it.
        Files.createDirectories(output.resolve("report.html").resolve("occupied"));

        assertThatThrownBy(() -> ingest(parameters().build())).isInstanceOfSatisfying(IngestException.class, error -> {
            assertThat(error.kind()).isEqualTo(IngestException.Kind.OUTPUT);
            assertThat(error.keptScanResults()).contains(output.resolve("scan-results.json"));
        });
        assertThat(output.resolve("scan-results.json")).exists();
        assertThat(cloud.acceptedScans()).isEmpty();
    }

    @Test
    void theSameDbtRunIsSentOnceThenAgainOnlyWhenForced() throws Exception {
        Path ledger = output.resolve("home/.m2/soda/ledger.json");
        Parameters once = parameters().with(Setting.LEDGER, ledger).build();

        ingest(once);
        IngestOutcome again = ingest(once);

        assertThat(cloud.acceptedScans()).hasSize(1);
        assertThat(again.receipt()).isNull();
        assertThat(log.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith(
                                "INFO Already sent: dbt invocation 6f0c9b7e-2d1a-4a55-9a0e-5c3f1e2b7d41 went to Soda "
                                        + "Cloud http://127.0.0.1:" + cloud.port())
                        .endsWith("(ledger " + ledger + "); nothing was sent. Set force (-Dsoda.force) to true to "
                                + "send it again."));

        ingest(parameters()
                .with(Setting.LEDGER, ledger)
                .with(Setting.FORCE, true)
                .build());

        assertThat(cloud.acceptedScans()).hasSize(2);
        assertThat(ledger).content().contains("\"dbtInvocationId\" : \"6f0c9b7e-2d1a-4a55-9a0e-5c3f1e2b7d41\"");
    }

    @Test
    void anotherCombinationOfRunResultsFilesIsNotTakenForOneSentBefore() throws Exception {
        Path ledger = output.resolve("ledger.json");
        Path example = SharedArtifacts.exampleArtifacts().resolve("run_results.json");
        // The same tests, written by another dbt invocation: a first file of another run, merged before the same last
        // file.
        Path other = Files.writeString(
                output.resolve("other_run_results.json"),
                Files.readString(example)
                        .replace("6f0c9b7e-2d1a-4a55-9a0e-5c3f1e2b7d41", "0b7e58a2-4d1c-4c6e-9d55-7e1f3a6c2b90"));
        Parameters exampleOnly = parameters()
                .with(Setting.DBT_ARTIFACTS, null)
                .with(Setting.DBT_MANIFEST, SharedArtifacts.exampleArtifacts().resolve("manifest.json"))
                .with(Setting.DBT_RUN_RESULTS, List.of(example))
                .with(Setting.LEDGER, ledger)
                .build();
        Parameters bothFiles = parameters()
                .with(Setting.DBT_ARTIFACTS, null)
                .with(Setting.DBT_MANIFEST, SharedArtifacts.exampleArtifacts().resolve("manifest.json"))
                .with(Setting.DBT_RUN_RESULTS, List.of(other, example))
                .with(Setting.LEDGER, ledger)
                .build();

        ingest(exampleOnly);
        ingest(bothFiles);
        ingest(bothFiles);

        assertThat(cloud.acceptedScans()).hasSize(2);
        assertThat(ledger)
                .content()
                .contains("\"dbtInvocationId\" : \"0b7e58a2-4d1c-4c6e-9d55-7e1f3a6c2b90, "
                        + "6f0c9b7e-2d1a-4a55-9a0e-5c3f1e2b7d41\"");
    }

    @Test
    void aDryRunNeitherReadsNorWritesTheLedger() throws Exception {
        Path ledger = output.resolve("ledger.json");

        ingest(parameters()
                .with(Setting.LEDGER, ledger)
                .with(Setting.DRY_RUN, true)
                .build());

        assertThat(ledger).doesNotExist();
        assertThat(ledger.resolveSibling("ledger.json.lock")).doesNotExist();
    }

    @Test
    void dryRunWritesTheFileAndSendsNothing() throws Exception {
        IngestOutcome outcome = ingest(parameters()
                .with(Setting.DRY_RUN, true)
                .with(Setting.API_KEY_ID, null)
                .with(Setting.API_KEY_SECRET, null)
                .build());

        assertThat(outcome.receipt()).isNull();
        assertThat(cloud.requests()).isEmpty();
        assertThat(output.resolve("scan-results.json")).exists();
        assertThat(output.resolve("TEST-dbt.xml")).content().contains("relationships_orders_customer_id");
        assertThat(output.resolve("report.html")).content().contains("fct_orders");
        assertThat(log.text()).contains("Dry run: nothing was uploaded");
    }

    @Test
    void aDryRunNeverAsksForProxies() throws Exception {
        Remote.ProxySource broken = () -> {
            throw IngestException.configuration("Maven could not decrypt the password of <proxy> 'corp'.", "");
        };
        IngestSettings settings =
                run.resolve(parameters().with(Setting.DRY_RUN, true).build());

        run.ingestion(run.remote(broken)).run(settings);

        assertThat(output.resolve("scan-results.json")).exists();
    }

    @Test
    void wrongApiKeyIsOneClearErrorAndTheFileIsKept() {
        assertThatThrownBy(() -> ingest(parameters()
                        .with(Setting.API_KEY_SECRET, Secret.of("wrong"))
                        .build()))
                .isInstanceOf(IngestException.class)
                .satisfies(e -> {
                    IngestException problem = (IngestException) e;
                    assertThat(problem.getMessage())
                            .contains("rejected the API key (HTTP 401")
                            .doesNotContain("wrong");
                    assertThat(problem.keptScanResults()).contains(output.resolve("scan-results.json"));
                });
        assertThat(cloud.acceptedScans()).isEmpty();
        assertThat(output.resolve("scan-results.json")).exists();
        // The results are shown even though the upload failed.
        assertThat(log.lines()).contains("INFO Checks: 9 (7 pass, 1 warn, 1 fail, 0 error)");
    }

    @Test
    void aFailedUploadDoesNotHideAFailedQualityGate() {
        cloud.close(); // Soda Cloud is down

        assertThatThrownBy(() -> ingest(parameters()
                        .with(Setting.FAIL_ON, "fail")
                        .with(Setting.MAX_RETRIES, 0)
                        .build()))
                .isInstanceOfSatisfying(IngestException.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(IngestException.Kind.QUALITY_GATE);
                    assertThat(problem.getMessage())
                            .startsWith("Quality gate failOn=fail: 1 dbt test did not pass: "
                                    + "relationships_orders_customer_id__customer_id__ref_customers_ (fail).")
                            .contains("The upload to Soda Cloud failed too: Soda Cloud login failed");
                    assertThat(problem.keptScanResults()).contains(output.resolve("scan-results.json"));
                });
    }

    @Test
    void aPassingGateLetsTheUploadFailureThrough() {
        cloud.close();

        assertThatThrownBy(() -> ingest(parameters()
                        .with(Setting.FAIL_ON, "error")
                        .with(Setting.MAX_RETRIES, 0)
                        .build()))
                .isInstanceOfSatisfying(
                        IngestException.class,
                        problem -> assertThat(problem.kind()).isEqualTo(IngestException.Kind.REMOTE));
    }

    @Test
    void aSelectionSendsOnlyTheSelectedChecksAndSaysWhatItLeftOut() throws Exception {
        ingest(parameters()
                .with(Setting.SELECT, "orders,source:raw.customers")
                .with(Setting.EXCLUDE, "test_type:singular")
                .build());

        assertThat(cloud.acceptedScans()).hasSize(1);
        JsonNode scan = cloud.acceptedScans().get(0);
        assertThat(scan.path("checks").findValuesAsText("name"))
                .containsExactlyInAnyOrder(
                        "source_unique_raw_customers_id",
                        "unique_orders_order_id",
                        "accepted_values_orders_status__placed__shipped__completed__returned",
                        "relationships_orders_customer_id__customer_id__ref_customers_");
        String said = "Selection: 4 of 9 tests kept, 5 left out; select orders matched 4, source:raw.customers "
                + "matched 1; exclude test_type:singular removed 1.";
        assertThat(log.lines())
                .contains("INFO " + said)
                .contains("INFO Checks: 4 (2 pass, 1 warn, 1 fail, 0 error)")
                .contains("INFO Not sent: 5 tests left out by select (-Dsoda.select) / exclude (-Dsoda.exclude)");
        assertThat(scan.path("logs").findValuesAsText("message")).contains(said);
        assertThat(output.resolve("report.html")).content().contains("<dt>Selection</dt><dd>4 of 9 tests kept");
        assertThat(output.resolve("TEST-dbt.xml")).content().contains("name=\"soda.selection\"");
    }

    @Test
    void aSelectionThatLeavesNothingWritesAndSendsNothing() {
        assertThatThrownBy(() ->
                        ingest(parameters().with(Setting.SELECT, "tag:nightly").build()))
                .isInstanceOfSatisfying(IngestException.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
                    assertThat(problem.getMessage())
                            .isEqualTo("The selection leaves no test to ingest: 0 of 9 tests kept, 9 left out; "
                                    + "select tag:nightly matched 0.");
                });
        assertThat(cloud.requests()).isEmpty();
        assertThat(output.resolve("scan-results.json")).doesNotExist();
    }

    @Test
    void anUnknownSelectorMethodIsAConfigurationErrorAndNothingIsWrittenOrSent() {
        assertThatThrownBy(() -> ingest(
                        parameters().with(Setting.EXCLUDE, "state:modified").build()))
                .isInstanceOfSatisfying(IngestException.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
                    assertThat(problem.getMessage())
                            .startsWith("exclude (-Dsoda.exclude) has 'state:modified', whose method 'state'");
                });
        assertThat(cloud.requests()).isEmpty();
        assertThat(output.resolve("scan-results.json")).doesNotExist();
    }

    /** A dbt 1.8+ build with one data test and one failing unit test, both on the orders model. */
    private Path artifactsWithAUnitTest() throws Exception {
        Path dir = Files.createDirectories(output.resolve("unit-test-artifacts"));
        String meta = "\"dbt_version\": \"1.10.17\", \"generated_at\": \"2026-11-20T08:00:00Z\", "
                + "\"invocation_id\": \"inv-unit\"";
        Files.writeString(dir.resolve("manifest.json"), """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json", %s},
                 "nodes": {
                   "model.shop.orders": {"resource_type": "model", "unique_id": "model.shop.orders",
                     "name": "orders", "alias": "fct_orders", "database": "db", "schema": "core"},
                   "test.shop.not_null_orders_id.1a": {"resource_type": "test",
                     "unique_id": "test.shop.not_null_orders_id.1a", "name": "not_null_orders_id",
                     "column_name": "id", "attached_node": "model.shop.orders",
                     "test_metadata": {"name": "not_null"}, "depends_on": {"nodes": ["model.shop.orders"]}}},
                 "sources": {},
                 "unit_tests": {
                   "unit_test.shop.orders.test_totals": {"resource_type": "unit_test",
                     "unique_id": "unit_test.shop.orders.test_totals", "name": "test_totals", "model": "orders",
                     "original_file_path": "models/_unit.yml", "depends_on": {"nodes": ["model.shop.orders"]}}}}
                """.formatted(meta));
        Files.writeString(dir.resolve("run_results.json"), """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json", %s},
                 "args": {"which": "build"},
                 "results": [
                   {"unique_id": "unit_test.shop.orders.test_totals", "status": "fail", "failures": 1,
                    "message": "actual differs from expected"},
                   {"unique_id": "model.shop.orders", "status": "success"},
                   {"unique_id": "test.shop.not_null_orders_id.1a", "status": "pass", "failures": 0}]}
                """.formatted(meta));
        return dir;
    }

    @Test
    void unitTestsAreCountedButNotSentByDefault() throws Exception {
        ingest(parameters()
                .with(Setting.DBT_ARTIFACTS, artifactsWithAUnitTest())
                .build());

        JsonNode scan = cloud.acceptedScans().get(0);
        assertThat(cloud.schemaErrors()).isEmpty();
        assertThat(scan.path("checks")).hasSize(1);
        assertThat(scan.path("checks").get(0).path("identity").asText()).isEqualTo("test.shop.not_null_orders_id.1a");
        assertThat(scan.path("hasFailures").asBoolean()).isFalse();
        assertThat(log.text())
                .contains("1 unit test result is not sent: unit tests check code, not data. Set "
                        + "sendUnitTests (-Dsoda.sendUnitTests) to true");
    }

    @Test
    void withSendUnitTestsAUnitTestIsACheckOnTheModelsTable() throws Exception {
        ingest(parameters()
                .with(Setting.DBT_ARTIFACTS, artifactsWithAUnitTest())
                .with(Setting.SEND_UNIT_TESTS, true)
                .build());

        JsonNode scan = cloud.acceptedScans().get(0);
        assertThat(cloud.schemaErrors()).isEmpty();
        assertThat(scan.path("checks")).hasSize(2);
        JsonNode unit = find(scan, "dbt unit test test_totals");
        assertThat(unit.path("identity").asText()).isEqualTo("test.unit_test.shop.orders.test_totals");
        assertThat(unit.path("definition").asText()).isEqualTo("dbt unit test test_totals");
        assertThat(unit.path("table").asText()).isEqualTo("fct_orders");
        assertThat(unit.path("outcome").asText()).isEqualTo("fail");
        assertThat(scan.path("hasFailures").asBoolean()).isTrue();
        assertThat(log.text()).doesNotContain("unit test result is not sent");
    }

    @Test
    void withSendUnitTestsARealBuildOfOnlyUnitTestsIsIngested() throws Exception {
        Path realCase = SharedArtifacts.corpusCase("real-1.10.17-postgres-build-unit-tests");
        // Without the setting this run holds no data-test result and is refused (CorpusIngestionTest).
        ingest(parameters()
                .with(Setting.DBT_ARTIFACTS, realCase)
                .with(Setting.SEND_UNIT_TESTS, true)
                .build());

        JsonNode scan = cloud.acceptedScans().get(0);
        assertThat(cloud.schemaErrors()).isEmpty();
        assertThat(scan.path("checks")).hasSize(4);
        for (JsonNode check : scan.path("checks")) {
            assertThat(check.path("identity").asText()).startsWith("test.unit_test.dbt_course_practice.fct_flights.");
            assertThat(check.path("name").asText()).startsWith("dbt unit test test_fact_departure_");
            assertThat(check.path("table").asText()).isEqualTo("fct_flights");
            assertThat(check.path("outcome").asText()).isEqualTo("pass");
        }
    }

    private static JsonNode find(JsonNode scan, String name) {
        for (JsonNode check : scan.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name);
    }
}
