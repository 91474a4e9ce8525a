package dev.sodamaven.dbt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a run_results.json holds that matters for ingestion.
 *
 * @param metadata        the file's metadata
 * @param command         the dbt command that wrote it ({@code args.which}, else {@code rpc_method}), e.g.
 *                        {@code build}, {@code test}, {@code compile}, {@code generate}; null when absent
 * @param tests           results of data tests ({@code test.*} ids), in file order, one per test
 * @param otherResults    every other result, counted by resource type then status (e.g. model → success → 5)
 * @param warnings        oddities found while reading (duplicate ids, newer schema...)
 * @param unitTests       results of unit tests ({@code unit_test.*} ids, dbt 1.8+), in file order, one per
 *                        unit test; also counted in {@code otherResults}, since they are not data tests
 */
public record RunResults(
        ArtifactMetadata metadata,
        String command,
        List<TestResult> tests,
        Map<String, Map<String, Integer>> otherResults,
        List<String> warnings,
        List<TestResult> unitTests) {

    public RunResults {
        tests = List.copyOf(tests);
        unitTests = unitTests == null ? List.of() : List.copyOf(unitTests);
        otherResults = Map.copyOf(otherResults);
        warnings = List.copyOf(warnings);
    }

    /** Results without unit tests. */
    public RunResults(
            ArtifactMetadata metadata,
            String command,
            List<TestResult> tests,
            Map<String, Map<String, Integer>> otherResults,
            List<String> warnings) {
        this(metadata, command, tests, otherResults, warnings, List.of());
    }

    /** What {@code dbt source freshness} is called in place of {@code args.which} when it stands alone. */
    public static final String SOURCE_FRESHNESS = "source freshness";

    /**
     * No test results: a freshness-only ingestion, described by the sources.json's metadata, so the run is
     * still named (dbt version, invocation, when it was written) wherever run results are.
     */
    public static RunResults freshnessOnly(ArtifactMetadata sourcesMetadata) {
        return new RunResults(sourcesMetadata, SOURCE_FRESHNESS, List.of(), Map.of(), List.of());
    }

    /** Results of unit tests (dbt 1.8+), which are not data tests. */
    public int unitTestResults() {
        return otherResults.getOrDefault("unit_test", Map.of()).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    /**
     * Several run results as one (comma-separated files, or the steps of a dbt Cloud run): a test
     * that appears more than once keeps its latest result, unless that one is only {@code reused} (see
     * {@link TestResult#replaces}); the metadata is the last part's.
     */
    public static RunResults merge(List<RunResults> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Map<String, TestResult> tests = new LinkedHashMap<>();
        Map<String, TestResult> unitTests = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> others = new TreeMap<>();
        Set<String> commands = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        for (RunResults part : parts) {
            part.tests().forEach(test -> keepLatest(tests, test));
            part.unitTests().forEach(test -> keepLatest(unitTests, test));
            part.otherResults()
                    .forEach((type, counts) -> counts.forEach((status, count) ->
                            others.computeIfAbsent(type, t -> new TreeMap<>()).merge(status, count, Integer::sum)));
            if (part.command() != null) {
                commands.add(part.command());
            }
            warnings.addAll(part.warnings());
        }
        String command = commands.isEmpty() ? null : String.join(" + ", commands);
        return new RunResults(
                parts.get(parts.size() - 1).metadata(),
                command,
                new ArrayList<>(tests.values()),
                others,
                warnings,
                new ArrayList<>(unitTests.values()));
    }

    private static void keepLatest(Map<String, TestResult> byId, TestResult test) {
        TestResult earlier = byId.get(test.uniqueId());
        if (earlier == null || test.replaces(earlier)) {
            byId.remove(test.uniqueId());
            byId.put(test.uniqueId(), test);
        }
    }
}
