package dev.sodamaven.dbt;

/**
 * One result of a data test in run_results.json.
 *
 * @param uniqueId      the test's unique_id
 * @param status        dbt's status in dbt-core's spelling ({@link DbtStatus#normalise}): pass, warn, fail,
 *                      error, skipped; reused, success, no-op or any other word are kept as written
 * @param failures      number of failing rows, or null (not executed, error, dbt 0.19's integer message)
 * @param message       dbt's message (e.g. "Got 3 results, configured to fail if != 0" or an error text);
 *                      null when dbt wrote none, or only the status again (dbt Fusion's "Pass")
 * @param executionTime seconds the test ran
 */
public record TestResult(String uniqueId, String status, Long failures, String message, double executionTime) {

    public boolean is(String expectedStatus) {
        return expectedStatus.equals(status);
    }

    /**
     * Whether this result, met after {@code earlier} for the same test (a later step, a later file, or the
     * same file twice), takes its place: the later one does, except that a {@code reused} result never
     * hides one dbt ran, since it only repeats an earlier invocation's.
     */
    public boolean replaces(TestResult earlier) {
        return !is(DbtStatus.REUSED) || earlier.is(DbtStatus.REUSED);
    }
}
