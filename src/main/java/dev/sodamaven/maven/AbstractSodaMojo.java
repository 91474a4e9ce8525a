package dev.sodamaven.maven;

import dev.sodamaven.HeapExhausted;
import dev.sodamaven.Remote;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.config.SettingsResolver;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import dev.sodamaven.core.Sleeper;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * What the goals share: where Soda Cloud is, the API key, the network settings, and one way to run —
 * skip, or run the goal's use case and turn its failure into the build's outcome. Each goal
 * implements {@link #run}; its parameters are read into the core's {@link Parameters} by the
 * {@link Setting} catalogue, field by field name.
 */
abstract class AbstractSodaMojo extends AbstractMojo {

    /**
     * Path of a Soda {@code configuration.yml} (Soda's {@code -c}). Its {@code soda_cloud:} and
     * {@code dbt_cloud:} keys are used, with {@code ${VAR}} / {@code ${ env_var('VAR', 'default') }}
     * substitution; plugin parameters take precedence over it. When given, the data source must be
     * declared in it as {@code data_source <name>:}.
     */
    @Parameter(property = "soda.configuration")
    private File configuration;

    /**
     * Soda Cloud host: {@code cloud.soda.io} (EU, the default) or {@code cloud.us.soda.io} (US). A URL with
     * scheme and port ({@code http://127.0.0.1:8080}) is accepted too; a separate port or scheme that
     * contradicts it is an error. Also configuration.yml {@code soda_cloud.host}.
     */
    @Parameter(property = "soda.cloud.host")
    private String sodaCloudHost;

    /** Soda Cloud port; unset means the scheme's default port. Also configuration.yml {@code soda_cloud.port}. */
    @Parameter(property = "soda.cloud.port")
    private String sodaCloudPort;

    /**
     * Soda Cloud scheme, {@code https} by default. Plain {@code http} is accepted for loopback hosts
     * only, unless {@code allowInsecureHttp} is set. Also configuration.yml {@code soda_cloud.scheme}.
     */
    @Parameter(property = "soda.cloud.scheme")
    private String sodaCloudScheme;

    /**
     * Soda Cloud API key id. Also read from configuration.yml ({@code soda_cloud.api_key_id}), the
     * environment variable {@code SODA_API_KEY_ID}, or the username of the settings.xml server
     * {@code sodaCloudServerId}. Prefer those over the POM, which is usually committed.
     */
    @Parameter(property = "soda.cloud.apiKeyId")
    private PlexusConfiguration apiKeyId;

    /**
     * Soda Cloud API key secret. Also read from configuration.yml ({@code soda_cloud.api_key_secret}),
     * the environment variable {@code SODA_API_KEY_SECRET}, or the (encryptable) password of the
     * settings.xml server {@code sodaCloudServerId}. Never logged, also not with {@code mvn -X} (its type is
     * a configuration element so that Maven does not print its value); but do not write it into a POM,
     * whose plugin configuration {@code mvn -X} prints.
     */
    @Parameter(property = "soda.cloud.apiKeySecret")
    private PlexusConfiguration apiKeySecret;

    /** Id of the settings.xml {@code <server>} holding the Soda Cloud API key (username = id, password = secret). */
    @Parameter(property = "soda.cloud.serverId", defaultValue = "soda-cloud")
    private String sodaCloudServerId;

    /**
     * Allow plain {@code http} to hosts that are not loopback. Credentials then travel unencrypted;
     * only for trusted networks.
     */
    @Parameter(property = "soda.allowInsecureHttp", defaultValue = "false")
    private boolean allowInsecureHttp;

    /** Seconds to wait for a connection to Soda Cloud or dbt Cloud. */
    @Parameter(property = "soda.http.connectTimeout", defaultValue = "30")
    private int connectTimeout;

    /** Seconds to wait for data on an open connection. */
    @Parameter(property = "soda.http.readTimeout", defaultValue = "120")
    private int readTimeout;

    /**
     * How many times a failed request is tried again (0 to 10), with exponential backoff. The upload
     * is only repeated when Soda Cloud cannot have stored it (see the README).
     */
    @Parameter(property = "soda.http.maxRetries", defaultValue = "3")
    private int maxRetries;

    /**
     * The longest wait, in seconds, a server may ask for with {@code Retry-After} (HTTP 429 or 503)
     * before a retry. A longer one (a rate limit's lockout of several minutes) ends the run with a
     * message saying when to try again, rather than holding the build.
     */
    @Parameter(property = "soda.http.maxRetryWait", defaultValue = "120")
    private int maxRetryWait;

    /**
     * Seconds one try of a request may take in all, from connecting to the last byte of the answer.
     * The read timeout only bounds the wait for the next byte; this bounds a server that keeps
     * sending slowly. Raise it for very large downloads over slow links.
     */
    @Parameter(property = "soda.http.requestDeadline", defaultValue = "1800")
    private int requestDeadline;

    /**
     * Whether a failed ingestion or upload fails the build. {@code false} turns it into a warning
     * (the scan results file is kept, to be sent later with {@code soda:upload}), for builds that
     * must not break on a Soda Cloud outage. The quality gate ({@code failOn}) is not affected.
     */
    @Parameter(property = "soda.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Skip the goal. */
    @Parameter(property = "soda.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Component
    private SettingsDecrypter settingsDecrypter;

    /**
     * The plugin's own integration tests shorten the wait before a retry with this user property. It
     * is deliberately not a goal parameter: it appears in no documentation or help, and Maven does not
     * warn about it as it does for a read-only parameter set with {@code -D}.
     */
    static final String TEST_BACKOFF_PROPERTY = "soda.test.initialBackoffMillis";

    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

    /**
     * What one execution of a goal works with.
     *
     * @param parameters what the user gave the goal
     * @param resolver   turns them into checked settings, adding the secrets it meets to the run's
     * @param clock      the time of the run
     * @param log        the build log, through the run's outbound
     * @param outbound   what every text leaving the plugin passes through
     * @param remote     Soda Cloud and dbt Cloud
     */
    record Context(
            Parameters parameters,
            SettingsResolver resolver,
            Clock clock,
            IngestLog log,
            Outbound outbound,
            Remote remote) {}

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Secrets secrets = new Secrets();
        Outbound outbound = new Outbound(secrets, MavenSettingNames.INSTANCE);
        IngestLog log = new MavenIngestLog(getLog(), outbound);
        if (skip) {
            log.info("Skipping " + description() + ": " + Setting.SKIP.ref() + " is true.");
            return;
        }
        Maven4WireLogs.silenceOnMaven4();
        try {
            MavenSettingsAccess settings =
                    new MavenSettingsAccess(session == null ? null : session.getSettings(), settingsDecrypter, secrets);
            Parameters parameters = parameters(settings);
            Clock clock = Clock.systemUTC();
            SettingsResolver resolver = new SettingsResolver(System.getenv(), clock.instant(), secrets);
            // Maven's -o promises a build without the network: no connection is made, not even to send.
            String offline = session != null && session.isOffline() ? "Maven runs offline (-o)" : null;
            Remote remote = new Remote(settings::proxies, Sleeper.REAL, initialBackoff(), log, secrets, offline);
            run(new Context(parameters, resolver, clock, log, outbound, remote));
        } catch (IngestException problem) {
            new FailureReport(outbound, getLog()).end(problem, failOnError);
        } catch (HeapExhausted full) {
            // Caught out here, where the run's data is unreachable: there is room again to say what happened.
            new FailureReport(outbound, getLog())
                    .end(
                            HeapAdvice.problem(description(), full.getCause(), full.whatWasRead(), maxHeap()),
                            failOnError);
        } catch (OutOfMemoryError full) {
            new FailureReport(outbound, getLog())
                    .end(HeapAdvice.problem(description(), full, null, maxHeap()), failOnError);
        }
    }

    /** Maven's heap, for the advice on running out of it; a test may pretend another. */
    long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** What the goal does, as the skip message names it, e.g. "the Soda ingestion". */
    abstract String description();

    /** The goal, which decides the settings it has. */
    abstract Setting.Goal goal();

    /** Runs the goal's use case. */
    abstract void run(Context context) throws IngestException;

    /** The goal's parameters, with the settings.xml servers they name, decrypted. */
    private Parameters parameters(MavenSettingsAccess settings) throws IngestException {
        Path baseDirectory = session != null
                        && session.getCurrentProject() != null
                        && session.getCurrentProject().getBasedir() != null
                ? session.getCurrentProject().getBasedir().toPath()
                : Path.of("");
        Parameters.Builder parameters =
                new MojoParameters(new SecretParameterReader(session, mojoExecution), baseDirectory).read(this, goal());
        Parameters given = parameters.build();
        Set<String> serverIds = new LinkedHashSet<>();
        for (Setting setting : Setting.of(goal())) {
            if (setting.server().isPresent()) {
                given.serverId(setting).ifPresent(serverIds::add);
            }
        }
        for (String id : serverIds) {
            settings.server(id).ifPresent(parameters::server);
        }
        return parameters.build();
    }

    private Duration initialBackoff() {
        String value = session == null ? null : session.getUserProperties().getProperty(TEST_BACKOFF_PROPERTY);
        if (value == null) {
            return INITIAL_BACKOFF;
        }
        try {
            return Duration.ofMillis(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notANumber) {
            return INITIAL_BACKOFF;
        }
    }
}
