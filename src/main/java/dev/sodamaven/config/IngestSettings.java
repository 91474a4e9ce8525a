package dev.sodamaven.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one ingestion needs, resolved and checked; immutable.
 *
 * @param dataSource     the Soda data source name
 * @param artifacts      where the dbt artifacts come from
 * @param sodaCloud      where to upload and with which key
 * @param scanDefinition the scan definition name
 * @param dataTimestamp  which time is the scan's data timestamp
 * @param outputDirectory where scan-results.json, reports and downloads go
 * @param dryRun         write the scan results, upload nothing
 * @param failOn         the quality gate
 * @param network        timeouts and retries
 * @param selection      which tests to ingest
 * @param ledger         the record of what was sent, or null for none
 * @param force          send even what the ledger says was sent
 * @param sendUnitTests  send dbt unit test results as checks on the models they test
 * @param origins        where each setting came from
 * @param warnings       things the user should know about the settings
 */
public record IngestSettings(
        String dataSource,
        ArtifactSource artifacts,
        SodaCloudSettings sodaCloud,
        String scanDefinition,
        DataTimestamp dataTimestamp,
        Path outputDirectory,
        boolean dryRun,
        FailOn failOn,
        NetworkSettings network,
        TestSelection selection,
        Path ledger,
        boolean force,
        boolean sendUnitTests,
        List<SettingOrigin> origins,
        List<String> warnings) {

    public IngestSettings {
        origins = List.copyOf(origins);
        warnings = List.copyOf(warnings);
    }

    public Path scanResultsFile() {
        return outputDirectory.resolve("scan-results.json");
    }
}
