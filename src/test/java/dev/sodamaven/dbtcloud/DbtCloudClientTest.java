package dev.sodamaven.dbtcloud;

import static dev.sodamaven.dbtcloud.CloudFixtures.ACCOUNT;
import static dev.sodamaven.dbtcloud.CloudFixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.ProxySettings;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import dev.sodamaven.http.HttpSettings;
import dev.sodamaven.http.HttpTransport;
import dev.sodamaven.http.RecordingSleeper;
import dev.sodamaven.testing.FakeCloud;
import dev.sodamaven.testing.FakeCloud.Fault;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every way a dbt Cloud request can fail becomes one clear message naming account, job or run, never the token. */
class DbtCloudClientTest {

    private static final String RUN_PATH = "/api/v2/accounts/70403/runs/5/";
    private static final String ERROR_ENVELOPE = "{\"status\":{\"code\":%d,\"is_success\":false,\"user_message\":"
            + "\"%s\",\"developer_message\":\"\"},\"data\":null}";

    @TempDir
    Path dir;

    private FakeCloud cloud;
    private HttpTransport transport;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void start() throws Exception {
        cloud = CloudFixtures.cloud();
        cloud.addRun(CloudFixtures.run(5, 10, List.of(CloudFixtures.dbt(1, "dbt build", 10, Map.of()))));
        transport = CloudFixtures.transport(sleeper);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        cloud.close();
    }

    private DbtCloudClient client() {
        return CloudFixtures.client(transport, cloud);
    }

    private static IngestException failure(Executable call) {
        IngestException error = catchThrowableOfType(IngestException.class, call::execute);
        assertThat(error).as("an IngestException").isNotNull();
        assertThat(describe(error)).doesNotContain(TOKEN);
        return error;
    }

