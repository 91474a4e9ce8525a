package dev.sodamaven.report;

import dev.sodamaven.core.AtomicFileWriter;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Writes one report file of the output directory through {@link AtomicFileWriter}, so a CI server
 * that picks the file up never reads half of it, and a failed write leaves the previous report
 * untouched.
 */
final class ReportFile {

    private static final int BUFFER = 64 * 1024;

    private ReportFile() {}

    /**
     * Writes {@code fileName} in {@code outputDirectory}.
     *
     * @param description what the file is, for the error message (e.g. "JUnit report")
     * @return the written file
     */
    static Path write(Path outputDirectory, String fileName, String description, AtomicFileWriter.Content content)
            throws IngestException {
        Path file = outputDirectory.resolve(fileName);
        try {
            return AtomicFileWriter.write(file, out -> {
                try (OutputStream buffered = new BufferedOutputStream(out, BUFFER)) {
                    content.writeTo(buffered);
                }
            });
        } catch (IOException e) {
            throw IngestException.output(
                    "Could not write the " + description + " " + file + ": " + reason(e),
                    "Check that the output directory " + outputDirectory
                            + " (" + Setting.OUTPUT_DIRECTORY.ref() + ") is a writable folder"
                            + " and that nothing else holds " + fileName + ".",
                    e);
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
