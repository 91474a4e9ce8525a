package dev.sodamaven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.testing.SharedArtifacts;
import dev.sodamaven.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source freshness through the whole ingestion (dry run): where sources.json is found, and what it gives. */
class FreshnessIngestionTest {

    private static final String EXAMPLE_INVOCATION = "6f0c9b7e-2d1a-4a55-9a0e-5c3f1e2b7d41";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final TestRun run = new TestRun(Clock.fixed(Instant.parse("2026-11-20T08:30:12.345Z"), ZoneOffset.UTC));

    /** A sources.json of the example project's two sources: orders warns, customers ended in a runtime error. */
    private Path sources(Path folder, String invocation) throws Exception {
        Files.createDirectories(folder);
        return Files.writeString(
                folder.resolve("sources.json"),
                ("{'metadata': {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/sources/v3.json',"
                                + " 'dbt_version': '1.10.7', 'generated_at': '2026-11-20T06:01:10Z',"
                                + " 'invocation_id': '" + invocation + "'}, 'results': ["
                                + "{'unique_id': 'source.jaffle_shop.raw.orders', 'status': 'warn',"
                                + " 'max_loaded_at': '2026-11-19T14:01:10+00:00', 'max_loaded_at_time_ago_in_s': 57600.0,"
                                + " 'criteria': {'warn_after': {'count': 12, 'period': 'hour'},"
                                + " 'error_after': {'count': 24, 'period': 'hour'}}},"
                                + "{'unique_id': 'source.jaffle_shop.raw.customers', 'status': 'runtime error',"
                                + " 'error': 'Runtime Error in source customers: permission denied'}]}")
                        .replace('\'', '"'));
    }

