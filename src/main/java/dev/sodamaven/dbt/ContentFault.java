package dev.sodamaven.dbt;

import dev.sodamaven.core.IngestException;

/**
 * An artifact file that was read, and what it holds is no dbt artifact of the kind expected: not
 * JSON, truncated, malformed, not UTF-8, beyond a limit of the reader, another kind of artifact. The
 * file itself is at fault, so a copy downloaded from dbt Cloud is damaged and is not kept where a good
 * one belongs. A file that could not be read (missing, permission denied, a disk error) is a plain
 * {@link IngestException}: nothing is known about its content.
 */
public final class ContentFault extends IngestException {

    private static final long serialVersionUID = 1L;

    private ContentFault(IngestException problem) {
        super(problem.kind(), problem.getMessage(), problem.hint(), problem.getCause());
        setStackTrace(problem.getStackTrace());
    }

    /** {@code problem}, found in what a file holds, marked as such. */
    static ContentFault of(IngestException problem) {
        return problem instanceof ContentFault fault ? fault : new ContentFault(problem);
    }
}
