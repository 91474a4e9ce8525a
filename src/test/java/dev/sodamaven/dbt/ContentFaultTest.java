package dev.sodamaven.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.sodamaven.core.IngestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reader's problem says whether the file's content is at fault (a downloaded copy is then broken)
 * or the file could not be read at all (nothing is known about the content).
 */
@Timeout(10)
class ContentFaultTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\"",
                "<html>Service temporarily unavailable</html>",
                "",
                "[1, 2]",
                "{\"nodes\": {}} {\"nodes\": {}}",
                "{\"results\": []}",
                "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/run-results/v6.json\"}}",
                "{\"nodes\": {\"a\": tru}}",
            })
    void whatTheFileHoldsIsAContentFault(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("manifest.json"), content);

        IngestException problem = read(file);

        assertThat(problem).isInstanceOf(ContentFault.class);
        assertThat(problem.kind()).isEqualTo(IngestException.Kind.INPUT);
    }

    @Test
    void aContentFaultKeepsMessageHintAndPlace() throws IOException {
        Path file = Files.writeString(dir.resolve("manifest.json"), "{\"nodes\": ");

        IngestException problem = read(file);

        assertThat(problem)
                .isInstanceOf(ContentFault.class)
                .hasMessage("dbt manifest " + file
                        + " is truncated: it ends in the middle of a JSON value at line 1, column 11.");
        assertThat(problem.hint()).isEqualTo("Run dbt again to regenerate it, or point the plugin at the right file.");
        assertThat(problem.getStackTrace()).isNotEmpty();
    }

    @Test
    void aFileThatIsNotThereOrNotAFileSaysNothingOfItsContent() throws IOException {
        assertThat(read(dir.resolve("manifest.json"))).isNotInstanceOf(ContentFault.class);
        assertThat(read(Files.createDirectory(dir.resolve("target")))).isNotInstanceOf(ContentFault.class);
    }

    @Test
    void aFileThatCannotBeReadSaysNothingOfItsContent() throws IOException {
        Path file = Files.writeString(dir.resolve("manifest.json"), "{\"nodes\": ");
        unreadable(file);

        IngestException problem = read(file);

        assertThat(problem).hasMessageEndingWith("cannot be read: permission denied.");
        assertThat(problem).isNotInstanceOf(ContentFault.class);
    }

    /**
     * Takes every permission off {@code file}; skips the test where that does not stop reading it (the
     * build runs as root, or the file system has no POSIX permissions).
     */
    static void unreadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException noPosix) {
            assumeFalse(true, "Skipped: the file system has no POSIX permissions.");
        }
        assumeFalse(Files.isReadable(file), "Skipped: the build user (root?) reads a file without permission.");
    }

    private static IngestException read(Path file) {
        return catchThrowableOfType(
                IngestException.class, () -> new ManifestReader().read(file, Set.of(), ArtifactFiles.SETTING));
    }
}
