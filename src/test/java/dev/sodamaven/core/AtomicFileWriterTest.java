package dev.sodamaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void theFileAppearsOnlyOnceItsContentIsComplete() throws Exception {
        Path target = dir.resolve("a/b/report.xml");
        List<Boolean> existedWhileWriting = new ArrayList<>();

        Path written = AtomicFileWriter.write(target, out -> {
            out.write("<half".getBytes(StandardCharsets.UTF_8));
            out.flush();
            existedWhileWriting.add(Files.exists(target));
            out.write("/>".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(written).isEqualTo(target);
        assertThat(existedWhileWriting).containsExactly(false);
        assertThat(target).hasContent("<half/>");
        assertThat(listing(target.getParent())).containsExactly("report.xml");
    }

    @Test
    void replacesThePreviousFile() throws Exception {
        Path target = Files.writeString(dir.resolve("scan-results.json"), "old");

        AtomicFileWriter.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("new");
        assertThat(listing(dir)).containsExactly("scan-results.json");
    }

    @Test
    void aFailingContentLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("scan-results.json"), "old");
        IOException failure = new IOException("disk full");

        assertThatThrownBy(() -> AtomicFileWriter.write(target, out -> {
                    out.write("partial".getBytes(StandardCharsets.UTF_8));
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(target).hasContent("old");
        assertThat(listing(dir)).containsExactly("scan-results.json");
    }

    @Test
    void aRuntimeFailureOfTheContentAlsoLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("report.html");

        assertThatThrownBy(() -> AtomicFileWriter.write(target, out -> {
                    out.write(1);
                    throw new IllegalStateException("bug");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void twoWritersOfOneTargetAtOnceUseTwoTemporaryFiles() throws Exception {
        Path target = dir.resolve("report.xml");
        List<String> whileBothWrite = new ArrayList<>();

        AtomicFileWriter.write(target, outer -> {
            outer.write("outer".getBytes(StandardCharsets.UTF_8));
            AtomicFileWriter.write(target, inner -> {
                inner.write("inner".getBytes(StandardCharsets.UTF_8));
                whileBothWrite.addAll(listing(dir));
            });
        });

        // A folder listing holds each name once: two entries are two temporary files.
        assertThat(whileBothWrite)
                .hasSize(2)
                .allSatisfy(
                        name -> assertThat(name).startsWith("report.xml.").endsWith(AtomicFileWriter.TEMPORARY_SUFFIX));
        assertThat(target).hasContent("outer");
        assertThat(listing(dir)).containsExactly("report.xml");
    }

    @Test
    void aFolderThatCannotBeCreatedIsTheCreateStep() throws Exception {
        Path blocker = Files.writeString(dir.resolve("soda"), "a file where a folder should be");
        Path target = blocker.resolve("report.xml");

        assertThatThrownBy(() -> AtomicFileWriter.write(target, out -> {}))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> AtomicFileWriter.write(target, out -> {}, AtomicFileWriterTest::described))
                .hasMessageStartingWith("CREATE: ")
                .hasCauseInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void aTargetThatCannotBeReplacedIsTheMoveStepAndLeavesNoTemporaryFile() throws Exception {
        Path inTheWay = Files.createDirectories(dir.resolve("report.xml"));
        Files.writeString(inTheWay.resolve("keep.txt"), "x");

        assertThatThrownBy(() -> AtomicFileWriter.write(inTheWay, out -> out.write(1), AtomicFileWriterTest::described))
                .hasMessageStartingWith("MOVE: ")
                .hasCauseInstanceOf(FileSystemException.class);

        assertThat(listing(dir)).containsExactly("report.xml");
        assertThat(inTheWay.resolve("keep.txt")).exists();
    }

    @Test
    void whatTheContentThrowsIsNotTakenForAStepFailure() {
        IOException network = new IOException("connection reset");

        assertThatThrownBy(() -> AtomicFileWriter.write(
                        dir.resolve("manifest.json"),
                        out -> {
                            throw network;
                        },
                        AtomicFileWriterTest::described))
                .isSameAs(network);
    }

    private static IOException described(AtomicFileWriter.Step step, IOException failure) {
        return new IOException(step + ": " + failure.getMessage(), failure);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
