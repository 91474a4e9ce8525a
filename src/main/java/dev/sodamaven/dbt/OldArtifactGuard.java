package dev.sodamaven.dbt;

import dev.sodamaven.core.IngestException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses artifacts written before dbt 0.19: they have no {@code dbt_schema_version} and their run
 * results embed whole nodes instead of naming them by {@code unique_id}, so reading them as if they
 * were newer would find no result at all and blame the wrong thing.
 */
final class OldArtifactGuard {

    private OldArtifactGuard() {}

    /**
     * Throws when {@code metadata} names a dbt older than 0.19, or when {@code oldShape} (the file has the
     * pre-0.19 shape) and no {@code dbt_schema_version} says otherwise.
     *
     * @param label    how the file is called, e.g. "dbt run results"
     * @param oldShape what the file holds is only written by dbt before 0.19
     * @param shape    that shape in words, for the message
     */
    static void refuseIfOlderThan019(String label, Path file, ArtifactMetadata metadata, boolean oldShape, String shape)
            throws IngestException {
        Optional<DbtVersion> version = DbtVersion.parse(metadata.dbtVersion());
        boolean olderVersion = version.isPresent() && version.get().isOlderThan(DbtVersion.OLDEST_SUPPORTED);
        boolean olderShape = oldShape && metadata.schemaUrl() == null;
        if (!olderVersion && !olderShape) {
            return;
        }
        String writer = metadata.dbtVersion() == null || metadata.dbtVersion().isBlank()
                ? "a dbt older than 0.19 (the file names no dbt_version)"
                : "dbt " + metadata.dbtVersion().strip();
        String why = olderShape ? ": " + shape + " and it has no dbt_schema_version" : "";
        throw IngestException.input(
                label + " " + file + " was written by " + writer
                        + ", which this plugin does not read (supported: dbt 0.19 and later)" + why + ".",
                "Run dbt 0.19 or later and ingest the files it writes.");
    }
}
