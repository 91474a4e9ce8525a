package dev.sodamaven.dbt;

/**
 * One result of {@code dbt source freshness}, an entry of sources.json.
 *
 * @param uniqueId      the source table's unique_id, e.g. {@code source.jaffle_shop.raw.orders}
 * @param status        dbt-core's spelling ({@link DbtStatus#normalise}): {@code pass}, {@code warn},
 *                      {@code error} (older than {@code error_after}) or {@code runtime error} (the check
 *                      could not run); any other word kept as written
 * @param ageSeconds    {@code max_loaded_at_time_ago_in_s}: how old the newest row was; null after a runtime error
 * @param maxLoadedAt   {@code max_loaded_at}, ISO-8601, or null
 * @param snapshottedAt {@code snapshotted_at}: when dbt looked, or null
 * @param warnAfter     {@code criteria.warn_after} in words ("12 hour"), or null when not set
 * @param errorAfter    {@code criteria.error_after} in words, or null when not set
 * @param filter        {@code criteria.filter}, or null
 * @param error         the error text of a runtime error, or null
 */
public record FreshnessResult(
        String uniqueId,
        String status,
        Double ageSeconds,
        String maxLoadedAt,
        String snapshottedAt,
        String warnAfter,
        String errorAfter,
        String filter,
        String error) {

    /** What dbt writes when the freshness query itself failed. */
    public static final String RUNTIME_ERROR = "runtime error";

    public boolean is(String expectedStatus) {
        return expectedStatus.equals(status);
    }

    /** The freshness query could not run: the source's age is unknown. */
    public boolean isRuntimeError() {
        return is(RUNTIME_ERROR);
    }
}
