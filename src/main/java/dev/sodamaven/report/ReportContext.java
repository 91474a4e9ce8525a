package dev.sodamaven.report;

import dev.sodamaven.dbt.RunResults;
import java.time.Instant;
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
        String selection) {

    public ReportContext {
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /**
     * The context of an ingestion of {@code runResults}: dbt version, command and invocation are taken
     * from them (how long each test ran is on its check); {@code selectionSummary} says what the
     * selection did (null: none).
     */
    public static ReportContext of(
            String dataSource,
            String scanDefinition,
            RunResults runResults,
            String resultsSource,
            Instant generatedAt,
            String selectionSummary) {
        return new ReportContext(
                dataSource,
                scanDefinition,
                runResults.metadata().dbtVersion(),
                runResults.command(),
                runResults.metadata().invocationId(),
                resultsSource,
                generatedAt,
                selectionSummary);
    }
}
