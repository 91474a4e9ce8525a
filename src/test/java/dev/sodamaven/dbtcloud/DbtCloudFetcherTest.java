package dev.sodamaven.dbtcloud;

import static dev.sodamaven.dbtcloud.CloudFixtures.artifacts;
import static dev.sodamaven.dbtcloud.CloudFixtures.dbt;
import static dev.sodamaven.dbtcloud.CloudFixtures.run;
import static dev.sodamaven.dbtcloud.CloudFixtures.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.dbt.FreshnessResult;
import dev.sodamaven.dbt.TestResult;
import dev.sodamaven.http.HttpTransport;
import dev.sodamaven.http.RecordingSleeper;
import dev.sodamaven.testing.FakeCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fetching the test results of every step of a dbt Cloud run, against the fake dbt Cloud. */
class DbtCloudFetcherTest {

    private static final String NOT_NULL = "test.shop.not_null_orders_id.1";
    private static final String UNIQUE = "test.shop.unique_orders_id.2";
    private static final String ACCEPTED = "test.shop.accepted_values_orders_status.3";
    private static final String ORDERS_SOURCE = "source.shop.raw.orders";

    @TempDir
    Path dir;

    private FakeCloud cloud;
    private HttpTransport transport;
    private CloudFixtures fixtures;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        cloud = CloudFixtures.cloud();
        transport = CloudFixtures.transport(new RecordingSleeper());
        fixtures = new CloudFixtures(dir);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        cloud.close();
    }

    private Path root() {
        return dir.resolve("target/soda/dbt-cloud");
    }

    private CloudArtifacts fetchRun(long runId) throws IngestException {
        return fetched(new DbtCloudFetcher(
                CloudFixtures.client(transport, cloud), runId, null, false, null, Clock.systemUTC(), progress::add));
    }

    /** What {@code fetcher} fetched, when it fetched artifacts (always so without a max run age). */
    private CloudArtifacts fetched(DbtCloudFetcher fetcher) throws IngestException {
        return (CloudArtifacts) fetcher.fetchIfNew(root(), false);
    }

    private IngestException refusedRun(long runId) {
        IngestException error = catchThrowableOfType(IngestException.class, () -> fetchRun(runId));
        assertThat(error).isNotNull();
        return error;
    }

    /** clone, profile, deps, then the given steps from index 4 on. */
    private static List<FakeCloud.Step> withSystemSteps(FakeCloud.Step... dbtSteps) {
        List<FakeCloud.Step> steps = new ArrayList<>(List.of(
                system(1, "Clone git repository"),
                system(2, "Create profile from connection Snowflake "),
                dbt(3, "dbt deps", 10, Map.of())));
        steps.addAll(List.of(dbtSteps));
        return steps;
    }

    @Test
    void takesTheTestsOfTheBuildStepWhenTheRunEndsWithDocsGenerate() throws Exception {
        Path build = fixtures.runResults("build", "inv-build", Map.of(NOT_NULL, "pass", UNIQUE, "fail"));
        Path buildManifest = fixtures.manifest("inv-build");
        Path docs = fixtures.docsRunResults("inv-docs");
        cloud.addRun(run(
                50012345,
                20,
                withSystemSteps(
                        dbt(4, "dbt build", 20, artifacts(build, buildManifest)),
                        dbt(5, "dbt docs generate", 10, artifacts(docs, fixtures.manifest("inv-docs"))))));

        CloudArtifacts fetched = fetchRun(50012345);

        assertThat(fetched.mergedRunResults().tests())
                .extracting(TestResult::uniqueId, TestResult::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NOT_NULL, "pass"),
                        org.assertj.core.groups.Tuple.tuple(UNIQUE, "fail"));
        assertThat(fetched.mergedRunResults().metadata().invocationId()).isEqualTo("inv-build");
        Path runFolder = root().resolve("run-50012345");
        assertThat(fetched.manifest()).isEqualTo(runFolder.resolve("step-4/manifest.json"));
        assertThat(fetched.manifest()).hasSameBinaryContentAs(buildManifest);
        assertThat(runFolder.resolve("step-4/run_results.json")).hasSameBinaryContentAs(build);
        assertThat(runFolder.resolve("step-5")).doesNotExist();
        assertThat(fetched.description())
                .isEqualTo("dbt Cloud run 50012345 of job 412233 'Nightly build' (Error, "
                        + "finished 2026-11-20 06:07:40.884512+00:00), test results from step 4 (`dbt build`)");
        assertThat(fetched.notes())
                .contains(
                        "Not ingested: step 3 (`dbt deps`): `dbt deps` runs no tests.",
                        "Not ingested: step 5 (`dbt docs generate`): `dbt docs generate` runs no tests.");
        List<String> asked = cloud.requests().stream()
                .map(r -> r.path() + "?" + r.query().getOrDefault("step", ""))
                .toList();
        assertThat(asked)
                .containsExactly(
                        "/api/v2/accounts/70403/runs/50012345/?",
                        "/api/v2/accounts/70403/runs/50012345/artifacts/run_results.json?4",
                        "/api/v2/accounts/70403/runs/50012345/artifacts/manifest.json?4");
    }

    @Test
    void takesTheSourcesJsonOfAFirstFreshnessStepWithTheTestsOfTheBuild() throws Exception {
        Path freshness = fixtures.sources("inv-fresh", Map.of(ORDERS_SOURCE, "warn"));
        Path build = fixtures.runResults("build", "inv-build", Map.of(NOT_NULL, "pass"));
        Path buildManifest = fixtures.manifest("inv-build");
        Map<String, Path> freshnessArtifacts = new java.util.LinkedHashMap<>();
        freshnessArtifacts.put("sources.json", freshness);
        freshnessArtifacts.put("manifest.json", fixtures.manifest("inv-fresh"));
        cloud.addRun(run(
                50012346,
                10,
                withSystemSteps(
                        dbt(4, "dbt source freshness", 10, freshnessArtifacts),
                        dbt(5, "dbt build", 10, artifacts(build, buildManifest)))));

        CloudArtifacts fetched = fetchRun(50012346);

        assertThat(fetched.freshness().results())
                .extracting(FreshnessResult::uniqueId, FreshnessResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ORDERS_SOURCE, "warn"));
        assertThat(fetched.mergedRunResults().tests())
                .extracting(TestResult::uniqueId)
                .containsExactly(NOT_NULL);
        Path runFolder = root().resolve("run-50012346");
        assertThat(runFolder.resolve("step-4/sources.json")).hasSameBinaryContentAs(freshness);
        assertThat(fetched.manifest()).hasSameBinaryContentAs(buildManifest);
        assertThat(fetched.description())
                .endsWith("test results from step 5 (`dbt build`), source freshness from step 4 "
                        + "(`dbt source freshness`)");
        assertThat(cloud.requests().stream().map(r -> r.path() + "?" + r.query().getOrDefault("step", "")))
                .contains("/api/v2/accounts/70403/runs/50012346/artifacts/sources.json?4")
                .doesNotContain("/api/v2/accounts/70403/runs/50012346/artifacts/run_results.json?4");
    }

    @Test
    void aRunThatOnlyCheckedFreshnessIsIngestedWithTheManifestOfItsFreshnessStep() throws Exception {
        Path freshness = fixtures.sources("inv-fresh", Map.of(ORDERS_SOURCE, "error"));
        Path manifest = fixtures.manifest("inv-fresh");
        Map<String, Path> freshnessArtifacts = new java.util.LinkedHashMap<>();
        freshnessArtifacts.put("sources.json", freshness);
        freshnessArtifacts.put("manifest.json", manifest);
        // A freshness step that found a stale source ends in error; its sources.json says which.
        cloud.addRun(run(50012347, 20, withSystemSteps(dbt(4, "dbt source freshness", 20, freshnessArtifacts))));

        CloudArtifacts fetched = fetchRun(50012347);

        assertThat(fetched.freshness().results())
                .extracting(FreshnessResult::status)
                .containsExactly("error");
        assertThat(fetched.mergedRunResults().tests()).isEmpty();
        assertThat(fetched.mergedRunResults().metadata().invocationId()).isEqualTo("inv-fresh");
        assertThat(fetched.mergedRunResults().command()).isEqualTo("source freshness");
        assertThat(fetched.manifest()).isEqualTo(root().resolve("run-50012347/step-4/manifest.json"));
        assertThat(fetched.description()).endsWith("), source freshness from step 4 (`dbt source freshness`)");
    }

    @Test
    void aFreshnessStepWithoutSourcesJsonIsNotedAndTheRunWithoutAnyResultRefused() throws Exception {
        cloud.addRun(run(
                50012348,
                10,
                withSystemSteps(dbt(4, "dbt source freshness", 10, artifacts(null, fixtures.manifest("inv"))))));

        IngestException error = refusedRun(50012348);

        assertThat(error.getMessage())
                .contains("has no step with data-test results: ")
                .contains("step 4 (`dbt source freshness`): no sources.json");
        assertThat(error.hint())
                .isEqualTo("Ingest a run of a job with a `dbt test`, `dbt build` or `dbt source freshness` step.");
    }

    @Test
    void aStepThatRanOnlyUnitTestsIsPickedWhenUnitTestsAreSentAndOnlyThen() throws Exception {
        Path unit = fixtures.runResults("test", "inv-unit", Map.of("unit_test.shop.orders.test_order_total", "pass"));
        cloud.addRun(run(
                50012349,
                10,
                withSystemSteps(dbt(
                        4, "dbt test --select test_type:unit", 10, artifacts(unit, fixtures.manifest("inv-unit"))))));
        DbtCloudFetcher fetcher = new DbtCloudFetcher(
                CloudFixtures.client(transport, cloud), 50012349L, null, false, null, Clock.systemUTC(), progress::add);

        CloudArtifacts sent = (CloudArtifacts) fetcher.fetchIfNew(root(), true);
        IngestException notSent = catchThrowableOfType(IngestException.class, () -> fetcher.fetchIfNew(root(), false));

        assertThat(sent.mergedRunResults().unitTests())
                .extracting(TestResult::uniqueId)
                .containsExactly("unit_test.shop.orders.test_order_total");
        assertThat(notSent.getMessage()).contains("has no step with data-test results");
    }

    @Test
    void mergesTwoTestStepsTheLaterOneWinning() throws Exception {
        Path first = fixtures.runResults("build", "inv-1", Map.of(NOT_NULL, "fail", UNIQUE, "pass"));
        Path second = fixtures.runResults("test", "inv-2", Map.of(NOT_NULL, "pass", ACCEPTED, "warn"));
        Path lastManifest = fixtures.manifest("inv-2");
        cloud.addRun(run(
                7,
                10,
                withSystemSteps(
                        dbt(4, "dbt build", 20, artifacts(first, fixtures.manifest("inv-1"))),
                        dbt(5, "dbt test --select orders", 10, artifacts(second, lastManifest)))));

        CloudArtifacts fetched = fetchRun(7);

        assertThat(fetched.mergedRunResults().tests())
                .extracting(TestResult::uniqueId, TestResult::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NOT_NULL, "pass"),
                        org.assertj.core.groups.Tuple.tuple(UNIQUE, "pass"),
                        org.assertj.core.groups.Tuple.tuple(ACCEPTED, "warn"));
        assertThat(fetched.manifest()).isEqualTo(root().resolve("run-7/step-5/manifest.json"));
        assertThat(fetched.manifest()).hasSameBinaryContentAs(lastManifest);
        assertThat(fetched.description())
                .endsWith("test results from step 4 (`dbt build`), step 5 (`dbt test --select orders`)");
        assertThat(root().resolve("run-7/step-4/run_results.json")).exists();
        assertThat(root().resolve("run-7/step-5/run_results.json")).exists();
    }

    @Test
    void skipsAStepWithoutRunResultsWithANote() throws Exception {
        Path test = fixtures.runResults("test", "inv-2", Map.of(NOT_NULL, "pass"));
        cloud.addRun(run(
                8,
                20,
                withSystemSteps(
                        dbt(4, "dbt build", 20, artifacts(null, fixtures.manifest("inv-1"))),
                        dbt(5, "dbt test", 10, artifacts(test, fixtures.manifest("inv-2"))))));

        CloudArtifacts fetched = fetchRun(8);

        assertThat(fetched.mergedRunResults().tests())
                .extracting(TestResult::uniqueId)
                .containsExactly(NOT_NULL);
        assertThat(fetched.notes()).contains("Not ingested: step 4 (`dbt build`): no run_results.json.");
        assertThat(root().resolve("run-8/step-4")).doesNotExist();
    }

    @Test
    void noticesWhenDbtCloudIgnoresTheStepParameter() throws Exception {
        // The same file for both steps: what dbt Cloud serves when it ignores ?step=.
        Path same = fixtures.runResults("build", "inv-last", Map.of(NOT_NULL, "pass"));
        Path manifest = fixtures.manifest("inv-last");
        cloud.addRun(run(
                9,
                10,
                withSystemSteps(
                        dbt(4, "dbt build", 10, artifacts(same, manifest)),
                        dbt(5, "dbt test", 10, artifacts(same, manifest)))));

        CloudArtifacts fetched = fetchRun(9);

        assertThat(fetched.notes())
                .contains("dbt Cloud returned the same run_results.json for steps 4 and 5 (it may "
                        + "ignore the step parameter); it is used once.");
        assertThat(fetched.description()).endsWith("test results from step 4 (`dbt build`)");
        assertThat(fetched.mergedRunResults().tests()).hasSize(1);
    }

    @Test
    void saysSoWhenIgnoringTheStepParameterLeavesOnlyTheDocsStepsFile() throws Exception {
        // Every step answers with the last (docs generate) step's file: no step seems to hold tests.
        Path docs = fixtures.docsRunResults("inv-docs");
        Path manifest = fixtures.manifest("inv-docs");
        cloud.addRun(run(
                12,
                20,
                withSystemSteps(
                        dbt(4, "dbt build", 20, artifacts(docs, manifest)),
                        dbt(5, "dbt docs generate", 10, artifacts(docs, manifest)))));

        IngestException error = refusedRun(12);

        assertThat(error.getMessage())
                .contains("step 4 (`dbt build`): no data-test result")
                .endsWith("dbt Cloud returned the same run_results.json for several steps: it seems to ignore the "
                        + "step parameter and serve the last step's file, which holds no test results.");
    }

    @Test
    void fallsBackToTheRunsDefaultManifest() throws Exception {
        Path build = fixtures.runResults("build", "inv-build", Map.of(NOT_NULL, "pass"));
        Path lastStepManifest = fixtures.manifest("inv-docs");
        List<FakeCloud.Step> steps = withSystemSteps(
                dbt(4, "dbt build", 10, artifacts(build, null)),
                dbt(5, "dbt docs generate", 10, artifacts(fixtures.docsRunResults("inv-docs"), lastStepManifest)));
        cloud.addRun(run(10, 10, steps));

        CloudArtifacts fetched = fetchRun(10);

        assertThat(fetched.manifest()).isEqualTo(root().resolve("run-10/manifest.json"));
        assertThat(fetched.manifest()).hasSameBinaryContentAs(lastStepManifest);
        assertThat(fetched.notes())
                .contains("step 4 (`dbt build`) has no manifest.json; the run's default (last step) "
                        + "manifest is used.");
    }

    @Test
    void aRunWithoutAnyManifestIsAClearError() throws Exception {
        Path build = fixtures.runResults("build", "inv-build", Map.of(NOT_NULL, "pass"));
        cloud.addRun(run(11, 10, withSystemSteps(dbt(4, "dbt build", 10, artifacts(build, null)))));

        IngestException error = refusedRun(11);

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud run 11 of job 412233 'Nightly build' (Success, finished "
                        + "2026-11-20 06:07:40.884512+00:00) has no manifest.json.");
    }

    @Test
    void aRunWithoutTestResultsNamesTheStepsItFound() throws Exception {
        cloud.addRun(run(
                12,
                10,
                withSystemSteps(
                        dbt(4, "dbt run", 10, artifacts(fixtures.runResults("run", "i", Map.of()), null)),
                        dbt(5, "dbt compile", 10, Map.of()),
                        dbt(
                                6,
                                "dbt seed-like-thing",
                                10,
                                artifacts(fixtures.runResults("seed", "i2", Map.of()), null)))));

        IngestException error = refusedRun(12);

        assertThat(error.kind()).isEqualTo(IngestException.Kind.INPUT);
        assertThat(error.getMessage())
                .contains("has no step with data-test results: ")
                .contains("step 4 (`dbt run`): `dbt run` runs no tests")
                .contains("step 6 (`dbt seed-like-thing`): no data-test result (1 model)");
    }

    @Test
    void refusesARunStillInProgress() {
        cloud.addRun(new FakeCloud.Run(20, CloudFixtures.JOB, 3, null, false, List.of(), Map.of()));

        IngestException error = refusedRun(20);

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud run 20 of job 412233 'Nightly build' (Running) has not finished yet.");
        assertThat(error.hint()).contains("dbtCloudJobId");
    }

    @Test
    void refusesACancelledRun() {
        cloud.addRun(
                new FakeCloud.Run(21, CloudFixtures.JOB, 30, "2026-11-20 06:01:00+00:00", true, List.of(), Map.of()));

        assertThat(refusedRun(21).getMessage())
                .contains("run 21")
                .contains("was cancelled, so its test results are incomplete");
    }

    @Test
    void refusesARunWithoutArtifacts() {
        cloud.addRun(
                new FakeCloud.Run(22, CloudFixtures.JOB, 20, "2026-11-20 06:01:00+00:00", false, List.of(), Map.of()));

        assertThat(refusedRun(22).getMessage()).contains("run 22").endsWith("saved no artifacts.");
    }

    @Test
    void anUnknownRunIsA404Message() {
        IngestException error = refusedRun(404404);

        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud could not find run 404404 (account 70403 at " + cloud.url()
                        + ") (HTTP 404: The requested resource was not found.).");
    }

    @Test
    void usesTheLastStepWhenTheRunListsNoSteps() throws Exception {
        Path results = fixtures.runResults("build", "inv", Map.of(NOT_NULL, "warn"));
        cloud.addRun(new FakeCloud.Run(
                30,
                CloudFixtures.JOB,
                10,
                "2026-11-20 06:07:40+00:00",
                true,
                List.of(),
                artifacts(results, fixtures.manifest("inv"))));

        CloudArtifacts fetched = fetchRun(30);

        assertThat(fetched.mergedRunResults().tests()).hasSize(1);
        assertThat(root().resolve("run-30/last-step/run_results.json")).hasSameBinaryContentAs(results);
        assertThat(fetched.manifest()).isEqualTo(root().resolve("run-30/manifest.json"));
        assertThat(fetched.notes()).anySatisfy(note -> assertThat(note).contains("lists no steps"));
    }

    /** A fetcher for the job, at {@code now}, accepting runs up to {@code maxRunAge} old (null: any age). */
    private DbtCloudFetcher jobFetcher(java.time.Duration maxRunAge, String now) {
        return new DbtCloudFetcher(
                CloudFixtures.client(transport, cloud),
                null,
                CloudFixtures.JOB,
                false,
                maxRunAge,
                java.time.Clock.fixed(java.time.Instant.parse(now), java.time.ZoneOffset.UTC),
                progress::add);
    }

    /** Run 41 of the job, finished 2026-11-20 06:07:40 with one passing test. */
    private void addFinishedRun41() throws Exception {
        cloud.addRun(run(
                41,
                10,
                withSystemSteps(dbt(
                        4,
                        "dbt build",
                        10,
                        artifacts(
                                fixtures.runResults("build", "inv-41", Map.of(NOT_NULL, "pass")),
                                fixtures.manifest("inv-41"))))));
    }

    @Test
    void aJobsLatestRunOlderThanTheMaxRunAgeIsNothingNewAndNothingIsDownloaded() throws Exception {
        addFinishedRun41();

        // The run finished at 06:07:40; at 08:10 it is 2 h 2 min old.
        Fetched fetched = jobFetcher(java.time.Duration.ofHours(1), "2026-11-20T08:10:00Z")
                .fetchIfNew(root(), false);

        assertThat(fetched)
                .isInstanceOfSatisfying(
                        NothingNew.class,
                        nothing -> assertThat(nothing.reason())
                                .isEqualTo(
                                        "Nothing new to ingest: the latest finished run of job 412233, dbt Cloud run 41 of "
                                                + "job 412233 'Nightly build' (Success, finished 2026-11-20 06:07:40.884512+00:00), "
                                                + "finished 2 h 2 min ago, longer than "
                                                + Setting.DBT_CLOUD_MAX_RUN_AGE.ref()
                                                + " (PT1H); nothing was sent."));
        assertThat(cloud.requests().stream().filter(r -> r.path().contains("/artifacts/")))
                .isEmpty();
        assertThat(root()).doesNotExist();
    }

    @Test
    void aJobsLatestRunWithinTheMaxRunAgeIsIngested() throws Exception {
        addFinishedRun41();

        Fetched fetched = jobFetcher(java.time.Duration.ofHours(3), "2026-11-20T08:10:00Z")
                .fetchIfNew(root(), false);

        assertThat(fetched)
                .isInstanceOfSatisfying(
                        CloudArtifacts.class,
                        artifacts -> assertThat(
                                        artifacts.mergedRunResults().metadata().invocationId())
                                .isEqualTo("inv-41"));
    }

    @Test
    void withAJobIdTakesTheNewestFinishedRunAndResolvesItOnce() throws Exception {
        Path build = fixtures.runResults("build", "inv-41", Map.of(NOT_NULL, "fail"));
        cloud.addRun(run(
                40,
                10,
                withSystemSteps(dbt(
                        4,
                        "dbt build",
                        10,
                        artifacts(
                                fixtures.runResults("build", "inv-40", Map.of(NOT_NULL, "pass")),
                                fixtures.manifest("inv-40"))))));
        cloud.addRun(run(
                41, 20, withSystemSteps(dbt(4, "dbt build", 20, artifacts(build, fixtures.manifest("inv-41"))))));
        cloud.addRun(CloudFixtures.listed(42, 3, false));

        CloudArtifacts fetched = fetched(jobFetcher(null, "2026-11-20T08:10:00Z"));

        assertThat(fetched.mergedRunResults().metadata().invocationId()).isEqualTo("inv-41");
        assertThat(fetched.notes()).contains("Passed over newer runs of job 412233: run 42 (running).");
        assertThat(progress)
                .anySatisfy(line -> assertThat(line).startsWith("Latest finished run of job 412233: dbt Cloud run 41"));
        assertThat(cloud.requests().stream().filter(r -> r.path().endsWith("/runs/")))
                .hasSize(1);
        assertThat(cloud.requests().stream().filter(r -> r.path().contains("/runs/40")))
                .isEmpty();
        try (var folders = Files.list(root())) {
            assertThat(folders.map(p -> p.getFileName().toString())).containsExactly("run-41");
        }
    }

    @Test
    void sendsTheTokenAsTokenAuthorization() throws Exception {
        Path build = fixtures.runResults("build", "inv", Map.of(NOT_NULL, "pass"));
        cloud.addRun(run(50, 10, withSystemSteps(dbt(4, "dbt build", 10, artifacts(build, fixtures.manifest("inv"))))));

        fetchRun(50);

        // The run, then its step's run_results.json and manifest.json.
        assertThat(cloud.requests())
                .hasSize(3)
                .allSatisfy(request ->
                        assertThat(request.header("authorization")).isEqualTo("Token " + CloudFixtures.TOKEN));
        assertThat(cloud.requests())
                .filteredOn(r -> r.path().contains("/artifacts/"))
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.header("accept")).isEqualTo("*/*"));
        assertThat(cloud.requests().get(0).query().get("include_related")).isEqualTo("[\"run_steps\",\"job\"]");
    }

    @Test
    @Timeout(30)
    void aTruncatedRunResultsDownloadIsMovedAsideAndTheMessageSaysWhere() throws Exception {
        String whole = Files.readString(fixtures.runResults("build", "inv", Map.of(NOT_NULL, "pass")));
        Path truncated = dir.resolve("truncated-run_results.json");
        Files.writeString(truncated, whole.substring(0, whole.length() / 2));
        cloud.addRun(run(
                60, 20, withSystemSteps(dbt(4, "dbt build", 20, artifacts(truncated, fixtures.manifest("inv"))))));
        Path stepFolder = root().resolve("run-60/step-4");
        // An older broken copy is replaced, not kept beside.
        Files.createDirectories(stepFolder);
        Files.writeString(stepFolder.resolve("run_results.json.broken"), "older");

        IngestException error = refusedRun(60);

        Path broken = stepFolder.resolve("run_results.json.broken");
        assertThat(error.kind()).isEqualTo(IngestException.Kind.INPUT);
        assertThat(error.getMessage())
                .contains("is truncated")
                .endsWith(" The broken download was moved aside to " + broken + ".");
        assertThat(error.hint()).contains("download it anew");
        assertThat(stepFolder.resolve("run_results.json")).doesNotExist();
        assertThat(broken).hasContent(whole.substring(0, whole.length() / 2));
        assertThat(stepFolder.resolve("manifest.json")).doesNotExist();
    }

    @Test
    @Timeout(30)
    void aDownloadThatIsNotJsonIsMovedAside() throws Exception {
        Path notJson = dir.resolve("page.json");
        Files.writeString(notJson, "Service temporarily unavailable, please retry later.");
        cloud.addRun(run(61, 10, withSystemSteps(dbt(4, "dbt test", 10, artifacts(notJson, fixtures.manifest("i"))))));

        IngestException error = refusedRun(61);

        Path stepFolder = root().resolve("run-61/step-4");
        assertThat(error.getMessage())
                .endsWith(" The broken download was moved aside to " + stepFolder.resolve("run_results.json.broken")
                        + ".");
        assertThat(stepFolder.resolve("run_results.json")).doesNotExist();
    }

    @Test
    @Timeout(30)
    void theJobsRunIsRefusedWhenDbtCloudAnswersWithARunOfAnotherJob() throws Exception {
        Path build = fixtures.runResults("build", "inv-41", Map.of(NOT_NULL, "fail"));
        cloud.addRun(run(
                41, 20, withSystemSteps(dbt(4, "dbt build", 20, artifacts(build, fixtures.manifest("inv-41"))))));
        // The list is right, the run itself then says it belongs to job 5.
        cloud.addFault(FakeCloud.Fault.status(
                "/api/v2/accounts/70403/runs/41/",
                200,
                Map.of(),
                "{\"data\":{\"id\":41,\"job_definition_id\":5,\"status\":20,\"artifacts_saved\":true}}"));

        IngestException error =
                catchThrowableOfType(IngestException.class, () -> fetched(jobFetcher(null, "2026-11-20T08:10:00Z")));

        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .isEqualTo("dbt Cloud answered the request for run 41 (account 70403 at " + cloud.url()
                        + ") with run 41 of job 5 instead of a run of job 412233; the answer is refused.");
        assertThat(root()).doesNotExist();
    }

    @Test
    @Timeout(30)
    void aRunIdAnsweredForAnotherRunDownloadsNothing() {
        cloud.addRun(run(42, 10, withSystemSteps(dbt(4, "dbt build", 10, Map.of()))));
        cloud.addFault(FakeCloud.Fault.status(
                "/api/v2/accounts/70403/runs/42/",
                200,
                Map.of(),
                "{\"data\":{\"id\":99,\"job_definition_id\":412233,\"status\":10}}"));

        IngestException error = refusedRun(42);

        assertThat(error.getMessage()).contains("with run 99 (\"data.id\") instead of run 42");
        assertThat(cloud.requests()).hasSize(1);
        assertThat(root()).doesNotExist();
    }
}
