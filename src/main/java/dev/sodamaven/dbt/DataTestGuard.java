package dev.sodamaven.dbt;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Refuses run results that hold no data-test result at all: those written by {@code dbt compile},
 * {@code dbt run} or {@code dbt docs generate} (tests listed with status {@code success}, or none), or
 * holding only unit tests. Soda Core's "all failures are null" guard is fooled by a single non-null
 * {@code failures} anywhere; this looks at what the results are instead.
 */
public final class DataTestGuard {

    /**
     * The statuses a test result has when dbt did not run it as a data test: {@code dbt compile},
     * {@code dbt run} and {@code dbt docs generate} list tests as {@code success}, and {@code no-op} ran
     * nothing. Every other status counts as a data-test result, {@code reused} (run in an earlier
     * invocation) and statuses this plugin does not know included: those are listed and not sent, and a
     * status dbt may add one day must never make a run that ran tests look like a compile.
     */
    public static final Set<String> NOT_RUN_AS_DATA_TEST = Set.of(DbtStatus.SUCCESS, DbtStatus.NO_OP);

    private DataTestGuard() {}

    /** True when at least one result is a data test that dbt executed, skipped or reused. */
    public static boolean hasDataTestResults(RunResults results) {
        return results.tests().stream().anyMatch(result -> !NOT_RUN_AS_DATA_TEST.contains(result.status()));
    }

    /**
     * Throws when {@code results} hold no data-test result; {@code origin} names where they came from
     * (a file, or a dbt Cloud run step).
     */
    public static void requireDataTestResults(RunResults results, String origin) throws IngestException {
        requireDataTestResults(results, origin, false);
    }

    /**
     * As {@link #requireDataTestResults(RunResults, String)}; with {@code unitTestsSent}
     * ({@link Setting#SEND_UNIT_TESTS}) unit test results are results to send too.
     */
    public static void requireDataTestResults(RunResults results, String origin, boolean unitTestsSent)
            throws IngestException {
        if (hasDataTestResults(results)
                || (unitTestsSent && !results.unitTests().isEmpty())) {
            return;
        }
        String command =
                results.command() == null ? "an unknown dbt command" : "`dbt " + commandName(results.command()) + "`";
        if (results.unitTestResults() > 0) {
            throw IngestException.input(
                    origin + " was written by " + command + " and holds only unit test results, "
                            + "no data-test result (" + describeContents(results)
                            + "); unit tests are not sent to Soda Cloud unless " + Setting.SEND_UNIT_TESTS.ref()
                            + " is true.",
                    "Ingest the run_results.json of a `dbt test` or `dbt build` whose selection includes data tests, "
                            + "or set " + Setting.SEND_UNIT_TESTS.ref()
                            + " to true to send the unit tests as checks on the models they test.");
        }
        boolean nothing = results.tests().isEmpty() && results.otherResults().isEmpty();
        throw IngestException.input(
                origin + " was written by " + command + " and holds no data-test result (" + describeContents(results)
                        + ").",
                nothing
                        // A `dbt build` that ran nothing is not fixed by running `dbt build`.
                        ? "dbt ran nothing (check its --select and --exclude), or the file is damaged: ingest the "
                                + "run_results.json of a `dbt test` or `dbt build` that ran data tests."
                        : "Ingest the run_results.json of `dbt test` or `dbt build`, which run the data tests.");
    }

    /** What a run results file held, e.g. "25 tests with status success, 8 models, 2 seeds". */
    public static String describeContents(RunResults results) {
        StringJoiner parts = new StringJoiner(", ");
        Map<String, Integer> testStatuses = new TreeMap<>();
        results.tests().forEach(test -> testStatuses.merge(test.status(), 1, Integer::sum));
        testStatuses.forEach(
                (status, count) -> parts.add(count + " " + plural("test", count) + " with status " + status));
        results.otherResults().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    int count = entry.getValue().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum();
                    parts.add(count + " " + plural(entry.getKey().replace('_', ' '), count));
                });
        return parts.length() == 0 ? "no results at all" : parts.toString();
    }

    private static String commandName(String which) {
        return "generate".equals(which) ? "docs generate" : which;
    }

    private static String plural(String noun, int count) {
        return count == 1 ? noun : noun + "s";
    }
}
