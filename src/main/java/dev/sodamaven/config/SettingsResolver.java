package dev.sodamaven.config;

import static dev.sodamaven.config.SettingSources.first;
import static dev.sodamaven.config.SettingSources.paramOrigin;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the goal's parameters, a configuration.yml, the environment and settings.xml into one
 * checked {@link IngestSettings}. One precedence applies to every value, highest first:
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
 * recorded (never a secret's value) for the build log.
 */
public final class SettingsResolver {

    public static final String DEFAULT_SCAN_DEFINITION = "Ingest - dbt";
    public static final String DEFAULT_DBT_CLOUD_HOST = "cloud.getdbt.com";
    public static final String DEFAULT_SODA_CLOUD_HOST = "cloud.soda.io";
    static final String ENV_API_KEY_ID = "SODA_API_KEY_ID";
    static final String ENV_API_KEY_SECRET = "SODA_API_KEY_SECRET";
    static final String ENV_DBT_ACCOUNT = "DBT_CLOUD_ACCOUNT_ID";
    static final String ENV_DBT_TOKEN = "DBT_CLOUD_API_TOKEN";
    static final String ENV_DATA_SOURCE = "SODA_DATA_SOURCE";
    static final int MAX_RETRIES = 10;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final String HIDDEN = "(hidden)";
    private static final String DEFAULT = "default";

    private final Map<String, String> environment;
    private final Instant now;

    /**
     * @param environment the environment variables (usually {@code System.getenv()})
     * @param now         the start of the run: the value of {@code ${NOW}} in configuration.yml
     */
    public SettingsResolver(Map<String, String> environment, Instant now) {
        this.environment = Map.copyOf(environment);
        this.now = now;
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
    public IngestSettings resolveIngest(PluginParameters p) throws IngestException {
        SecretScrubber scrubber = knownSecrets(p);
        try {
            IngestSettings settings = resolveIngest(p, scrubber);
            return new IngestSettings(settings.dataSource(), settings.artifacts(), settings.sodaCloud(),
                    settings.scanDefinition(), settings.dataTimestamp(), settings.outputDirectory(), settings.dryRun(),
                    settings.failOn(), settings.network(), scrubber.scrubOrigins(settings.origins()),
                    scrubber.scrub(settings.warnings()));
        } catch (IngestException problem) {
            throw scrubber.scrub(problem);
        }
    }

    private IngestSettings resolveIngest(PluginParameters p, SecretScrubber scrubber) throws IngestException {
        Report report = new Report();
        ConfigurationFile file = readConfiguration(p, report, scrubber);
        SettingSources sources = new SettingSources(environment, file);
        String dataSource = resolveDataSource(p, file, sources, report);
        ArtifactSource artifacts = resolveArtifacts(p, sources, report, scrubber);
        SodaCloudSettings sodaCloud = resolveSodaCloud(p, sources, report, !p.dryRun(), scrubber);
        String scanDefinition = blank(p.scanDefinition()) ? DEFAULT_SCAN_DEFINITION : p.scanDefinition().trim();
        report.add("scan definition", scanDefinition, scanDefinition.equals(DEFAULT_SCAN_DEFINITION) ? DEFAULT
                : paramOrigin("scanDefinition", "soda.scanDefinition"));
        DataTimestamp dataTimestamp = parseEnum(DataTimestamp.class, p.dataTimestamp(), DataTimestamp.INGESTION,
                "dataTimestamp", "soda.dataTimestamp", "data timestamp", report);
        FailOn failOn = parseEnum(FailOn.class, p.failOn(), FailOn.NONE, "failOn", "soda.failOn", "fail on", report);
        if (p.outputDirectory() == null) {
            throw IngestException.configuration("No output directory is set.",
                    "Set outputDirectory / -Dsoda.outputDirectory, e.g. target/soda.");
        }
        report.add("dry run", String.valueOf(p.dryRun()), p.dryRun() ? paramOrigin("dryRun", "soda.dryRun") : DEFAULT);
        return new IngestSettings(dataSource, artifacts, sodaCloud, scanDefinition, dataTimestamp,
                p.outputDirectory(), p.dryRun(), failOn, network(p), report.origins, report.warnings);
    }

    /**
     * Settings for {@code soda:upload}: where Soda Cloud is and the API key, which are always needed.
     */
    public UploadSettings resolveUpload(PluginParameters p) throws IngestException {
        SecretScrubber scrubber = knownSecrets(p);
        try {
            Report report = new Report();
            ConfigurationFile file = readConfiguration(p, report, scrubber);
            SodaCloudSettings sodaCloud = resolveSodaCloud(p, new SettingSources(environment, file), report, true,
                    scrubber);
            return new UploadSettings(sodaCloud, network(p), scrubber.scrubOrigins(report.origins),
                    scrubber.scrub(report.warnings));
        } catch (IngestException problem) {
            throw scrubber.scrub(problem);
        }
    }

    /** Every secret the run was given before configuration.yml is read: parameters, environment, settings.xml. */
    private SecretScrubber knownSecrets(PluginParameters p) {
        SecretScrubber scrubber = new SecretScrubber()
                .add(environment.get(ENV_API_KEY_SECRET))
                .add(environment.get(ENV_DBT_TOKEN));
        for (Secret secret : new Secret[] {p.apiKeySecret(), p.dbtCloudApiToken(),
                p.sodaCloudServer() == null ? null : p.sodaCloudServer().password(),
                p.dbtCloudServer() == null ? null : p.dbtCloudServer().password()}) {
            if (secret != null) {
                scrubber.add(secret.reveal());
            }
        }
        return scrubber;
    }

    private static NetworkSettings network(PluginParameters p) throws IngestException {
        requirePositive(p.connectTimeoutSeconds(), "connectTimeout", "soda.http.connectTimeout");
        requirePositive(p.readTimeoutSeconds(), "readTimeout", "soda.http.readTimeout");
        if (p.maxRetries() < 0 || p.maxRetries() > MAX_RETRIES) {
            throw IngestException.configuration("maxRetries is " + p.maxRetries() + ", outside 0 to " + MAX_RETRIES + ".",
                    "Set maxRetries / -Dsoda.http.maxRetries between 0 and " + MAX_RETRIES + ".");
        }
        return new NetworkSettings(Duration.ofSeconds(p.connectTimeoutSeconds()),
                Duration.ofSeconds(p.readTimeoutSeconds()), p.maxRetries());
    }

    private static void requirePositive(int seconds, String name, String property) throws IngestException {
        if (seconds <= 0) {
            throw IngestException.configuration(name + " is " + seconds + " seconds.",
                    "Set " + name + " / -D" + property + " to a number of seconds above 0.");
        }
    }

    private ConfigurationFile readConfiguration(PluginParameters p, Report report, SecretScrubber scrubber)
            throws IngestException {
        if (p.configuration() == null) {
            return null;
        }
        ConfigurationFile file = new ConfigurationFileReader(new VariableSubstitution(environment, now))
                .read(p.configuration());
        file.sodaCloud("api_key_secret").ifPresent(value -> scrubber.add(value.value()));
        file.dbtCloud("api_token").ifPresent(value -> scrubber.add(value.value()));
        report.add("configuration file", p.configuration().toString(), paramOrigin("configuration", "soda.configuration"));
        report.warnings.addAll(file.warnings());
        return file;
    }

    private static String resolveDataSource(PluginParameters p, ConfigurationFile file, SettingSources sources,
                                            Report report) throws IngestException {
        Optional<Candidate> given = first(sources.param(p.dataSource(), "dataSource", "soda.dataSource"),
                sources.env(ENV_DATA_SOURCE));
        if (given.isEmpty()) {
            throw IngestException.configuration("No Soda data source is set.",
                    "Set <dataSource> in the plugin configuration, -Dsoda.dataSource=NAME (Soda's -d) or the environment "
                            + "variable " + ENV_DATA_SOURCE + ": the name of the data source the dbt tests' tables "
                            + "belong to in Soda Cloud.");
        }
        Candidate name = given.get();
        if (!ConfigurationFileReader.DATA_SOURCE_NAME.matcher(name.value()).matches()) {
            throw IngestException.configuration("The data source name " + name.shown() + " (from " + name.origin()
                    + ") is not a valid Soda data source name.",
                    "Use at least two lower-case letters, digits and underscores, starting with a letter or underscore "
                            + "(e.g. jaffle_shop_pg), as declared in Soda.");
        }
        if (file != null && !file.dataSources().contains(name.value())) {
            String declared = file.dataSources().isEmpty() ? "none" : String.join(", ", file.dataSources());
            throw IngestException.configuration("The data source '" + name.value() + "' (from " + name.origin()
                    + ") is not declared in " + file.path() + " (it declares: " + declared + ").",
                    "Add a `data_source " + name.value() + ":` block to it, or set dataSource / -Dsoda.dataSource to a "
                            + "declared one.");
        }
        report.add("data source", name.value(), name.origin());
        return name.value();
    }

    private ArtifactSource resolveArtifacts(PluginParameters p, SettingSources sources, Report report,
                                            SecretScrubber scrubber)
            throws IngestException {
        boolean local = p.dbtArtifacts() != null || p.dbtManifest() != null || !p.dbtRunResults().isEmpty();
        boolean cloud = !blank(p.dbtCloudRunId()) || !blank(p.dbtCloudJobId());
        if (local && cloud) {
            throw IngestException.configuration("Both local dbt artifacts (dbtArtifacts / dbtManifest / dbtRunResults) "
                    + "and a dbt Cloud run (dbtCloudRunId / dbtCloudJobId) are set.",
                    "Set one source only: local files, or a dbt Cloud run.");
        }
        if (cloud) {
            return new ArtifactSource.DbtCloud(resolveDbtCloud(p, sources, report, scrubber));
        }
        if (!local) {
            throw IngestException.configuration("No dbt artifacts are configured.",
                    "Set dbtArtifacts (-Dsoda.dbt.artifacts=target) to the folder dbt writes manifest.json and "
                            + "run_results.json to; or dbtManifest (-Dsoda.dbt.manifest) and dbtRunResults "
                            + "(-Dsoda.dbt.runResults) to the files; or dbtCloudRunId (-Dsoda.dbtCloud.runId) or "
                            + "dbtCloudJobId (-Dsoda.dbtCloud.jobId) to ingest a dbt Cloud run.");
        }
        return resolveLocalArtifacts(p, report);
    }

    private static ArtifactSource.Local resolveLocalArtifacts(PluginParameters p, Report report)
            throws IngestException {
        String folderSetting = "dbtArtifacts (-Dsoda.dbt.artifacts)";
        String manifestParam = "dbtManifest (-Dsoda.dbt.manifest)";
        String runResultsParam = "dbtRunResults (-Dsoda.dbt.runResults)";
        if (p.dbtArtifacts() != null) {
            Path folder = p.dbtArtifacts();
            if (!Files.isDirectory(folder)) {
                String why = Files.exists(folder) ? " is a file, not a folder." : " does not exist.";
                throw IngestException.input("The dbt artifacts folder " + folder + " (" + folderSetting + ")" + why,
                        "Set dbtArtifacts to the folder holding manifest.json and run_results.json (dbt's target/), "
                                + "or dbtManifest and dbtRunResults to the files.");
            }
            if (p.dbtManifest() != null && !p.dbtRunResults().isEmpty()) {
                report.warnings.add("dbtArtifacts " + folder
                        + " is not used: dbtManifest and dbtRunResults name both files.");
            }
        } else if (p.dbtManifest() == null || p.dbtRunResults().isEmpty()) {
            String given = p.dbtManifest() == null ? runResultsParam : manifestParam;
            String missing = p.dbtManifest() == null ? manifestParam : runResultsParam;
            throw IngestException.configuration(given + " is set but " + missing + " is not.",
                    "Set both files, or " + folderSetting + " to the folder holding them.");
        }
        // A single-file setting is more specific than the folder, so it wins over the folder's file.
        Path manifest = p.dbtManifest() != null ? p.dbtManifest() : p.dbtArtifacts().resolve("manifest.json");
        String manifestSetting = p.dbtManifest() != null ? manifestParam : folderSetting;
        List<Path> runResults = !p.dbtRunResults().isEmpty() ? p.dbtRunResults()
                : List.of(p.dbtArtifacts().resolve("run_results.json"));
        String runResultsSetting = !p.dbtRunResults().isEmpty() ? runResultsParam : folderSetting;
        report.add("dbt manifest", manifest.toString(), "plugin parameter " + manifestSetting);
        report.add("dbt run results", String.join(", ", runResults.stream().map(Path::toString).toList()),
                "plugin parameter " + runResultsSetting);
        return new ArtifactSource.Local(manifest, runResults, manifestSetting, runResultsSetting);
    }

    private DbtCloudSettings resolveDbtCloud(PluginParameters p, SettingSources sources, Report report,
                                             SecretScrubber scrubber)
            throws IngestException {
        if (!blank(p.dbtCloudRunId()) && !blank(p.dbtCloudJobId())) {
            throw IngestException.configuration("Both dbtCloudRunId and dbtCloudJobId are set.",
                    "Set dbtCloudRunId to ingest one run, or dbtCloudJobId to ingest the latest finished run of a job, "
                            + "not both.");
        }
        Long runId = parseId(p.dbtCloudRunId(), "dbtCloudRunId", "soda.dbtCloud.runId");
        Long jobId = parseId(p.dbtCloudJobId(), "dbtCloudJobId", "soda.dbtCloud.jobId");
        if (runId != null) {
            report.add("dbt Cloud run", runId.toString(), paramOrigin("dbtCloudRunId", "soda.dbtCloud.runId"));
            if (p.dbtCloudSuccessfulRunsOnly()) {
                report.warnings.add("dbtCloudSuccessfulRunsOnly only applies to dbtCloudJobId; it is ignored for run "
                        + runId + ".");
            }
        } else {
            report.add("dbt Cloud job", jobId + (p.dbtCloudSuccessfulRunsOnly() ? " (successful runs only)" : ""),
                    paramOrigin("dbtCloudJobId", "soda.dbtCloud.jobId"));
        }
        Optional<Candidate> account = first(
                sources.param(p.dbtCloudAccountId(), "dbtCloudAccountId", "soda.dbtCloud.accountId"),
                sources.file("dbt_cloud", "account_id"),
                sources.env(ENV_DBT_ACCOUNT));
        Optional<Candidate> token = first(
                sources.param(p.dbtCloudApiToken(), "dbtCloudApiToken", "soda.dbtCloud.apiToken"),
                sources.file("dbt_cloud", "api_token"),
                sources.env(ENV_DBT_TOKEN),
                sources.serverPassword(p.dbtCloudServer()));
        if (account.isEmpty() || token.isEmpty()) {
            throw missingDbtCloudCredentials(p, sources, account.isEmpty(), token.isEmpty());
        }
        String accountId = account.get().value();
        if (!DIGITS.matcher(accountId).matches()) {
            throw IngestException.configuration("The dbt Cloud account id " + account.get().shown() + " (from "
                    + account.get().origin() + ") is not a number.",
                    "Use the number in your dbt Cloud URLs: .../deploy/<account id>/projects/...");
        }
        report.add("dbt Cloud account", accountId, account.get().origin());
        report.add("dbt Cloud API token", HIDDEN, token.get().origin());
        Candidate access = first(
                sources.param(p.dbtCloudAccessUrl(), "dbtCloudAccessUrl", "soda.dbtCloud.accessUrl"),
                sources.file("dbt_cloud", "access_url"))
                .orElse(new Candidate(DEFAULT_DBT_CLOUD_HOST, DEFAULT));
        URI baseUrl = CloudAddresses.dbtCloudBaseUrl(access, p.allowInsecureHttp(), report.warnings);
        requireNoSecret(access, "dbt Cloud access URL", "dbtCloudAccessUrl / -Dsoda.dbtCloud.accessUrl (or "
                + "dbt_cloud.access_url) to your account's access URL, e.g. ab123.us1.dbt.com", scrubber);
        report.add("dbt Cloud address", baseUrl.toString(), access.origin());
        if (DEFAULT_DBT_CLOUD_HOST.equalsIgnoreCase(baseUrl.getHost())) {
            report.warnings.add("dbt Cloud is reached at " + DEFAULT_DBT_CLOUD_HOST + " (" + access.origin()
                    + "), which dbt Labs retires for most accounts; set dbtCloudAccessUrl (-Dsoda.dbtCloud.accessUrl) "
                    + "or dbt_cloud.access_url to your account's access URL (e.g. ab123.us1.dbt.com, shown in dbt "
                    + "Cloud's account settings).");
        }
        return new DbtCloudSettings(baseUrl, accountId, Secret.of(token.get().value()), token.get().origin(), runId,
                jobId, p.dbtCloudSuccessfulRunsOnly());
    }

    private static IngestException missingDbtCloudCredentials(PluginParameters p, SettingSources sources,
                                                              boolean noAccount, boolean noToken) {
        String what = noAccount && noToken ? "No dbt Cloud account id and no dbt Cloud API token are set"
                : noAccount ? "No dbt Cloud account id is set" : "No dbt Cloud API token is set";
        List<String> ways = new ArrayList<>();
        if (noAccount) {
            what += sources.whyEmpty("dbt_cloud", "account_id");
            ways.add("the account id as dbtCloudAccountId (-Dsoda.dbtCloud.accountId), dbt_cloud.account_id in "
                    + "configuration.yml or the environment variable " + ENV_DBT_ACCOUNT);
        }
        if (noToken) {
            what += sources.whyEmpty("dbt_cloud", "api_token");
            ways.add("the token as dbtCloudApiToken (-Dsoda.dbtCloud.apiToken), dbt_cloud.api_token in "
                    + "configuration.yml, the environment variable " + ENV_DBT_TOKEN + " or the password of the "
                    + "<server> '" + p.dbtCloudServerId() + "' in settings.xml");
        }
        return IngestException.configuration(what + ".", "Give " + String.join("; and ", ways) + ".");
    }

    private static SodaCloudSettings resolveSodaCloud(PluginParameters p, SettingSources sources, Report report,
                                                      boolean credentialsRequired, SecretScrubber scrubber)
            throws IngestException {
        Candidate host = first(sources.param(p.sodaCloudHost(), "sodaCloudHost", "soda.cloud.host"),
                sources.file("soda_cloud", "host"))
                .orElse(new Candidate(DEFAULT_SODA_CLOUD_HOST, DEFAULT));
        Optional<Candidate> port = first(sources.param(p.sodaCloudPort(), "sodaCloudPort", "soda.cloud.port"),
                sources.file("soda_cloud", "port"));
        Optional<Candidate> scheme = first(sources.param(p.sodaCloudScheme(), "sodaCloudScheme", "soda.cloud.scheme"),
                sources.file("soda_cloud", "scheme"));
        CloudAddresses.SodaCloudAddress address =
                CloudAddresses.sodaCloud(host, port, scheme, p.allowInsecureHttp(), report.warnings);
        requireNoSecret(host, "Soda Cloud host", "sodaCloudHost / -Dsoda.cloud.host (or soda_cloud.host) to the host "
                + "name, e.g. cloud.soda.io", scrubber);
        report.add("Soda Cloud", address.toString(), (host.origin().equals(DEFAULT) ? "default host" : host.origin())
                + port.map(c -> "; port from " + c.origin()).orElse("")
                + scheme.map(c -> "; scheme from " + c.origin()).orElse(""));

        Optional<Candidate> keyId = first(
                sources.param(p.apiKeyId(), "apiKeyId", "soda.cloud.apiKeyId"),
                sources.file("soda_cloud", "api_key_id"),
                sources.env(ENV_API_KEY_ID),
                sources.serverUsername(p.sodaCloudServer()));
        Optional<Candidate> keySecret = first(
                sources.param(p.apiKeySecret(), "apiKeySecret", "soda.cloud.apiKeySecret"),
                sources.file("soda_cloud", "api_key_secret"),
                sources.env(ENV_API_KEY_SECRET),
                sources.serverPassword(p.sodaCloudServer()));
        if (keyId.isEmpty() || keySecret.isEmpty()) {
            if (credentialsRequired) {
                throw missingApiKey(p, sources, keyId, keySecret);
            }
            if (keyId.isPresent() || keySecret.isPresent()) {
                report.warnings.add("Only half a Soda Cloud API key is set (" + (keyId.isPresent() ? "the id, from "
                        + keyId.get().origin() : "the secret, from " + keySecret.get().origin())
                        + "); it is not used in a dry run, but an upload would need both.");
            }
            report.add("Soda Cloud API key", "none", "not needed in a dry run");
            return new SodaCloudSettings(address.scheme(), address.host(), address.port(), null, null, "none");
        }
        String origin = keyId.get().origin().equals(keySecret.get().origin()) ? keyId.get().origin()
                : bothFromEnvironment(keyId.get(), keySecret.get())
                ? "environment variables " + ENV_API_KEY_ID + " and " + ENV_API_KEY_SECRET
                : "id: " + keyId.get().origin() + ", secret: " + keySecret.get().origin();
        report.add("Soda Cloud API key", HIDDEN, origin);
        return new SodaCloudSettings(address.scheme(), address.host(), address.port(), Secret.of(keyId.get().value()),
                Secret.of(keySecret.get().value()), origin);
    }

    /**
     * Refuses an address that holds one of the run's secrets (a swapped variable, a pasted value): it
     * would be printed in the settings log and looked up in DNS, which sends it to the network.
     */
    private static void requireNoSecret(Candidate address, String what, String fix, SecretScrubber scrubber)
            throws IngestException {
        if (scrubber.holdsSecret(address.value())) {
            throw IngestException.configuration("The " + what + " (from " + address.origin() + ") holds a secret "
                    + "given to this run (the Soda Cloud API key secret or a dbt Cloud token); it is not shown, and "
                    + "nothing was sent.", "Set " + fix + "; a value may have been swapped with the secret.");
        }
    }

    private static IngestException missingApiKey(PluginParameters p, SettingSources sources, Optional<Candidate> keyId,
                                                 Optional<Candidate> keySecret) {
        String what;
        if (keyId.isEmpty() && keySecret.isEmpty()) {
            what = "No Soda Cloud API key is set" + sources.whyEmpty("soda_cloud", "api_key_id")
                    + sources.whyEmpty("soda_cloud", "api_key_secret") + ", and this is not a dry run.";
        } else if (keyId.isEmpty()) {
            what = "A Soda Cloud API key secret is set (from " + keySecret.get().origin() + ") but no API key id"
                    + sources.whyEmpty("soda_cloud", "api_key_id") + ".";
        } else {
            what = "A Soda Cloud API key id is set (from " + keyId.get().origin() + ") but no API key secret"
                    + sources.whyEmpty("soda_cloud", "api_key_secret") + ".";
        }
        return IngestException.configuration(what,
                "Give the key in one of these ways: apiKeyId and apiKeySecret in the plugin configuration (or "
                        + "-Dsoda.cloud.apiKeyId / -Dsoda.cloud.apiKeySecret); soda_cloud.api_key_id and "
                        + "soda_cloud.api_key_secret in configuration.yml; the environment variables " + ENV_API_KEY_ID
                        + " and " + ENV_API_KEY_SECRET + "; or a <server> with id '" + p.sodaCloudServerId()
                        + "' in settings.xml (username = key id, password = secret). Or run with -Dsoda.dryRun=true "
                        + "to only write the scan results file.");
    }

    private static Long parseId(String value, String name, String property) throws IngestException {
        if (blank(value)) {
            return null;
        }
        Candidate id = new Candidate(value.trim(), paramOrigin(name, property));
        if (!DIGITS.matcher(id.value()).matches() || Long.parseLong(id.value()) == 0) {
            throw IngestException.configuration(name + " " + id.shown() + " is not a dbt Cloud id.",
                    "Set " + name + " / -D" + property + " to the number shown in dbt Cloud's URL.");
        }
        return Long.parseLong(id.value());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, E fallback, String name,
                                                   String property, String setting, Report report)
            throws IngestException {
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        E result;
        if (blank(value)) {
            result = fallback;
        } else {
            Candidate given = new Candidate(value.trim(), paramOrigin(name, property));
            int index = allowed.indexOf(given.value().toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw IngestException.configuration(name + " " + given.shown() + " is not one of "
                        + String.join(", ", allowed) + ".", "Set " + name + " / -D" + property + " to one of them.");
            }
            result = type.getEnumConstants()[index];
        }
        report.add(setting, result.name().toLowerCase(Locale.ROOT),
                result == fallback ? DEFAULT : paramOrigin(name, property));
        return result;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean bothFromEnvironment(Candidate id, Candidate secret) {
        return id.origin().equals("environment variable " + ENV_API_KEY_ID)
                && secret.origin().equals("environment variable " + ENV_API_KEY_SECRET);
    }
}
