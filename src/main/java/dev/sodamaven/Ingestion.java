package dev.sodamaven;

import dev.sodamaven.core.PluginInfo;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.config.ArtifactSource;
import dev.sodamaven.config.DataTimestamp;
import dev.sodamaven.config.FailOn;
import dev.sodamaven.config.IngestSettings;
import dev.sodamaven.config.SettingOrigin;
import dev.sodamaven.dbt.DataTestGuard;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.ManifestReader;
import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.RunResultsReader;
import dev.sodamaven.dbt.TestResult;
import dev.sodamaven.dbtcloud.CloudArtifacts;
import dev.sodamaven.dbtcloud.DbtCloudFetcher;
import dev.sodamaven.report.ConsoleSummary;
import dev.sodamaven.report.HtmlReportWriter;
import dev.sodamaven.report.JUnitReportWriter;
import dev.sodamaven.report.ReportContext;
import dev.sodamaven.soda.CheckMapper;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One ingestion, in the eight steps of DESIGN.md: find the artifacts, read the run results, read the
 * manifest, map the tests to checks, write the scan results file, upload it, report, apply the
 * quality gate. Each step uses only what the steps before it produced.
 */
public final class Ingestion {

    private static final int MAX_ERROR_MESSAGE = 2_000;
    private static final String NO_CHECKS =
            "No check to upload: Soda Cloud refuses a scan without checks, so nothing was sent.";

    private final IngestLog log;
    private final Clock clock;
    private final Remote remote;

