package dev.sodamaven.dbtcloud;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.SourceFreshness;
import java.nio.file.Path;
import java.util.List;

/**
 * What was downloaded from a dbt Cloud run.
 *
 * @param description     the run and the steps used, for logs
 * @param mergedRunResults the test results of every step that ran tests, the latest per test; none (described
 *                        by the freshness metadata) when the run only checked source freshness
 * @param manifest        the downloaded manifest.json
 * @param notes           what was skipped and why
 * @param runId           the run they came from
 * @param freshness       the source freshness results of its {@code dbt source freshness} steps, or null
 */
public record CloudArtifacts(
        String description,
        RunResults mergedRunResults,
        Path manifest,
        List<String> notes,
        long runId,
        SourceFreshness freshness)
        implements Fetched {

    public CloudArtifacts {
        notes = List.copyOf(notes);
    }

    /**
     * {@code problem}, the manifest failing to read; when the fault is in its content, after the
     * broken download is set aside ({@link BrokenDownload#refuse}).
     */
    public IngestException refuseManifest(IngestException problem) {
        return BrokenDownload.refuse(manifest, problem);
    }
}
