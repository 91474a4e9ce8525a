package dev.sodamaven.soda;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sodamaven.testing.SharedArtifacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/** The contract's JSON Schema of the upload body, read in place from ../shared (skips the test when absent). */
final class UploadSchema {

    private UploadSchema() {}

    /** Every violation of the schema by {@code body}, as text; empty when it conforms. */
    static List<String> violations(JsonNode body) throws IOException {
        try (InputStream in = Files.newInputStream(SharedArtifacts.uploadSchema())) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
            return schema.validate(body).stream()
                    .map(ValidationMessage::getMessage)
                    .sorted()
                    .toList();
        }
    }
}
