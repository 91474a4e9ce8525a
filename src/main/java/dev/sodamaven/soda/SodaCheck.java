package dev.sodamaven.soda;

/**
 * One dbt test result, or one source freshness result, as a Soda check.
 *
 * @param identity     the dbt test unique_id ({@code test.} and the unique_id for a unit test,
 *                     {@code test.source_freshness.} and the source's for freshness); Soda Cloud keeps a
 *                     check's history by it
 * @param name         the dbt test name
 * @param filePath     the file defining the test
 * @param dataset      the relation the test is attached to
 * @param column       the tested column, or null
 * @param outcome      pass, warn or fail
 * @param dbtStatus    dbt's own status (pass, warn, fail, error; for freshness also runtime error)
 * @param failures     dbt's failing row count, or null
 * @param message      dbt's message, or null
 * @param definition   what Soda Cloud shows as the check's definition; null for the name
 * @param freshness    what a source freshness check measured; null for a test
 * @param executionSeconds how long dbt ran the test, in seconds (the JUnit report's time); 0 when
 *                     unknown, as for freshness, and for what dbt did not write as a number of 0 or more
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
        String message,
        String definition,
        Freshness freshness,
        double executionSeconds) {

    public SodaCheck {
        if (!(executionSeconds >= 0)) {
            executionSeconds = 0;
        }
    }

    /** A dbt test (data or unit test) as a check: its definition is its name. */
    public SodaCheck(
            String identity,
            String name,
            String filePath,
            Dataset dataset,
            String column,
            Outcome outcome,
            String dbtStatus,
            Long failures,
            String message,
            double executionSeconds) {
        this(
                identity,
                name,
                filePath,
                dataset,
                column,
                outcome,
                dbtStatus,
                failures,
                message,
                null,
                null,
                executionSeconds);
    }

    /**
     * What a source freshness check measured.
     *
     * @param ageSeconds  how old the newest row was, in seconds; null when the check could not run
     * @param maxLoadedAt when the newest row was loaded, as dbt wrote it; null when unknown
     * @param criteria    the thresholds in words, e.g. "warn after 12 hour, error after 24 hour"
     */
    public record Freshness(Double ageSeconds, String maxLoadedAt, String criteria) {}

    /** The definition Soda Cloud shows: the one given, else the name. */
    public String shownDefinition() {
        return definition == null ? name : definition;
    }

    /** A source freshness result, not a test. */
    public boolean isFreshness() {
        return freshness != null;
    }

    /**
     * The value sent as {@code diagnostics.value}: dbt's failing row count for a test, the source's age in
     * whole seconds for freshness; 0 when unknown.
     */
    public long diagnosticValue() {
        if (freshness != null) {
            return freshness.ageSeconds() == null ? 0 : Math.round(freshness.ageSeconds());
        }
        return failures == null ? 0 : failures;
    }

    /**
     * dbt ran the test but it could not complete (database error, compile error...). A freshness
     * {@code error} is no such thing: the source was checked and found too old; its runtime error is.
     */
    public boolean errored() {
        return freshness == null ? "error".equals(dbtStatus) : "runtime error".equals(dbtStatus);
    }
}
