package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sodamaven.core.IngestException;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the {@code metadata} block every dbt artifact starts with; a missing or odd one is not fatal. */
final class MetadataReader {

    private MetadataReader() {}

    /** Reads the value the parser stands on; anything but an object is metadata that is absent. */
    static ArtifactMetadata read(Path file, JsonParser parser) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            LenientJson.text(parser);
            return ArtifactMetadata.absent(file);
        }
        MetadataFields fields = new MetadataFields();
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "dbt_schema_version" -> fields.schemaUrl = LenientJson.text(p);
                case "dbt_version" -> fields.dbtVersion = LenientJson.text(p);
                case "invocation_id" -> fields.invocationId = LenientJson.text(p);
                case "generated_at" -> fields.generatedAt = LenientJson.text(p);
                default -> LenientJson.skip(p);
            }
        });
        return new ArtifactMetadata(file, fields.schemaUrl, fields.dbtVersion, fields.invocationId, fields.generatedAt);
    }

    /** The fields of the block while it is being read. */
    private static final class MetadataFields {
        String schemaUrl;
        String dbtVersion;
        String invocationId;
        String generatedAt;
    }
}
