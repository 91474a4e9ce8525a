package dev.sodamaven.dbtcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sodamaven.core.Secrets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which steps of a dbt Cloud run can hold test results. */
class StepPlannerTest {

    private static RunStep step(int index, String name) {
        return new RunStep(index, name, RunStatus.SUCCESS, null);
    }

    private static RunStep invoke(int index, String command) {
        return step(index, "Invoke dbt with `" + command + "`");
    }

    @Test
    void keepsBuildTestRetryAndUnknownCommandsAndSkipsTheRestWithAReason() {
        List<RunStep> steps = List.of(
                step(1, "Clone git repository"),
                step(2, "Create profile from connection Snowflake "),
                invoke(3, "dbt deps"),
                invoke(4, "dbt run --select staging"),
                invoke(5, "dbt build --exclude tag:slow"),
                invoke(6, "dbt test"),
                invoke(7, "dbt retry"),
                invoke(8, "dbt source freshness"),
                invoke(9, "dbt some-future-command"),
                invoke(10, "dbt docs generate"));

        StepPlanner.Plan plan = new StepPlanner().plan(steps);

        assertThat(plan.candidates()).extracting(RunStep::index).containsExactly(5, 6, 7, 9);
        assertThat(plan.freshness()).extracting(RunStep::index).containsExactly(8);
        assertThat(plan.skipped())
                .containsExactly(
                        "step 3 (`dbt deps`): `dbt deps` runs no tests",
                        "step 4 (`dbt run --select staging`): `dbt run` runs no tests",
                        "step 10 (`dbt docs generate`): `dbt docs generate` runs no tests");
    }

    @Test
    void plansSourceFreshnessStepsApartWhateverTheirOutcomeUnlessUnfinished() {
        List<RunStep> steps = List.of(
                invoke(1, "dbt source freshness"),
                new RunStep(2, "Source freshness", RunStatus.ERROR, null),
                invoke(3, "dbt source snapshot-freshness --select source:raw"),
                new RunStep(4, "Invoke dbt with `dbt source freshness`", RunStatus.CANCELLED, null),
                invoke(5, "dbt source"));

        StepPlanner.Plan plan = new StepPlanner().plan(steps);

        assertThat(plan.freshness()).extracting(RunStep::index).containsExactly(1, 2, 3);
        assertThat(plan.skipped()).containsExactly("step 4 (`dbt source freshness`): cancelled");
        assertThat(plan.candidates()).extracting(RunStep::index).containsExactly(5);
    }

    @Test
    void takesTheCommandFromRunStepCommandBeforeTheName() {
        RunStep step = new RunStep(4, "Run step 4", RunStatus.ERROR, "dbt build --select orders");

        assertThat(step.command()).contains("dbt build --select orders");
        assertThat(step.subcommand()).contains("build");
        assertThat(new StepPlanner().plan(List.of(step)).candidates()).containsExactly(step);
        assertThat(new RunStep(5, "Invoke dbt with `dbt test`", RunStatus.SUCCESS, " ").command())
                .contains("dbt test");
        assertThat(new RunStep(6, "Clone git repository", RunStatus.SUCCESS, null).command())
                .isEmpty();
    }

    @Test
    void aStepWithGlobalOptionsFirstIsKeptRatherThanGuessed() {
        // "debug" is the value of --log-level here, not the `dbt debug` command.
        RunStep step = invoke(4, "dbt --log-level debug build");

        assertThat(new StepPlanner().plan(List.of(step)).candidates()).containsExactly(step);
    }

    @Test
    void skipsStepsThatDidNotFinish() {
        RunStep running = new RunStep(4, "Invoke dbt with `dbt build`", RunStatus.RUNNING, null);
        RunStep cancelled = new RunStep(5, "Invoke dbt with `dbt test`", RunStatus.CANCELLED, null);
        RunStep failed = new RunStep(6, "Invoke dbt with `dbt test`", RunStatus.ERROR, null);

        StepPlanner.Plan plan = new StepPlanner().plan(List.of(running, cancelled, failed));

        assertThat(plan.candidates()).containsExactly(failed);
        assertThat(plan.skipped()).containsExactly("step 4 (`dbt build`): running", "step 5 (`dbt test`): cancelled");
    }

    @Test
    void readsStepsWithTheirCommandFromTheApi() throws Exception {
        String json = "{\"id\":50012345,\"job_definition_id\":412233,\"status\":20,\"finished_at\":\"2024-05-14 "
                + "06:07:40.884512+00:00\",\"artifacts_saved\":true,\"job\":{\"name\":\"Nightly build\"},\"run_steps\":["
                + "{\"index\":5,\"name\":\"Invoke dbt with `dbt docs generate`\",\"status\":10},"
                + "{\"index\":4,\"name\":\"Invoke dbt with `dbt build`\",\"status\":20,"
                + "\"run_step_command\":{\"run_step_id\":904,\"dbt_command\":\"dbt build --fail-fast\"}},"
                + "{\"index\":1,\"name\":\"Clone git repository\",\"status\":10}]}";

        DbtRun run = new RunReader("dbt Cloud answered", "70403", new Secrets(), List.of())
                .run(new ObjectMapper().readTree(json), "data", null, null);

        assertThat(run.describe())
                .isEqualTo("dbt Cloud run 50012345 of job 412233 'Nightly build' (Error, finished "
                        + "2024-05-14 06:07:40.884512+00:00)");
        assertThat(run.steps()).extracting(RunStep::index).containsExactly(1, 4, 5);
        assertThat(run.steps().get(1).command()).contains("dbt build --fail-fast");
        assertThat(new StepPlanner().plan(run.steps()).candidates())
                .extracting(RunStep::index)
                .containsExactly(4);
    }
}
