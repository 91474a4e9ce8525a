package dev.sodamaven.dbtcloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Picks the steps of a run whose run_results.json can hold test results: every step that invoked
 * {@code dbt build}, {@code dbt test} or {@code dbt retry}, and any dbt command not known to run no
 * tests (its results are checked after download). System steps (clone, profile) and commands that
 * never run tests ({@code dbt deps}, {@code dbt run}, {@code dbt docs generate}...) are skipped.
 * When in doubt a step is kept: a needless download costs little, a wrongly skipped step loses results.
 * Steps that ran {@code dbt source freshness} are planned apart: their sources.json is what they give.
 */
public final class StepPlanner {

    private static final Set<String> NO_TESTS = Set.of(
            "deps",
            "run",
            "seed",
            "snapshot",
            "compile",
            "parse",
            "docs generate",
            "docs serve",
            "clean",
            "debug",
            "ls",
            "list",
            "run-operation",
            "init",
            "show",
            "clone");

    /**
     * The plan for one run.
     *
     * @param candidates steps to download run_results.json from, in index order
     * @param skipped    steps not downloaded, described with the reason
     * @param freshness  steps to download sources.json from, in index order
     */
    public record Plan(List<RunStep> candidates, List<String> skipped, List<RunStep> freshness) {}

    public Plan plan(List<RunStep> steps) {
        List<RunStep> candidates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<RunStep> freshness = new ArrayList<>();
        for (RunStep step : steps) {
            if (step.isSourceFreshness()) {
                if (unfinished(step)) {
                    skipped.add(step.describe() + ": " + step.status().label().toLowerCase(java.util.Locale.ROOT));
                } else {
                    // A freshness step that "failed" found a stale source: its sources.json says which.
                    freshness.add(step);
                }
                continue;
            }
            String subcommand = step.subcommand().orElse(null);
            if (subcommand == null) {
                continue; // clone, profile...: not a dbt invocation
            }
            if (NO_TESTS.contains(subcommand)) {
                skipped.add(step.describe() + ": `dbt " + subcommand + "` runs no tests");
            } else if (unfinished(step)) {
                skipped.add(step.describe() + ": " + step.status().label().toLowerCase(java.util.Locale.ROOT));
            } else {
                candidates.add(step);
            }
        }
        return new Plan(candidates, skipped, freshness);
    }

    /** Running or cancelled: its files, if any, are incomplete. */
    private static boolean unfinished(RunStep step) {
        return step.status().inProgress() || step.status() == RunStatus.CANCELLED;
    }
}
