package dev.sodamaven.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A metadata block of any shape reads to metadata, absent when it is not an object; never fatal. */
class MetadataReaderTest {

    private static final Path FILE = Path.of("target", "manifest.json");

    /** Reads {@code json} (every {@code '} turned into {@code "}) and checks the parser stands on its last token. */
    private static ArtifactMetadata read(String json) throws Exception {
        JsonParser parser = new JsonFactory().createParser(json.replace('\'', '"'));
        parser.nextToken();
        ArtifactMetadata metadata = MetadataReader.read(FILE, parser);
        assertThat(parser.nextToken()).as("the whole value read").isNull();
        return metadata;
    }

    @Test
    void theFourFieldsAreReadAndTheRestSkipped() throws Exception {
        ArtifactMetadata metadata = read("""
                {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/manifest/v12.json', 'dbt_version': '1.10.7',
                 'env': {'DBT_CLOUD_RUN_ID': '7'}, 'generated_at': '2024-05-14T08:30:00Z', 'invocation_id': 'inv-1',
                 'invocation_started_at': '2024-05-14T08:29:00Z', 'adapter_type': 'postgres'}""");

        assertThat(metadata)
                .isEqualTo(new ArtifactMetadata(
                        FILE,
                        "https://schemas.getdbt.com/dbt/manifest/v12.json",
                        "1.10.7",
                        "inv-1",
                        "2024-05-14T08:30:00Z"));
        assertThat(metadata.schemaKind()).isEqualTo("manifest");
        assertThat(metadata.schemaVersion()).isEqualTo(12);
    }

    @Test
    void valuesOfOtherTypesAreReadAsTextOrSkipped() throws Exception {
        ArtifactMetadata metadata = read("{'dbt_version': 1.5, 'invocation_id': ['x'], 'generated_at': null}");

        assertThat(metadata).isEqualTo(new ArtifactMetadata(FILE, null, "1.5", null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "'v12'", "7", "['https://schemas.getdbt.com/dbt/manifest/v12.json']"})
    void anythingButAnObjectIsAbsentMetadata(String json) throws Exception {
        assertThat(read(json)).isEqualTo(ArtifactMetadata.absent(FILE));
    }
}
