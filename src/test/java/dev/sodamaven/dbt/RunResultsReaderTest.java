package dev.sodamaven.dbt;

import static dev.sodamaven.dbt.ArtifactFiles.SETTING;
import static dev.sodamaven.dbt.ArtifactFiles.runResultsMetadata;
import static dev.sodamaven.dbt.ArtifactFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sodamaven.core.IngestException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** run_results.json of every schema version, and the odd shapes real and broken files have. */
class RunResultsReaderTest {

    @TempDir
    Path dir;

    private RunResults read(String json) throws IngestException {
        return new RunResultsReader().read(write(dir, "run_results.json", json), SETTING);
    }

    @Test
    void dbt019SchemaV1HasNoFailuresAndPutsTheFailingRowCountInAnIntegerMessage() throws Exception {
        RunResults results = read("""
                {'metadata': %s,
                 'results': [
                   {'status': 'pass', 'timing': [], 'thread_id': 'Thread-1', 'execution_time': 1.5,
                    'adapter_response': {}, 'message': 0, 'unique_id': 'test.shop.not_null_orders_id.1a2b3c4d5e'},
                   {'status': 'fail', 'timing': [], 'thread_id': 'Thread-2', 'execution_time': 0.25,
                    'adapter_response': {}, 'message': 3, 'unique_id': 'test.shop.unique_orders_id.2b3c4d5e6f'},
                   {'status': 'error', 'timing': [], 'thread_id': 'Thread-1', 'execution_time': 0.1,
                    'adapter_response': {}, 'message': 'Database Error in test x', 'unique_id': 'test.shop.x.3c4d5e6f7a'},
                   {'status': 'success', 'message': 'OK', 'unique_id': 'model.shop.orders'}],
                 'elapsed_time': 3.2, 'args': {'which': 'test'}}
                """.formatted(runResultsMetadata(1, "0.19.1")));

        assertThat(results.metadata().schemaVersion()).isEqualTo(1);
        assertThat(results.metadata().dbtVersion()).isEqualTo("0.19.1");
        assertThat(results.command()).isEqualTo("test");
        assertThat(results.tests())
                .containsExactly(
                        new TestResult("test.shop.not_null_orders_id.1a2b3c4d5e", "pass", 0L, null, 1.5),
                        new TestResult("test.shop.unique_orders_id.2b3c4d5e6f", "fail", 3L, null, 0.25),
                        new TestResult("test.shop.x.3c4d5e6f7a", "error", null, "Database Error in test x", 0.1));
        assertThat(results.otherResults()).isEqualTo(Map.of("model", Map.of("success", 1)));
        assertThat(results.warnings()).isEmpty();
    }

    /** From 0.20 {@code failures} holds the row count and {@code message} is text; v5 adds compiled code, v6 batches. */
    @ParameterizedTest(name = "run_results v{0}")
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void schemasV2ToV6ReadTheSame(int version) throws Exception {
        String extra = switch (version) {
            case 5 -> ", 'compiled': true, 'compiled_code': 'select 1', 'relation_name': null";
            case 6 -> ", 'compiled': true, 'compiled_code': 'select 1', 'relation_name': null, 'batch_results': null";
            default -> "";
        };
        RunResults results = read("""
                {'metadata': %s,
                 'results': [
                   {'status': 'pass', 'timing': [{'name': 'compile', 'started_at': '2024-05-14T08:30:00Z',
                    'completed_at': '2024-05-14T08:30:01Z'}], 'thread_id': 'Thread-1 (worker)', 'execution_time': 0.5,
                    'adapter_response': {'_message': 'OK'}, 'message': null, 'failures': 0,
                    'unique_id': 'test.shop.not_null_orders_id.1a2b3c4d5e'%s},
                   {'status': 'warn', 'timing': [], 'thread_id': 'Thread-2', 'execution_time': 0.75,
                    'adapter_response': {}, 'message': 'Got 2 results, configured to warn if != 0', 'failures': 2,
                    'unique_id': 'test.shop.accepted_values_orders_status.2b3c4d5e6f'%s},
                   {'status': 'skipped', 'timing': [], 'thread_id': 'Thread-2', 'execution_time': 0,
                    'adapter_response': {}, 'message': null, 'failures': null,
                    'unique_id': 'test.shop.unique_orders_id.3c4d5e6f7a'%s}],
                 'elapsed_time': 3.2, 'args': {'which': 'build', 'select': []}}
                """.formatted(runResultsMetadata(version, "1.x"), extra, extra, extra));

        assertThat(results.metadata().schemaVersion()).isEqualTo(version);
        assertThat(results.command()).isEqualTo("build");
        assertThat(results.tests())
                .containsExactly(
                        new TestResult("test.shop.not_null_orders_id.1a2b3c4d5e", "pass", 0L, null, 0.5),
                        new TestResult(
                                "test.shop.accepted_values_orders_status.2b3c4d5e6f",
                                "warn",
                                2L,
                                "Got 2 results, configured to warn if != 0",
                                0.75),
                        new TestResult("test.shop.unique_orders_id.3c4d5e6f7a", "skipped", null, null, 0));
        assertThat(results.warnings()).isEmpty();
    }

