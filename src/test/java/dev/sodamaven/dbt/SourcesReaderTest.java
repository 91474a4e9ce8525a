package dev.sodamaven.dbt;

import static dev.sodamaven.dbt.ArtifactFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading sources.json v1-v3 (corpus cases in CorpusIngestionTest), edge cases by hand. */
class SourcesReaderTest {

    private static final String SETTING = "dbtSources (-Dsoda.dbt.sources)";

    @TempDir
    Path dir;

    private static String metadata(int version, String dbtVersion) {
        return "{'dbt_schema_version': 'https://schemas.getdbt.com/dbt/sources/v" + version + ".json',"
                + " 'dbt_version': '" + dbtVersion + "', 'generated_at': '2026-03-18T17:24:36Z',"
                + " 'invocation_id': 'inv-9', 'env': {}}";
    }

    private SourceFreshness read(String json) throws IngestException {
        return new SourcesReader().read(write(dir, "sources.json", json), SETTING);
    }

    @Test
    void readsAgeThresholdsAndStatusInDbtCoresSpelling() throws Exception {
        SourceFreshness freshness = read("{'metadata': " + metadata(3, "2.0.0-preview.154") + ", 'results': ["
                + "{'unique_id': 'source.shop.raw.orders', 'max_loaded_at': '2026-03-13T22:24:37.449Z',"
                + " 'snapshotted_at': '2026-03-18T17:24:35.460Z', 'max_loaded_at_time_ago_in_s': 413998.0,"
                + " 'status': 'Error', 'criteria': {'error_after': {'count': 48, 'period': 'hour'},"
                + " 'warn_after': {'count': 24, 'period': 'hour'}, 'filter': 'id > 0'}, 'adapter_response': {},"
                + " 'timing': [], 'thread_id': 'Thread-19', 'execution_time': 0.0}], 'elapsed_time': 0.0}");

        assertThat(freshness.metadata().invocationId()).isEqualTo("inv-9");
        assertThat(freshness.results())
                .containsExactly(new FreshnessResult(
                        "source.shop.raw.orders",
                        "error",
                        413998.0,
                        "2026-03-13T22:24:37.449Z",
                        "2026-03-18T17:24:35.460Z",
                        "24 hour",
                        "48 hour",
                        "id > 0",
                        null));
        assertThat(freshness.warnings()).isEmpty();
    }

    @Test
    void aRuntimeErrorCarriesOnlyItsErrorAndAThresholdWithoutCountIsNone() throws Exception {
        SourceFreshness freshness = read("{'metadata': " + metadata(3, "1.0.1") + ", 'results': ["
                + "{'unique_id': 'source.shop.stripe.payments', 'error': 'Runtime Error in source payments',"
                + " 'status': 'runtime error'},"
                + "{'unique_id': 'source.shop.raw.orders', 'max_loaded_at_time_ago_in_s': 'soon', 'status': 'pass',"
                + " 'criteria': {'warn_after': {'count': null, 'period': null}, 'error_after': {'count': 1,"
                + " 'period': 'day'}}}]}");

        assertThat(freshness.results().get(0).isRuntimeError()).isTrue();
        assertThat(freshness.results().get(0).error()).isEqualTo("Runtime Error in source payments");
        assertThat(freshness.results().get(0).ageSeconds()).isNull();
        assertThat(freshness.results().get(1).warnAfter()).isNull();
        assertThat(freshness.results().get(1).errorAfter()).isEqualTo("1 day");
        assertThat(freshness.results().get(1).ageSeconds()).isNull();
    }

    @Test
    void oddEntriesAndRepeatsAreWarnedAboutAndANewerSchemaReadOnABestEffortBasis() throws Exception {
        SourceFreshness freshness = read("{'metadata': " + metadata(4, "1.13.0") + ", 'results': ["
                + "{'unique_id': 'model.shop.orders', 'status': 'pass'}, 42,"
                + "{'unique_id': 'source.shop.raw.orders', 'status': 'warn'},"
                + "{'unique_id': 'source.shop.raw.orders', 'status': 'pass'}]}");

        assertThat(freshness.results()).extracting(FreshnessResult::status).containsExactly("pass");
        assertThat(freshness.warnings())
                .containsExactly(
                        dir.resolve("sources.json") + " has 2 freshness results that are not an object with a source's "
                                + "unique_id; they were ignored.",
                        dir.resolve("sources.json") + " lists source source.shop.raw.orders more than once; the last "
                                + "result was used.",
                        dir.resolve("sources.json") + " uses sources schema v4, newer than the newest known (v3); it "
                                + "was read on a best-effort basis.");
    }

    @Test
    void runResultsGivenAsSourcesAreRefusedNamingWhereTheyBelong() {
        Path file = write(
                dir,
                "sources.json",
                "{'metadata': " + ArtifactFiles.runResultsMetadata(6, "1.10.7") + ", 'results': []}");

        assertThatThrownBy(() -> new SourcesReader().read(file, SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt sources " + file + " is a dbt run_results.json "
                        + "(https://schemas.getdbt.com/dbt/run-results/v6.json), not a sources.json.")
                .extracting(e -> ((IngestException) e).hint())
                .isEqualTo("Check " + SETTING + ": it must lead to the sources.json dbt wrote; a run_results.json is "
                        + "read from " + Setting.DBT_RUN_RESULTS.ref() + ".");
    }

    @Test
    void aFileWithoutResultsIsNotASourcesJson() {
        Path file = write(dir, "sources.json", "{'metadata': {}, 'nodes': {}}");

        assertThatThrownBy(() -> new SourcesReader().read(file, SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt sources " + file + " is not a dbt sources.json: it has no \"results\".")
                .extracting(e -> ((IngestException) e).hint())
                .isEqualTo("Check " + SETTING + ": it must lead to the sources.json `dbt source freshness` wrote.");
    }
}
