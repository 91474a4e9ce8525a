package dev.sodamaven;

import dev.sodamaven.config.ArtifactSource;
import dev.sodamaven.config.DataTimestamp;
import dev.sodamaven.config.IngestSettings;
import dev.sodamaven.config.SettingOrigin;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.PluginInfo;
import dev.sodamaven.core.Setting;
import dev.sodamaven.dbt.DataTestGuard;
import dev.sodamaven.dbt.FreshnessResult;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.ManifestReader;
import dev.sodamaven.dbt.ReadProgress;
import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.RunResultsReader;
import dev.sodamaven.dbt.Selection;
import dev.sodamaven.dbt.SelectionOutcome;
import dev.sodamaven.dbt.SourceFreshness;
import dev.sodamaven.dbt.SourcesReader;
import dev.sodamaven.dbt.TestResult;
import dev.sodamaven.dbtcloud.CloudArtifacts;
import dev.sodamaven.dbtcloud.Fetched;
import dev.sodamaven.dbtcloud.NothingNew;
import dev.sodamaven.report.ConsoleSummary;
import dev.sodamaven.report.HtmlReportWriter;
import dev.sodamaven.report.JUnitReportWriter;
import dev.sodamaven.report.ReportContext;
import dev.sodamaven.soda.CheckMapper;
import dev.sodamaven.soda.Ledger;
import dev.sodamaven.soda.LongText;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.ScanLog;
import dev.sodamaven.soda.ScanResults;
import dev.sodamaven.soda.ScanResultsWriter;
import dev.sodamaven.soda.SodaCheck;
import dev.sodamaven.soda.UploadReceipt;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * One ingestion, in the steps of DESIGN.md: read the dbt results (from local files or a dbt Cloud
 * run), read the manifest, map the tests to checks, write the scan results file and the reports,
 * summarise, upload, apply the quality gate. Each step uses only what the steps before it produced.
 */
public final class Ingestion {

    private static final String NO_CHECKS =
            "No check to upload: Soda Cloud refuses a scan without checks, so nothing was sent.";

    private final IngestLog log;
    private final Clock clock;
    private final Remote remote;
    private final Outbound outbound;

