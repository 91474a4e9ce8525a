package dev.sodamaven.soda;

import dev.sodamaven.dbt.DbtRelation;
import dev.sodamaven.dbt.DbtStatus;
import dev.sodamaven.dbt.FreshnessResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code dbt source freshness} result as a Soda check on the source's table: {@code pass} and
 * {@code warn} map straight, {@code error} (older than {@code error_after}) is a {@code fail}, and a
 * {@code runtime error} (the freshness query failed) is a {@code fail} whose error goes to the scan's
 * logs. The age in seconds is the diagnostic value; the loaded-at column and the thresholds are in the
 * definition.
 */
final class FreshnessCheck {

    /** Begins every freshness identity: Soda Cloud files dbt checks under {@code test.}. */
    static final String IDENTITY_PREFIX = "test.source_freshness.";

    private FreshnessCheck() {}

    /** pass → pass, warn → warn, error and runtime error → fail; empty for any other status. */
    static Optional<Outcome> outcomeOf(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status) {
            case DbtStatus.PASS -> Optional.of(Outcome.PASS);
            case DbtStatus.WARN -> Optional.of(Outcome.WARN);
            case DbtStatus.ERROR, FreshnessResult.RUNTIME_ERROR -> Optional.of(Outcome.FAIL);
            default -> Optional.empty();
        };
    }

    /**
     * {@code test.source_freshness.<package>.<source>.<table>}: stable across runs, and never a test's,
     * whose unique_id has a test name where this has {@code source_freshness}.
     */
    static String identityOf(String sourceId) {
        return IDENTITY_PREFIX + sourceId.substring("source.".length());
    }

    static SodaCheck of(FreshnessResult result, Outcome outcome, DbtRelation source, Dataset dataset) {
        String name = "dbt source freshness " + displayName(source);
        String criteria = criteria(result);
        String definition = name
                + (source.loadedAt() == null ? "" : " on " + source.loadedAt())
                + (criteria.isEmpty() ? "" : ": " + criteria);
        return new SodaCheck(
                identityOf(result.uniqueId()),
                name,
                source.filePath(),
                dataset,
                null,
                outcome,
                result.status(),
                null,
                result.error(),
                definition,
                new SodaCheck.Freshness(result.ageSeconds(), result.maxLoadedAt(), criteria),
                // sources.json's execution_time is the freshness query's, not read: the report shows 0.
                0);
    }

    /** {@code source_name.table_name}, as dbt names a source table in its own output. */
    private static String displayName(DbtRelation source) {
        return source.sourceName() == null ? source.name() : source.sourceName() + "." + source.name();
    }

    /** The thresholds in words, e.g. "warn after 12 hour, error after 24 hour, filter: ..."; empty without any. */
    private static String criteria(FreshnessResult result) {
        List<String> parts = new ArrayList<>();
        if (result.warnAfter() != null) {
            parts.add("warn after " + result.warnAfter());
        }
        if (result.errorAfter() != null) {
            parts.add("error after " + result.errorAfter());
        }
        if (result.filter() != null && !result.filter().isBlank()) {
            parts.add("filter: " + result.filter().strip());
        }
        return String.join(", ", parts);
    }
}
