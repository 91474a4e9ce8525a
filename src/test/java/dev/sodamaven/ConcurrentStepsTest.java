package dev.sodamaven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest is read alongside the run results, and the reports are written alongside the scan results
 * file ({@link ManifestAhead}, {@link SideTask}): a run still reports what it reported when it did one
 * thing at a time, and leaves no thread of its own behind, whichever way it ends. A manifest read left
 * waiting for run results that never come would hang the run: the timeout makes that a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrentStepsTest {

    @TempDir
    Path folder;

    private final TestRun run = new TestRun(Clock.fixed(Instant.parse("2026-11-20T08:30:12Z"), ZoneOffset.UTC));

    @AfterEach
    void noThreadOfTheRunIsLeft() {
        assertThat(sideThreads())
                .as("threads of the run still alive after it ended")
                .isEmpty();
    }

    private static List<String> sideThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("soda-maven-plugin "))
                .toList();
    }

    private Parameters.Builder parameters(Path manifest, Path runResults) {
        return Parameters.builder()
                .with(Setting.DATA_SOURCE, "jaffle_shop")
                .with(Setting.DBT_MANIFEST, manifest)
                .with(Setting.DBT_RUN_RESULTS, List.of(runResults))
                .with(Setting.OUTPUT_DIRECTORY, folder.resolve("out"))
                .with(Setting.DRY_RUN, true);
    }

    private static Path example(String file) {
        return SharedArtifacts.exampleArtifacts().resolve(file);
    }

    private Path broken(String name) throws Exception {
        return Files.writeString(folder.resolve(name), "{\"metadata\": {\"dbt_version\": ");
    }

    @Test
    void whenBothFilesAreBrokenTheRunResultsAreNamedAsBefore() throws Exception {
        Path manifest = broken("manifest.json");
        Path runResults = broken("run_results.json");

        assertThatThrownBy(() -> run.ingest(parameters(manifest, runResults).build()))
                .isInstanceOfSatisfying(
                        IngestException.class,
                        problem -> assertThat(problem.getMessage())
                                .contains(runResults.toString())
                                .doesNotContain(manifest.toString()));
        assertThat(folder.resolve("out/scan-results.json")).doesNotExist();
    }

    @Test
    void aBrokenManifestIsReportedOnceTheRunResultsHaveBeenRead() throws Exception {
        Path manifest = broken("manifest.json");

        assertThatThrownBy(() -> run.ingest(
                        parameters(manifest, example("run_results.json")).build()))
                .isInstanceOfSatisfying(IngestException.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(IngestException.Kind.INPUT);
                    assertThat(problem.getMessage()).contains(manifest.toString());
                });
        assertThat(folder.resolve("out/scan-results.json")).doesNotExist();
    }

    @Test
    void runResultsWithoutTestsStopTheManifestRead() throws Exception {
        Path runResults = Files.writeString(
                folder.resolve("run_results.json"),
                "{\"metadata\": {\"dbt_version\": \"1.8.0\", \"invocation_id\": \"i-1\","
                        + " \"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/run-results/v6.json\"},"
                        + " \"results\": [{\"unique_id\": \"model.shop.orders\", \"status\": \"success\"}]}");

        assertThatThrownBy(() -> run.ingest(
                        parameters(example("manifest.json"), runResults).build()))
                .isInstanceOfSatisfying(
                        IngestException.class,
                        problem -> assertThat(problem.getMessage())
                                .contains(runResults.toString())
                                .doesNotContain("manifest.json"));
    }

    @Test
    void aScanResultsFileThatCannotBeWrittenIsTheProblemReportedEvenWithTheReportsWritten() throws Exception {
        // A non-empty folder where the scan results file goes: it cannot be replaced.
        Files.createDirectories(folder.resolve("out/scan-results.json/occupied"));

        assertThatThrownBy(() -> run.ingest(parameters(example("manifest.json"), example("run_results.json"))
                        .build()))
                .isInstanceOfSatisfying(IngestException.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(IngestException.Kind.OUTPUT);
                    assertThat(problem.getMessage()).contains("scan-results.json");
                    assertThat(problem.keptScanResults()).isEmpty();
                });
    }

    @Test
    void aRunThatSucceedsWritesEveryFileAndLeavesNoThread() throws Exception {
        IngestOutcome outcome = run.ingest(parameters(example("manifest.json"), example("run_results.json"))
                .build());

        assertThat(outcome.checks().checks()).hasSize(9);
        assertThat(folder.resolve("out/scan-results.json")).isNotEmptyFile();
        assertThat(folder.resolve("out/TEST-dbt.xml")).isNotEmptyFile();
        assertThat(folder.resolve("out/report.html")).isNotEmptyFile();
    }
}