    /**
     * @param log      where progress, the summary and warnings go
     * @param clock    the time of the scan
     * @param remote   Soda Cloud and dbt Cloud
     * @param outbound what text written to the scan results file and the reports passes through
     */
    public Ingestion(IngestLog log, Clock clock, Remote remote, Outbound outbound) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.outbound = Objects.requireNonNull(outbound, "outbound");
    }

    /**
     * Runs the ingestion. Running out of heap ends it with {@link HeapExhausted}, which says how much had been
     * read: the run's data is unreachable by then, so that there is room to say it.
     */
    public IngestOutcome run(IngestSettings settings) throws IngestException {
        Tracker tracker = new Tracker();
        try {
            return run(settings, tracker);
        } catch (OutOfMemoryError full) {
            throw new HeapExhausted(tracker.testResults(), tracker.progress.relations(), tracker.step, full);
        }
    }

    /** Where a run is: the step it is in and what its readers have counted, kept outside the run's data. */
    private static final class Tracker {
        final ReadProgress progress = new ReadProgress();
        String step = "reading the settings";
        /** Test results read by a reader that does not count (dbt Cloud downloads), once known. */
        long testResultsRead;

        long testResults() {
            return Math.max(progress.testResults(), testResultsRead);
        }
    }

    private IngestOutcome run(IngestSettings settings, Tracker tracker) throws IngestException {
        Instant start = clock.instant();
        SettingOrigin.log(settings.origins(), settings.warnings(), log);
        // Read before anything is fetched: a selector the plugin cannot apply is known from the settings alone.
        Selection selection =
                Selection.of(settings.selection().select(), settings.selection().exclude());
        boolean forSelection = !selection.isEverything();
        try (Remote.Session session = remote.open(settings.network());
                ManifestAhead ahead = readAhead(settings, tracker.progress, forSelection)) {
            Run run = new Run(settings, session, start, tracker.progress);
            tracker.step = "reading the dbt results";
            Optional<DbtResults> read = run.readResults();
            if (read.isEmpty()) {
                return IngestOutcome.nothingNew();
            }
            DbtResults results = read.get();
            tracker.testResultsRead = results.runResults().tests().size();
            tracker.step = "reading the manifest";
            ManifestIndex manifest = run.readManifest(results, forSelection, ahead);
            tracker.step = "mapping the tests to checks";
            Optional<SelectionOutcome> selected = run.select(selection, results, manifest);
            MappedChecks mapped = run.mapChecks(results, manifest, selected);
            Instant end = clock.instant();
            tracker.step = "writing the scan results and the reports";
            Path scanResults;
            List<Path> reports;
            List<String> summary;
            // The reports on a second core while the scan results file is written; the scan results come first.
            try (SideTask<List<Path>> reportsWritten =
                    SideTask.start("writing the reports", () -> run.writeReports(results, mapped, selected, end))) {
                scanResults = run.writeScanResults(results, mapped, selected, end);
                // Counted while the reports are still being written, which take longer in a large run.
                summary = run.summary(mapped, selected);
                try {
                    reports = reportsWritten.join();
                } catch (IngestException failed) {
                    throw failed.withKeptScanResults(scanResults);
                }
            }
            run.summarize(results, mapped, selected, summary, scanResults, reports);
            Optional<QualityGate.Failure> gate = QualityGate.judge(settings.failOn(), mapped.checks());
            tracker.step = "uploading the scan";
            UploadReceipt receipt = run.upload(results, mapped, scanResults, gate);
            if (gate.isPresent()) {
                throw gate.get().problem(receipt != null);
            }
            return new IngestOutcome(scanResults, mapped, receipt, run.allWarnings());
        }
    }

    /**
     * Local artifacts name their manifest from the start: it is read alongside the run results. A dbt Cloud
     * run's manifest is known only once the run is found, and is read after its downloads.
     */
    private static ManifestAhead readAhead(IngestSettings settings, ReadProgress progress, boolean forSelection) {
        if (settings.artifacts() instanceof ArtifactSource.Local local && local.manifest() != null) {
            return ManifestAhead.start(
                    new ManifestReader(progress), local.manifest(), local.manifestSetting(), forSelection);
        }
        return null;
    }

    /**
     * The dbt results read in the first step.
     *
     * @param runResults      the test results, merged when there were several files or steps
     * @param manifest        the manifest that goes with them
     * @param manifestSetting where the manifest was configured, for messages
     * @param source          where the results came from, for the log and the reports
     * @param sameInvocation  whether manifest and results should come from one dbt invocation
     * @param brokenManifest  what a manifest that cannot be read leads to: a downloaded one holding no
     *                        usable manifest is set aside first
     * @param dbtCloudRunId   the dbt Cloud run they came from, or null
     * @param freshness       the source freshness results, or null
     * @param freshnessSameInvocation whether the manifest should come from the freshness invocation too
     * @param testInvocations the invocation ids of every run results file merged, in order; none for
     *                        freshness only
     */
    private record DbtResults(
            RunResults runResults,
            Path manifest,
            String manifestSetting,
            String source,
            boolean sameInvocation,
            UnaryOperator<IngestException> brokenManifest,
            Long dbtCloudRunId,
            SourceFreshness freshness,
            boolean freshnessSameInvocation,
            List<String> testInvocations) {

        /** The freshness results, none when there was no sources.json. */
        List<FreshnessResult> freshnessResults() {
            return freshness == null ? List.of() : freshness.results();
        }

        /**
         * The dbt invocation(s) the results come from: those of every run results file and of the sources.json,
         * since any of them may be sent in another combination another time; null when none is named.
         */
        String invocationIds() {
            Set<String> ids = new LinkedHashSet<>(testInvocations);
            if (freshness != null && freshness.metadata().invocationId() != null) {
                ids.add(freshness.metadata().invocationId());
            }
            return ids.isEmpty() ? null : String.join(", ", ids);
        }
    }

    /** The state of one run: its settings and connections, and the warnings and scan logs it gathers. */
    private final class Run {
        private final IngestSettings settings;
        private final Remote.Session session;
        private final Instant start;
        private final ReadProgress progress;
        /** This run's warnings; the settings' own were logged at the start. */
        private final List<String> warnings = new ArrayList<>();

        private final List<ScanLog> scanLogs = new ArrayList<>();

        Run(IngestSettings settings, Remote.Session session, Instant start, ReadProgress progress) {
            this.settings = settings;
            this.session = session;
            this.start = start;
            this.progress = progress;
            scanLog(ScanLog::info, "soda-maven-plugin " + PluginInfo.version(), start);
        }

        /** The results to ingest; empty when a dbt Cloud job has nothing new (said in the log). */
        Optional<DbtResults> readResults() throws IngestException {
            Optional<DbtResults> results = settings.artifacts() instanceof ArtifactSource.Local local
                    ? Optional.of(readLocal(local))
                    : fetchFromDbtCloud((ArtifactSource.DbtCloud) settings.artifacts());
            results.ifPresent(read -> {
                warnings.addAll(read.runResults().warnings());
                if (read.freshness() != null) {
                    warnings.addAll(read.freshness().warnings());
                }
            });
            return results;
        }

        private DbtResults readLocal(ArtifactSource.Local local) throws IngestException {
            scanLog(ScanLog::info, "Ingesting local dbt artifacts.", clock.instant());
            SourceFreshness freshness =
                    local.sources() == null ? null : new SourcesReader().read(local.sources(), local.sourcesSetting());
            if (freshness != null) {
                log.info(describeFreshness(freshness));
            }
            if (local.runResults().isEmpty()) {
                return freshnessOnly(local, freshness);
            }
            RunResultsReader reader = new RunResultsReader(progress);
            List<RunResults> parts = new ArrayList<>();
            for (Path file : local.runResults()) {
                RunResults part = reader.read(file, local.runResultsSetting());
                if (local.runResults().size() > 1) {
                    // Each file of several must hold tests; a compile output among them is a mistake.
                    DataTestGuard.requireDataTestResults(part, "dbt run results " + file, settings.sendUnitTests());
                }
                parts.add(part);
            }
            boolean single = local.runResults().size() == 1;
            RunResults merged = RunResults.merge(parts);
            String origin = "dbt run results " + (single ? local.runResults().get(0) : local.runResults());
            String source = single
                    ? local.runResults().get(0).toString()
                    : local.runResults().size() + " run results files";
            if (freshness != null && !DataTestGuard.hasDataTestResults(merged) && single) {
                // dbt's target/ keeps the run_results.json of the last command, often not a test run: the
                // freshness results are what there is to ingest, and the run results are only named.
                log.info(origin + " holds no data-test result (" + DataTestGuard.describeContents(merged)
                        + "); only the source freshness results are ingested.");
                return freshnessOnly(local, freshness);
            }
            DataTestGuard.requireDataTestResults(merged, origin, settings.sendUnitTests());
            return new DbtResults(
                    merged,
                    local.manifest(),
                    local.manifestSetting(),
                    freshness == null ? source : source + " and " + local.sources(),
                    single,
                    UnaryOperator.identity(),
                    null,
                    freshness,
                    true,
                    parts.stream()
                            .map(part -> part.metadata().invocationId())
                            .filter(Objects::nonNull)
                            .toList());
        }

        /** Local source freshness results without test results to go with them. */
        private DbtResults freshnessOnly(ArtifactSource.Local local, SourceFreshness freshness) {
            return new DbtResults(
                    RunResults.freshnessOnly(freshness.metadata()),
                    local.manifest(),
                    local.manifestSetting(),
                    local.sources().toString(),
                    false,
                    UnaryOperator.identity(),
                    null,
                    freshness,
                    true,
                    List.of());
        }

        private Optional<DbtResults> fetchFromDbtCloud(ArtifactSource.DbtCloud cloud) throws IngestException {
            scanLog(ScanLog::info, "Getting dbt artifacts from dbt Cloud.", clock.instant());
            Fetched found = session.dbtCloud(cloud.settings())
                    .fetchIfNew(settings.outputDirectory().resolve("dbt-cloud"), settings.sendUnitTests());
            if (found instanceof NothingNew nothing) {
                log.info(nothing.reason());
                return Optional.empty();
            }
            CloudArtifacts fetched = (CloudArtifacts) found;
            scanLog(ScanLog::info, fetched.description(), clock.instant());
            fetched.notes().forEach(log::info);
            return Optional.of(new DbtResults(
                    fetched.mergedRunResults(),
                    fetched.manifest(),
                    "the manifest of " + fetched.description(),
                    fetched.description(),
                    false,
                    // "Downloads kept" must not keep a manifest known to be broken where a good one belongs.
                    fetched::refuseManifest,
                    fetched.runId(),
                    fetched.freshness(),
                    false,
                    // The run id tells dbt Cloud runs apart; the last test step's invocation names the run.
                    fetched.mergedRunResults().tests().isEmpty()
                                    || fetched.mergedRunResults().metadata().invocationId() == null
                            ? List.of()
                            : List.of(fetched.mergedRunResults().metadata().invocationId())));
        }

        /** Only the tests that have a result are kept; with a selection, what its selectors look at too. */
        ManifestIndex readManifest(DbtResults results, boolean forSelection, ManifestAhead ahead)
                throws IngestException {
            // Each id to itself: the manifest's tests are keyed by the run results' copy of their id.
            Map<String, String> wanted = new HashMap<>();
            testsToSend(results.runResults()).forEach(test -> wanted.put(test.uniqueId(), test.uniqueId()));
            ManifestIndex manifest;
            try {
                manifest = ahead != null && ahead.reads(results.manifest())
                        ? ahead.finish(wanted)
                        : new ManifestReader(progress)
                                .read(results.manifest(), wanted, results.manifestSetting(), forSelection);
            } catch (IngestException unreadable) {
                throw results.brokenManifest().apply(unreadable);
            }
            warnings.addAll(manifest.warnings());
            invocationMismatch(results, manifest).ifPresent(warnings::add);
            sourcesMismatch(results, manifest).ifPresent(warnings::add);
            return manifest;
        }

        /**
         * Applies {@code select} and {@code exclude} before mapping, so the results of tests left out are
         * neither sent nor reported as checks; empty when there is no selection. Nothing is written yet:
         * a selection that leaves no test fails here.
         */
        Optional<SelectionOutcome> select(Selection selection, DbtResults results, ManifestIndex manifest)
                throws IngestException {
            if (selection.isEverything()) {
                return Optional.empty();
            }
            List<String> ids = testsToSend(results.runResults()).stream()
                    .map(TestResult::uniqueId)
                    .toList();
            return Optional.of(selection.apply(ids, manifest.selectable()));
        }

        MappedChecks mapChecks(DbtResults results, ManifestIndex manifest, Optional<SelectionOutcome> selected) {
            List<TestResult> tests = testsToSend(results.runResults());
            if (selected.isPresent()) {
                Set<String> leftOut = selected.get().leftOut();
                tests = tests.stream()
                        .filter(test -> !leftOut.contains(test.uniqueId()))
                        .toList();
            }
            MappedChecks mapped = new CheckMapper().map(tests, results.freshnessResults(), manifest);
            warnings.addAll(ConsoleSummary.warnings(mapped));
            return mapped;
        }

        /** The data test results, and the unit test results too when they are sent. */
        private List<TestResult> testsToSend(RunResults runResults) {
            if (!settings.sendUnitTests() || runResults.unitTests().isEmpty()) {
                return runResults.tests();
            }
            List<TestResult> all = new ArrayList<>(runResults.tests());
            all.addAll(runResults.unitTests());
            return all;
        }

        /** Written before anything is sent, whatever happens next: nothing is lost. */
        Path writeScanResults(DbtResults results, MappedChecks mapped, Optional<SelectionOutcome> selected, Instant end)
                throws IngestException {
            Instant dataTime = dataTimestamp(results.runResults());
            addScanLogs(results.runResults(), results.freshness(), mapped, selected, end);
            ScanResults scan = new ScanResults(
                    settings.scanDefinition(), settings.dataSource(), dataTime, start, end, mapped.checks(), scanLogs);
            Path file = settings.scanResultsFile();
            new ScanResultsWriter().write(scan, file);
            return file;
        }

        /**
         * Written before the upload too, while the scan results file is being written: a CI run whose upload
         * fails still shows the test results. A report that cannot be written says how to send the scan results
         * file; the run adds that once the file exists.
         */
        List<Path> writeReports(
                DbtResults results, MappedChecks mapped, Optional<SelectionOutcome> selected, Instant end)
                throws IngestException {
            ReportContext context = ReportContext.of(
                    settings.dataSource(),
                    settings.scanDefinition(),
                    results.runResults(),
                    results.source(),
                    end,
                    selected.map(SelectionOutcome::describe).orElse(null));
            return List.of(
                    new JUnitReportWriter(outbound).write(mapped, context, settings.outputDirectory()),
                    new HtmlReportWriter(outbound).write(mapped, context, settings.outputDirectory()));
        }

        /** The counts the build log shows: {@link ConsoleSummary}. */
        List<String> summary(MappedChecks mapped, Optional<SelectionOutcome> selected) {
            return ConsoleSummary.lines(
                    mapped, selected.map(outcome -> outcome.leftOut().size()).orElse(0));
        }

        /**
         * Before the upload, so that a build whose upload fails, or only warns with failOnError=false,
         * still shows the test results.
         */
        void summarize(
                DbtResults results,
                MappedChecks mapped,
                Optional<SelectionOutcome> selected,
                List<String> summary,
                Path scanResults,
                List<Path> reports) {
            if (!settings.dryRun() && mapped.checks().isEmpty()) {
                warnings.add(NO_CHECKS);
            }
            log.info("dbt results from " + results.source() + ": " + describeRun(results.runResults()));
            unitTestsNotSent(results.runResults()).ifPresent(log::info);
            selected.ifPresent(outcome -> log.info("Selection: " + outcome.describe()));
            summary.forEach(log::info);
            warnings.forEach(log::warn);
            // Absolute paths: the log says where to look whatever directory Maven ran in.
            log.info("Scan results written to " + scanResults.toAbsolutePath());
            reports.forEach(report -> log.info("Report written to " + report.toAbsolutePath()));
        }

        /** Sends the scan unless this is a dry run or there is nothing to send; null when nothing was sent. */
        UploadReceipt upload(
                DbtResults results, MappedChecks mapped, Path scanResults, Optional<QualityGate.Failure> gate)
                throws IngestException {
            if (settings.dryRun()) {
                log.info("Dry run: nothing was uploaded to Soda Cloud.");
                return null;
            }
            if (mapped.checks().isEmpty()) {
                return null; // said with the summary
            }
            try {
                return uploadOnce(results, scanResults);
            } catch (IngestException failed) {
                IngestException kept = failed.withKeptScanResults(scanResults);
                // A failed upload must not hide a failed gate: with failOnError=false the upload failure
                // alone would only warn, and failing tests would pass the build.
                throw gate.isPresent() ? gate.get().problem(kept) : kept;
            }
        }

        /**
         * Sends the scan unless the ledger says these dbt results were sent already; the ledger stays
         * locked from the check to the record, so two builds at once cannot both send them.
         */
        private UploadReceipt uploadOnce(DbtResults results, Path scanResults) throws IngestException {
            String address = session.sodaCloudAddress(settings.sodaCloud());
            Ledger.Key key = new Ledger.Key(
                    address,
                    settings.dataSource(),
                    settings.scanDefinition(),
                    results.invocationIds(),
                    results.dbtCloudRunId());
            if (settings.ledger() == null) {
                return send(address, scanResults);
            }
            if (!key.identifiesARun()) {
                log.info("The dbt results name no invocation (dbt before 0.19), so the ledger cannot tell whether "
                        + "they were sent before; they are sent.");
                return send(address, scanResults);
            }
            Ledger ledgerFile = new Ledger(settings.ledger(), clock, log::warn);
            try (Ledger.Session ledger = ledgerFile.open()) {
                Optional<Ledger.Entry> sent = ledger.find(key);
                if (sent.isPresent() && !settings.force()) {
                    log.info("Already sent: " + key.describeRun() + " went to Soda Cloud " + address + " as scan '"
                            + settings.scanDefinition() + "' of data source '" + settings.dataSource() + "' at "
                            + sent.get().sentAt() + " (ledger " + ledgerFile.file() + "); nothing was sent. Set "
                            + Setting.FORCE.ref() + " to true to send it again.");
                    return null;
                }
                UploadReceipt receipt = send(address, scanResults);
                try {
                    ledger.record(key);
                } catch (IngestException notRecorded) {
                    // The scan is in Soda Cloud: failing the build now would invite sending it twice.
                    log.warn(notRecorded.describe());
                }
                return receipt;
            }
        }

        private UploadReceipt send(String address, Path scanResults) throws IngestException {
            UploadReceipt receipt = session.upload(settings.sodaCloud(), scanResults);
            log.info("Uploaded " + receipt.checks() + " checks to Soda Cloud " + address + " as scan '"
                    + settings.scanDefinition() + "' of data source '" + settings.dataSource()
                    + "'; Soda Cloud trace id: " + (receipt.traceId() == null ? "none" : receipt.traceId()));
            return receipt;
        }

        /** Every warning of the run, the settings' first. */
        List<String> allWarnings() {
            List<String> all = new ArrayList<>(settings.warnings());
            all.addAll(warnings);
            return all;
        }

        private void addScanLogs(
                RunResults runResults,
                SourceFreshness freshness,
                MappedChecks mapped,
                Optional<SelectionOutcome> selected,
                Instant now) {
            scanLog(ScanLog::info, describeRun(runResults), now);
            if (freshness != null) {
                scanLog(ScanLog::info, describeFreshness(freshness), now);
            }
            selected.ifPresent(outcome -> scanLog(ScanLog::info, "Selection: " + outcome.describe(), now));
            for (SodaCheck check : mapped.checks()) {
                if (check.errored()) {
                    String line = (check.isFreshness() ? check.name() + " on " : "dbt test " + check.name() + " on ")
                            + check.dataset().table() + " ended in "
                            + (check.isFreshness() ? "a runtime error: " : "error: ")
                            + (check.message() == null || check.message().isBlank() ? "(no message)" : check.message());
                    // Masked before it is cut: a cut could split a secret past recognition.
                    scanLogs.add(ScanLog.error(LongText.message(outbound.text(line)), now));
                }
            }
            if (!mapped.skipped().isEmpty()) {
                scanLog(ScanLog::info, mapped.skipped().size() + " tests were skipped by dbt and are not sent.", now);
            }
            unitTestsNotSent(runResults).ifPresent(line -> scanLog(ScanLog::info, line, now));
            allWarnings().forEach(warning -> scanLog(ScanLog::warning, warning, now));
        }

        /** Why the run's unit test results are not sent; empty when there are none, or they are sent. */
        private Optional<String> unitTestsNotSent(RunResults runResults) {
            int count = runResults.unitTestResults();
            if (count == 0 || settings.sendUnitTests()) {
                return Optional.empty();
            }
            return Optional.of(count + (count == 1 ? " unit test result is" : " unit test results are")
                    + " not sent: unit tests check code, not data. Set " + Setting.SEND_UNIT_TESTS.ref()
                    + " to true to send each as a check on the model it tests.");
        }

        /** Every text of the scan's logs leaves the plugin with the scan: through the outbound. */
        private void scanLog(BiFunction<String, Instant, ScanLog> level, String message, Instant time) {
            scanLogs.add(level.apply(outbound.text(message), time));
        }

        private Instant dataTimestamp(RunResults runResults) {
            if (settings.dataTimestamp() == DataTimestamp.INGESTION) {
                return start;
            }
            String generatedAt = runResults.metadata().generatedAt();
            try {
                return Instant.parse(generatedAt);
            } catch (DateTimeParseException | NullPointerException unreadable) {
                warnings.add(
                        Setting.DATA_TIMESTAMP.ref() + " is dbt, but the run results have no readable generated_at ('"
                                + generatedAt + "'); the ingestion time is used instead.");
                return start;
            }
        }
    }

    private static Optional<String> invocationMismatch(DbtResults results, ManifestIndex manifest) {
        String manifestId = manifest.metadata().invocationId();
        String resultsId = results.runResults().metadata().invocationId();
        if (!results.sameInvocation() || manifestId == null || resultsId == null || manifestId.equals(resultsId)) {
            return Optional.empty();
        }
        return Optional.of("The manifest (" + manifest.metadata().file() + ", invocation " + manifestId
                + ") and the run results (" + results.runResults().metadata().file() + ", invocation " + resultsId
                + ") were written by different dbt invocations; tests changed in between may be missing or mapped "
                + "to old names.");
    }

    /**
     * A sources.json from another invocation than the manifest: the same warning as for run results, since a
     * source renamed or removed in between would be reported as missing.
     */
    private static Optional<String> sourcesMismatch(DbtResults results, ManifestIndex manifest) {
        if (results.freshness() == null || !results.freshnessSameInvocation()) {
            return Optional.empty();
        }
        String manifestId = manifest.metadata().invocationId();
        String sourcesId = results.freshness().metadata().invocationId();
        if (manifestId == null || sourcesId == null || manifestId.equals(sourcesId)) {
            return Optional.empty();
        }
        return Optional.of("The manifest (" + manifest.metadata().file() + ", invocation " + manifestId
                + ") and the source freshness results ("
                + results.freshness().metadata().file() + ", invocation "
                + sourcesId + ") were written by different dbt invocations; sources changed in between may be "
                + "missing or mapped to old names.");
    }

    /** "Source freshness from target/sources.json: dbt 1.7.4, written 2024-…, invocation …, 3 results". */
    private static String describeFreshness(SourceFreshness freshness) {
        var metadata = freshness.metadata();
        String version = metadata.dbtVersion() == null ? "dbt" : "dbt " + metadata.dbtVersion();
        String written = metadata.generatedAt() == null ? "" : ", written " + metadata.generatedAt();
        String invocation = metadata.invocationId() == null ? "" : ", invocation " + metadata.invocationId();
        int count = freshness.results().size();
        return "Source freshness from " + metadata.file() + ": " + version + written + invocation + ", " + count
                + (count == 1 ? " result" : " results");
    }

    private static String describeRun(RunResults runResults) {
        String version = runResults.metadata().dbtVersion() == null
                ? "dbt"
                : "dbt " + runResults.metadata().dbtVersion();
        String command = runResults.command() == null ? "" : " `dbt " + runResults.command() + "`";
        String invocation = runResults.metadata().invocationId() == null
                ? ""
                : ", invocation " + runResults.metadata().invocationId();
        return version + command + invocation + ", " + runResults.tests().size() + " test results";
    }
}