    private static String describe(IngestException error) {
        StringBuilder text = new StringBuilder(error.getMessage()).append('\n').append(error.hint());
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append('\n').append(cause);
        }
        return text.toString();
    }

    @Test
    void readsARunWithItsSteps() throws Exception {
        DbtRun run = client().run(5);

        assertThat(run.id()).isEqualTo(5);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.steps()).extracting(RunStep::command).containsExactly(java.util.Optional.of("dbt build"));
        assertThat(cloud.requests().get(0).header("authorization")).isEqualTo("Token " + TOKEN);
    }

    @Test
    void aRejectedTokenNamesWhereItCameFrom() {
        DbtCloudClient wrongToken = new DbtCloudClient(
                transport,
                URI.create(cloud.url()),
                ACCOUNT,
                Secret.of("nope-123"),
                "settings.xml server 'dbt-cloud'",
                new Secrets());

        IngestException error = failure(() -> wrongToken.run(5));

        assertThat(error.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud rejected the API token (HTTP 401: Invalid token.) when asked "
                        + "for run 5 (account 70403 at " + cloud.url()
                        + "); the token came from settings.xml server 'dbt-cloud'.");
        assertThat(error.hint()).doesNotContain("cloud.getdbt.com");
        assertThat(describe(error)).doesNotContain("nope-123");
    }

    @Test
    void a401AtTheLegacyHostHintsAtTheAccessUrl() throws Exception {
        // cloud.getdbt.com is reached through a proxy that is the fake itself: nothing leaves this machine.
        HttpSettings viaProxy = new HttpSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                0,
                Duration.ofMillis(1),
                Duration.ofSeconds(1),
                "test",
                List.of(new ProxySettings("http", "127.0.0.1", cloud.port(), null, null, null)),
                sleeper,
                Duration.ofMinutes(1),
                64L * 1024 * 1024,
                Duration.ofSeconds(120));
        try (HttpTransport proxied = new HttpTransport(viaProxy, (description, reason, next, max, wait) -> {})) {
            DbtCloudClient client = new DbtCloudClient(
                    proxied,
                    URI.create("http://cloud.getdbt.com/"),
                    ACCOUNT,
                    Secret.of("valid-elsewhere"),
                    "environment DBT_CLOUD_API_TOKEN",
                    new Secrets());

            IngestException error = failure(() -> client.run(5));

            assertThat(error.getMessage()).contains("(account 70403 at http://cloud.getdbt.com)");
            assertThat(error.hint()).contains("set " + Setting.DBT_CLOUD_ACCESS_URL.ref());
            assertThat(describe(error)).doesNotContain("valid-elsewhere");
        }
    }

    @Test
    void aForbiddenRunIsAConfigurationError() {
        cloud.addFault(Fault.status(RUN_PATH, 403, Map.of(), ERROR_ENVELOPE.formatted(403, "Forbidden")));

        IngestException error = failure(() -> client().run(5));

        assertThat(error.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(error.getMessage())
                .isEqualTo("The dbt Cloud API token (from environment DBT_CLOUD_API_TOKEN) may not "
                        + "read run 5 (account 70403 at " + cloud.url() + ") (HTTP 403: Forbidden).");
        assertThat(error.hint()).contains("read access");
    }

    @Test
    void notFoundNamesTheRunTheJobOrTheAccount() {
        assertThat(failure(() -> client().run(6)).getMessage())
                .isEqualTo("dbt Cloud could not find run 6 (account 70403 at " + cloud.url()
                        + ") (HTTP 404: The requested resource was not found.).");
        cloud.addFault(
                Fault.status("/api/v2/accounts/70403/runs/", 404, Map.of(), ERROR_ENVELOPE.formatted(404, "Nope")));
        assertThat(failure(() -> client().runs(99, 0, 100)).getMessage())
                .isEqualTo("dbt Cloud could not find the runs of job 99 (account 70403 at " + cloud.url()
                        + ") (HTTP 404: Nope).");
        DbtCloudClient otherAccount = CloudFixtures.client(transport, cloud.url(), "11111");
        IngestException account = failure(() -> otherAccount.run(5));
        assertThat(account.getMessage()).contains("could not find run 5 (account 11111 at ");
        assertThat(account.hint()).contains("dbtCloudAccountId");
    }

    @Test
    void rateLimitingIsWaitedOutThenSucceeds() throws Exception {
        cloud.addFault(
                Fault.status(RUN_PATH, 429, Map.of("Retry-After", "1"), ERROR_ENVELOPE.formatted(429, "Slow down")));

        DbtRun run = client().run(5);

        assertThat(run.id()).isEqualTo(5);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void rateLimitingThatLastsIsAClearError() {
        for (int i = 0; i < 3; i++) {
            cloud.addFault(
                    Fault.status(RUN_PATH, 429, Map.of("Retry-After", "2"), ERROR_ENVELOPE.formatted(429, "Slow")));
        }

        IngestException error = failure(() -> client().run(5));

        assertThat(error.getMessage())
                .matches(java.util.regex.Pattern.quote("dbt Cloud kept rate-limiting the request for run 5 (account "
                                + "70403 at " + cloud.url() + ") (HTTP 429 after 3 attempts, asked to try again after ")
                        + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ: Slow\\)\\.");
        assertThat(error.hint())
                .startsWith("The account's API rate limit is used up: try again after ")
                .endsWith("; a wait up to " + Setting.MAX_RETRY_WAIT.ref() + " is waited out by the plugin itself.");
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        for (int i = 0; i < 3; i++) {
            cloud.addFault(Fault.status(RUN_PATH, 503, Map.of(), ERROR_ENVELOPE.formatted(503, "Maintenance")));
        }

        IngestException error = failure(() -> client().run(5));

        assertThat(error.kind()).isEqualTo(IngestException.Kind.REMOTE);
        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud answered HTTP 503 after 3 attempts: Maintenance when asked "
                        + "for run 5 (account 70403 at " + cloud.url() + ").");
        assertThat(error.hint()).contains("try again later");
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void aGatewayPageIsSummarised() {
        for (int i = 0; i < 3; i++) {
            cloud.addFault(Fault.status(
                    RUN_PATH,
                    502,
                    Map.of("Content-Type", "text/html"),
                    "<html><head><title>502 Bad Gateway</title></head></html>"));
        }

        assertThat(failure(() -> client().run(5)).getMessage())
                .isEqualTo("dbt Cloud answered HTTP 502 after 3 attempts: "
                        + "an HTML page titled '502 Bad Gateway' when asked for run 5 (account 70403 at " + cloud.url()
                        + ").");
    }

    @Test
    void anUnreachableDbtCloudNamesAccountAndRun() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        DbtCloudClient client = CloudFixtures.client(transport, "http://127.0.0.1:" + port, ACCOUNT);

        IngestException error = failure(() -> client.run(5));

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud request for run 5 (account 70403) failed (after 3 attempts): "
                        + "connection refused (http://127.0.0.1:" + port + ").");
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAClearError() {
        cloud.addFault(Fault.status(
                RUN_PATH,
                200,
                Map.of("Content-Type", "text/html"),
                "<!DOCTYPE html><html><head><title>Scheduled maintenance</title></head><body>" + TOKEN
                        + "</body></html>"));

        IngestException error = failure(() -> client().run(5));

        assertThat(error.getMessage())
                .isEqualTo(
                        "dbt Cloud answered the request for run 5 (account 70403 at " + cloud.url()
                                + ") with something that is not JSON (Content-Type text/html: an HTML page titled 'Scheduled maintenance').");
        assertThat(error.hint()).contains(Setting.DBT_CLOUD_ACCESS_URL.ref());
    }

    @Test
    void anEnvelopeWithoutARunIsAClearError() {
        cloud.addFault(Fault.status(RUN_PATH, 200, Map.of(), "{\"status\":{\"code\":200},\"data\":null}"));

        assertThat(failure(() -> client().run(5)).getMessage())
                .isEqualTo("dbt Cloud answered the request for run 5 (account 70403 at " + cloud.url()
                        + ") without a run in its \"data\".");
    }

    @Test
    void anHtmlPageInsteadOfAnArtifactIsRefusedAndNotKept() {
        cloud.addFault(Fault.status(
                "/api/v2/accounts/70403/runs/5/artifacts/",
                200,
                Map.of("Content-Type", "text/html"),
                "<html><title>Sign in</title></html>"));
        Path target = dir.resolve("run-5/step-1/run_results.json");

        IngestException error =
                failure(() -> client().artifact(5, 1, "run_results.json", target, (bytes, total) -> {}));

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud answered the download of run_results.json of run 5 step 1 (account 70403 at "
                        + cloud.url() + ") with an HTML page instead of the file.");
        assertThat(target).doesNotExist();
    }

    @Test
    void aMissingArtifactIsEmptyNotAnError() throws Exception {
        Path target = dir.resolve("run-5/step-1/manifest.json");

        assertThat(client().artifact(5, 1, "manifest.json", target, (bytes, total) -> {}))
                .isEmpty();
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void aTrailingSlashInTheBaseUrlIsHarmless() throws Exception {
        DbtCloudClient client = CloudFixtures.client(transport, cloud.url() + "/", ACCOUNT);

        client.run(5);

        assertThat(cloud.requests().get(0).path()).isEqualTo(RUN_PATH);
    }

    @Test
    void noErrorPathRevealsTheToken() {
        String echo = ERROR_ENVELOPE.formatted(400, "bad token Token " + TOKEN);
        for (int status : new int[] {400, 401, 403, 404, 429, 500, 503}) {
            int tries = status == 429 || status >= 500 ? 3 : 1;
            for (int i = 0; i < tries; i++) {
                cloud.addFault(Fault.status(RUN_PATH, status, Map.of(), echo));
            }
            IngestException error = failure(() -> client().run(5));
            assertThat(error.getMessage())
                    .as("status %d", status)
                    .contains("HTTP " + status)
                    .contains("Token ****");
        }
        cloud.addFault(Fault.status(RUN_PATH, 200, Map.of("Content-Type", "text/plain"), "your token is " + TOKEN));
        assertThat(failure(() -> client().run(5)).getMessage())
                .contains("not JSON")
                .contains("your token is ****");
    }

    private static final String RUN_42 = "/api/v2/accounts/70403/runs/42/";
    private static final String FINE_STEP = "{\"index\":4,\"name\":\"Invoke dbt with `dbt build`\",\"status\":10}";

    /** A 200 answer for run 42 whose run object has {@code fields} (JSON members, without braces). */
    private void answerRun42(String fields) {
        cloud.addFault(Fault.status(
                RUN_42, 200, Map.of(), "{\"status\":{\"code\":200,\"is_success\":true},\"data\":{" + fields + "}}"));
    }

    private String run42Answer() {
        return "dbt Cloud answered the request for run 42 (account 70403 at " + cloud.url() + ")";
    }

    @Test
    @Timeout(30)
    void anAnswerAboutAnotherRunIsRefused() {
        answerRun42("\"id\":99,\"job_definition_id\":412233,\"status\":10,\"run_steps\":[" + FINE_STEP + "]");

        IngestException error = failure(() -> client().run(42));

        assertThat(error.kind()).isEqualTo(IngestException.Kind.REMOTE);
        assertThat(error.getMessage())
                .isEqualTo(run42Answer() + " with run 99 (\"data.id\") instead of run 42; the answer is refused.");
        assertThat(error.hint()).contains(Setting.DBT_CLOUD_ACCESS_URL.ref());
    }

    @Test
    @Timeout(30)
    void anAnswerGivingTheRunIdTwiceIsRefused() {
        answerRun42("\"id\":42,\"id\":99,\"job_definition_id\":412233,\"status\":10,\"run_steps\":[" + FINE_STEP + "]");

        IngestException error = failure(() -> client().run(42));

        assertThat(error.kind()).isEqualTo(IngestException.Kind.REMOTE);
        assertThat(error.getMessage())
                .startsWith(run42Answer() + " with JSON that gives one key twice (line 1, column ")
                .endsWith("); the answer is refused.");
    }

    @Test
    @Timeout(30)
    void idsThatAreNotWholePositiveNumbersAreRefusedNamingTheField() {
        for (String bad : List.of("\"42\"", "-42", "42.5", "1e30", "99999999999999999999", "0", "true", "[42]")) {
            answerRun42("\"id\":" + bad + ",\"status\":10");

            IngestException error = failure(() -> client().run(42));

            assertThat(error.kind()).as(bad).isEqualTo(IngestException.Kind.REMOTE);
            assertThat(error.getMessage())
                    .as(bad)
                    .startsWith(run42Answer() + " with \"data.id\": ")
                    .endsWith(", which is not a valid id (a whole number from 1 up).");
        }
    }

    @Test
    @Timeout(30)
    void everyIdInTheRunIsReadStrictly() {
        Map<String, String> answers = Map.of(
                "data.job_definition_id", "\"id\":42,\"job_definition_id\":\"412233\"",
                "data.account_id", "\"id\":42,\"account_id\":7.0403e4",
                "data.job.id", "\"id\":42,\"job\":{\"id\":-1,\"name\":\"x\"}",
                "data.run_steps[1].index", "\"id\":42,\"run_steps\":[" + FINE_STEP + ",{\"index\":1e30}]",
                "data.run_steps[0].index", "\"id\":42,\"run_steps\":[{\"index\":4294967297}]",
                "data.run_steps[0].run_id", "\"id\":42,\"run_steps\":[{\"index\":4,\"run_id\":\"42\"}]");
        answers.forEach((field, fields) -> {
            answerRun42(fields);

            IngestException error = failure(() -> client().run(42));

            assertThat(error.getMessage())
                    .as(field)
                    .startsWith(run42Answer() + " with \"" + field + "\": ")
                    .endsWith("which is not a valid id (a whole number from 1 up).");
        });
    }

    @Test
    @Timeout(30)
    void anAnswerAboutAnotherAccountIsRefused() {
        answerRun42("\"id\":42,\"account_id\":11111,\"status\":10");
        assertThat(failure(() -> client().run(42)).getMessage())
                .isEqualTo(run42Answer() + " with data of account 11111 (\"data.account_id\") instead of account "
                        + "70403; the answer is refused.");

        answerRun42("\"id\":42,\"account_id\":70403,\"run_steps\":[{\"index\":4,\"account_id\":1}]");
        assertThat(failure(() -> client().run(42)).getMessage())
                .contains("with data of account 1 (\"data.run_steps[0].account_id\") instead of account 70403");

        answerRun42("\"id\":42,\"job\":{\"id\":412233,\"account_id\":2}");
        assertThat(failure(() -> client().run(42)).getMessage())
                .contains("with data of account 2 (\"data.job.account_id\") instead of account 70403");
    }

    @Test
    @Timeout(30)
    void stepsOfAnotherRunOrListedTwiceAreRefused() {
        answerRun42("\"id\":42,\"run_steps\":[{\"index\":4,\"run_id\":99}]");
        assertThat(failure(() -> client().run(42)).getMessage())
                .isEqualTo(run42Answer()
                        + " with a step of run 99 (\"data.run_steps[0].run_id\") in run 42; the answer is refused.");

        answerRun42("\"id\":42,\"run_steps\":[" + FINE_STEP + "," + FINE_STEP + "]");
        assertThat(failure(() -> client().run(42)).getMessage())
                .isEqualTo(run42Answer()
                        + " with step 4 listed twice (\"data.run_steps[1].index\"); the answer is refused.");
    }

    @Test
    @Timeout(30)
    void aRunOfAnotherJobIsRefusedWhenAJobsRunIsAskedFor() throws Exception {
        answerRun42("\"id\":42,\"job_definition_id\":5,\"status\":10");
        assertThat(failure(() -> client().run(42, CloudFixtures.JOB)).getMessage())
                .isEqualTo(
                        run42Answer() + " with run 42 of job 5 instead of a run of job 412233; the answer is refused.");

        answerRun42("\"id\":42,\"status\":10");
        assertThat(failure(() -> client().run(42, CloudFixtures.JOB)).getMessage())
                .isEqualTo(run42Answer() + " with run 42, which does not say which job it belongs to (no "
                        + "\"data.job_definition_id\"); the answer is refused.");

        answerRun42("\"id\":42,\"job_definition_id\":412233,\"job\":{\"id\":5}");
        assertThat(failure(() -> client().run(42)).getMessage())
                .isEqualTo(run42Answer() + " with run 42 of job 412233 (\"data.job_definition_id\") and of job 5 "
                        + "(\"data.job.id\"); the answer is refused.");
    }

    @Test
    @Timeout(30)
    void aJobsListWithARunOfAnotherJobIsRefused() {
        cloud.addFault(Fault.status(
                "/api/v2/accounts/70403/runs/",
                200,
                Map.of(),
                "{\"data\":[{\"id\":7,\"job_definition_id\":412233,\"status\":10},"
                        + "{\"id\":6,\"job_definition_id\":5,\"status\":10}],"
                        + "\"extra\":{\"pagination\":{\"count\":2,\"total_count\":2}}}"));

        IngestException error = failure(() -> client().runs(CloudFixtures.JOB, 0, 100));

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud answered the request for the runs of job 412233 (account 70403 at " + cloud.url()
                        + ") with run 6 of job 5 instead of a run of job 412233; the answer is refused.");
    }

    @Test
    @Timeout(30)
    void aValueShownInAMessageHasTheTokenMasked() {
        answerRun42("\"id\":\"" + TOKEN + "\"");

        assertThat(failure(() -> client().run(42)).getMessage())
                .isEqualTo(run42Answer() + " with \"data.id\": \"****\", which is not a valid id (a whole number "
                        + "from 1 up).");
    }

    @Test
    @Timeout(30)
    void aRetryAfterThatIsNoDelayOrDateIsNotShown() {
        for (int i = 0; i < 3; i++) {
            cloud.addFault(Fault.status(
                    RUN_PATH,
                    429,
                    Map.of("Retry-After", TOKEN + " [INFO] forged"),
                    ERROR_ENVELOPE.formatted(429, "Slow")));
        }

        IngestException error = failure(() -> client().run(5));

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud kept rate-limiting the request for run 5 (account 70403 at " + cloud.url()
                        + ") (HTTP 429 after 3 attempts: Slow).");
    }
}
