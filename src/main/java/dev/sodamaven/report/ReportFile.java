package dev.sodamaven.report;

import dev.sodamaven.core.IngestException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one report file of the output directory: streamed to a temporary file beside it and moved
 * into place, so a CI server that picks the file up never reads half of it, and a failed write
 * leaves the previous report untouched.
 */
final class ReportFile {

    private static final int BUFFER = 64 * 1024;

    /** Writes the content of a report to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ReportFile() {
    }

    /**
     * Writes {@code fileName} in {@code outputDirectory}.
     *
     * @param description what the file is, for the error message (e.g. "JUnit report")
     * @return the written file
     */
    static Path write(Path outputDirectory, String fileName, String description, Content content)
            throws IngestException {
        Path file = outputDirectory.resolve(fileName);
        Path temporary = null;
        try {
            Files.createDirectories(outputDirectory);
            // A unique name: two executions writing into one folder (mvn -T) must not share a temporary file.
            temporary = Files.createTempFile(outputDirectory, fileName + ".", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), BUFFER)) {
                content.writeTo(out);
            }
            move(temporary, file);
            return file;
        } catch (IOException e) {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
            throw IngestException.input("Could not write the " + description + " " + file + ": " + reason(e),
                    "Check that the output directory " + outputDirectory
                            + " (outputDirectory / -Dsoda.outputDirectory) is a writable folder"
                            + " and that nothing else holds " + fileName + ".", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException | RuntimeException ignored) {
            // The write already failed; that error is the one worth reporting.
        }
    }

    /** A short reason: the JDK's file-system exceptions carry only a path as their message. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return ((FileSystemException) e).getFile() + " exists and is not a folder";
        }
        if (e instanceof DirectoryNotEmptyException notEmpty) {
            return notEmpty.getFile() + " is a folder";
        }
        if (e instanceof FileSystemException other && other.getReason() != null) {
            return other.getReason() + " (" + other.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
