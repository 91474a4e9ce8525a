package dev.sodamaven.dbt;

import static dev.sodamaven.dbt.ArtifactFiles.SETTING;
import static dev.sodamaven.dbt.ArtifactFiles.runResultsMetadata;
import static dev.sodamaven.dbt.ArtifactFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.testing.SharedArtifacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What dbt 1.12 and dbt Fusion write, and what dbt before 0.19 wrote: the statuses beyond the five of a
 * data test, results without a message, operation/function nodes, pre-release versions, UUIDv7
 * invocation ids, and pre-0.19 files, which are refused.
 */
@Timeout(30)
class DbtReleasesTest {

    @TempDir
    Path dir;

    private RunResults read(String json) throws IngestException {
        return new RunResultsReader().read(write(dir, "run_results.json", json), SETTING);
    }

    private static RunResults readCase(String name) throws IngestException {
        return new RunResultsReader().read(SharedArtifacts.corpusCase(name).resolve("run_results.json"), SETTING);
    }

    @Test
    void reusedNoOpAndPartialSuccessAreReadInDbtCoresSpellingWhateverTheCase() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': {'which': 'build'}, 'results': [
                  {'status': 'Reused', 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': 0, 'message': null},
                  {'status': 'PASS', 'unique_id': 'test.shop.b.2b3c4d5e6f', 'failures': 0},
                  {'status': 'reused', 'unique_id': 'model.shop.orders'},
                  {'status': 'NoOp', 'unique_id': 'model.shop.customers'},
                  {'status': 'no-op', 'unique_id': 'model.shop.payments'},
                  {'status': 'Partial Success', 'unique_id': 'model.shop.events'},
                  {'status': 'partial success', 'unique_id': 'model.shop.clicks'}]}
                """.formatted(runResultsMetadata(6, "1.12.0b3")));

        assertThat(results.tests())
                .containsExactly(
                        new TestResult("test.shop.a.1a2b3c4d5e", "reused", 0L, null, 0),
                        new TestResult("test.shop.b.2b3c4d5e6f", "pass", 0L, null, 0));
        assertThat(results.otherResults())
                .isEqualTo(Map.of("model", Map.of("reused", 1, "no-op", 2, "partial success", 2)));
        assertThat(results.warnings()).isEmpty();
    }

    @Test
    void aMessageThatOnlyRepeatsTheStatusIsNoMessageAndAMissingOneIsNull() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'results': [
                  {'status': 'pass', 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': 0, 'message': 'Pass'},
                  {'status': 'pass', 'unique_id': 'test.shop.b.2b3c4d5e6f'},
                  {'status': 'fail', 'unique_id': 'test.shop.c.3c4d5e6f7a', 'failures': 2,
                   'message': 'Got 2 results, configured to fail if != 0'},
                  {'status': 'error', 'unique_id': 'test.shop.d.4d5e6f7a8b', 'message': 'Error'}]}
                """.formatted(runResultsMetadata(6, "2.0.0-preview.200")));

        assertThat(results.tests())
                .extracting(TestResult::message)
                .containsExactly(null, null, "Got 2 results, configured to fail if != 0", null);
    }

    @Test
    void aResultDbtRanIsNotHiddenByALaterReusedOneInTheSameFile() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'results': [
                  {'status': 'fail', 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': 4},
                  {'status': 'reused', 'unique_id': 'test.shop.a.1a2b3c4d5e', 'failures': 0}]}
                """.formatted(runResultsMetadata(6, "1.12.0")));

        assertThat(results.tests()).containsExactly(new TestResult("test.shop.a.1a2b3c4d5e", "fail", 4L, null, 0));
        assertThat(results.warnings())
                .containsExactly(dir.resolve("run_results.json")
                        + " lists test test.shop.a.1a2b3c4d5e more than once; the result dbt ran (fail) was used,"
                        + " not the later reused one.");
    }

    @Test
    void aResultDbtRanIsNotHiddenByAReusedOneOfALaterStep() {
        ArtifactMetadata metadata = ArtifactMetadata.absent(dir);
        TestResult ran = new TestResult("test.shop.a.1a2b3c4d5e", "warn", 1L, "Got 1 result", 0.2);
        TestResult reused = new TestResult("test.shop.a.1a2b3c4d5e", "reused", 0L, null, 0);
        TestResult ranAgain = new TestResult("test.shop.a.1a2b3c4d5e", "pass", 0L, null, 0.1);
        RunResults first = new RunResults(metadata, "build", List.of(ran), Map.of(), List.of());
        RunResults second = new RunResults(metadata, "build", List.of(reused), Map.of(), List.of());
        RunResults third = new RunResults(metadata, "test", List.of(ranAgain), Map.of(), List.of());

        assertThat(RunResults.merge(List.of(first, second)).tests()).containsExactly(ran);
        assertThat(RunResults.merge(List.of(second, first)).tests()).containsExactly(ran);
        assertThat(RunResults.merge(List.of(first, second, third)).tests()).containsExactly(ranAgain);
    }

    @Test
    void aRunWhoseTestsWereAllReusedIsIngestedNotRefusedLikeACompile() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': {'which': 'build'}, 'results': [
                  {'status': 'reused', 'unique_id': 'test.shop.a.1a2b3c4d5e'},
                  {'status': 'reused', 'unique_id': 'model.shop.orders'}]}
                """.formatted(runResultsMetadata(6, "2.0.0-preview.200")));

        assertThat(DataTestGuard.hasDataTestResults(results)).isTrue();
        assertThatCode(() -> DataTestGuard.requireDataTestResults(results, "x")).doesNotThrowAnyException();
    }

    @Test
    void testsWithAStatusThisPluginDoesNotKnowAreNotTakenForACompile() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': {'which': 'build'}, 'results': [
                  {'status': 'Passed with notes', 'unique_id': 'test.shop.a.1a2b3c4d5e'},
                  {'unique_id': 'test.shop.b.2b3c4d5e6f'}]}
                """.formatted(runResultsMetadata(6, "2.1.0")));

        assertThat(results.tests()).extracting(TestResult::status).containsExactly("passed with notes", "unknown");
        assertThatCode(() -> DataTestGuard.requireDataTestResults(results, "x")).doesNotThrowAnyException();
    }

    @Test
    void testsThatWereNoOpsOrCompiledAreNoDataTestResults() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': {'which': 'build'}, 'results': [
                  {'status': 'No-Op', 'unique_id': 'test.shop.a.1a2b3c4d5e'},
                  {'status': 'Success', 'unique_id': 'test.shop.b.2b3c4d5e6f'}]}
                """.formatted(runResultsMetadata(6, "1.12.0")));

        assertThatThrownBy(() -> DataTestGuard.requireDataTestResults(results, "dbt run results x.json"))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results x.json was written by `dbt build` and holds no data-test result"
                        + " (1 test with status no-op, 1 test with status success).");
    }

    @Test
    void operationSqlOperationAndFunctionResultsAreCountedNotTakenForTests() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'args': {'which': 'run-operation'}, 'results': [
                  {'status': 'success', 'unique_id': 'operation.shop.shop-on-run-end-0', 'failures': 0},
                  {'status': 'success', 'unique_id': 'operation.shop.shop-on-run-start-0', 'failures': 0},
                  {'status': 'success', 'unique_id': 'sql_operation.shop.inline_query', 'failures': null},
                  {'status': 'Success', 'unique_id': 'function.shop.is_positive', 'failures': null}]}
                """.formatted(runResultsMetadata(6, "1.12.0")));

        assertThat(results.tests()).isEmpty();
        assertThat(results.otherResults())
                .isEqualTo(Map.of(
                        "operation", Map.of("success", 2),
                        "sql_operation", Map.of("success", 1),
                        "function", Map.of("success", 1)));
        // An operation's failures: 0 does not pass for a test result, as it does in Soda Core's guard.
        assertThatThrownBy(() -> DataTestGuard.requireDataTestResults(results, "dbt run results x.json"))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results x.json was written by `dbt run-operation` and holds no data-test result"
                        + " (1 function, 2 operations, 1 sql operation).");
    }

    @Test
    void preReleaseVersionsAndUuid7InvocationIdsAreReadAsWritten() throws Exception {
        RunResults results = read("""
                {'metadata': {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/run-results/v6.json',
                  'dbt_version': '1.11.0rc3', 'invocation_id': '019d03fb-5a60-79c0-a50e-a70e4ad0c8a1'},
                 'results': [{'status': 'pass', 'unique_id': 'test.shop.a.1a2b3c4d5e'}]}
                """);

        assertThat(results.metadata().dbtVersion()).isEqualTo("1.11.0rc3");
        assertThat(results.metadata().invocationId()).isEqualTo("019d03fb-5a60-79c0-a50e-a70e4ad0c8a1");
        assertThat(DbtVersion.parse(results.metadata().dbtVersion())).contains(new DbtVersion(1, 11, 0, "rc3"));
    }

    @Test
    void runResultsOfDbtBefore019EmbedWholeNodesAndAreRefusedNamingTheVersion() {
        Path file = write(dir, "run_results.json", """
                {'metadata': {'generated_at': '2020-11-02T10:00:00.000000Z', 'dbt_version': '0.18.1'},
                 'results': [{'node': {'unique_id': 'test.shop.not_null_orders_id', 'resource_type': 'test',
                                        'name': 'not_null_orders_id'},
                              'error': null, 'status': 0, 'execution_time': 0.4, 'thread_id': 'Thread-1',
                              'timing': [], 'fail': null, 'warn': null, 'skip': false}],
                 'generated_at': '2020-11-02T10:00:00.000000Z', 'elapsed_time': 1.5}
                """);

        assertThatThrownBy(() -> new RunResultsReader().read(file, SETTING))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.INPUT);
                    assertThat(e.getMessage())
                            .isEqualTo("dbt run results " + file + " was written by dbt 0.18.1, which this plugin"
                                    + " does not read (supported: dbt 0.19 and later): its results embed whole"
                                    + " nodes and it has no dbt_schema_version.");
                    assertThat(e.hint()).isEqualTo("Run dbt 0.19 or later and ingest the files it writes.");
                });
    }

    @Test
    void aManifestOfDbtBefore019IsRefusedNamingTheVersion() {
        Path file = write(dir, "manifest.json", """
                {'metadata': {'generated_at': '2020-11-02T10:00:00.000000Z', 'dbt_version': '0.18.1'},
                 'nodes': {}, 'sources': {}}
                """);

        assertThatThrownBy(() -> new ManifestReader().read(file, java.util.Set.of(), "dbtManifest"))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.INPUT);
                    assertThat(e.getMessage())
                            .isEqualTo("dbt manifest " + file + " was written by dbt 0.18.1, which this plugin"
                                    + " does not read (supported: dbt 0.19 and later).");
                });
    }

    @Test
    void runResultsBefore019WithoutAnyVersionAreRefusedToo() {
        Path file = write(dir, "run_results.json", """
                {'results': [{'node': {'unique_id': 'model.shop.orders'}, 'status': 'CREATE VIEW',
                              'execution_time': 0.4}],
                 'generated_at': '2020-01-02T10:00:00.000000Z', 'elapsed_time': 1.5}
                """);

        assertThatThrownBy(() -> new RunResultsReader().read(file, SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results " + file + " was written by a dbt older than 0.19 (the file names no"
                        + " dbt_version), which this plugin does not read (supported: dbt 0.19 and later): its"
                        + " results embed whole nodes and it has no dbt_schema_version.");
    }

    @Test
    void aVersionBefore019IsRefusedWhateverTheShape() {
        Path file = write(dir, "run_results.json", """
                {'metadata': {'dbt_version': '0.17.2'},
                 'results': [{'unique_id': 'test.shop.a', 'status': 'pass'}]}
                """);

        assertThatThrownBy(() -> new RunResultsReader().read(file, SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results " + file + " was written by dbt 0.17.2, which this plugin does not"
                        + " read (supported: dbt 0.19 and later).");
    }

    @Test
    void releasesFrom019OnAreNotRefusedPreReleasesOf019Included() throws Exception {
        for (String version : List.of("0.19.0rc1", "0.19.1", "1.12.0b3", "2.0.0-preview.154")) {
            RunResults results = read("{'metadata': %s, 'results': [{'status': 'pass', 'unique_id': 'test.s.a'}]}"
                    .formatted(runResultsMetadata(version.startsWith("0.19") ? 1 : 6, version)));
            assertThat(results.tests()).as(version).hasSize(1);
        }
    }

    @Test
    void wholeNodesUnderASchemaVersionAreIgnoredWithAWarningNotRefused() throws Exception {
        RunResults results = read("""
                {'metadata': %s, 'results': [
                  {'node': {'unique_id': 'test.shop.a'}, 'status': 'pass'},
                  {'unique_id': 'test.shop.b', 'status': 'pass'}]}
                """.formatted(runResultsMetadata(6, "1.10.7")));

        assertThat(results.tests()).extracting(TestResult::uniqueId).containsExactly("test.shop.b");
        assertThat(results.warnings())
                .containsExactly(dir.resolve("run_results.json")
                        + " has 1 result entry that is not an object with a unique_id; it was ignored.");
    }

    // Real artifacts, read in place from ../shared (skipped when it is absent).

    @Test
    void fusionPreview154WritesNoMessageAndAUuid7InvocationId() throws Exception {
        RunResults results = readCase("real-fusion-2.0.0-preview.154-snowflake-build-with-sources");
        // The manifest of the same invocation, read without the manifest reader (not under test here).
        String manifestInvocation = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(SharedArtifacts.corpusCase("real-fusion-2.0.0-preview.154-snowflake-build-with-sources")
                        .resolve("manifest.json")
                        .toFile())
                .path("metadata")
                .path("invocation_id")
                .asText();

        assertThat(results.metadata().dbtVersion()).isEqualTo("2.0.0-preview.154");
        assertThat(DbtVersion.parse(results.metadata().dbtVersion()))
                .hasValueSatisfying(
                        version -> assertThat(version.isPreRelease()).isTrue());
        assertThat(results.metadata().invocationId())
                .isEqualTo("019d03fb-5a60-79c0-a50e-a70e4ad0c8a1")
                .isEqualTo(manifestInvocation);
        assertThat(results.tests()).hasSize(9).allSatisfy(test -> {
            assertThat(test.status()).isEqualTo("pass");
            assertThat(test.message()).isNull();
            assertThat(test.failures()).isZero();
        });
        assertThat(results.otherResults()).isEqualTo(Map.of("model", Map.of("success", 5)));
        assertThat(results.warnings()).isEmpty();
    }

    @Test
    void fusionPreview200WritesPassAsItsMessageWhichIsNoMessage() throws Exception {
        RunResults results = readCase("real-fusion-2.0.0-preview.200-redshift-build");

        assertThat(results.tests()).hasSize(74).allSatisfy(test -> {
            assertThat(test.status()).isEqualTo("pass");
            assertThat(test.message()).isNull();
            assertThat(test.failures()).isZero();
        });
        assertThat(results.otherResults())
                .isEqualTo(Map.of("model", Map.of("success", 13), "seed", Map.of("success", 2)));
    }

    @Test
    void dbt112DocsGenerateIsRefusedAsHoldingNoDataTestResult() throws Exception {
        RunResults results = readCase("dap-pair-manifest-v12-run-results-v6-dbt1.12-docs-generate");

        assertThat(results.metadata().dbtVersion()).isEqualTo("1.12.0");
        assertThat(results.tests())
                .hasSize(27)
                .allSatisfy(test -> assertThat(test.status()).isEqualTo("success"));
        assertThatThrownBy(() -> DataTestGuard.requireDataTestResults(results, "dbt run results x.json"))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt run results x.json was written by `dbt docs generate` and holds no data-test result"
                        + " (27 tests with status success, 13 models, 6 seeds).");
    }

    @Test
    void dbt112BuildReadsItsStatusesAndOverloadResultsAreSkipped() throws Exception {
        RunResults results = readCase("real-1.12.2-bigquery-build-fail-skipped");

        Map<String, Long> byStatus = results.tests().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        TestResult::status, java.util.stream.Collectors.counting()));
        assertThat(byStatus).isEqualTo(Map.of("pass", 46L, "fail", 2L, "skipped", 2L));
        assertThat(results.warnings()).isEmpty();
    }

    @Test
    void hookOperationsOfDbt19AreCountedAsOperations() throws Exception {
        RunResults results = readCase("dap-pair-manifest-v12-run-results-v6-dbt1.9");

        assertThat(results.otherResults()).containsEntry("operation", Map.of("success", 2));
        assertThat(results.tests()).hasSize(20);
    }

    @Test
    void dbt019IsTheOldestReleaseReadAndItsFilesAreNotRefused() throws Exception {
        RunResults results = readCase("real-0.19.1-bigquery-test-fail");

        assertThat(results.tests()).hasSize(6);
    }
}
