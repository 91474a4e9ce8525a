package dev.sodamaven.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file that appears only when complete: the content goes to a temporary file beside the
 * target, which is then moved into place. A reader (a CI server picking up a report, an upload of the
 * scan results, the next step reading a download) never sees half a file, and a failed write leaves
 * the previous file untouched and no temporary file behind.
 */
public final class AtomicFileWriter {

    /** The temporary file is named {@code <target name>.<random>.part}. */
    static final String TEMPORARY_SUFFIX = ".part";

    /** Writes the whole content of the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The writer's own steps around the content, for callers that report each one differently. */
    public enum Step {
        /** Creating the target's folder and the temporary file in it. */
        CREATE,
        /** Moving the complete temporary file onto the target. */
        MOVE
    }

    /** Turns the file system's failure of one step into the exception the caller reports. */
    @FunctionalInterface
    public interface StepFailure {
        IOException describe(Step step, IOException failure);
    }

    private AtomicFileWriter() {}

    /**
     * Writes {@code target}, creating its folder if needed.
     *
     * @return {@code target}
     * @throws IOException whatever failed, as thrown: by the content or by the file system
     */
    public static Path write(Path target, Content content) throws IOException {
        return write(target, content, (step, failure) -> failure);
    }

    /**
     * Writes {@code target}, creating its folder if needed. What the content throws passes through
     * unchanged; a failure to create the temporary file or to move it into place goes through
     * {@code onStepFailure} first.
     *
     * @return {@code target}
     */
    public static Path write(Path target, Content content, StepFailure onStepFailure) throws IOException {
        Path temporary = createTemporary(target, onStepFailure);
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            move(temporary, target, onStepFailure);
            moved = true;
            return target;
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    private static Path createTemporary(Path target, StepFailure onStepFailure) throws IOException {
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            // A unique name: two executions writing into one folder (mvn -T) must not share a temporary file.
            return Files.createTempFile(folder, target.getFileName() + ".", TEMPORARY_SUFFIX);
        } catch (IOException failure) {
            throw onStepFailure.describe(Step.CREATE, failure);
        }
    }

    private static void move(Path temporary, Path target, StepFailure onStepFailure) throws IOException {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException failure) {
            throw onStepFailure.describe(Step.MOVE, failure);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException | RuntimeException ignored) {
            // The write already failed; that error is the one worth reporting.
        }
    }
}
