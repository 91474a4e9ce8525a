package dev.sodamaven.dbt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small hand-made dbt artifacts for reader tests. */
final class ArtifactFiles {

    static final String SETTING = "dbtArtifacts (-Dsoda.dbt.artifacts)";

    private ArtifactFiles() {}

    /**
     * Writes {@code json} with every {@code '} turned into {@code "} and every backtick into {@code '}, so
     * tests stay readable: {@code {'model': '{{ ref(`orders`) }}'}}.
     */
    static Path write(Path dir, String name, String json) {
        return writeExactly(dir, name, json.replace('\'', '"').replace('`', '\''));
    }

    static Path writeExactly(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String runResultsMetadata(int schemaVersion, String dbtVersion) {
        return "{'dbt_schema_version': 'https://schemas.getdbt.com/dbt/run-results/v" + schemaVersion + ".json',"
                + " 'dbt_version': '" + dbtVersion + "', 'generated_at': '2024-05-14T08:30:12.000000Z',"
                + " 'invocation_id': 'inv-1', 'env': {}}";
    }

    static String manifestMetadata(int schemaVersion, String dbtVersion) {
        return "{'dbt_schema_version': 'https://schemas.getdbt.com/dbt/manifest/v" + schemaVersion + ".json',"
                + " 'dbt_version': '" + dbtVersion + "', 'generated_at': '2024-05-14T08:30:00.000000Z',"
                + " 'invocation_id': 'inv-1', 'env': {}, 'project_id': 'abc', 'adapter_type': 'postgres'}";
    }
}
