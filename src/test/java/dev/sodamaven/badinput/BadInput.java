package dev.sodamaven.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.IngestException;
import java.util.List;

/**
 * One entry of the bad-input catalogue: how to make the input bad, and what the user must see.
 *
 * @param name     what is wrong, as a user would say it
 * @param arrange  damages the {@link Workspace} and returns the parameters of the run
 * @param expected the one message (and hint) of the refusal or failure, or the warnings of an ingestion that goes on
 */
record BadInput(String name, Arrange arrange, Expected expected) {

    /** Builds the bad input. */
    @FunctionalInterface
    interface Arrange {
        Parameters.Builder apply(Workspace workspace) throws Exception;
    }

    /** What the user must see. Texts may hold the placeholders of {@link Workspace#expand}. */
    sealed interface Expected {}

    /**
     * The ingestion stops with one {@link IngestException}: nothing is sent, no scan results file is written.
     *
     * @param kind    the kind of problem
     * @param message the exact message
     * @param hint    the exact hint
     */
    record Refused(IngestException.Kind kind, String message, String hint) implements Expected {}

    /**
     * The ingestion goes on: exactly these warnings, and this upload.
     *
     * @param warnings the exact warnings, in order
     * @param upload   what Soda Cloud must have received
     */
    record Ingested(List<String> warnings, Upload upload) implements Expected {}

    /**
     * The input is fine but a remote service (Soda Cloud, dbt Cloud) refuses or fails: one
     * {@link IngestException}, and no scan stored in Soda Cloud.
     *
     * @param kind            the kind of problem
     * @param message         the exact message
     * @param hint            the exact hint
     * @param scanResultsKept whether the scan results file was written before the failure and is named in the
     *                        exception, to be sent again with {@code soda:upload}
     */
    record Failed(IngestException.Kind kind, String message, String hint, boolean scanResultsKept)
            implements Expected {}

    /** What Soda Cloud must have received: checks the scans it accepted, and says it in words. */
    interface Upload {
        void verify(List<JsonNode> acceptedScans);

        /**
         * The same in words, for docs/troubleshooting.md; names in backticks, e.g.
         * {@code 8 checks; no `unique_customers_customer_id`}.
         */
        String description();
    }

    @Override
    public String toString() {
        return name;
    }
}
