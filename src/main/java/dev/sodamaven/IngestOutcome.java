package dev.sodamaven;

import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.UploadReceipt;
import java.nio.file.Path;
import java.util.List;

/**
 * What an ingestion did.
 *
 * @param scanResultsFile the written scan results file; null when there was nothing new to ingest
 * @param checks          the checks and what was not sent; null when there was nothing new
 * @param receipt         Soda Cloud's receipt, or null when nothing was uploaded
 * @param warnings        warnings shown to the user
 */
public record IngestOutcome(Path scanResultsFile, MappedChecks checks, UploadReceipt receipt, List<String> warnings) {

    public IngestOutcome {
        warnings = List.copyOf(warnings);
    }

    /** A dbt Cloud job had nothing new: nothing was read, written or sent. */
    static IngestOutcome nothingNew() {
        return new IngestOutcome(null, null, null, List.of());
    }
}