    @Test
    void fusionOmitsTheMessageAndCapitalisesStatuses() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': {'__other__': {}, 'command': 'build', 'which': 'build'},
                 'results': [
                   {'adapter_response': {}, 'execution_time': 0.1, 'relation_name': null, 'status': 'Pass',
                    'thread_id': 'main', 'timing': [], 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': 0},
                   {'adapter_response': {}, 'execution_time': 0.2, 'status': 'Error', 'thread_id': 'main',
                    'timing': [], 'unique_id': 'test.shop.b.2b3c4d5e6f'},
                   {'adapter_response': {}, 'execution_time': 0.3, 'status': 'Success', 'thread_id': 'main',
                    'timing': [], 'unique_id': 'model.shop.orders'}]}
                """.formatted(runResultsMetadata(6, "2.0.0-preview.154")));

        assertThat(results.tests())
                .containsExactly(
                        new TestResult("test.shop.a.1a2b3c4d5e", "pass", 0L, null, 0.1),
                        new TestResult("test.shop.b.2b3c4d5e6f", "error", null, null, 0.2));
        assertThat(results.otherResults()).isEqualTo(Map.of("model", Map.of("success", 1)));
    }

    @Test
    void rpcMethodNamesTheCommandWhenWhichIsAbsent() throws Exception {
        RunResults results = read("{'metadata': %s, 'args': {'rpc_method': 'test'}, 'results': []}"
                .formatted(runResultsMetadata(4, "1.0.0")));

        assertThat(results.command()).isEqualTo("test");
    }

    @Test
    void unitTestsAndOtherResultsAreCountedByTypeAndStatus() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': {'which': 'build'}, 'results': [
                  {'status': 'pass', 'unique_id': 'unit_test.shop.orders.test_totals', 'failures': 0},
                  {'status': 'fail', 'unique_id': 'unit_test.shop.orders.test_dates', 'failures': 1},
                  {'status': 'success', 'unique_id': 'model.shop.orders', 'failures': null},
                  {'status': 'error', 'unique_id': 'model.shop.customers', 'failures': null},
                  {'status': 'success', 'unique_id': 'seed.shop.countries', 'failures': null}]}
                """.formatted(runResultsMetadata(6, "1.10.7")));

        assertThat(results.tests()).isEmpty();
        assertThat(results.unitTestResults()).isEqualTo(2);
        // Kept apart from the data tests, for sendUnitTests; dbt's failures of a unit test are not rows.
        assertThat(results.unitTests())
                .extracting(TestResult::uniqueId, TestResult::status, TestResult::failures)
                .containsExactly(
                        tuple("unit_test.shop.orders.test_totals", "pass", null),
                        tuple("unit_test.shop.orders.test_dates", "fail", null));
        assertThat(results.otherResults())
                .isEqualTo(Map.of(
                        "unit_test", Map.of("pass", 1, "fail", 1),
                        "model", Map.of("success", 1, "error", 1),
                        "seed", Map.of("success", 1)));
    }

    @Test
    void aNewerSchemaIsReadOnABestEffortBasisWithAWarning() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': {'which': 'test'}, 'results': [
                  {'status': 'pass', 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': 0,
                   'a_field_from_the_future': {'nested': [1, 2, {'x': null}]}}]}
                """.formatted(runResultsMetadata(7, "1.13.0")));

        assertThat(results.tests()).extracting(TestResult::uniqueId).containsExactly("test.shop.a.1a2b3c4d5e");
        assertThat(results.warnings())
                .containsExactly(
                        dir.resolve("run_results.json")
                                + " uses run_results schema v7, newer than the newest known (v6); it was read on a best-effort basis.");
    }

    @Test
    void aTestListedTwiceKeepsItsLastResultWithAWarning() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'results': [
                  {'status': 'fail', 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': 4},
                  {'status': 'pass', 'unique_id': 'test.shop.b.2b3c4d5e6f', 'failures': 0},
                  {'status': 'pass', 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': 0}]}
                """.formatted(runResultsMetadata(6, "1.10.7")));

        assertThat(results.tests())
                .extracting(TestResult::uniqueId, TestResult::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("test.shop.a.1a2b3c4d5e", "pass"),
                        org.assertj.core.groups.Tuple.tuple("test.shop.b.2b3c4d5e6f", "pass"));
        assertThat(results.warnings())
                .containsExactly(dir.resolve("run_results.json")
                        + " lists test test.shop.a.1a2b3c4d5e more than once; the last result (pass) was used.");
    }

    @Test
    void onlyUnitTestsAreRefusedUnlessTheyAreSent() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': {'which': 'build'}, 'results': [
                  {'status': 'fail', 'unique_id': 'unit_test.shop.orders.test_totals', 'failures': 1},
                  {'status': 'success', 'unique_id': 'model.shop.orders'}]}
                """.formatted(runResultsMetadata(6, "1.10.17")));

        assertThatThrownBy(() -> DataTestGuard.requireDataTestResults(results, "x", false))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("holds only unit test results");
        assertThatCode(() -> DataTestGuard.requireDataTestResults(results, "x", true))
                .doesNotThrowAnyException();
    }

    @Test
    void nullResultsHoldNoResultAndTheGuardSaysSo() throws Exception {
        RunResults results = read("{'metadata': %s, 'args': {'which': 'test'}, 'results': null}"
                .formatted(runResultsMetadata(6, "1.10.7")));

        assertThat(results.tests()).isEmpty();
        assertThat(results.otherResults()).isEmpty();
        assertThatThrownBy(() -> DataTestGuard.requireDataTestResults(results, "dbt run results x.json"))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results x.json was written by `dbt test` and holds no data-test result "
                        + "(no results at all).");
    }

    @Test
    void nullStatusIsKeptAsUnknownAndNullIdsAreIgnoredWithAWarning() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'results': [
                  {'status': null, 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': null, 'message': null},
                  {'status': 'pass', 'unique_id': null, 'failures': 0},
                  {'status': 'pass', 'failures': 0},
                  null,
                  'not an object',
                  {'status': 'pass', 'unique_id': 'test.shop.b.2b3c4d5e6f', 'failures': null, 'execution_time': null}]}
                """.formatted(runResultsMetadata(6, "1.10.7")));

        assertThat(results.tests())
                .containsExactly(
                        new TestResult("test.shop.a.1a2b3c4d5e", "unknown", null, null, 0),
                        new TestResult("test.shop.b.2b3c4d5e6f", "pass", null, null, 0));
        assertThat(results.warnings())
                .containsExactly(dir.resolve("run_results.json")
                        + " has 4 result entries that are not an object with a unique_id; they were ignored.");
    }

    @Test
    void valuesOfUnexpectedTypesAreReadLeniently() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': 'not an object', 'results': [
                  {'status': 'fail', 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': '7', 'message': ['x'],
                   'execution_time': 'slow'},
                  {'status': 'fail', 'unique_id': 'test.shop.b.2b3c4d5e6f', 'failures': 12.0, 'message': true},
                  {'status': 'fail', 'unique_id': 'test.shop.c.3c4d5e6f7a', 'failures': 123456789012345678901234567890}]}
                """.formatted(runResultsMetadata(6, "1.10.7")));

        assertThat(results.command()).isNull();
        assertThat(results.tests())
                .containsExactly(
                        new TestResult("test.shop.a.1a2b3c4d5e", "fail", null, null, 0),
                        new TestResult("test.shop.b.2b3c4d5e6f", "fail", 12L, "true", 0),
                        new TestResult("test.shop.c.3c4d5e6f7a", "fail", null, null, 0));
    }

    @Test
    void noMetadataStillReads() throws Exception {
        RunResults results = read("{'results': [{'status': 'pass', 'unique_id': 'test.shop.a.1a2b3c4d5e'}]}");

        assertThat(results.metadata().schemaVersion()).isZero();
        assertThat(results.metadata().file()).isEqualTo(dir.resolve("run_results.json"));
        assertThat(results.tests()).hasSize(1);
        assertThat(results.warnings()).isEmpty();
    }

    @Test
    void aManifestGivenAsRunResultsIsRecognisedByItsMetadata() {
        Path file = write(
                dir,
                "run_results.json",
                "{'metadata': %s, 'nodes': {}, 'sources': {}}".formatted(ArtifactFiles.manifestMetadata(12, "1.10.7")));

        assertThatThrownBy(() -> new RunResultsReader().read(file, SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results " + file + " is a dbt manifest.json "
                        + "(https://schemas.getdbt.com/dbt/manifest/v12.json), not a run_results.json.")
                .extracting(e -> ((IngestException) e).hint())
                .isEqualTo("Check " + SETTING + ": the two files may have been swapped.");
    }

    @Test
    void aManifestWithoutMetadataGivenAsRunResultsIsRecognisedByItsKeys() {
        Path file = write(dir, "run_results.json", "{'nodes': {'model.shop.orders': {}}, 'sources': {}}");

        assertThatThrownBy(() -> new RunResultsReader().read(file, SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results " + file + " is not a dbt run_results.json: it has no \"results\". "
                        + "It looks like a manifest.json.");
    }

    @Test
    void aSourcesJsonGivenAsRunResultsIsRecognisedByItsMetadata() {
        Path file = write(dir, "run_results.json", """
                {'metadata': {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/sources/v3.json'},
                 'results': [{'unique_id': 'source.shop.raw.orders', 'status': 'pass'}]}
                """);

        assertThatThrownBy(() -> new RunResultsReader().read(file, SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results " + file + " is a dbt sources.json "
                        + "(https://schemas.getdbt.com/dbt/sources/v3.json), not a run_results.json.");
    }

    @Test
    void anObjectWithNeitherResultsNorNodesIsNotRunResults() {
        Path file = write(dir, "run_results.json", "{'name': 'jaffle_shop', 'version': '1.0'}");

        assertThatThrownBy(() -> new RunResultsReader().read(file, SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results " + file + " is not a dbt run_results.json: it has no \"results\".");
    }
}
