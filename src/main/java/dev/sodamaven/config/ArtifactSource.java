package dev.sodamaven.config;

import java.nio.file.Path;
import java.util.List;

/** Where the dbt artifacts come from: local files, or a dbt Cloud run. */
public sealed interface ArtifactSource {

    /**
     * Files on disk.
     *
     * @param manifest          manifest.json
     * @param runResults        run_results.json files, later files winning for a test found in several;
     *                          none for a freshness-only ingestion
     * @param manifestSetting   the setting that named the manifest, for messages
     * @param runResultsSetting the setting that named the run results, for messages
     * @param sources           the sources.json of {@code dbt source freshness}, or null
     * @param sourcesSetting    the setting that named it, for messages; null without one
     */
    record Local(
            Path manifest,
            List<Path> runResults,
            String manifestSetting,
            String runResultsSetting,
            Path sources,
            String sourcesSetting)
            implements ArtifactSource {
        public Local {
            runResults = List.copyOf(runResults);
        }

        /** Test results only, no source freshness. */
        public Local(Path manifest, List<Path> runResults, String manifestSetting, String runResultsSetting) {
            this(manifest, runResults, manifestSetting, runResultsSetting, null, null);
        }
    }

    /**
     * A dbt Cloud run, found by run id or job id.
     *
     * @param settings how to reach dbt Cloud and which run to take
     */
    record DbtCloud(DbtCloudSettings settings) implements ArtifactSource {}
}
