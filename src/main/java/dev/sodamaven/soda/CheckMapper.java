package dev.sodamaven.soda;

import dev.sodamaven.dbt.DbtRelation;
import dev.sodamaven.dbt.DbtStatus;
import dev.sodamaven.dbt.DbtTest;
import dev.sodamaven.dbt.FreshnessResult;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.TestResult;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns dbt test results into Soda checks: each executed test exactly once, on the relation it
 * tests (see {@link DatasetResolver}). {@code pass}, {@code warn} and {@code fail} map straight;
 * {@code error} becomes {@code fail} (the caller logs dbt's message and sets {@code hasErrors});
 * {@code skipped} is not sent but counted; {@code reused} (a result dbt carried over from an earlier
 * invocation without running the test again) is not sent again but listed with the results whose
 * status is not an outcome, as is any status this plugin does not know, which never fails the run;
 * dbt's failing row count becomes the diagnostic value. A unit test result (when sent at all) follows
 * the same rules, as a check named "dbt unit test ..." on the model it tests. Source freshness results
 * become checks on the source's table ({@link FreshnessCheck}).
 */
public final class CheckMapper {

    /**
     * Maps {@code results} (one per test; should a test appear twice, its last result counts) to checks
     * on the relations of {@code manifest}.
     */
    public MappedChecks map(List<TestResult> results, ManifestIndex manifest) {
        return map(results, List.of(), manifest);
    }

    /**
     * Maps test results and source freshness results together: one list of checks, and one account of
     * what was not sent (a freshness result for a source the manifest lacks counts as missing, like a test).
     */
    public MappedChecks map(List<TestResult> results, List<FreshnessResult> freshness, ManifestIndex manifest) {
        DatasetResolver resolver = new DatasetResolver(manifest.relations());
        List<SodaCheck> checks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<MappedChecks.UnattachedTest> unattached = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> otherStatus = new ArrayList<>();
        // A relation has many tests: their checks share one Dataset. The manifest holds one DbtRelation per
        // node, so the object itself is the key: no hashing and comparing of node ids per check.
        Map<DbtRelation, Dataset> datasets = new IdentityHashMap<>();
        for (TestResult result : lastResultPerTest(results)) {
            Optional<Outcome> outcome = outcomeOf(result.status());
            if (result.is(DbtStatus.SKIPPED)) {
                skipped.add(result.uniqueId());
                continue;
            }
            if (outcome.isEmpty()) {
                otherStatus.add(result.uniqueId() + " (" + whyNotAnOutcome(result.status()) + ")");
                continue;
            }
            DbtTest test = manifest.tests().get(result.uniqueId());
            if (test == null) {
                missing.add(result.uniqueId());
                continue;
            }
            DatasetResolver.Resolution resolution = resolver.resolve(test);
            if (resolution.relation().isEmpty()) {
                unattached.add(new MappedChecks.UnattachedTest(
                        test.uniqueId(), test.name(), resolution.reason(), resolution.advice()));
                continue;
            }
            checks.add(new SodaCheck(
                    identityOf(test),
                    // The name is also the check's definition in Soda Cloud: say a unit test checks code, not data.
                    test.isUnitTest() ? "dbt unit test " + test.name() : test.name(),
                    test.originalFilePath(),
                    datasets.computeIfAbsent(resolution.relation().get(), CheckMapper::datasetOf),
                    test.columnName(),
                    outcome.get(),
                    result.status(),
                    result.failures(),
                    result.message(),
                    result.executionTime()));
        }
        for (FreshnessResult result : freshness) {
            Optional<Outcome> outcome = FreshnessCheck.outcomeOf(result.status());
            if (outcome.isEmpty()) {
                otherStatus.add(result.uniqueId() + " (" + result.status() + ")");
                continue;
            }
            DbtRelation source = manifest.relations().get(result.uniqueId());
            if (source == null) {
                missing.add(result.uniqueId());
                continue;
            }
            Optional<String> table = DatasetResolver.tableName(source);
            if (table.isEmpty()) {
                unattached.add(new MappedChecks.UnattachedTest(
                        result.uniqueId(),
                        result.uniqueId(),
                        "the source has no table name in the manifest",
                        "Check the source's identifier in its YAML file."));
                continue;
            }
            checks.add(FreshnessCheck.of(
                    result, outcome.get(), source, datasets.computeIfAbsent(source, CheckMapper::datasetOf)));
        }
        return new MappedChecks(checks, skipped, unattached, missing, otherStatus);
    }

    /**
     * Soda Cloud files dbt checks under identities that begin with {@code test.}: a unit test's is
     * {@code test.unit_test.<package>.<model>.<name>}, stable across runs and, with five parts, never a
     * data test's ({@code test.<package>.<name>} or {@code test.<package>.<name>.<hash>}).
     */
    static String identityOf(DbtTest test) {
        return test.isUnitTest() ? "test." + test.uniqueId() : test.uniqueId();
    }

    private static List<TestResult> lastResultPerTest(List<TestResult> results) {
        Map<String, TestResult> byTest = new LinkedHashMap<>();
        for (TestResult result : results) {
            TestResult earlier = byTest.get(result.uniqueId());
            if (earlier == null || result.replaces(earlier)) {
                byTest.remove(result.uniqueId());
                byTest.put(result.uniqueId(), result);
            }
        }
        return new ArrayList<>(byTest.values());
    }

    /** dbt status → Soda outcome; empty for statuses that are not an executed data test's. */
    static Optional<Outcome> outcomeOf(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status) {
            case DbtStatus.PASS -> Optional.of(Outcome.PASS);
            case DbtStatus.WARN -> Optional.of(Outcome.WARN);
            case DbtStatus.FAIL, DbtStatus.ERROR -> Optional.of(Outcome.FAIL);
            default -> Optional.empty();
        };
    }

    /**
     * The status as the reports list it beside the test id; {@code reused} says what it means, since it
     * is the one a user meets in a healthy run (dbt Fusion, state-aware orchestration).
     */
    static String whyNotAnOutcome(String status) {
        return DbtStatus.REUSED.equals(status)
                ? "reused: carried over from an earlier dbt invocation, not run again"
                : status;
    }

    private static Dataset datasetOf(DbtRelation relation) {
        // resolve() only finds relations that have a table name.
        return new Dataset(
                DatasetResolver.tableName(relation).orElseThrow(),
                relation.database(),
                relation.schema(),
                relation.type().label(),
                relation.uniqueId());
    }
}
