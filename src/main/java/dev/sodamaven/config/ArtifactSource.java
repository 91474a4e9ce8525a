package dev.sodamaven.config;

import java.nio.file.Path;
import java.util.List;

/** Where the dbt artifacts come from: local files, or a dbt Cloud run. */
public sealed interface ArtifactSource {

    /**
     * Files on disk.
     *
     * @param manifest          manifest.json
     * @param runResults        one or more run_results.json; later files win for a test found in several
     * @param manifestSetting   the setting that named the manifest, for messages
     * @param runResultsSetting the setting that named the run results, for messages
     */
    record Local(Path manifest, List<Path> runResults, String manifestSetting, String runResultsSetting)
            implements ArtifactSource {
        public Local {
            runResults = List.copyOf(runResults);
        }
    }

    /**
     * A dbt Cloud run, found by run id or job id.
     *
     * @param settings how to reach dbt Cloud and which run to take
     */
    record DbtCloud(DbtCloudSettings settings) implements ArtifactSource {}
}