    public Ingestion(IngestLog log, Clock clock, Remote remote) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.remote = Objects.requireNonNull(remote, "remote");
    }

    /** The located and read dbt results (steps 1 and 2). */
    private record Results(RunResults runResults, Path manifest, String manifestSetting, String sourceDescription,
                           boolean checkInvocation, List<String> notes) {
    }

    public IngestOutcome run(IngestSettings settings) throws IngestException {
        Instant start = clock.instant();
        // Warnings found during the run; the settings' own are logged right away and sent with the scan.
        List<String> warnings = new ArrayList<>();
        List<ScanLog> scanLogs = new ArrayList<>();
        scanLogs.add(ScanLog.info("soda-maven-plugin " + PluginInfo.version(), start));
        SettingOrigin.table(settings.origins()).forEach(log::info);
        settings.warnings().forEach(log::warn);

        try (Remote.Session session = remote.open(settings.network())) {
            // 1 + 2. Artifacts and run results.
            Results results = locateAndRead(settings, session, scanLogs);
            RunResults runResults = results.runResults();
            warnings.addAll(runResults.warnings());
            results.notes().forEach(log::info);

            // 3. Manifest: only the tests that have a result.
            Set<String> wanted = runResults.tests().stream().map(TestResult::uniqueId).collect(Collectors.toSet());
            ManifestIndex manifest = new ManifestReader().read(results.manifest(), wanted, results.manifestSetting());
            warnings.addAll(manifest.warnings());
            String mismatch = invocationMismatch(results, runResults, manifest);
            if (mismatch != null) {
                warnings.add(mismatch);
            }

            // 4. Map.
            MappedChecks mapped = new CheckMapper().map(runResults.tests(), manifest);
            warnings.addAll(ConsoleSummary.warnings(mapped));
            Instant end = clock.instant();
            Instant dataTime = dataTimestamp(settings, runResults, start, warnings);
            List<String> allWarnings = new ArrayList<>(settings.warnings());
            allWarnings.addAll(warnings);
            addScanLogs(scanLogs, runResults, mapped, allWarnings, end);

            // 5. Always write the scan results first: nothing is lost whatever happens next.
            ScanResults scan = new ScanResults(settings.scanDefinition(), settings.dataSource(),
                    dataTime, start, end, mapped.checks(), scanLogs);
            Path file = settings.scanResultsFile();
            new ScanResultsWriter().write(scan, file);
            // Reports before the upload too: a CI run whose upload fails still shows the test results.
            ReportContext reportContext = ReportContext.of(settings.dataSource(), settings.scanDefinition(),
                    runResults, results.sourceDescription(), end);
            Path junitReport = new JUnitReportWriter().write(mapped, reportContext, settings.outputDirectory());
            Path htmlReport = new HtmlReportWriter().write(mapped, reportContext, settings.outputDirectory());

            if (!settings.dryRun() && mapped.checks().isEmpty()) {
                warnings.add(NO_CHECKS);
                allWarnings.add(NO_CHECKS);
            }

            // 7 (before 6). The summary comes before the upload, so a build whose upload fails, or only
            // warns with failOnError=false, still shows the test results.
            log.info("dbt results from " + results.sourceDescription() + ": "
                    + describeRun(runResults));
            ConsoleSummary.lines(mapped).forEach(log::info);
            warnings.forEach(log::warn);
            log.info("Scan results written to " + file + "; reports: " + junitReport.getFileName() + ", "
                    + htmlReport.getFileName());

            // 6. Upload.
            UploadReceipt receipt;
            try {
                receipt = upload(settings, session, mapped, file);
            } catch (IngestException uploadFailed) {
                // A failed upload must not hide a failed gate: with failOnError=false the upload failure
                // alone would only warn, and failing tests would pass the build.
                Optional<IngestException> gate = gateFailure(settings.failOn(), mapped, false);
                if (gate.isPresent()) {
                    throw new IngestException(IngestException.Kind.QUALITY_GATE, gate.get().getMessage()
                            + " The upload to Soda Cloud failed too: " + uploadFailed.getMessage(),
                            uploadFailed.hint(), uploadFailed).withKeptScanResults(file);
                }
                throw uploadFailed;
            }
            if (settings.dryRun()) {
                log.info("Dry run: nothing was uploaded to Soda Cloud.");
            } else if (receipt != null) {
                log.info("Uploaded " + receipt.checks() + " checks to Soda Cloud " + session.sodaCloudAddress(settings.sodaCloud())
                        + " as scan '" + settings.scanDefinition() + "' of data source '" + settings.dataSource()
                        + "'; Soda Cloud trace id: " + (receipt.traceId() == null ? "none" : receipt.traceId()));
            }

            // 8. Gate.
            Optional<IngestException> gate = gateFailure(settings.failOn(), mapped, receipt != null);
            if (gate.isPresent()) {
                throw gate.get();
            }
            return new IngestOutcome(file, mapped, receipt, allWarnings);
        }
    }

    private Results locateAndRead(IngestSettings settings, Remote.Session session, List<ScanLog> scanLogs)
            throws IngestException {
        if (settings.artifacts() instanceof ArtifactSource.Local local) {
            scanLogs.add(ScanLog.info("Ingesting local dbt artifacts.", clock.instant()));
            RunResultsReader reader = new RunResultsReader();
            List<RunResults> parts = new ArrayList<>();
            for (Path file : local.runResults()) {
                RunResults part = reader.read(file, local.runResultsSetting());
                if (local.runResults().size() > 1) {
                    // Each file of several must hold tests; a compile output among them is a mistake.
                    DataTestGuard.requireDataTestResults(part, "dbt run results " + file);
                }
                parts.add(part);
            }
            RunResults merged = RunResults.merge(parts);
            String origin = local.runResults().size() == 1 ? "dbt run results " + local.runResults().get(0)
                    : "dbt run results " + local.runResults();
            DataTestGuard.requireDataTestResults(merged, origin);
            String description = local.runResults().size() == 1 ? local.runResults().get(0).toString()
                    : local.runResults().size() + " run results files";
            return new Results(merged, local.manifest(), local.manifestSetting(), description,
                    local.runResults().size() == 1, List.of());
        }
        ArtifactSource.DbtCloud cloud = (ArtifactSource.DbtCloud) settings.artifacts();
        scanLogs.add(ScanLog.info("Getting dbt artifacts from dbt Cloud.", clock.instant()));
        CloudArtifacts fetched = session.dbtCloud(cloud.settings(), log)
                .fetch(settings.outputDirectory().resolve("dbt-cloud"));
        scanLogs.add(ScanLog.info(fetched.description(), clock.instant()));
        return new Results(fetched.mergedRunResults(), fetched.manifest(), "the manifest of " + fetched.description(),
                fetched.description(), false, fetched.notes());
    }

    private static String invocationMismatch(Results results, RunResults runResults, ManifestIndex manifest) {
        String manifestId = manifest.metadata().invocationId();
        String resultsId = runResults.metadata().invocationId();
        if (!results.checkInvocation() || manifestId == null || resultsId == null || manifestId.equals(resultsId)) {
            return null;
        }
        return "The manifest (" + manifest.metadata().file() + ", invocation " + manifestId + ") and the run results ("
                + runResults.metadata().file() + ", invocation " + resultsId + ") were written by different dbt "
                + "invocations; tests changed in between may be missing or mapped to old names.";
    }

    private void addScanLogs(List<ScanLog> scanLogs, RunResults runResults, MappedChecks mapped,
                             List<String> warnings, Instant now) {
        scanLogs.add(ScanLog.info(describeRun(runResults), now));
        for (SodaCheck check : mapped.checks()) {
            if (check.errored()) {
                scanLogs.add(ScanLog.error("dbt test " + check.name() + " on " + check.dataset().table()
                        + " ended in error: " + truncate(check.message()), now));
            }
        }
        if (!mapped.skipped().isEmpty()) {
            scanLogs.add(ScanLog.info(mapped.skipped().size() + " tests were skipped by dbt and are not sent.", now));
        }
        warnings.forEach(warning -> scanLogs.add(ScanLog.warning(warning, now)));
    }

    private static String describeRun(RunResults runResults) {
        String version = runResults.metadata().dbtVersion() == null ? "dbt" : "dbt " + runResults.metadata().dbtVersion();
        String command = runResults.command() == null ? "" : " `dbt " + runResults.command() + "`";
        String invocation = runResults.metadata().invocationId() == null ? ""
                : ", invocation " + runResults.metadata().invocationId();
        return version + command + invocation + ", " + runResults.tests().size() + " test results";
    }

    private static String truncate(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.length() > MAX_ERROR_MESSAGE ? message.substring(0, MAX_ERROR_MESSAGE) + "..." : message;
    }

    private Instant dataTimestamp(IngestSettings settings, RunResults runResults, Instant start, List<String> warnings) {
        if (settings.dataTimestamp() == DataTimestamp.INGESTION) {
            return start;
        }
        String generatedAt = runResults.metadata().generatedAt();
        try {
            return Instant.parse(generatedAt);
        } catch (DateTimeParseException | NullPointerException unreadable) {
            warnings.add("dataTimestamp=dbt, but the run results have no readable generated_at ('" + generatedAt
                    + "'); the ingestion time is used instead.");
            return start;
        }
    }

    private UploadReceipt upload(IngestSettings settings, Remote.Session session, MappedChecks mapped, Path file)
            throws IngestException {
        if (settings.dryRun()) {
            return null;
        }
        if (mapped.checks().isEmpty()) {
            return null; // warned about with the summary
        }
        try {
            return session.upload(settings.sodaCloud(), file);
        } catch (IngestException failed) {
            throw failed.withKeptScanResults(file);
        }
    }

    /** The quality gate's verdict: the failure to end the build with, or empty when it passes. */
    private static Optional<IngestException> gateFailure(FailOn failOn, MappedChecks mapped, boolean uploaded) {
        List<SodaCheck> offending = mapped.checks().stream().filter(check -> switch (failOn) {
            case NONE -> false;
            case ERROR -> check.errored();
            case FAIL -> check.outcome() == Outcome.FAIL;
            case WARN -> check.outcome() != Outcome.PASS;
        }).toList();
        if (offending.isEmpty()) {
            return Optional.empty();
        }
        String names = offending.stream().limit(5).map(check -> check.name() + " (" + check.dbtStatus() + ")")
                .collect(Collectors.joining(", "));
        String more = offending.size() > 5 ? " and " + (offending.size() - 5) + " more" : "";
        return Optional.of(new IngestException(IngestException.Kind.QUALITY_GATE, "Quality gate failOn="
                + failOn.name().toLowerCase(java.util.Locale.ROOT) + ": " + offending.size() + " dbt "
                + (offending.size() == 1 ? "test" : "tests") + " did not pass: " + names + more + ".",
                (uploaded ? "The results were uploaded to Soda Cloud. " : "")
                        + "Fix the tests, or set failOn / -Dsoda.failOn=none to report without failing the build."));
    }
}
