package dev.sodamaven.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of every setting: its goal parameter and user property, the other places a value
 * can come from (environment variable, configuration.yml key, a settings.xml server), its default,
 * whether it is secret, and its one-line meaning. Resolution, messages, the README's parameter table
 * and the checks against the goals' declared parameters all read it from here, so adding a setting
 * is one entry here plus its goal field.
 *
 * <p>The core never spells a setting the way a user types it: text that mentions one holds
 * {@link #ref()}, and the front end renders it (see {@link SettingNames}).
 */
public enum Setting {
    DATA_SOURCE(
            "dataSource",
            "soda.dataSource",
            Type.TEXT,
            Goal.INGEST,
            null,
            "Soda data source name the tests' tables belong to (Soda's `-d`): lower-case letters, digits, `_`; "
                    + "required",
            Sources.environment("SODA_DATA_SOURCE")),
    CONFIGURATION(
            "configuration",
            "soda.configuration",
            Type.PATH,
            Goal.BOTH,
            null,
            "a Soda `configuration.yml` (Soda's `-c`) for the `soda_cloud:` and `dbt_cloud:` settings"),
    DBT_ARTIFACTS(
            "dbtArtifacts",
            "soda.dbt.artifacts",
            Type.PATH,
            Goal.INGEST,
            null,
            "folder holding `manifest.json` and `run_results.json`, usually dbt's `target/` (Soda's "
                    + "`--dbt-artifacts`)"),
    DBT_MANIFEST(
            "dbtManifest",
            "soda.dbt.manifest",
            Type.PATH,
            Goal.INGEST,
            null,
            "the manifest file (Soda's `--dbt-manifest`); replaces the folder's one"),
    DBT_RUN_RESULTS(
            "dbtRunResults",
            "soda.dbt.runResults",
            Type.PATHS,
            Goal.INGEST,
            null,
            "run results file(s), comma-separated (Soda's `--dbt-run-results`); several are merged, later files "
                    + "winning per test"),
    DBT_SOURCES(
            "dbtSources",
            "soda.dbt.sources",
            Type.PATH,
            Goal.INGEST,
            null,
            "the `sources.json` of `dbt source freshness`; picked up from the artifacts folder when present"),
    SODA_CLOUD_HOST(
            "sodaCloudHost",
            "soda.cloud.host",
            Type.TEXT,
            Goal.BOTH,
            "cloud.soda.io",
            "Soda Cloud host: `cloud.soda.io` (EU) or `cloud.us.soda.io` (US); a URL with scheme and port is "
                    + "accepted too",
            Sources.file("soda_cloud.host")),
    SODA_CLOUD_PORT(
            "sodaCloudPort",
            "soda.cloud.port",
            Type.TEXT,
            Goal.BOTH,
            null,
            "Soda Cloud port; unset means the scheme's default",
            Sources.file("soda_cloud.port")),
    SODA_CLOUD_SCHEME(
            "sodaCloudScheme",
            "soda.cloud.scheme",
            Type.TEXT,
            Goal.BOTH,
            "https",
            "`https`; `http` only for loopback hosts unless `allowInsecureHttp`",
            Sources.file("soda_cloud.scheme")),
    API_KEY_ID(
            "apiKeyId",
            "soda.cloud.apiKeyId",
            Type.SECRET,
            Goal.BOTH,
            null,
            "Soda Cloud API key id",
            Sources.file("soda_cloud.api_key_id")
                    .andEnvironment("SODA_API_KEY_ID")
                    .andServer("sodaCloudServerId", ServerPart.USERNAME)),
    API_KEY_SECRET(
            "apiKeySecret",
            "soda.cloud.apiKeySecret",
            Type.SECRET,
            Goal.BOTH,
            null,
            "Soda Cloud API key secret",
            Sources.file("soda_cloud.api_key_secret")
                    .andEnvironment("SODA_API_KEY_SECRET")
                    .andServer("sodaCloudServerId", ServerPart.PASSWORD)),
    SODA_CLOUD_SERVER_ID(
            "sodaCloudServerId",
            "soda.cloud.serverId",
            Type.TEXT,
            Goal.BOTH,
            "soda-cloud",
            "`settings.xml` server holding the API key (username = id, password = secret)"),
    DBT_CLOUD_RUN_ID(
            "dbtCloudRunId",
            "soda.dbtCloud.runId",
            Type.TEXT,
            Goal.INGEST,
            null,
            "dbt Cloud run to ingest (Soda's `--dbt-cloud-run-id`)"),
    DBT_CLOUD_JOB_ID(
            "dbtCloudJobId",
            "soda.dbtCloud.jobId",
            Type.TEXT,
            Goal.INGEST,
            null,
            "dbt Cloud job whose latest finished run is ingested (Soda's `--dbt-cloud-job-id`)"),
    DBT_CLOUD_SUCCESSFUL_RUNS_ONLY(
            "dbtCloudSuccessfulRunsOnly",
            "soda.dbtCloud.successfulRunsOnly",
            Type.FLAG,
            Goal.INGEST,
            "false",
            "with a job id: only take runs that succeeded"),
    DBT_CLOUD_ACCOUNT_ID(
            "dbtCloudAccountId",
            "soda.dbtCloud.accountId",
            Type.TEXT,
            Goal.INGEST,
            null,
            "dbt Cloud account id",
            Sources.file("dbt_cloud.account_id").andEnvironment("DBT_CLOUD_ACCOUNT_ID")),
    DBT_CLOUD_API_TOKEN(
            "dbtCloudApiToken",
            "soda.dbtCloud.apiToken",
            Type.SECRET,
            Goal.INGEST,
            null,
            "dbt Cloud API token (service or personal)",
            Sources.file("dbt_cloud.api_token")
                    .andEnvironment("DBT_CLOUD_API_TOKEN")
                    .andServer("dbtCloudServerId", ServerPart.PASSWORD)),
    DBT_CLOUD_ACCESS_URL(
            "dbtCloudAccessUrl",
            "soda.dbtCloud.accessUrl",
            Type.TEXT,
            Goal.INGEST,
            "cloud.getdbt.com",
            "your account's dbt Cloud host (e.g. `ab123.us1.dbt.com`), or a base URL with scheme",
            Sources.file("dbt_cloud.access_url")),
    DBT_CLOUD_SERVER_ID(
            "dbtCloudServerId",
            "soda.dbtCloud.serverId",
            Type.TEXT,
            Goal.INGEST,
            "dbt-cloud",
            "`settings.xml` server whose password is the dbt Cloud token"),
    DBT_CLOUD_MAX_RUN_AGE(
            "dbtCloudMaxRunAge",
            "soda.dbtCloud.maxRunAge",
            Type.TEXT,
            Goal.INGEST,
            null,
            "with a job id: a latest finished run older than this ISO-8601 duration (e.g. `PT1H`) is nothing new, "
                    + "and nothing is sent"),
    SELECT(
            "select",
            "soda.select",
            Type.TEXT,
            Goal.INGEST,
            null,
            "only these tests, comma-separated, in dbt's selector words, see [Selecting tests](#selecting-tests)"),
    EXCLUDE(
            "exclude",
            "soda.exclude",
            Type.TEXT,
            Goal.INGEST,
            null,
            "not these tests, comma-separated, in dbt's selector words, see [Selecting tests](#selecting-tests)"),
    SCAN_DEFINITION(
            "scanDefinition",
            "soda.scanDefinition",
            Type.TEXT,
            Goal.INGEST,
            "Ingest - dbt",
            "scan definition name; Soda Cloud groups scans by it"),
    DATA_TIMESTAMP(
            "dataTimestamp",
            "soda.dataTimestamp",
            Type.TEXT,
            Goal.INGEST,
            "ingestion",
            "the scan's data timestamp: `ingestion` (now) or `dbt` (when dbt wrote the run results)"),
    OUTPUT_DIRECTORY(
            "outputDirectory",
            "soda.outputDirectory",
            Type.PATH,
            Goal.INGEST,
            "${project.build.directory}/soda",
            "where the output files go"),
    DRY_RUN(
            "dryRun",
            "soda.dryRun",
            Type.FLAG,
            Goal.INGEST,
            "false",
            "write `scan-results.json` and the reports, upload nothing, need no credentials"),
    FAIL_ON(
            "failOn",
            "soda.failOn",
            Type.TEXT,
            Goal.INGEST,
            "none",
            "quality gate: `none`, `error`, `fail` or `warn`, see [Quality gate](#quality-gate)"),
    LEDGER(
            "ledger",
            "soda.ledger",
            Type.PATH,
            Goal.INGEST,
            "${user.home}/.m2/soda/ledger.json",
            "the record of the dbt runs already sent, so none is sent twice, see "
                    + "[Never the same run twice](#never-the-same-run-twice)"),
    FORCE(
            "force",
            "soda.force",
            Type.FLAG,
            Goal.INGEST,
            "false",
            "send even when the ledger says these dbt results were sent already"),
    SEND_UNIT_TESTS(
            "sendUnitTests",
            "soda.sendUnitTests",
            Type.FLAG,
            Goal.INGEST,
            "false",
            "send each dbt unit test result (dbt 1.8+) as a check on the model it tests; unit tests check "
                    + "code, not data, so by default they are counted but not sent"),
    FAIL_ON_ERROR(
            "failOnError",
            "soda.failOnError",
            Type.FLAG,
            Goal.BOTH,
            "true",
            "`false`: a failed ingestion or upload only warns (the file is kept for `soda:upload`)"),
    SKIP("skip", "soda.skip", Type.FLAG, Goal.BOTH, "false", "skip the goal"),
    ALLOW_INSECURE_HTTP(
            "allowInsecureHttp",
            "soda.allowInsecureHttp",
            Type.FLAG,
            Goal.BOTH,
            "false",
            "allow plain `http` to hosts that are not loopback (credentials travel unencrypted)"),
    CONNECT_TIMEOUT(
            "connectTimeout",
            "soda.http.connectTimeout",
            Type.NUMBER,
            Goal.BOTH,
            "30",
            "seconds to wait for a connection"),
    READ_TIMEOUT(
            "readTimeout",
            "soda.http.readTimeout",
            Type.NUMBER,
            Goal.BOTH,
            "120",
            "seconds to wait for data on a connection"),
    MAX_RETRIES(
            "maxRetries",
            "soda.http.maxRetries",
            Type.NUMBER,
            Goal.BOTH,
            "3",
            "retries of a failed request (0–10), see [Retries](#network-faults-and-retries)"),
    MAX_RETRY_WAIT(
            "maxRetryWait",
            "soda.http.maxRetryWait",
            Type.NUMBER,
            Goal.BOTH,
            "120",
            "seconds: the longest `Retry-After` waited for; a longer one ends the run, saying when to try again"),
    REQUEST_DEADLINE(
            "requestDeadline",
            "soda.http.requestDeadline",
            Type.NUMBER,
            Goal.BOTH,
            "1800",
            "seconds one try of a request may take in all, answer included, however slowly the server sends; "
                    + "see [Limits](#limits)"),
    MAX_DOWNLOAD_SIZE(
            "maxDownloadSize",
            "soda.http.maxDownloadSize",
            Type.NUMBER,
            Goal.INGEST,
            "2048",
            "MiB a downloaded dbt Cloud artifact may have, counted on the bytes written to disk (so after "
                    + "decompression); see [Limits](#limits)"),
    SCAN_RESULTS(
            "scanResults",
            "soda.scanResults",
            Type.PATH,
            Goal.UPLOAD,
            "${project.build.directory}/soda/scan-results.json",
            "the scan results file `soda:upload` sends");

    /** What kind of value a setting holds. */
    public enum Type {
        TEXT,
        PATH,
        PATHS,
        FLAG,
        NUMBER,
        SECRET
    }

    /** The goals a setting belongs to. */
    public enum Goal {
        INGEST,
        UPLOAD,
        BOTH;

        public boolean includes(Goal goal) {
            return this == BOTH || this == goal;
        }

        /** ingest, upload. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A mention of this goal inside a text, rendered like a {@link Setting#ref() setting's}. */
        public String ref() {
            return REF_OPEN + GOAL + id() + REF_CLOSE;
        }
    }

    /** Which part of a settings.xml {@code <server>} holds the value. */
    public enum ServerPart {
        USERNAME,
        PASSWORD
    }

    /**
     * A settings.xml server as a source of a value.
     *
     * @param idParameter the parameter naming the server (its id)
     * @param part        which part of the server holds the value
     */
    public record Server(String idParameter, ServerPart part) {}

    /** The sources besides the parameter, in precedence order: configuration.yml, environment, settings.xml. */
    private record Sources(String configurationKey, String environmentVariable, Server server) {
        static final Sources NONE = new Sources(null, null, null);

        static Sources file(String key) {
            return new Sources(key, null, null);
        }

        static Sources environment(String variable) {
            return new Sources(null, variable, null);
        }

        Sources andEnvironment(String variable) {
            return new Sources(configurationKey, variable, server);
        }

        Sources andServer(String idParameter, ServerPart part) {
            return new Sources(configurationKey, environmentVariable, new Server(idParameter, part));
        }
    }

    private static final String REF_OPEN = "{{";
    private static final String REF_CLOSE = "}}";
    private static final String SETTING = "setting:";
    private static final String GOAL = "goal:";

    private final String parameter;
    private final String property;
    private final Type type;
    private final Goal goal;
    private final String defaultValue;
    private final String meaning;
    private final Sources sources;

    Setting(String parameter, String property, Type type, Goal goal, String defaultValue, String meaning) {
        this(parameter, property, type, goal, defaultValue, meaning, Sources.NONE);
    }

    Setting(
            String parameter,
            String property,
            Type type,
            Goal goal,
            String defaultValue,
            String meaning,
            Sources sources) {
        this.parameter = parameter;
        this.property = property;
        this.type = type;
        this.goal = goal;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.sources = sources;
    }

    /** The goal parameter, as written in a POM's {@code <configuration>}. */
    public String parameter() {
        return parameter;
    }

    /** The user property that sets it from the command line. */
    public String property() {
        return property;
    }

    public Type type() {
        return type;
    }

    public Goal goal() {
        return goal;
    }

    /** Its value is a credential: never shown, never logged, masked wherever text leaves the plugin. */
    public boolean secret() {
        return type == Type.SECRET;
    }

    /** The default as documented (it may be a Maven expression); empty when there is none. */
    public Optional<String> documentedDefault() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * The default the core applies when no source gives a value; empty when there is none or when the
     * default is an expression only the build tool can evaluate (that tool always passes it).
     */
    public Optional<String> defaultValue() {
        return documentedDefault().filter(value -> !value.contains("${"));
    }

    /** What it is for, in one line (Markdown). */
    public String meaning() {
        return meaning;
    }

    /** Its key in Soda's configuration.yml, such as {@code soda_cloud.host}. */
    public Optional<String> configurationKey() {
        return Optional.ofNullable(sources.configurationKey());
    }

    public Optional<String> environmentVariable() {
        return Optional.ofNullable(sources.environmentVariable());
    }

    /** Whether a value can come from anywhere but its parameter: configuration.yml, environment, settings.xml. */
    public boolean hasOtherSources() {
        return sources != Sources.NONE;
    }

    /** The settings.xml server part that holds it. */
    public Optional<Server> server() {
        return Optional.ofNullable(sources.server());
    }

    /** The setting whose value is the id of the server in {@link #server()}. */
    public Optional<Setting> serverIdSetting() {
        return server().map(server -> byParameter(server.idParameter()).orElseThrow());
    }

    /** The settings of {@code goal}, in catalogue order. */
    public static List<Setting> of(Goal goal) {
        return Arrays.stream(values())
                .filter(setting -> setting.goal.includes(goal))
                .toList();
    }

    public static Optional<Setting> byParameter(String parameter) {
        return Arrays.stream(values())
                .filter(setting -> setting.parameter.equals(parameter))
                .findFirst();
    }

    /** Every secret setting. */
    public static Set<Setting> secrets() {
        return Set.copyOf(Arrays.stream(values()).filter(Setting::secret).toList());
    }

    /**
     * A mention of this setting inside a text, rendered by {@link #render} where the text leaves the
     * plugin; the core writes this instead of spelling the setting the way a user types it.
     */
    public String ref() {
        return REF_OPEN + SETTING + parameter + REF_CLOSE;
    }

    /**
     * {@code text} with every {@link #ref() mention} of a setting, and every {@link Goal#ref() mention}
     * of a goal, spelled by {@code names}; anything else that looks like a mention is left as it is.
     */
    public static String render(String text, SettingNames names) {
        if (text == null || !text.contains(REF_OPEN)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int from = 0;
        int open;
        while ((open = text.indexOf(REF_OPEN, from)) >= 0) {
            int close = text.indexOf(REF_CLOSE, open + REF_OPEN.length());
            if (close < 0) {
                break;
            }
            String mention = text.substring(open + REF_OPEN.length(), close);
            out.append(text, from, open).append(spelled(mention, names).orElse(text.substring(open, close + 2)));
            from = close + REF_CLOSE.length();
        }
        return out.append(text, from, text.length()).toString();
    }

    private static Optional<String> spelled(String mention, SettingNames names) {
        if (mention.startsWith(SETTING)) {
            return byParameter(mention.substring(SETTING.length())).map(names::name);
        }
        if (mention.startsWith(GOAL)) {
            String goal = mention.substring(GOAL.length());
            return Arrays.stream(Goal.values())
                    .filter(candidate ->
                            candidate != Goal.BOTH && candidate.id().equals(goal))
                    .findFirst()
                    .map(names::goal);
        }
        return Optional.empty();
    }
}
