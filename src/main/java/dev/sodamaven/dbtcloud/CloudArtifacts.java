package dev.sodamaven.dbtcloud;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.dbt.RunResults;
import java.nio.file.Path;
import java.util.List;

/**
 * What was downloaded from a dbt Cloud run.
 *
 * @param description     the run and the steps used, for logs
 * @param mergedRunResults the test results of every step that ran tests, the latest per test
 * @param manifest        the downloaded manifest.json
 * @param notes           what was skipped and why
 */
public record CloudArtifacts(String description, RunResults mergedRunResults, Path manifest, List<String> notes) {

    public CloudArtifacts {
        notes = List.copyOf(notes);
    }

    /**
     * Whether the manifest is a download, kept under {@code <output>/dbt-cloud/}: always, for dbt Cloud. One
     * that fails to read must then be set aside ({@link #refuseManifest}), not left where a good one belongs.
     */
    public boolean manifestIsDownload() {
        return true;
    }

    /**
     * {@code problem}, the manifest failing to read, after the broken download is set aside
     * ({@link BrokenDownload#refuse}).
     */
    public IngestException refuseManifest(IngestException problem) {
        return BrokenDownload.refuse(manifest, problem);
    }
}
