package dev.sodamaven;

import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.UploadReceipt;
import java.nio.file.Path;
import java.util.List;

/**
 * What an ingestion did.
 *
 * @param scanResultsFile the written scan results file
 * @param checks          the checks and what was not sent
 * @param receipt         Soda Cloud's receipt, or null when nothing was uploaded
 * @param warnings        warnings shown to the user
 */
public record IngestOutcome(Path scanResultsFile, MappedChecks checks, UploadReceipt receipt, List<String> warnings) {

    public IngestOutcome {
        warnings = List.copyOf(warnings);
    }
}
