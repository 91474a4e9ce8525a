package dev.sodamaven.dbt;

/**
 * One result of a data test in run_results.json.
 *
 * @param uniqueId      the test's unique_id
 * @param status        dbt's status, lower case: pass, warn, fail, error, skipped (others are possible)
 * @param failures      number of failing rows, or null (not executed, error, dbt 0.19's integer message)
 * @param message       dbt's message (e.g. "Got 3 results, configured to fail if != 0" or an error text)
 * @param executionTime seconds the test ran
 */
public record TestResult(String uniqueId, String status, Long failures, String message, double executionTime) {

    public boolean is(String expectedStatus) {
        return expectedStatus.equals(status);
    }
}
