package dev.sodamaven.dbtcloud;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.dbt.ContentFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A downloaded artifact that failed its check for what it holds (not JSON, truncated, another kind of
 * file...: a {@link ContentFault}). Downloads are kept for the user to look at, so a broken one must
 * not stay under the name of a good one: it is moved aside to {@code <name>.broken} (replacing an
 * older one), or deleted when that fails. A download that could not be read at all is left alone.
 */
public final class BrokenDownload {

    static final String SUFFIX = ".broken";

    private BrokenDownload() {}

    /**
     * Moves {@code file} aside to {@code <name>.broken}, or deletes it when it cannot be moved.
     *
     * @return the broken copy; empty when the file is gone (deleted, or never there); {@code file} itself
     *         when it could be neither moved nor deleted
     */
    public static Optional<Path> setAside(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path broken = file.resolveSibling(file.getFileName() + SUFFIX);
        try {
            // A rename replaces the name only: a link planted at the .broken name is not followed.
            Files.move(file, broken, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(broken);
        } catch (IOException | RuntimeException cannotMove) {
            try {
                Files.deleteIfExists(file);
                return Optional.empty();
            } catch (IOException | RuntimeException cannotDelete) {
                return Optional.of(file);
            }
        }
    }

    /**
     * {@code problem} (reading the download {@code file} failed): when it is a fault in what the file holds
     * ({@link ContentFault}), after setting the file aside, its message saying where the broken copy went,
     * the kind and cause kept and the hint about downloading again. Any other problem (the file could not
     * be read: permission denied, a disk error) says nothing against the download: it stays where it is,
     * and the problem is returned as it is.
     */
    public static IngestException refuse(Path file, IngestException problem) {
        if (!(problem instanceof ContentFault)) {
            return problem;
        }
        Optional<Path> left = setAside(file);
        String where;
        if (left.isEmpty()) {
            where = " The broken download was deleted.";
        } else if (left.get().equals(file)) {
            where = " The broken download could not be moved aside or deleted: delete " + file
                    + " before using the downloaded files.";
        } else {
            where = " The broken download was moved aside to " + left.get() + ".";
        }
        return problem.withText(
                problem.getMessage() + where,
                "Run the build again to download it anew; if it is broken again, dbt Cloud holds a damaged file "
                        + "for this run: ingest another run.",
                problem.getCause());
    }
}
