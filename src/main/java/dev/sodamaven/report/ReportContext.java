package dev.sodamaven.report;

import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.TestResult;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the reports say about the ingestion besides the checks themselves. Every text may be null
 * when unknown; the reports then leave it out.
 *
 * @param dataSource       the Soda data source name
 * @param scanDefinition   the scan definition name
 * @param dbtVersion       the dbt version that wrote the run results, e.g. {@code 1.10.7}
 * @param dbtCommand       the dbt command, e.g. {@code build} or {@code test}
 * @param invocationId     dbt's invocation id
 * @param resultsSource    where the dbt results came from (a file, or a dbt Cloud run)
 * @param generatedAt      when the reports were made
 * @param executionSeconds seconds each test ran, by unique_id; tests not in it count as 0
 * @param selection        what {@code select} / {@code exclude} kept and left out, one sentence; null
 *                         when every test was kept
 */
public record ReportContext(
        String dataSource,
        String scanDefinition,
        String dbtVersion,
        String dbtCommand,
        String invocationId,
        String resultsSource,
        Instant generatedAt,
        Map<String, Double> executionSeconds,
        String selection) {

    public ReportContext {
        Objects.requireNonNull(generatedAt, "generatedAt");
        // Taken over, not copied: it holds a second for each of up to a hundred thousand tests.
        executionSeconds = executionSeconds == null ? Map.of() : Collections.unmodifiableMap(executionSeconds);
    }

    /**
     * The context of an ingestion of {@code runResults}: dbt version, command, invocation and test
     * durations are taken from them; {@code selectionSummary} says what the selection did (null: none).
     */
    public static ReportContext of(
            String dataSource,
            String scanDefinition,
            RunResults runResults,
            String resultsSource,
            Instant generatedAt,
            String selectionSummary) {
        Map<String, Double> seconds = new HashMap<>();
        for (TestResult test : runResults.tests()) {
            seconds.put(test.uniqueId(), test.executionTime());
        }
        return new ReportContext(
                dataSource,
                scanDefinition,
                runResults.metadata().dbtVersion(),
                runResults.command(),
                runResults.metadata().invocationId(),
                resultsSource,
                generatedAt,
                seconds,
                selectionSummary);
    }

    /** Seconds the test ran, 0 when unknown. */
    public double executionSeconds(String uniqueId) {
        Double seconds = executionSeconds.get(uniqueId);
        return seconds == null || seconds.isNaN() || seconds < 0 ? 0 : seconds;
    }
}
