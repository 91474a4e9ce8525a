package dev.sodamaven.dbt;

import java.nio.file.Path;

/**
 * The {@code metadata} block every dbt artifact starts with.
 *
 * @param file          the file it was read from
 * @param schemaUrl     {@code dbt_schema_version}, e.g. {@code https://schemas.getdbt.com/dbt/manifest/v12.json}
 * @param dbtVersion    {@code dbt_version}, e.g. {@code 1.10.7} or {@code 2.0.0-preview.200}
 * @param invocationId  {@code invocation_id}; the same in a manifest and run_results of one dbt command
 * @param generatedAt   {@code generated_at}, ISO-8601
 */
public record ArtifactMetadata(
        Path file, String schemaUrl, String dbtVersion, String invocationId, String generatedAt) {

    /** Metadata of a file that has none. */
    static ArtifactMetadata absent(Path file) {
        return new ArtifactMetadata(file, null, null, null, null);
    }

    /** The schema version number (12 for manifest v12), or 0 when not given or not recognised. */
    public int schemaVersion() {
        return SchemaVersion.parse(schemaUrl).map(SchemaVersion::number).orElse(0);
    }

    /** The artifact kind the schema URL names (manifest, run-results, sources, catalog), or null. */
    public String schemaKind() {
        return SchemaVersion.parse(schemaUrl).map(SchemaVersion::kind).orElse(null);
    }
}
