package dev.sodamaven.dbtcloud;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.dbt.DataTestGuard;
import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.RunResultsReader;
import dev.sodamaven.dbt.SourceFreshness;
import dev.sodamaven.dbt.SourcesReader;
import dev.sodamaven.http.DownloadListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fetches what to ingest from a dbt Cloud run: resolves the run (once), takes the run_results.json
 * of <em>every</em> step that ran tests — not only the last step, which in a job ending with
 * {@code dbt docs generate} holds no test result — and the manifest of the last of those steps; and
 * the sources.json of every step that ran {@code dbt source freshness} (the manifest of the last of
 * those when no step ran tests). Everything is streamed to {@code <output>/dbt-cloud/run-<id>/} and kept there.
 */
public final class DbtCloudFetcher {

    private final DbtCloudClient client;
    private final Long runId;
    private final Long jobId;
    private final boolean successfulOnly;
    private final Duration maxRunAge;
    private final Clock clock;
    private final Consumer<String> progress;

    /**
     * @param maxRunAge with a job id: a latest finished run older than this is nothing new (null: any age)
     * @param clock     what the run's age is measured against
     */
    public DbtCloudFetcher(
            DbtCloudClient client,
            Long runId,
            Long jobId,
            boolean successfulOnly,
            Duration maxRunAge,
            Clock clock,
            Consumer<String> progress) {
        if ((runId == null) == (jobId == null)) {
            throw new IllegalArgumentException("exactly one of runId and jobId");
        }
        this.client = client;
        this.runId = runId;
        this.jobId = jobId;
        this.successfulOnly = successfulOnly;
        this.maxRunAge = maxRunAge;
        this.clock = clock;
        this.progress = progress;
    }

    /** One step's results, downloaded and read. */
    private record StepResults(RunStep step, Path file, RunResults results) {}

    /** One freshness step's sources.json, downloaded and read. */
    private record StepFreshness(RunStep step, SourceFreshness freshness) {}

    /**
     * The run's artifacts; or, for a job whose latest finished run is older than {@code maxRunAge},
     * that there is nothing new (nothing is downloaded).
     *
     * @param unitTestsSent whether unit test results are sent ({@code sendUnitTests}): then a step that ran
     *                      only unit tests has results to ingest
     */
    public Fetched fetchIfNew(Path downloadRoot, boolean unitTestsSent) throws IngestException {
        List<String> notes = new ArrayList<>();
        DbtRun run = resolveRun(notes);
        Optional<NothingNew> stale = tooOld(run);
        if (stale.isPresent()) {
            return stale.get();
        }
        return fetch(run, notes, downloadRoot, unitTestsSent);
    }

    private Optional<NothingNew> tooOld(DbtRun run) {
        if (maxRunAge == null || jobId == null) {
            return Optional.empty();
        }
        Optional<Instant> finished = RunAge.finished(run.finishedAt());
        if (finished.isEmpty()) {
            // An age that cannot be told is no reason to skip a run: ingesting it again is the lesser harm.
            progress.accept(run.describe() + " does not say readably when it finished; "
                    + Setting.DBT_CLOUD_MAX_RUN_AGE.ref() + " cannot apply, so it is ingested.");
            return Optional.empty();
        }
        Duration age = Duration.between(finished.get(), clock.instant());
        if (age.compareTo(maxRunAge) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new NothingNew("Nothing new to ingest: the latest finished run of job " + jobId + ", "
                + run.describe() + ", finished " + RunAge.describe(age) + " ago, longer than "
                + Setting.DBT_CLOUD_MAX_RUN_AGE.ref() + " (" + maxRunAge + "); nothing was sent."));
    }

