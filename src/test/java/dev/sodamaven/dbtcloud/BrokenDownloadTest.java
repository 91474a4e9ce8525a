package dev.sodamaven.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.dbt.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
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
        IngestException problem = readManifest(manifest);
        CloudArtifacts fetched = new CloudArtifacts("run 7", null, manifest, List.of(), 7, null);

        IngestException refused = fetched.refuseManifest(problem);

        assertThat(refused.kind()).isEqualTo(IngestException.Kind.INPUT);
        assertThat(refused.getMessage())
                .isEqualTo(problem.getMessage() + " The broken download was moved aside to "
                        + dir.resolve("manifest.json.broken") + ".")
                .contains(" is truncated");
        assertThat(refused.hint()).startsWith("Run the build again to download it anew");
        assertThat(manifest).doesNotExist();
        assertThat(dir.resolve("manifest.json.broken")).hasContent("{");
    }

    @Test
    void aDownloadThatCouldNotBeReadIsNotCalledBroken() throws Exception {
        // A disk error says nothing against what dbt Cloud sent: the file stays, the problem is unchanged.
        Path file = Files.writeString(dir.resolve("run_results.json"), "{\"results\": []}");
        IngestException problem = IngestException.input(
                "dbt run results " + file + " could not be read: Input/output error.",
                "Check the file and the disk it is on, then run the build again.");

        assertThat(BrokenDownload.refuse(file, problem)).isSameAs(problem);

        assertThat(file).hasContent("{\"results\": []}");
        assertThat(dir.resolve("run_results.json.broken")).doesNotExist();
    }

    @Test
    void aDownloadedManifestTheBuildUserMayNotReadIsLeftWhereItIs() throws Exception {
        Path manifest = Files.writeString(dir.resolve("manifest.json"), "{");
        unreadable(manifest);
        IngestException problem = readManifest(manifest);
        CloudArtifacts fetched = new CloudArtifacts("run 7", null, manifest, List.of(), 7, null);

        IngestException refused = fetched.refuseManifest(problem);

        assertThat(refused).isSameAs(problem).hasMessageEndingWith("cannot be read: permission denied.");
        assertThat(refused.hint()).doesNotContain("damaged");
        assertThat(manifest).exists();
        assertThat(dir.resolve("manifest.json.broken")).doesNotExist();
    }

    private static IngestException readManifest(Path file) {
        return catchThrowableOfType(
                IngestException.class, () -> new ManifestReader().read(file, Set.of(), "the manifest of run 7"));
    }

    /**
     * Takes every permission off {@code file}; skips the test where that does not stop reading it (the
     * build runs as root, as in CI, or the file system has no POSIX permissions).
     */
    private static void unreadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException noPosix) {
            assumeFalse(true, "Skipped: the file system has no POSIX permissions.");
        }
        assumeFalse(Files.isReadable(file), "Skipped: the build user (root?) reads a file without permission.");
    }
}
