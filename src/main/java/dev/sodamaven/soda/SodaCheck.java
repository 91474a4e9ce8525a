package dev.sodamaven.soda;

/**
 * One dbt test result as a Soda check.
 *
 * @param identity     the dbt test unique_id ({@code test.} and the unique_id for a unit test); Soda Cloud
 *                     keeps a check's history by it
 * @param name         the dbt test name
 * @param filePath     the file defining the test
 * @param dataset      the relation the test is attached to
 * @param column       the tested column, or null
 * @param outcome      pass, warn or fail
 * @param dbtStatus    dbt's own status (pass, warn, fail, error)
 * @param failures     dbt's failing row count, or null
 * @param message      dbt's message, or null
 */
public record SodaCheck(
        String identity,
        String name,
        String filePath,
        Dataset dataset,
        String column,
        Outcome outcome,
        String dbtStatus,
        Long failures,
        String message) {

    /** The value sent as {@code diagnostics.value}: dbt's failing row count, 0 when unknown. */
    public long diagnosticValue() {
        return failures == null ? 0 : failures;
    }

    /** dbt ran the test but it could not complete (database error, compile error...). */
    public boolean errored() {
        return "error".equals(dbtStatus);
    }
}
