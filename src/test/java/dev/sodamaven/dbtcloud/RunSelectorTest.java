package dev.sodamaven.dbtcloud;

import static dev.sodamaven.dbtcloud.CloudFixtures.JOB;
import static dev.sodamaven.dbtcloud.CloudFixtures.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.http.HttpTransport;
import dev.sodamaven.http.RecordingSleeper;
import dev.sodamaven.testing.FakeCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Choosing the run of a job to ingest, against the fake dbt Cloud's list endpoint. */
class RunSelectorTest {

    private FakeCloud cloud;
    private HttpTransport transport;

    @BeforeEach
    void start() throws Exception {
        cloud = CloudFixtures.cloud();
        transport = CloudFixtures.transport(new RecordingSleeper());
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        cloud.close();
    }

    private RunSelector.Selection select(boolean successfulOnly) throws IngestException {
        return new RunSelector(CloudFixtures.client(transport, cloud)).latestFinished(JOB, successfulOnly);
    }

    private IngestException refused(boolean successfulOnly) {
        IngestException error = catchThrowableOfType(IngestException.class, () -> select(successfulOnly));
        assertThat(error).isNotNull();
        return error;
    }

    @Test
    void takesTheFailedRunBeforeARunningOne() throws Exception {
        cloud.addRun(listed(100, 10, true)).addRun(listed(101, 20, true)).addRun(listed(102, 3, true));

        RunSelector.Selection selection = select(false);

        assertThat(selection.run().id()).isEqualTo(101);
        assertThat(selection.run().status()).isEqualTo(RunStatus.ERROR);
        assertThat(selection.passedOver()).containsExactly("run 102 (running)");
    }

    @Test
    void passesOverQueuedStartingAndCancelledRuns() throws Exception {
        cloud.addRun(listed(200, 10, true))
                .addRun(listed(201, 30, true))
                .addRun(listed(202, 2, true))
                .addRun(listed(203, 1, true));

        RunSelector.Selection selection = select(false);

        assertThat(selection.run().id()).isEqualTo(200);
        assertThat(selection.passedOver())
                .containsExactly("run 203 (queued)", "run 202 (starting)", "run 201 (cancelled)");
    }

    @Test
    void passesOverRunsThatSavedNoArtifacts() throws Exception {
        cloud.addRun(listed(300, 20, true)).addRun(listed(301, 20, false));

        RunSelector.Selection selection = select(false);

        assertThat(selection.run().id()).isEqualTo(300);
        assertThat(selection.passedOver()).containsExactly("run 301 (saved no artifacts)");
    }

    @Test
    void successfulRunsOnlyPassesOverRunsThatEndedInError() throws Exception {
        cloud.addRun(listed(400, 10, true)).addRun(listed(401, 20, true));

        RunSelector.Selection selection = select(true);

        assertThat(selection.run().id()).isEqualTo(400);
        assertThat(selection.passedOver()).containsExactly("run 401 (ended in error; only successful runs are wanted)");
    }

    @Test
    void pagesThroughMoreThanOnePage() throws Exception {
        cloud.addRun(listed(1, 10, true));
        for (long id = 2; id <= 150; id++) {
            cloud.addRun(listed(id, 3, true));
        }

        RunSelector.Selection selection = select(false);

        assertThat(selection.run().id()).isEqualTo(1);
        List<FakeCloud.Request> lists = cloud.requests();
        assertThat(lists).extracting(request -> request.query().get("offset")).containsExactly("0", "100");
        assertThat(lists).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/api/v2/accounts/70403/runs/");
            assertThat(request.query())
                    .containsEntry("job_definition_id", String.valueOf(JOB))
                    .containsEntry("order_by", "-id")
                    .containsEntry("limit", "100");
        });
        assertThat(selection.passedOver()).hasSize(10);
    }

    @Test
    void aJobWithoutAFinishedRunIsAClearError() {
        cloud.addRun(listed(500, 3, true)).addRun(listed(501, 30, true)).addRun(listed(502, 20, false));

        IngestException error = refused(false);

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud job 412233 (account 70403) has no finished run with "
                        + "artifacts (looked at the newest 3 runs: 1 cancelled, 1 running, 1 saved no artifacts).");
        assertThat(error.hint()).contains("dbtCloudRunId");
    }

    @Test
    void aJobThatNeverRanSaysSo() {
        IngestException error = refused(true);

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud job 412233 (account 70403) has no successful run with "
                        + "artifacts (it has no runs).");
        assertThat(error.hint())
                .contains("Check " + Setting.DBT_CLOUD_JOB_ID.ref() + " and " + Setting.DBT_CLOUD_ACCOUNT_ID.ref());
    }

    @Test
    void anUnknownJobOrAccountIsA404Message() {
        cloud.addFault(FakeCloud.Fault.status(
                "/api/v2/accounts/70403/runs/",
                404,
                Map.of(),
                "{\"status\":{\"code\":404,\"is_success\":false,\"user_message\":\"Job not found.\"},\"data\":null}"));

        IngestException error = refused(false);

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud could not find the runs of job 412233 (account 70403 at " + cloud.url()
                        + ") (HTTP 404: Job not found.).");
    }

    @Test
    void tellsWhyARunIsNotTaken() {
        assertThat(RunSelector.whyNot(run(RunStatus.SUCCESS, null), false)).isNull();
        assertThat(RunSelector.whyNot(run(RunStatus.ERROR, true), false)).isNull();
        assertThat(RunSelector.whyNot(run(RunStatus.UNKNOWN, true), false)).isEqualTo("status unknown");
        assertThat(RunSelector.whyNot(run(RunStatus.STARTING, true), false)).isEqualTo("starting");
    }

    private static DbtRun run(RunStatus status, Boolean artifactsSaved) {
        return new DbtRun(1, JOB, null, status, null, artifactsSaved, List.of());
    }
}
