package dev.sodamaven.soda;

import java.util.List;

/**
 * What the dbt test results became.
 *
 * @param checks             checks to send, one per executed test with a dataset
 * @param skipped            tests dbt skipped (not sent), by unique_id
 * @param unattached         tests whose dataset could not be determined (not sent), with the reason
 * @param missingInManifest  test results whose test is not in the manifest (not sent)
 * @param otherStatus        test results with a status that is not a data-test outcome (not sent)
 */
public record MappedChecks(
        List<SodaCheck> checks,
        List<String> skipped,
        List<UnattachedTest> unattached,
        List<String> missingInManifest,
        List<String> otherStatus) {

    public MappedChecks {
        checks = List.copyOf(checks);
        skipped = List.copyOf(skipped);
        unattached = List.copyOf(unattached);
        missingInManifest = List.copyOf(missingInManifest);
        otherStatus = List.copyOf(otherStatus);
    }

    /**
     * A test that is not sent because no dataset could be found for it.
     *
     * @param uniqueId the test
     * @param name     its name
     * @param reason   why no dataset was found
     * @param advice   what the user can do about it (empty when nothing specific)
     */
    public record UnattachedTest(String uniqueId, String name, String reason, String advice) {}

    /** The checks counted by result. */
    public Tally tally() {
        return Tally.of(checks);
    }
}
