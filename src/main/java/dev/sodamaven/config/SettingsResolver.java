package dev.sodamaven.config;

import dev.sodamaven.IngestException;
import dev.sodamaven.Secret;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
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
 *       {@code DBT_CLOUD_ACCOUNT_ID}, {@code DBT_CLOUD_API_TOKEN});</li>
 *   <li>the settings.xml {@code <server>} ({@code soda-cloud} / {@code dbt-cloud} by default);</li>
 *   <li>the default.</li>
 * </ol>
 * Where each value came from is recorded (never a secret's value) for the build log.
 */
public final class SettingsResolver {

    public static final String DEFAULT_SCAN_DEFINITION = "Ingest - dbt";
    public static final String DEFAULT_DBT_CLOUD_HOST = "cloud.getdbt.com";
    static final String ENV_API_KEY_ID = "SODA_API_KEY_ID";
    static final String ENV_API_KEY_SECRET = "SODA_API_KEY_SECRET";
    static final String ENV_DBT_ACCOUNT = "DBT_CLOUD_ACCOUNT_ID";
    static final String ENV_DBT_TOKEN = "DBT_CLOUD_API_TOKEN";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final String HIDDEN = "(hidden)";

    private final Map<String, String> environment;
    private final Instant now;

    public SettingsResolver(Map<String, String> environment, Instant now) {
        this.environment = Map.copyOf(environment);
        this.now = now;
    }

    /** A value and where it came from. */
    private record Candidate(String value, String origin) {
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
        Report report = new Report();
        ConfigurationFile file = readConfiguration(p, report);
        String dataSource = resolveDataSource(p, file, report);
        ArtifactSource artifacts = resolveArtifacts(p, file, report);
        SodaCloudSettings sodaCloud = resolveSodaCloud(p, file, report, !p.dryRun());
        String scanDefinition = blank(p.scanDefinition()) ? DEFAULT_SCAN_DEFINITION : p.scanDefinition().trim();
        report.add("scan definition", scanDefinition, scanDefinition.equals(DEFAULT_SCAN_DEFINITION) ? "default"
                : param("scanDefinition", "soda.scanDefinition"));
        DataTimestamp dataTimestamp = parseEnum(DataTimestamp.class, p.dataTimestamp(), DataTimestamp.INGESTION,
                "dataTimestamp", "soda.dataTimestamp");
        FailOn failOn = parseEnum(FailOn.class, p.failOn(), FailOn.NONE, "failOn", "soda.failOn");
        report.add("dry run", String.valueOf(p.dryRun()), p.dryRun() ? param("dryRun", "soda.dryRun") : "default");
        return new IngestSettings(dataSource, artifacts, sodaCloud, scanDefinition, dataTimestamp,
                p.outputDirectory(), p.dryRun(), failOn, network(p), report.origins, report.warnings);
    }

    /**
     * Settings for {@code soda:upload}: where Soda Cloud is and the API key, which are always needed.
     */
    public UploadSettings resolveUpload(PluginParameters p) throws IngestException {
        Report report = new Report();
        ConfigurationFile file = readConfiguration(p, report);
        SodaCloudSettings sodaCloud = resolveSodaCloud(p, file, report, true);
        return new UploadSettings(sodaCloud, network(p), report.origins, report.warnings);
    }

    private static NetworkSettings network(PluginParameters p) throws IngestException {
        requirePositive(p.connectTimeoutSeconds(), "connectTimeout", "soda.http.connectTimeout");
        requirePositive(p.readTimeoutSeconds(), "readTimeout", "soda.http.readTimeout");
        if (p.maxRetries() < 0 || p.maxRetries() > 10) {
            throw IngestException.configuration("maxRetries is " + p.maxRetries() + ".",
                    "Set maxRetries / -Dsoda.http.maxRetries between 0 and 10.");
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

    private ConfigurationFile readConfiguration(PluginParameters p, Report report) throws IngestException {
        if (p.configuration() == null) {
            return null;
        }
        ConfigurationFile file = new ConfigurationFileReader(new VariableSubstitution(environment, now))
                .read(p.configuration());
        report.add("configuration file", p.configuration().toString(), param("configuration", "soda.configuration"));
        report.warnings.addAll(file.warnings());
        return file;
    }

    private static String resolveDataSource(PluginParameters p, ConfigurationFile file, Report report)
            throws IngestException {
        if (blank(p.dataSource())) {
            throw IngestException.configuration("No Soda data source is set.",
                    "Set <dataSource> in the plugin configuration or -Dsoda.dataSource=NAME (Soda's -d): the name of "
                            + "the data source the dbt tests' tables belong to in Soda Cloud.");
        }
        String name = p.dataSource().trim();
        if (!ConfigurationFileReader.DATA_SOURCE_NAME.matcher(name).matches()) {
            throw IngestException.configuration("The data source name '" + name + "' (dataSource / -Dsoda.dataSource) "
                    + "is not a valid Soda data source name.",
                    "Use lower-case letters, digits and underscores, starting with a letter or underscore "
                            + "(e.g. jaffle_shop_pg), as declared in Soda.");
        }
        if (file != null && !file.dataSources().contains(name)) {
            String declared = file.dataSources().isEmpty() ? "none" : String.join(", ", file.dataSources());
            throw IngestException.configuration("The data source '" + name + "' is not declared in "
                    + file.path() + " (it declares: " + declared + ").",
                    "Add a `data_source " + name + ":` block to it, or set dataSource / -Dsoda.dataSource to a declared one.");
        }
        report.add("data source", name, param("dataSource", "soda.dataSource"));
        return name;
    }

    private ArtifactSource resolveArtifacts(PluginParameters p, ConfigurationFile file, Report report)
            throws IngestException {
        boolean local = p.dbtArtifacts() != null || p.dbtManifest() != null || !p.dbtRunResults().isEmpty();
        boolean cloud = !blank(p.dbtCloudRunId()) || !blank(p.dbtCloudJobId());
        if (local && cloud) {
            throw IngestException.configuration("Both local dbt artifacts (dbtArtifacts / dbtManifest / dbtRunResults) "
                    + "and a dbt Cloud run (dbtCloudRunId / dbtCloudJobId) are set.",
                    "Set one source only: local files, or a dbt Cloud run.");
        }
        if (cloud) {
            return new ArtifactSource.DbtCloud(resolveDbtCloud(p, file, report));
        }
        if (!local) {
            throw IngestException.configuration("No dbt artifacts are configured.",
                    "Set dbtArtifacts (-Dsoda.dbt.artifacts=target) to the folder dbt writes manifest.json and "
                            + "run_results.json to, or dbtManifest and dbtRunResults to the files, or dbtCloudRunId / "
                            + "dbtCloudJobId to ingest a dbt Cloud run.");
        }
        String folderSetting = "dbtArtifacts (-Dsoda.dbt.artifacts)";
        if (p.dbtArtifacts() != null) {
            Path folder = p.dbtArtifacts();
            if (!Files.isDirectory(folder)) {
                String why = Files.exists(folder) ? " is a file, not a folder." : " does not exist.";
                throw IngestException.input("The dbt artifacts folder " + folder + why,
                        "Set dbtArtifacts (-Dsoda.dbt.artifacts) to the folder holding manifest.json and run_results.json "
                                + "(dbt's target/), or dbtManifest and dbtRunResults to the files.");
            }
        } else if (p.dbtManifest() == null || p.dbtRunResults().isEmpty()) {
            String given = p.dbtManifest() == null ? "dbtRunResults" : "dbtManifest";
            String missing = p.dbtManifest() == null ? "dbtManifest (-Dsoda.dbt.manifest)" : "dbtRunResults (-Dsoda.dbt.runResults)";
            throw IngestException.configuration(given + " is set but " + missing + " is not.",
                    "Set both files, or dbtArtifacts (-Dsoda.dbt.artifacts) to the folder holding them.");
        }
        // A single-file setting is more specific than the folder, so it wins over the folder's file.
        Path manifest = p.dbtManifest() != null ? p.dbtManifest() : p.dbtArtifacts().resolve("manifest.json");
        String manifestSetting = p.dbtManifest() != null ? "dbtManifest (-Dsoda.dbt.manifest)" : folderSetting;
        List<Path> runResults = !p.dbtRunResults().isEmpty() ? p.dbtRunResults()
                : List.of(p.dbtArtifacts().resolve("run_results.json"));
        String runResultsSetting = !p.dbtRunResults().isEmpty() ? "dbtRunResults (-Dsoda.dbt.runResults)" : folderSetting;
        report.add("dbt manifest", manifest.toString(), manifestSetting.replace(" (", ", ").replace(")", ""));
        report.add("dbt run results", String.join(", ", runResults.stream().map(Path::toString).toList()),
                runResultsSetting.replace(" (", ", ").replace(")", ""));
        return new ArtifactSource.Local(manifest, runResults, manifestSetting, runResultsSetting);
    }

    private DbtCloudSettings resolveDbtCloud(PluginParameters p, ConfigurationFile file, Report report)
            throws IngestException {
        if (!blank(p.dbtCloudRunId()) && !blank(p.dbtCloudJobId())) {
            throw IngestException.configuration("Both dbtCloudRunId and dbtCloudJobId are set.",
                    "Set dbtCloudRunId to ingest one run, or dbtCloudJobId to ingest the latest finished run of a job, not both.");
        }
        Long runId = parseId(p.dbtCloudRunId(), "dbtCloudRunId", "soda.dbtCloud.runId");
        Long jobId = parseId(p.dbtCloudJobId(), "dbtCloudJobId", "soda.dbtCloud.jobId");
        if (runId != null) {
            report.add("dbt Cloud run", runId.toString(), param("dbtCloudRunId", "soda.dbtCloud.runId"));
        } else {
            report.add("dbt Cloud job", jobId + (p.dbtCloudSuccessfulRunsOnly() ? " (successful runs only)" : ""),
                    param("dbtCloudJobId", "soda.dbtCloud.jobId"));
        }
        Optional<Candidate> account = first(
                fromParam(p.dbtCloudAccountId(), "dbtCloudAccountId", "soda.dbtCloud.accountId"),
                fromFile(file, "dbt_cloud", "account_id"),
                fromEnv(ENV_DBT_ACCOUNT));
        Optional<Candidate> token = first(
                fromParam(p.dbtCloudApiToken() == null ? null : p.dbtCloudApiToken().reveal(), "dbtCloudApiToken",
                        "soda.dbtCloud.apiToken"),
                fromFile(file, "dbt_cloud", "api_token"),
                fromEnv(ENV_DBT_TOKEN),
                fromServerPassword(p.dbtCloudServer()));
        if (account.isEmpty() || token.isEmpty()) {
            String what = account.isEmpty() && token.isEmpty() ? "No dbt Cloud account id and API token are"
                    : account.isEmpty() ? "No dbt Cloud account id is" : "No dbt Cloud API token is";
            throw IngestException.configuration(what + " set." + emptyBecause(file, "dbt_cloud",
                    account.isEmpty() ? "account_id" : "api_token"),
                    "Give the account id as dbtCloudAccountId (-Dsoda.dbtCloud.accountId), dbt_cloud.account_id in "
                            + "configuration.yml or the environment variable " + ENV_DBT_ACCOUNT + "; and the token as "
                            + "dbtCloudApiToken, dbt_cloud.api_token in configuration.yml, the environment variable "
                            + ENV_DBT_TOKEN + ", or the password of the <server> '" + p.dbtCloudServerId()
                            + "' in settings.xml.");
        }
        String accountId = account.get().value().trim();
        if (!DIGITS.matcher(accountId).matches()) {
            throw IngestException.configuration("The dbt Cloud account id '" + accountId + "' (from "
                    + account.get().origin() + ") is not a number.",
                    "Use the number in your dbt Cloud URLs: .../deploy/<account id>/projects/...");
        }
        report.add("dbt Cloud account", accountId, account.get().origin());
        report.add("dbt Cloud API token", HIDDEN, token.get().origin());
        Optional<Candidate> access = first(
                fromParam(p.dbtCloudAccessUrl(), "dbtCloudAccessUrl", "soda.dbtCloud.accessUrl"),
                fromFile(file, "dbt_cloud", "access_url"));
        Candidate accessUrl = access.orElse(new Candidate(DEFAULT_DBT_CLOUD_HOST, "default"));
        URI baseUrl = dbtCloudBaseUrl(accessUrl, p.allowInsecureHttp(), report);
        report.add("dbt Cloud address", baseUrl.toString(), accessUrl.origin());
        if (DEFAULT_DBT_CLOUD_HOST.equalsIgnoreCase(baseUrl.getHost())) {
            report.warnings.add("dbt Cloud is reached at " + DEFAULT_DBT_CLOUD_HOST + ", which dbt Labs retires for "
                    + "most accounts; set dbtCloudAccessUrl (-Dsoda.dbtCloud.accessUrl) to your account's access URL "
                    + "(e.g. ab123.us1.dbt.com, shown in dbt Cloud's account settings).");
        }
        return new DbtCloudSettings(baseUrl, accountId, Secret.of(token.get().value()), token.get().origin(), runId,
                jobId, p.dbtCloudSuccessfulRunsOnly());
    }

    private static URI dbtCloudBaseUrl(Candidate access, boolean allowInsecureHttp, Report report)
            throws IngestException {
        String raw = access.value().trim();
        String withScheme = raw.contains("://") ? raw : "https://" + raw;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException invalid) {
            throw IngestException.configuration("The dbt Cloud access URL '" + raw + "' (from " + access.origin()
                    + ") is not a valid host or URL.", "Use a host such as ab123.us1.dbt.com.");
        }
        if (uri.getHost() == null) {
            throw IngestException.configuration("The dbt Cloud access URL '" + raw + "' (from " + access.origin()
                    + ") has no host.", "Use a host such as ab123.us1.dbt.com.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        requireSecureScheme(scheme, uri.getHost(), "dbt Cloud access URL (" + access.origin() + ")",
                allowInsecureHttp, report);
        // Accept Soda Core's old api_url form too: drop a trailing /api/v2/accounts.
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "").replaceAll("/api/v2(/accounts)?$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private SodaCloudSettings resolveSodaCloud(PluginParameters p, ConfigurationFile file, Report report,
                                               boolean credentialsRequired) throws IngestException {
        Optional<Candidate> host = first(fromParam(p.sodaCloudHost(), "sodaCloudHost", "soda.cloud.host"),
                fromFile(file, "soda_cloud", "host"));
        Optional<Candidate> port = first(fromParam(p.sodaCloudPort(), "sodaCloudPort", "soda.cloud.port"),
                fromFile(file, "soda_cloud", "port"));
        Optional<Candidate> scheme = first(fromParam(p.sodaCloudScheme(), "sodaCloudScheme", "soda.cloud.scheme"),
                fromFile(file, "soda_cloud", "scheme"));
        String hostValue = host.map(Candidate::value).orElse("cloud.soda.io").trim();
        String schemeValue = scheme.map(c -> c.value().trim().toLowerCase(Locale.ROOT)).orElse(null);
        Integer portValue = null;
        if (hostValue.contains("://")) {
            // A full URL in the host setting: take its scheme and port unless given apart.
            URI uri = URI.create(hostValue);
            schemeValue = schemeValue != null ? schemeValue : uri.getScheme().toLowerCase(Locale.ROOT);
            portValue = uri.getPort() > 0 ? uri.getPort() : null;
            hostValue = uri.getHost() == null ? hostValue : uri.getHost();
        }
        if (schemeValue == null) {
            schemeValue = "https";
        }
        if (!schemeValue.equals("https") && !schemeValue.equals("http")) {
            throw IngestException.configuration("The Soda Cloud scheme '" + schemeValue + "' (from "
                    + scheme.map(Candidate::origin).orElse("sodaCloudHost") + ") is neither https nor http.",
                    "Set sodaCloudScheme / -Dsoda.cloud.scheme to https.");
        }
        if (port.isPresent()) {
            portValue = parsePort(port.get());
        }
        requireSecureScheme(schemeValue, hostValue, "Soda Cloud (" + scheme.map(Candidate::origin).orElse("scheme")
                + ")", p.allowInsecureHttp(), report);
        String address = schemeValue + "://" + hostValue + (portValue == null ? "" : ":" + portValue);
        report.add("Soda Cloud", address, host.map(Candidate::origin).orElse("default host")
                + port.map(c -> "; port from " + c.origin()).orElse("")
                + scheme.map(c -> "; scheme from " + c.origin()).orElse(""));

        Optional<Candidate> keyId = first(
                fromParam(p.apiKeyId() == null ? null : p.apiKeyId().reveal(), "apiKeyId", "soda.cloud.apiKeyId"),
                fromFile(file, "soda_cloud", "api_key_id"),
                fromEnv(ENV_API_KEY_ID),
                fromServerUsername(p.sodaCloudServer()));
        Optional<Candidate> keySecret = first(
                fromParam(p.apiKeySecret() == null ? null : p.apiKeySecret().reveal(), "apiKeySecret",
                        "soda.cloud.apiKeySecret"),
                fromFile(file, "soda_cloud", "api_key_secret"),
                fromEnv(ENV_API_KEY_SECRET),
                fromServerPassword(p.sodaCloudServer()));
        if (credentialsRequired && (keyId.isEmpty() || keySecret.isEmpty())) {
            throw missingApiKey(p, file, keyId, keySecret);
        }
        if (keyId.isEmpty() || keySecret.isEmpty()) {
            report.add("Soda Cloud API key", "none", "not needed in a dry run");
            return new SodaCloudSettings(schemeValue, hostValue, portValue, null, null, "none");
        }
        String origin = keyId.get().origin().equals(keySecret.get().origin()) ? keyId.get().origin()
                : "id: " + keyId.get().origin() + ", secret: " + keySecret.get().origin();
        report.add("Soda Cloud API key", HIDDEN, origin);
        return new SodaCloudSettings(schemeValue, hostValue, portValue, Secret.of(keyId.get().value()),
                Secret.of(keySecret.get().value()), origin);
    }

    private IngestException missingApiKey(PluginParameters p, ConfigurationFile file, Optional<Candidate> keyId,
                                          Optional<Candidate> keySecret) {
        String what;
        if (keyId.isEmpty() && keySecret.isEmpty()) {
            what = "No Soda Cloud API key is set, and this is not a dry run.";
        } else if (keyId.isEmpty()) {
            what = "A Soda Cloud API key secret is set (" + keySecret.get().origin() + ") but no API key id.";
        } else {
            what = "A Soda Cloud API key id is set (" + keyId.get().origin() + ") but no API key secret.";
        }
        what += emptyBecause(file, "soda_cloud", keyId.isEmpty() ? "api_key_id" : "api_key_secret");
        return IngestException.configuration(what,
                "Give the key in one of these ways: apiKeyId and apiKeySecret in the plugin configuration (or "
                        + "-Dsoda.cloud.apiKeyId / -Dsoda.cloud.apiKeySecret); soda_cloud.api_key_id and "
                        + "soda_cloud.api_key_secret in configuration.yml; the environment variables " + ENV_API_KEY_ID
                        + " and " + ENV_API_KEY_SECRET + "; or a <server> with id '" + p.sodaCloudServerId()
                        + "' in settings.xml (username = key id, password = secret). Or run with -Dsoda.dryRun=true "
                        + "to only write the scan results file.");
    }

    /** " (configuration.yml soda_cloud.api_key_secret refers to ${X}, which is not set.)" when that is why. */
    private static String emptyBecause(ConfigurationFile file, String block, String key) {
        if (file == null) {
            return "";
        }
        Optional<ConfigValue> value = "soda_cloud".equals(block) ? file.sodaCloud(key) : file.dbtCloud(key);
        return value.filter(ConfigValue::isBlank)
                .map(v -> " (" + file.path().getFileName() + " " + v.whyEmpty() + ".)")
                .orElse("");
    }

    private static Integer parsePort(Candidate port) throws IngestException {
        String text = port.value().trim();
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw IngestException.configuration("The Soda Cloud port '" + text + "' (from " + port.origin()
                + ") is not a port number.", "Use a number from 1 to 65535, or leave it unset for the scheme's default.");
    }

    private static void requireSecureScheme(String scheme, String host, String what, boolean allowInsecureHttp,
                                            Report report) throws IngestException {
        if (!"http".equals(scheme) || isLoopback(host)) {
            return;
        }
        if (!allowInsecureHttp) {
            throw IngestException.configuration(what + " uses plain http to " + host
                    + ", which would send credentials unencrypted.",
                    "Use https; or, only for a trusted network, set allowInsecureHttp / -Dsoda.allowInsecureHttp=true.");
        }
        report.warnings.add(what + " uses plain http to " + host + ": credentials travel unencrypted "
                + "(allowed by allowInsecureHttp).");
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = bare.matches("[0-9.]+") || bare.contains(":");
        if (!literal) {
            return false; // never resolve names here: a name is not trusted to stay loopback
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static Long parseId(String value, String name, String property) throws IngestException {
        if (blank(value)) {
            return null;
        }
        String trimmed = value.trim();
        if (!DIGITS.matcher(trimmed).matches() || Long.parseLong(trimmed) == 0) {
            throw IngestException.configuration(name + " '" + trimmed + "' is not a dbt Cloud id.",
                    "Set " + name + " / -D" + property + " to the number shown in dbt Cloud's URL.");
        }
        return Long.parseLong(trimmed);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, E fallback, String name,
                                                   String property) throws IngestException {
        if (blank(value)) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw IngestException.configuration(name + " '" + value.trim() + "' is not one of " + allowed + ".",
                    "Set " + name + " / -D" + property + " to one of them.");
        }
    }

    @SafeVarargs
    private static Optional<Candidate> first(Optional<Candidate>... candidates) {
        for (Optional<Candidate> candidate : candidates) {
            if (candidate.isPresent() && !blank(candidate.get().value())) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private static Optional<Candidate> fromParam(String value, String name, String property) {
        return Optional.ofNullable(value).map(v -> new Candidate(v, param(name, property)));
    }

    private static Optional<Candidate> fromFile(ConfigurationFile file, String block, String key) {
        if (file == null) {
            return Optional.empty();
        }
        Optional<ConfigValue> value = "soda_cloud".equals(block) ? file.sodaCloud(key) : file.dbtCloud(key);
        return value.map(v -> new Candidate(v.value(), file.path().getFileName() + " " + v.key()));
    }

    private Optional<Candidate> fromEnv(String name) {
        return Optional.ofNullable(environment.get(name)).map(v -> new Candidate(v, "environment variable " + name));
    }

    private static Optional<Candidate> fromServerUsername(ServerCredential server) {
        return server == null ? Optional.empty() : Optional.ofNullable(server.username())
                .map(v -> new Candidate(v, "settings.xml server '" + server.id() + "'"));
    }

    private static Optional<Candidate> fromServerPassword(ServerCredential server) {
        return server == null || server.password() == null ? Optional.empty()
                : Optional.of(new Candidate(server.password().reveal(), "settings.xml server '" + server.id() + "'"));
    }

    private static String param(String name, String property) {
        return "plugin parameter " + name + " (-D" + property + ")";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
