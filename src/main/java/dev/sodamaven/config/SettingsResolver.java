package dev.sodamaven.config;

import static dev.sodamaven.config.SettingSources.DEFAULT;
import static dev.sodamaven.config.SettingSources.parameterOrigin;
import static dev.sodamaven.core.Setting.ALLOW_INSECURE_HTTP;
import static dev.sodamaven.core.Setting.API_KEY_ID;
import static dev.sodamaven.core.Setting.API_KEY_SECRET;
import static dev.sodamaven.core.Setting.CONFIGURATION;
import static dev.sodamaven.core.Setting.CONNECT_TIMEOUT;
import static dev.sodamaven.core.Setting.DATA_SOURCE;
import static dev.sodamaven.core.Setting.DATA_TIMESTAMP;
import static dev.sodamaven.core.Setting.DBT_ARTIFACTS;
import static dev.sodamaven.core.Setting.DBT_CLOUD_ACCESS_URL;
import static dev.sodamaven.core.Setting.DBT_CLOUD_ACCOUNT_ID;
import static dev.sodamaven.core.Setting.DBT_CLOUD_API_TOKEN;
import static dev.sodamaven.core.Setting.DBT_CLOUD_JOB_ID;
import static dev.sodamaven.core.Setting.DBT_CLOUD_MAX_RUN_AGE;
import static dev.sodamaven.core.Setting.DBT_CLOUD_RUN_ID;
import static dev.sodamaven.core.Setting.DBT_CLOUD_SUCCESSFUL_RUNS_ONLY;
import static dev.sodamaven.core.Setting.DBT_MANIFEST;
import static dev.sodamaven.core.Setting.DBT_RUN_RESULTS;
import static dev.sodamaven.core.Setting.DBT_SOURCES;
import static dev.sodamaven.core.Setting.DRY_RUN;
import static dev.sodamaven.core.Setting.EXCLUDE;
import static dev.sodamaven.core.Setting.FAIL_ON;
import static dev.sodamaven.core.Setting.FORCE;
import static dev.sodamaven.core.Setting.LEDGER;
import static dev.sodamaven.core.Setting.MAX_DOWNLOAD_SIZE;
import static dev.sodamaven.core.Setting.MAX_RETRIES;
import static dev.sodamaven.core.Setting.MAX_RETRY_WAIT;
import static dev.sodamaven.core.Setting.OUTPUT_DIRECTORY;
import static dev.sodamaven.core.Setting.READ_TIMEOUT;
import static dev.sodamaven.core.Setting.REQUEST_DEADLINE;
import static dev.sodamaven.core.Setting.SCAN_DEFINITION;
import static dev.sodamaven.core.Setting.SCAN_RESULTS;
import static dev.sodamaven.core.Setting.SELECT;
import static dev.sodamaven.core.Setting.SEND_UNIT_TESTS;
import static dev.sodamaven.core.Setting.SODA_CLOUD_HOST;
import static dev.sodamaven.core.Setting.SODA_CLOUD_PORT;
import static dev.sodamaven.core.Setting.SODA_CLOUD_SCHEME;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the goal's parameters, a configuration.yml, the environment and settings.xml into one
 * checked {@link IngestSettings} or {@link UploadSettings}. One precedence applies to every value,
 * highest first, each setting asking the sources the {@link Setting} catalogue gives it:
 * <ol>
 *   <li>the plugin parameter (POM {@code <configuration>} or {@code -Dsoda.*});</li>
 *   <li>configuration.yml ({@code soda_cloud:} / {@code dbt_cloud:});</li>
 *   <li>environment variables ({@code SODA_API_KEY_ID}, {@code SODA_API_KEY_SECRET},
 *       {@code DBT_CLOUD_ACCOUNT_ID}, {@code DBT_CLOUD_API_TOKEN}, and {@code SODA_DATA_SOURCE} as
 *       for Soda's {@code -d});</li>
 *   <li>the settings.xml {@code <server>} ({@code soda-cloud} / {@code dbt-cloud} by default:
 *       username = API key id, password = API key secret or dbt Cloud token);</li>
 *   <li>the default.</li>
 * </ol>
 * A blank value counts as unset, so the next source is asked. Each value is resolved on its own:
 * the key id may come from one source and the secret from another. Where each value came from is
 * recorded (never a secret's value) for the build log. Every secret found on the way goes into the
 * run's {@link Secrets}.
 */
public final class SettingsResolver {

    static final int MAX_RETRIES_ALLOWED = 10;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final String HIDDEN = "(hidden)";

    private final Map<String, String> environment;
    private final Instant now;
    private final Secrets secrets;

    /**
     * @param environment the environment variables (usually {@code System.getenv()})
     * @param now         the start of the run: the value of {@code ${NOW}} in configuration.yml
     * @param secrets     the run's secrets, which this adds every secret it is given to
     */
    public SettingsResolver(Map<String, String> environment, Instant now, Secrets secrets) {
        this.environment = Map.copyOf(environment);
        this.now = now;
        this.secrets = secrets;
    }

    /** Collects origins and warnings while resolving. */
    private static final class Report {
        final List<SettingOrigin> origins = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        void add(String setting, String value, String origin) {
            origins.add(new SettingOrigin(setting, value, origin));
        }
    }

    /** Settings for {@code soda:ingest}. */
    public IngestSettings resolveIngest(Parameters p) throws IngestException {
        Report report = new Report();
        SettingSources sources = sources(p, report);
        String dataSource = resolveDataSource(sources, report);
        ArtifactSource artifacts = resolveArtifacts(p, sources, report);
        boolean dryRun = p.flag(DRY_RUN);
        SodaCloudSettings sodaCloud = resolveSodaCloud(p, sources, report, !dryRun);
        Candidate scanDefinition = sources.findOrDefault(SCAN_DEFINITION);
        report.add("scan definition", scanDefinition.value(), scanDefinition.origin());
        DataTimestamp dataTimestamp = parseEnum(DataTimestamp.class, sources, DATA_TIMESTAMP, "data timestamp", report);
        FailOn failOn = parseEnum(FailOn.class, sources, FAIL_ON, "fail on", report);
        Path outputDirectory = p.path(OUTPUT_DIRECTORY)
                .orElseThrow(() -> IngestException.configuration(
                        "No output directory is set.", "Set " + OUTPUT_DIRECTORY.ref() + ", e.g. target/soda."));
        report.add("dry run", String.valueOf(dryRun), p.setToTrue(DRY_RUN) ? parameterOrigin(DRY_RUN) : DEFAULT);
        return new IngestSettings(
                dataSource,
                artifacts,
                sodaCloud,
                scanDefinition.value(),
                dataTimestamp,
                outputDirectory,
                dryRun,
                failOn,
                network(p),
                selection(p, report),
                dryRun ? null : ledger(p, report),
                p.flag(FORCE),
                p.flag(SEND_UNIT_TESTS),
                report.origins,
                report.warnings);
    }

    /** Where the record of sent runs is; none when the setting is empty. */
    private static Path ledger(Parameters p, Report report) {
        Optional<Path> ledger = p.path(LEDGER);
        ledger.ifPresent(path -> report.add("ledger", path.toString(), parameterOrigin(LEDGER)));
        return ledger.orElse(null);
    }

    /** The selectors as written, split at commas; what they mean is for the selection step to say. */
    private static TestSelection selection(Parameters p, Report report) {
        List<String> select = selectors(p, SELECT);
        List<String> exclude = selectors(p, EXCLUDE);
        if (!select.isEmpty()) {
            report.add("select", String.join(",", select), parameterOrigin(SELECT));
        }
        if (!exclude.isEmpty()) {
            report.add("exclude", String.join(",", exclude), parameterOrigin(EXCLUDE));
        }
        return new TestSelection(select, exclude);
    }

    private static List<String> selectors(Parameters p, Setting setting) {
        return p.text(setting).stream()
                .flatMap(text -> Arrays.stream(text.split(",")))
                .map(String::trim)
                .filter(selector -> !selector.isEmpty())
                .toList();
    }

    /** Settings for {@code soda:upload}: the file, where Soda Cloud is and the API key, which are always needed. */
    public UploadSettings resolveUpload(Parameters p) throws IngestException {
        Report report = new Report();
        Path scanResults = p.path(SCAN_RESULTS)
                .orElseThrow(() -> IngestException.configuration(
                        "No scan results file is set.", "Set " + SCAN_RESULTS.ref() + " to the file to send."));
        report.add("scan results file", scanResults.toString(), parameterOrigin(SCAN_RESULTS));
        SodaCloudSettings sodaCloud = resolveSodaCloud(p, sources(p, report), report, true);
        return new UploadSettings(scanResults, sodaCloud, network(p), report.origins, report.warnings);
    }

    /**
     * The sources of this run, after adding every secret they hold to the run's secrets: those given
     * as parameters, in the environment or in settings.xml first, so that even a configuration.yml
     * that cannot be read is reported without them.
     */
    private SettingSources sources(Parameters p, Report report) throws IngestException {
        for (Setting setting : Setting.secrets()) {
            p.text(setting).ifPresent(secrets::add);
            setting.environmentVariable().map(environment::get).ifPresent(secrets::add);
            if (setting.server().isPresent()) {
                p.server(setting).map(server -> server.value(setting)).ifPresent(secrets::add);
            }
        }
        Optional<Path> path = p.path(CONFIGURATION);
        if (path.isEmpty()) {
            return new SettingSources(p, environment, null);
        }
        ConfigurationFile file =
                new ConfigurationFileReader(new VariableSubstitution(environment, now)).read(path.get());
        for (Setting setting : Setting.secrets()) {
            setting.configurationKey().flatMap(file::value).ifPresent(value -> secrets.add(value.value()));
        }
        report.add("configuration file", path.get().toString(), parameterOrigin(CONFIGURATION));
        report.warnings.addAll(file.warnings());
        return new SettingSources(p, environment, file);
    }

    private static NetworkSettings network(Parameters p) throws IngestException {
        int connect = requirePositive(p, CONNECT_TIMEOUT);
        int read = requirePositive(p, READ_TIMEOUT);
        int retries = p.number(MAX_RETRIES);
        if (retries < 0 || retries > MAX_RETRIES_ALLOWED) {
            throw IngestException.configuration(
                    MAX_RETRIES.ref() + " is " + retries + ", outside 0 to " + MAX_RETRIES_ALLOWED + ".",
                    "Set it to a number from 0 to " + MAX_RETRIES_ALLOWED + ".");
        }
        int deadline = requirePositive(p, REQUEST_DEADLINE);
        int downloadMiB = p.number(MAX_DOWNLOAD_SIZE);
        if (downloadMiB <= 0) {
            throw IngestException.configuration(
                    MAX_DOWNLOAD_SIZE.ref() + " is " + downloadMiB + " MiB.",
                    "Set it to a number of MiB above 0 (the default is "
                            + MAX_DOWNLOAD_SIZE.defaultValue().orElseThrow() + ").");
        }
        int retryWait = p.number(MAX_RETRY_WAIT);
        if (retryWait < 0) {
            throw IngestException.configuration(
                    MAX_RETRY_WAIT.ref() + " is " + retryWait + " seconds.",
                    "Set it to a number of seconds, 0 or more (the default is "
                            + MAX_RETRY_WAIT.defaultValue().orElseThrow() + ").");
        }
        return new NetworkSettings(
                Duration.ofSeconds(connect),
                Duration.ofSeconds(read),
                retries,
                Duration.ofSeconds(deadline),
                downloadMiB * 1024L * 1024L,
                Duration.ofSeconds(retryWait));
    }

    private static int requirePositive(Parameters p, Setting setting) throws IngestException {
        int seconds = p.number(setting);
        if (seconds <= 0) {
            throw IngestException.configuration(
                    setting.ref() + " is " + seconds + " seconds.", "Set it to a number of seconds above 0.");
        }
        return seconds;
    }

    private static String resolveDataSource(SettingSources sources, Report report) throws IngestException {
        Candidate name = sources.find(DATA_SOURCE)
                .orElseThrow(() -> IngestException.configuration(
                        "No Soda data source is set.",
                        "Set " + DATA_SOURCE.ref() + " or the environment variable "
                                + DATA_SOURCE.environmentVariable().orElseThrow()
                                + " (Soda's -d): the name of the data source "
                                + "the dbt tests' tables belong to in Soda Cloud."));
        if (!ConfigurationFileReader.DATA_SOURCE_NAME.matcher(name.value()).matches()) {
            throw IngestException.configuration(
                    "The data source name " + name.shown() + " (from " + name.origin()
                            + ") is not a valid Soda data source name.",
                    "Use at least two lower-case letters, digits and underscores, starting with a letter or underscore "
                            + "(e.g. jaffle_shop_pg), as declared in Soda.");
        }
        ConfigurationFile file = sources.file();
        if (file != null && !file.dataSources().contains(name.value())) {
            String declared = file.dataSources().isEmpty() ? "none" : String.join(", ", file.dataSources());
            throw IngestException.configuration(
                    "The data source '" + name.value() + "' (from " + name.origin() + ") is not declared in "
                            + file.path() + " (it declares: " + declared + ").",
                    "Add a `data_source " + name.value() + ":` block to it, or set " + DATA_SOURCE.ref()
                            + " to a declared one.");
        }
        report.add("data source", name.value(), name.origin());
        return name.value();
    }

    private ArtifactSource resolveArtifacts(Parameters p, SettingSources sources, Report report)
            throws IngestException {
        boolean local = p.path(DBT_ARTIFACTS).isPresent()
                || p.path(DBT_MANIFEST).isPresent()
                || !p.paths(DBT_RUN_RESULTS).isEmpty()
                || p.path(DBT_SOURCES).isPresent();
        boolean cloud =
                p.text(DBT_CLOUD_RUN_ID).isPresent() || p.text(DBT_CLOUD_JOB_ID).isPresent();
        if (local && cloud) {
            throw IngestException.configuration(
                    "Both local dbt artifacts (" + DBT_ARTIFACTS.parameter() + " / "
                            + DBT_MANIFEST.parameter() + " / " + DBT_RUN_RESULTS.parameter() + " / "
                            + DBT_SOURCES.parameter() + ") and a dbt Cloud run ("
                            + DBT_CLOUD_RUN_ID.parameter() + " / " + DBT_CLOUD_JOB_ID.parameter() + ") are set.",
                    "Set one source only: local files, or a dbt Cloud run.");
        }
        if (cloud) {
            return new ArtifactSource.DbtCloud(resolveDbtCloud(p, sources, report));
        }
        if (!local) {
            throw IngestException.configuration(
                    "No dbt artifacts are configured.",
                    "Set " + DBT_ARTIFACTS.ref() + " to the folder dbt writes manifest.json and run_results.json to "
                            + "(e.g. target); or " + DBT_MANIFEST.ref() + " and " + DBT_RUN_RESULTS.ref()
                            + " to the files; or " + DBT_CLOUD_RUN_ID.ref() + " or " + DBT_CLOUD_JOB_ID.ref()
                            + " to ingest a dbt Cloud run.");
        }
        return resolveLocalArtifacts(p, report);
    }

    private static ArtifactSource.Local resolveLocalArtifacts(Parameters p, Report report) throws IngestException {
        Optional<Path> folder = p.path(DBT_ARTIFACTS);
        Optional<Path> manifestFile = p.path(DBT_MANIFEST);
        List<Path> runResultsFiles = p.paths(DBT_RUN_RESULTS);
        Optional<Path> sourcesFile = p.path(DBT_SOURCES);
        // A sources.json in the folder is used when present: dbt writes it there only for source freshness.
        Optional<Path> folderSources = folder.filter(Files::isDirectory)
                .map(dir -> dir.resolve("sources.json"))
                .filter(Files::isRegularFile);
        if (folder.isPresent()) {
            if (!Files.isDirectory(folder.get())) {
                String why = Files.exists(folder.get()) ? " is a file, not a folder." : " does not exist.";
                throw IngestException.input(
                        "The dbt artifacts folder " + folder.get() + " (" + DBT_ARTIFACTS.ref() + ")" + why,
                        "Set it to the folder holding manifest.json and run_results.json (dbt's target/), or "
                                + DBT_MANIFEST.ref() + " and " + DBT_RUN_RESULTS.ref() + " to the files.");
            }
            if (manifestFile.isPresent()
                    && !runResultsFiles.isEmpty()
                    && (sourcesFile.isPresent() || folderSources.isEmpty())) {
                report.warnings.add(DBT_ARTIFACTS.parameter() + " " + folder.get() + " is not used: "
                        + DBT_MANIFEST.parameter() + " and " + DBT_RUN_RESULTS.parameter() + " name both files.");
            }
        } else if (manifestFile.isEmpty()) {
            Setting given = runResultsFiles.isEmpty() ? DBT_SOURCES : DBT_RUN_RESULTS;
            throw IngestException.configuration(
                    given.ref() + " is set but " + DBT_MANIFEST.ref() + " is not.",
                    "Set " + DBT_MANIFEST.ref() + " too, or " + DBT_ARTIFACTS.ref() + " to the folder holding them.");
        } else if (runResultsFiles.isEmpty() && sourcesFile.isEmpty()) {
            throw IngestException.configuration(
                    DBT_MANIFEST.ref() + " is set but neither " + DBT_RUN_RESULTS.ref() + " nor " + DBT_SOURCES.ref()
                            + " is.",
                    "Set " + DBT_RUN_RESULTS.ref() + " to the run results of `dbt test` or `dbt build`, "
                            + DBT_SOURCES.ref() + " to the sources.json of `dbt source freshness`, or "
                            + DBT_ARTIFACTS.ref() + " to the folder holding them.");
        }
        // A single-file setting is more specific than the folder, so it wins over the folder's file.
        Setting manifestSetting = manifestFile.isPresent() ? DBT_MANIFEST : DBT_ARTIFACTS;
        Path manifest = manifestFile.orElseGet(() -> folder.get().resolve("manifest.json"));
        Setting sourcesSetting = sourcesFile.isPresent() ? DBT_SOURCES : DBT_ARTIFACTS;
        Path sources = sourcesFile.or(() -> folderSources).orElse(null);
        Setting runResultsSetting = runResultsFiles.isEmpty() ? DBT_ARTIFACTS : DBT_RUN_RESULTS;
        List<Path> runResults = runResultsFiles;
        if (runResults.isEmpty() && folder.isPresent()) {
            Path folderRunResults = folder.get().resolve("run_results.json");
            // Without run results, a folder holding a sources.json is a freshness-only ingestion; without
            // either, the missing run_results.json is the error to report.
            runResults = sources != null && !Files.exists(folderRunResults) ? List.of() : List.of(folderRunResults);
        }
        report.add("dbt manifest", manifest.toString(), parameterOrigin(manifestSetting));
        report.add(
                "dbt run results",
                runResults.isEmpty()
                        ? "none (source freshness only)"
                        : String.join(
                                ", ", runResults.stream().map(Path::toString).toList()),
                parameterOrigin(runResultsSetting));
        if (sources != null) {
            report.add("dbt sources", sources.toString(), parameterOrigin(sourcesSetting));
        }
        return new ArtifactSource.Local(
                manifest,
                runResults,
                manifestSetting.ref(),
                runResultsSetting.ref(),
                sources,
                sources == null ? null : sourcesSetting.ref());
    }

    private DbtCloudSettings resolveDbtCloud(Parameters p, SettingSources sources, Report report)
            throws IngestException {
        if (p.text(DBT_CLOUD_RUN_ID).isPresent() && p.text(DBT_CLOUD_JOB_ID).isPresent()) {
            throw IngestException.configuration(
                    "Both " + DBT_CLOUD_RUN_ID.parameter() + " and " + DBT_CLOUD_JOB_ID.parameter() + " are set.",
                    "Set " + DBT_CLOUD_RUN_ID.ref()
                            + " to ingest one run, or " + DBT_CLOUD_JOB_ID.ref()
                            + " to ingest the latest finished run "
                            + "of a job, not both.");
        }
        Long runId = parseId(sources, DBT_CLOUD_RUN_ID);
        Long jobId = parseId(sources, DBT_CLOUD_JOB_ID);
        boolean successfulOnly = p.flag(DBT_CLOUD_SUCCESSFUL_RUNS_ONLY);
        if (runId != null) {
            report.add("dbt Cloud run", runId.toString(), parameterOrigin(DBT_CLOUD_RUN_ID));
            if (successfulOnly) {
                report.warnings.add(DBT_CLOUD_SUCCESSFUL_RUNS_ONLY.ref() + " only applies to "
                        + DBT_CLOUD_JOB_ID.parameter() + "; it is ignored for run " + runId + ".");
            }
        } else {
            report.add(
                    "dbt Cloud job",
                    jobId + (successfulOnly ? " (successful runs only)" : ""),
                    parameterOrigin(DBT_CLOUD_JOB_ID));
        }
        Optional<Candidate> account = sources.find(DBT_CLOUD_ACCOUNT_ID);
        Optional<Candidate> token = sources.find(DBT_CLOUD_API_TOKEN);
        if (account.isEmpty() || token.isEmpty()) {
            throw missingDbtCloudCredentials(sources, account.isEmpty(), token.isEmpty());
        }
        String accountId = account.get().value();
        if (!DIGITS.matcher(accountId).matches()) {
            throw IngestException.configuration(
                    "The dbt Cloud account id " + account.get().shown() + " (from "
                            + account.get().origin() + ") is not a number.",
                    "Use the number in your dbt Cloud URLs: .../deploy/<account id>/projects/...");
        }
        report.add("dbt Cloud account", accountId, account.get().origin());
        report.add("dbt Cloud API token", HIDDEN, token.get().origin());
        Candidate access = sources.findOrDefault(DBT_CLOUD_ACCESS_URL);
        URI baseUrl = CloudAddresses.dbtCloudBaseUrl(access, p.flag(ALLOW_INSECURE_HTTP), report.warnings);
        requireNoSecret(
                access,
                "dbt Cloud access URL",
                DBT_CLOUD_ACCESS_URL,
                "to your account's access URL, e.g. ab123.us1.dbt.com");
        report.add("dbt Cloud address", baseUrl.toString(), access.origin());
        String retiredHost = DBT_CLOUD_ACCESS_URL.defaultValue().orElseThrow();
        if (retiredHost.equalsIgnoreCase(baseUrl.getHost())) {
            report.warnings.add("dbt Cloud is reached at " + retiredHost + " (" + access.origin()
                    + "), which dbt Labs retires for most accounts; set " + DBT_CLOUD_ACCESS_URL.ref()
                    + " or dbt_cloud.access_url to your account's access URL (e.g. ab123.us1.dbt.com, shown in dbt "
                    + "Cloud's account settings).");
        }
        return new DbtCloudSettings(
                baseUrl,
                accountId,
                Secret.of(token.get().value()),
                token.get().origin(),
                runId,
                jobId,
                successfulOnly,
                maxRunAge(p, jobId, report));
    }

    /** An ISO-8601 duration above zero, meaningful with a job id only; null when not set. */
    private static Duration maxRunAge(Parameters p, Long jobId, Report report) throws IngestException {
        Optional<String> text = p.text(DBT_CLOUD_MAX_RUN_AGE);
        if (text.isEmpty()) {
            return null;
        }
        Duration age;
        try {
            age = Duration.parse(text.get().trim());
        } catch (DateTimeParseException notADuration) {
            age = null;
        }
        if (age == null || age.isNegative() || age.isZero()) {
            throw IngestException.configuration(
                    DBT_CLOUD_MAX_RUN_AGE.ref() + " '" + text.get() + "' is not a duration above zero.",
                    "Write it as an ISO-8601 duration, e.g. PT1H (an hour), PT30M or P1D.");
        }
        if (jobId == null) {
            report.warnings.add(DBT_CLOUD_MAX_RUN_AGE.ref() + " applies to " + DBT_CLOUD_JOB_ID.ref()
                    + " only; with a run id it is ignored.");
            return null;
        }
        report.add("dbt Cloud max run age", age.toString(), parameterOrigin(DBT_CLOUD_MAX_RUN_AGE));
        return age;
    }

    private static IngestException missingDbtCloudCredentials(
            SettingSources sources, boolean noAccount, boolean noToken) {
        String what = noAccount && noToken
                ? "No dbt Cloud account id and no dbt Cloud API token are set"
                : noAccount ? "No dbt Cloud account id is set" : "No dbt Cloud API token is set";
        List<String> ways = new ArrayList<>();
        if (noAccount) {
            what += sources.whyEmpty(DBT_CLOUD_ACCOUNT_ID);
            ways.add("the account id as " + DBT_CLOUD_ACCOUNT_ID.ref() + ", dbt_cloud.account_id in "
                    + "configuration.yml or the environment variable "
                    + DBT_CLOUD_ACCOUNT_ID.environmentVariable().orElseThrow());
        }
        if (noToken) {
            what += sources.whyEmpty(DBT_CLOUD_API_TOKEN);
            ways.add("the token as " + DBT_CLOUD_API_TOKEN.ref() + ", dbt_cloud.api_token in configuration.yml, the "
                    + "environment variable "
                    + DBT_CLOUD_API_TOKEN.environmentVariable().orElseThrow()
                    + " or the password of the <server> '" + sources.serverId(DBT_CLOUD_API_TOKEN)
                    + "' in settings.xml");
        }
        return IngestException.configuration(what + ".", "Give " + String.join("; and ", ways) + ".");
    }

    private SodaCloudSettings resolveSodaCloud(
            Parameters p, SettingSources sources, Report report, boolean credentialsRequired) throws IngestException {
        Candidate host = sources.findOrDefault(SODA_CLOUD_HOST);
        Optional<Candidate> port = sources.find(SODA_CLOUD_PORT);
        Optional<Candidate> scheme = sources.find(SODA_CLOUD_SCHEME);
        CloudAddresses.SodaCloudAddress address =
                CloudAddresses.sodaCloud(host, port, scheme, p.flag(ALLOW_INSECURE_HTTP), report.warnings);
        requireNoSecret(host, "Soda Cloud host", SODA_CLOUD_HOST, "to the host name, e.g. cloud.soda.io");
        report.add(
                "Soda Cloud",
                address.toString(),
                (host.origin().equals(DEFAULT) ? "default host" : host.origin())
                        + port.map(c -> "; port from " + c.origin()).orElse("")
                        + scheme.map(c -> "; scheme from " + c.origin()).orElse(""));

        Optional<Candidate> keyId = sources.find(API_KEY_ID);
        Optional<Candidate> keySecret = sources.find(API_KEY_SECRET);
        if (keyId.isEmpty() || keySecret.isEmpty()) {
            if (credentialsRequired) {
                throw missingApiKey(sources, keyId, keySecret);
            }
            if (keyId.isPresent() || keySecret.isPresent()) {
                report.warnings.add("Only half a Soda Cloud API key is set ("
                        + (keyId.isPresent()
                                ? "the id, from " + keyId.get().origin()
                                : "the secret, from " + keySecret.get().origin())
                        + "); it is not used in a dry run, but an upload would need both.");
            }
            report.add("Soda Cloud API key", "none", "not needed in a dry run");
            return new SodaCloudSettings(address.scheme(), address.host(), address.port(), null, null, "none");
        }
        String origin = apiKeyOrigin(keyId.get(), keySecret.get());
        report.add("Soda Cloud API key", HIDDEN, origin);
        return new SodaCloudSettings(
                address.scheme(),
                address.host(),
                address.port(),
                Secret.of(keyId.get().value()),
                Secret.of(keySecret.get().value()),
                origin);
    }

    /** Where the key came from, said once when both halves came from one place. */
    private static String apiKeyOrigin(Candidate id, Candidate secret) {
        if (id.origin().equals(secret.origin())) {
            return id.origin();
        }
        String idVariable = API_KEY_ID.environmentVariable().orElseThrow();
        String secretVariable = API_KEY_SECRET.environmentVariable().orElseThrow();
        if (id.origin().equals("environment variable " + idVariable)
                && secret.origin().equals("environment variable " + secretVariable)) {
            return "environment variables " + idVariable + " and " + secretVariable;
        }
        return "id: " + id.origin() + ", secret: " + secret.origin();
    }

    /**
     * Refuses an address that holds one of the run's secrets (a swapped variable, a pasted value): it
     * would be printed in the settings log and looked up in DNS, which sends it to the network.
     */
    private void requireNoSecret(Candidate address, String what, Setting setting, String fix) throws IngestException {
        if (secrets.foundIn(address.value())) {
            throw IngestException.configuration(
                    "The " + what + " (from " + address.origin() + ") holds a secret "
                            + "given to this run (the Soda Cloud API key secret or a dbt Cloud token); it is not shown, and "
                            + "nothing was sent.",
                    "Set " + setting.ref() + " or " + setting.configurationKey().orElseThrow() + " " + fix
                            + "; a value may have been swapped with the secret.");
        }
    }

    private static IngestException missingApiKey(
            SettingSources sources, Optional<Candidate> keyId, Optional<Candidate> keySecret) {
        String what;
        if (keyId.isEmpty() && keySecret.isEmpty()) {
            what = "No Soda Cloud API key is set" + sources.whyEmpty(API_KEY_ID) + sources.whyEmpty(API_KEY_SECRET)
                    + ", and this is not a dry run.";
        } else if (keyId.isEmpty()) {
            what = "A Soda Cloud API key secret is set (from " + keySecret.get().origin() + ") but no API key id"
                    + sources.whyEmpty(API_KEY_ID) + ".";
        } else {
            what = "A Soda Cloud API key id is set (from " + keyId.get().origin() + ") but no API key secret"
                    + sources.whyEmpty(API_KEY_SECRET) + ".";
        }
        return IngestException.configuration(
                what,
                "Give the key in one of these ways: " + API_KEY_ID.ref() + " and " + API_KEY_SECRET.ref()
                        + " in the plugin configuration; soda_cloud.api_key_id and soda_cloud.api_key_secret in "
                        + "configuration.yml; the environment variables "
                        + API_KEY_ID.environmentVariable().orElseThrow()
                        + " and " + API_KEY_SECRET.environmentVariable().orElseThrow() + "; or a <server> with id '"
                        + sources.serverId(API_KEY_ID) + "' in settings.xml (username = key id, password = secret). "
                        + "Or set " + DRY_RUN.ref() + " to true to only write the scan results file.");
    }

    private static Long parseId(SettingSources sources, Setting setting) throws IngestException {
        Optional<Candidate> given = sources.parameter(setting);
        if (given.isEmpty()) {
            return null;
        }
        Candidate id = given.get();
        if (!DIGITS.matcher(id.value()).matches() || Long.parseLong(id.value()) == 0) {
            throw IngestException.configuration(
                    setting.parameter() + " " + id.shown() + " is not a dbt Cloud id.",
                    "Set " + setting.ref() + " to the number shown in dbt Cloud's URL.");
        }
        return Long.parseLong(id.value());
    }

    private static <E extends Enum<E>> E parseEnum(
            Class<E> type, SettingSources sources, Setting setting, String label, Report report)
            throws IngestException {
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        Candidate given = sources.findOrDefault(setting);
        int index = allowed.indexOf(given.value().toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw IngestException.configuration(
                    setting.parameter() + " " + given.shown() + " is not one of " + String.join(", ", allowed) + ".",
                    "Set " + setting.ref() + " to one of them.");
        }
        E result = type.getEnumConstants()[index];
        boolean isDefault = allowed.get(index).equals(setting.defaultValue().orElseThrow());
        report.add(label, allowed.get(index), isDefault ? DEFAULT : given.origin());
        return result;
    }
}
