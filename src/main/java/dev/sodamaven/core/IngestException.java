package dev.sodamaven.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one error type of an ingestion: a message that says what went wrong (naming the file,
 * setting or run) and a hint that says what to do. Messages never contain secrets, and name settings
 * with {@link Setting#ref()} so that each front end spells them its own way.
 */
public class IngestException extends Exception {

    /**
     * What kind of problem it is: a failed quality gate fails the build as a test failure would; the
     * other kinds are problems with the run itself.
     */
    public enum Kind {
        /** The user's settings are wrong or incomplete. */
        CONFIGURATION,
        /** An input file (dbt artifact, configuration.yml, saved scan results) is missing or bad. */
        INPUT,
        /** An output file (scan results, a report, a download) could not be written. */
        OUTPUT,
        /** A remote service refused, failed or could not be reached. */
        REMOTE,
        /** The quality gate ({@code failOn}) failed the build: everything else worked. */
        QUALITY_GATE
    }

    private final Kind kind;
    private final String hint;
    private final Path keptScanResults;

    public IngestException(Kind kind, String message, String hint) {
        this(kind, message, hint, null, null);
    }

    public IngestException(Kind kind, String message, String hint, Throwable cause) {
        this(kind, message, hint, null, cause);
    }

    private IngestException(Kind kind, String message, String hint, Path keptScanResults, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint;
        this.keptScanResults = keptScanResults;
    }

    public static IngestException configuration(String message, String hint) {
        return new IngestException(Kind.CONFIGURATION, message, hint);
    }

    public static IngestException input(String message, String hint) {
        return new IngestException(Kind.INPUT, message, hint);
    }

    public static IngestException input(String message, String hint, Throwable cause) {
        return new IngestException(Kind.INPUT, message, hint, cause);
    }

    public static IngestException output(String message, String hint, Throwable cause) {
        return new IngestException(Kind.OUTPUT, message, hint, cause);
    }

    public static IngestException remote(String message, String hint) {
        return new IngestException(Kind.REMOTE, message, hint);
    }

    public static IngestException remote(String message, String hint, Throwable cause) {
        return new IngestException(Kind.REMOTE, message, hint, cause);
    }

    /** The same problem, noting that the scan results were saved to {@code file} and can be re-sent. */
    public IngestException withKeptScanResults(Path file) {
        IngestException copy = new IngestException(kind, getMessage(), hint, file, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The same problem in other words (and with another cause), e.g. rendered for the user. */
    public IngestException withText(String message, String hint, Throwable cause) {
        IngestException copy = new IngestException(kind, message, hint, keptScanResults, cause);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public Kind kind() {
        return kind;
    }

    /** What the user can do about it; may be null. */
    public String hint() {
        return hint;
    }

    /** The scan results file that was written before the failure, if any. */
    public Optional<Path> keptScanResults() {
        return Optional.ofNullable(keptScanResults);
    }

    /** Message and hint as one text. */
    public String describe() {
        return hint == null || hint.isBlank() ? getMessage() : getMessage() + ' ' + hint;
    }
}
