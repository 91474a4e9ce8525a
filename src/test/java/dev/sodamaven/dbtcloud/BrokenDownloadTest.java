package dev.sodamaven.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.IngestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A download that failed its check is never left under the name of a good one. */
@Timeout(10)
class BrokenDownloadTest {

    @TempDir
    Path dir;

    @Test
    void movesTheFileAsideReplacingAnOlderBrokenCopy() throws Exception {
        Path file = Files.writeString(dir.resolve("manifest.json"), "{\"meta");
        Files.writeString(dir.resolve("manifest.json.broken"), "older");

        assertThat(BrokenDownload.setAside(file)).contains(dir.resolve("manifest.json.broken"));

        assertThat(file).doesNotExist();
        assertThat(dir.resolve("manifest.json.broken")).hasContent("{\"meta");
    }

    @Test
    void deletesTheFileWhenItCannotBeMovedAside() throws Exception {
        Path file = Files.writeString(dir.resolve("run_results.json"), "{");
        // A folder in the way of the .broken name, with something in it: the move fails.
        Files.createDirectories(dir.resolve("run_results.json.broken"));
        Files.writeString(dir.resolve("run_results.json.broken/keep"), "x");

        assertThat(BrokenDownload.setAside(file)).isEmpty();

        assertThat(file).doesNotExist();
        assertThat(dir.resolve("run_results.json.broken/keep")).exists();
    }

    @Test
    void aFileAlreadyGoneIsNothingToDo() {
        assertThat(BrokenDownload.setAside(dir.resolve("manifest.json"))).isEmpty();
    }

    @Test
    void theRefusalKeepsKindAndMessageAndSaysWhereTheBrokenCopyIs() throws Exception {
        Path manifest = Files.writeString(dir.resolve("manifest.json"), "{");
        IngestException problem = IngestException.input("dbt manifest " + manifest + " is truncated.", "Run dbt.");
        CloudArtifacts fetched = new CloudArtifacts("run 7", null, manifest, List.of());

        IngestException refused = fetched.refuseManifest(problem);

        assertThat(refused.kind()).isEqualTo(IngestException.Kind.INPUT);
        assertThat(refused.getMessage())
                .isEqualTo("dbt manifest " + manifest + " is truncated. The broken download was moved aside to "
                        + dir.resolve("manifest.json.broken") + ".");
        assertThat(refused.hint()).startsWith("Run the build again to download it anew");
        assertThat(manifest).doesNotExist();
    }
}