    private CloudArtifacts fetch(DbtRun run, List<String> notes, Path downloadRoot, boolean unitTestsSent)
            throws IngestException {
        Path runFolder = downloadRoot.resolve("run-" + run.id());

        List<StepResults> withTests = new ArrayList<>();
        List<String> stepsSeen = new ArrayList<>();
        boolean stepIgnored = false;
        Map<String, Integer> digests = new HashMap<>();
        StepPlanner.Plan plan = new StepPlanner().plan(run.steps());
        if (plan.candidates().isEmpty()
                && plan.skipped().isEmpty()
                && plan.freshness().isEmpty()) {
            // No step that can be recognised as a dbt invocation: the artifact without a step is the last step's.
            notes.add(run.describe()
                    + (run.steps().isEmpty() ? " lists no steps" : " has no step recognised as a dbt command")
                    + "; the run results of its last step are used.");
            Optional<Path> lastStep = download(run, null, runFolder, stepsSeen);
            if (lastStep.isPresent()) {
                readStep(run, null, lastStep.get(), stepsSeen, unitTestsSent).ifPresent(withTests::add);
            }
        } else {
            plan.skipped().forEach(skip -> stepsSeen.add(skip));
            // Every download is fingerprinted before its content is judged: a dbt Cloud that ignores the
            // step parameter serves the last step's file for every step, which must be said as such.
            for (RunStep step : plan.candidates()) {
                Optional<Path> file = download(run, step, runFolder, stepsSeen);
                if (file.isEmpty()) {
                    continue;
                }
                Integer same = digests.putIfAbsent(digest(file.get()), step.index());
                if (same != null) {
                    stepIgnored = true;
                    notes.add("dbt Cloud returned the same run_results.json for steps " + same + " and " + step.index()
                            + " (it may ignore the step parameter); it is used once.");
                    stepsSeen.add(step.describe() + ": the same run_results.json as step " + same);
                    continue;
                }
                readStep(run, step, file.get(), stepsSeen, unitTestsSent).ifPresent(withTests::add);
            }
        }
        List<StepFreshness> freshness = new ArrayList<>();
        for (RunStep step : plan.freshness()) {
            readFreshness(run, step, runFolder, stepsSeen).ifPresent(freshness::add);
        }
        if (withTests.isEmpty() && !freshness.isEmpty()) {
            return freshnessOnly(run, freshness, runFolder, notes, stepsSeen);
        }
        if (withTests.isEmpty() && !stepIgnored && !digests.isEmpty()) {
            // One more request, only on the way to an error: is what the steps returned the last step's file?
            Optional<Path> lastStep = client.artifact(
                    run.id(),
                    null,
                    "run_results.json",
                    runFolder.resolve("last-step").resolve("run_results.json"),
                    listener("run_results.json", run.id()));
            Integer sameAs = lastStep.isPresent() ? digests.get(digest(lastStep.get())) : null;
            stepIgnored = sameAs != null && !isLastStep(run, sameAs);
        }
        if (withTests.isEmpty()) {
            String ignored = stepIgnored
                    ? " dbt Cloud returned the same run_results.json for several steps: it seems to"
                            + " ignore the step parameter and serve the last step's file, which holds no test results."
                    : "";
            throw IngestException.input(
                    run.describe() + " has no step with data-test results: "
                            + (stepsSeen.isEmpty() ? "it ran no dbt command" : String.join("; ", stepsSeen)) + "."
                            + ignored,
                    "Ingest a run of a job with a `dbt test`, `dbt build` or `dbt source freshness` step.");
        }
        List<RunResults> parts = withTests.stream().map(StepResults::results).toList();
        RunStep lastTestStep = withTests.get(withTests.size() - 1).step();
        Path manifest = downloadManifest(run, lastTestStep, runFolder, notes);
        String steps = withTests.stream()
                .map(s -> s.step() == null ? "last step" : s.step().describe())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        stepsSeen.forEach(seen -> notes.add("Not ingested: " + seen + "."));
        return new CloudArtifacts(
                run.describe() + ", test results from " + steps + freshnessFrom(freshness),
                RunResults.merge(parts),
                manifest,
                notes,
                run.id(),
                mergeFreshness(freshness));
    }

    /** A run whose only results are source freshness: the manifest is the last freshness step's. */
    private CloudArtifacts freshnessOnly(
            DbtRun run, List<StepFreshness> freshness, Path runFolder, List<String> notes, List<String> stepsSeen)
            throws IngestException {
        RunStep last = freshness.get(freshness.size() - 1).step();
        Path manifest = downloadManifest(run, last, runFolder, notes);
        stepsSeen.forEach(seen -> notes.add("Not ingested: " + seen + "."));
        SourceFreshness merged = mergeFreshness(freshness);
        String description = run.describe() + freshnessFrom(freshness);
        return new CloudArtifacts(
                description, RunResults.freshnessOnly(merged.metadata()), manifest, notes, run.id(), merged);
    }

    private static String freshnessFrom(List<StepFreshness> freshness) {
        if (freshness.isEmpty()) {
            return "";
        }
        return ", source freshness from "
                + String.join(
                        ", ", freshness.stream().map(f -> f.step().describe()).toList());
    }

    private static SourceFreshness mergeFreshness(List<StepFreshness> freshness) {
        return freshness.isEmpty()
                ? null
                : SourceFreshness.merge(
                        freshness.stream().map(StepFreshness::freshness).toList());
    }

    /** Downloads and reads a freshness step's sources.json; empty (and noted) when it has none. */
    private Optional<StepFreshness> readFreshness(DbtRun run, RunStep step, Path runFolder, List<String> stepsSeen)
            throws IngestException {
        Optional<Path> file = client.artifact(
                run.id(),
                step.index(),
                "sources.json",
                runFolder.resolve("step-" + step.index()).resolve("sources.json"),
                listener("sources.json", run.id()));
        if (file.isEmpty()) {
            stepsSeen.add(step.describe() + ": no sources.json");
            return Optional.empty();
        }
        SourceFreshness freshness;
        try {
            freshness = new SourcesReader()
                    .read(file.get(), "the sources.json of " + step.describe() + " of run " + run.id());
        } catch (IngestException unreadable) {
            throw BrokenDownload.refuse(file.get(), unreadable);
        }
        if (freshness.results().isEmpty()) {
            stepsSeen.add(step.describe() + ": no source freshness result");
            return Optional.empty();
        }
        return Optional.of(new StepFreshness(step, freshness));
    }