    /** The example's manifest, and its run results unless {@code runResults} is false. */
    private Path exampleFolder(boolean runResults) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("target"));
        Files.copy(SharedArtifacts.exampleArtifacts().resolve("manifest.json"), folder.resolve("manifest.json"));
        if (runResults) {
            Files.copy(
                    SharedArtifacts.exampleArtifacts().resolve("run_results.json"), folder.resolve("run_results.json"));
        }
        return folder;
    }

    private Parameters.Builder dryRun() {
        return Parameters.builder()
                .with(Setting.DATA_SOURCE, "jaffle_shop")
                .with(Setting.DRY_RUN, true)
                .with(Setting.OUTPUT_DIRECTORY, dir.resolve("out"));
    }

    private static List<JsonNode> freshnessChecks(IngestOutcome outcome) throws Exception {
        JsonNode scan = JSON.readTree(outcome.scanResultsFile().toFile());
        return StreamSupport.stream(scan.path("checks").spliterator(), false)
                .filter(check -> check.path("identity").asText().startsWith("test.source_freshness."))
                .toList();
    }

    @Test
    void aFolderWithSourcesJsonBesideTheRunResultsSendsBothAndWarnsAboutTheOtherInvocation() throws Exception {
        Path folder = exampleFolder(true);
        sources(folder, "0b7e58a2-4d1c-4c6e-9d55-7e1f3a6c2b90");

        IngestOutcome outcome =
                run.ingest(dryRun().with(Setting.DBT_ARTIFACTS, folder).build());

        assertThat(outcome.checks().checks()).hasSize(11);
        assertThat(freshnessChecks(outcome))
                .extracting(check -> check.path("table").asText() + " "
                        + check.path("outcome").asText())
                .containsExactly("raw_orders warn", "raw_customers fail");
        JsonNode scan = JSON.readTree(outcome.scanResultsFile().toFile());
        assertThat(scan.path("hasErrors").asBoolean()).isTrue();
        assertThat(scan.path("logs").findValuesAsText("message"))
                .contains("dbt source freshness raw.customers on raw_customers ended in a runtime error: Runtime "
                        + "Error in source customers: permission denied");
        assertThat(outcome.warnings())
                .singleElement()
                .asString()
                .contains("and the source freshness results (" + folder.resolve("sources.json"))
                .contains("invocation " + EXAMPLE_INVOCATION)
                .contains("invocation 0b7e58a2-4d1c-4c6e-9d55-7e1f3a6c2b90");
        assertThat(run.log().lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("Source freshness from " + folder.resolve("sources.json")
                                + ": dbt 1.10.7, written 2026-11-20T06:01:10Z, invocation "
                                + "0b7e58a2-4d1c-4c6e-9d55-7e1f3a6c2b90, 2 results"))
                .anySatisfy(line -> assertThat(line).contains("Of which source freshness: 2 (1 warn, 1 error)"));
    }

    /** select and exclude choose among tests (README, Selecting tests); freshness results are all sent. */
    @Test
    void aSelectionNarrowsTheTestsAndSendsEveryFreshnessResult() throws Exception {
        Path folder = exampleFolder(true);
        sources(folder, EXAMPLE_INVOCATION);

        IngestOutcome outcome = run.ingest(dryRun().with(Setting.DBT_ARTIFACTS, folder)
                .with(Setting.SELECT, "source:raw.orders")
                .build());

        assertThat(outcome.checks().checks())
                .filteredOn(check -> !check.isFreshness())
                .extracting(check -> check.identity())
                .singleElement()
                .asString()
                .contains("source_not_null_raw_orders_id");
        assertThat(freshnessChecks(outcome))
                .extracting(check -> check.path("table").asText())
                .containsExactly("raw_orders", "raw_customers");
    }

    @Test
    void aFolderWithoutRunResultsIsAFreshnessOnlyIngestionAndSoAreManifestAndSourcesAlone() throws Exception {
        Path folder = exampleFolder(false);
        Path sources = sources(folder, EXAMPLE_INVOCATION);

        IngestOutcome fromFolder =
                run.ingest(dryRun().with(Setting.DBT_ARTIFACTS, folder).build());
        IngestOutcome fromFiles = run.ingest(dryRun().with(Setting.DBT_MANIFEST, folder.resolve("manifest.json"))
                .with(Setting.DBT_SOURCES, sources)
                .build());

        for (IngestOutcome outcome : List.of(fromFolder, fromFiles)) {
            assertThat(outcome.checks().checks()).hasSize(2).allMatch(check -> check.isFreshness());
            assertThat(outcome.warnings()).isEmpty();
            JsonNode scan = JSON.readTree(outcome.scanResultsFile().toFile());
            assertThat(scan.path("logs").findValuesAsText("message"))
                    .contains(
                            "dbt 1.10.7 `dbt source freshness`, invocation " + EXAMPLE_INVOCATION + ", 0 test results");
        }
    }

    @Test
    void runResultsOfDocsGenerateBesideSourcesJsonAreNamedAndOnlyFreshnessIsSent() throws Exception {
        Path folder = exampleFolder(false);
        sources(folder, EXAMPLE_INVOCATION);
        Files.writeString(
                folder.resolve("run_results.json"),
                "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/run-results/v6.json\","
                        + " \"invocation_id\": \"docs-1\"}, \"args\": {\"which\": \"generate\"}, \"results\": []}");

        IngestOutcome outcome =
                run.ingest(dryRun().with(Setting.DBT_ARTIFACTS, folder).build());

        assertThat(outcome.checks().checks()).hasSize(2).allMatch(check -> check.isFreshness());
        assertThat(run.log().lines())
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "dbt run results " + folder.resolve("run_results.json") + " holds no data-test result "
                                        + "(no results at all); only the source freshness results are ingested."));
    }

    @Test
    void sourcesWithoutAManifestAreRefusedNamingBothSettings() {
        assertThatThrownBy(() -> run.ingest(dryRun().with(Setting.DBT_SOURCES, dir.resolve("sources.json"))
                        .build()))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbtSources (-Dsoda.dbt.sources) is set but dbtManifest (-Dsoda.dbt.manifest) is not.");
    }

    @Test
    void aSourcesJsonThatIsNotThereIsAnErrorNamingTheSetting() throws Exception {
        Path folder = exampleFolder(true);

        assertThatThrownBy(() -> run.ingest(dryRun().with(Setting.DBT_ARTIFACTS, folder)
                        .with(Setting.DBT_SOURCES, dir.resolve("nowhere/sources.json"))
                        .build()))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt sources " + dir.resolve("nowhere/sources.json") + " does not exist.")
                .extracting(e -> ((IngestException) e).hint())
                .asString()
                .contains("dbtSources (-Dsoda.dbt.sources)");
    }
}