    private DbtRun resolveRun(List<String> notes) throws IngestException {
        if (runId != null) {
            DbtRun run = client.run(runId);
            if (run.status().inProgress()) {
                throw IngestException.remote(
                        run.describe() + " has not finished yet.",
                        "Wait for it to finish, or set " + Setting.DBT_CLOUD_JOB_ID.ref()
                                + " to ingest the job's latest finished run.");
            }
            if (run.status() == RunStatus.CANCELLED) {
                throw IngestException.remote(
                        run.describe() + " was cancelled, so its test results are incomplete.",
                        "Ingest another run, or set " + Setting.DBT_CLOUD_JOB_ID.ref()
                                + " to take the job's latest finished run.");
            }
            if (Boolean.FALSE.equals(run.artifactsSaved())) {
                throw IngestException.remote(
                        run.describe() + " saved no artifacts.",
                        "It likely failed before dbt ran; ingest another run.");
            }
            progress.accept("Ingesting " + run.describe() + ".");
            return run;
        }
        RunSelector.Selection selection = new RunSelector(client).latestFinished(jobId, successfulOnly);
        if (!selection.passedOver().isEmpty()) {
            notes.add(
                    "Passed over newer runs of job " + jobId + ": " + String.join(", ", selection.passedOver()) + ".");
        }
        // The list endpoint has no steps: fetch the chosen run itself.
        DbtRun run = client.run(selection.run().id(), jobId);
        progress.accept("Latest finished run of job " + jobId + ": " + run.describe() + ".");
        return run;
    }

    /** Downloads a step's run_results.json (the last step's when {@code step} is null), if it has one. */
    private Optional<Path> download(DbtRun run, RunStep step, Path runFolder, List<String> stepsSeen)
            throws IngestException {
        Integer index = step == null ? null : step.index();
        Path target =
                runFolder.resolve(index == null ? "last-step" : "step-" + index).resolve("run_results.json");
        Optional<Path> file =
                client.artifact(run.id(), index, "run_results.json", target, listener("run_results.json", run.id()));
        if (file.isEmpty()) {
            stepsSeen.add(label(step) + ": no run_results.json");
        }
        return file;
    }

    private static boolean isLastStep(DbtRun run, int index) {
        return !run.steps().isEmpty() && run.steps().get(run.steps().size() - 1).index() == index;
    }

    private static String label(RunStep step) {
        return step == null ? "the last step" : step.describe();
    }

    /**
     * Reads a downloaded run_results.json; empty (and noted) when it holds no data-test result, nor unit
     * test results that are sent.
     */
    private Optional<StepResults> readStep(
            DbtRun run, RunStep step, Path file, List<String> stepsSeen, boolean unitTestsSent) throws IngestException {
        String label = label(step);
        RunResults results;
        try {
            results = new RunResultsReader().read(file, "the run_results.json of " + label + " of run " + run.id());
        } catch (IngestException unreadable) {
            // Downloads are kept: a broken one must not stay where a good run_results.json is expected.
            throw BrokenDownload.refuse(file, unreadable);
        }
        if (!DataTestGuard.hasDataTestResults(results)
                && !(unitTestsSent && !results.unitTests().isEmpty())) {
            stepsSeen.add(label + ": no data-test result (" + DataTestGuard.describeContents(results) + ")");
            return Optional.empty();
        }
        return Optional.of(new StepResults(step, file, results));
    }

    private Path downloadManifest(DbtRun run, RunStep lastTestStep, Path runFolder, List<String> notes)
            throws IngestException {
        if (lastTestStep != null) {
            Optional<Path> fromStep = client.artifact(
                    run.id(),
                    lastTestStep.index(),
                    "manifest.json",
                    runFolder.resolve("step-" + lastTestStep.index()).resolve("manifest.json"),
                    listener("manifest.json", run.id()));
            if (fromStep.isPresent()) {
                return fromStep.get();
            }
            notes.add(
                    lastTestStep.describe() + " has no manifest.json; the run's default (last step) manifest is used.");
        }
        return client.artifact(
                        run.id(),
                        null,
                        "manifest.json",
                        runFolder.resolve("manifest.json"),
                        listener("manifest.json", run.id()))
                .orElseThrow(() -> IngestException.remote(
                        run.describe() + " has no manifest.json.", "Ingest a run that saved its artifacts."));
    }

    private DownloadListener listener(String name, long run) {
        return (bytes, total) -> progress.accept("Downloading " + name + " of run " + run + ": " + megabytes(bytes)
                + (total > 0 ? " of " + megabytes(total) : ""));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }

    private static String digest(Path file) throws IngestException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw IngestException.input(
                    "Could not read the download " + file + ": " + e.getMessage(), "Check the disk.", e);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
