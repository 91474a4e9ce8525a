package dev.sodamaven.maven;

import dev.sodamaven.core.Sleeper;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.Remote;
import dev.sodamaven.config.PluginParameters;
import java.io.File;
import java.time.Duration;
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
 * What {@code soda:ingest} and {@code soda:upload} share: where Soda Cloud is, the API key, the
 * network settings, and how an error ends the build.
 */
abstract class AbstractSodaMojo extends AbstractMojo {

    /**
     * Path of a Soda {@code configuration.yml} (Soda's {@code -c}). Its {@code soda_cloud:} and
     * {@code dbt_cloud:} keys are used, with {@code ${VAR}} / {@code ${ env_var('VAR', 'default') }}
     * substitution; plugin parameters take precedence over it. When given, the data source must be
     * declared in it as {@code data_source <name>:}.
     */
    @Parameter(property = "soda.configuration")
    protected File configuration;

    /**
     * Soda Cloud host: {@code cloud.soda.io} (EU, the default) or {@code cloud.us.soda.io} (US). A URL with
     * scheme and port ({@code http://127.0.0.1:8080}) is accepted too; a separate port or scheme that
     * contradicts it is an error.
     */
    @Parameter(property = "soda.cloud.host")
    protected String sodaCloudHost;

    /** Soda Cloud port; unset means the scheme's default port. */
    @Parameter(property = "soda.cloud.port")
    protected String sodaCloudPort;

    /**
     * Soda Cloud scheme, {@code https} by default. Plain {@code http} is accepted for loopback hosts
     * only, unless {@code allowInsecureHttp} is set.
     */
    @Parameter(property = "soda.cloud.scheme")
    protected String sodaCloudScheme;

    /**
     * Soda Cloud API key id. Also read from configuration.yml ({@code soda_cloud.api_key_id}), the
     * environment variable {@code SODA_API_KEY_ID}, or the username of the settings.xml server
     * {@code sodaCloudServerId}. Prefer those over the POM, which is usually committed.
     */
    @Parameter(property = "soda.cloud.apiKeyId")
    protected PlexusConfiguration apiKeyId;

    /**
     * Soda Cloud API key secret. Also read from configuration.yml ({@code soda_cloud.api_key_secret}),
     * the environment variable {@code SODA_API_KEY_SECRET}, or the (encryptable) password of the
     * settings.xml server {@code sodaCloudServerId}. Never logged, also not with {@code mvn -X} (its type is
     * a configuration element so that Maven does not print its value); but do not write it into a POM,
     * whose plugin configuration {@code mvn -X} prints.
     */
    @Parameter(property = "soda.cloud.apiKeySecret")
    protected PlexusConfiguration apiKeySecret;

    /** Id of the settings.xml {@code <server>} holding the Soda Cloud API key (username = id, password = secret). */
    @Parameter(property = "soda.cloud.serverId", defaultValue = "soda-cloud")
    protected String sodaCloudServerId;

    /**
     * Allow plain {@code http} to hosts that are not loopback. Credentials then travel unencrypted;
     * only for trusted networks.
     */
    @Parameter(property = "soda.allowInsecureHttp", defaultValue = "false")
    protected boolean allowInsecureHttp;

    /** Seconds to wait for a connection to Soda Cloud or dbt Cloud. */
    @Parameter(property = "soda.http.connectTimeout", defaultValue = "30")
    protected int connectTimeout;

    /** Seconds to wait for data on an open connection. */
    @Parameter(property = "soda.http.readTimeout", defaultValue = "120")
    protected int readTimeout;

    /**
     * How many times a failed request is tried again (0 to 10), with exponential backoff. The upload
     * is only repeated when Soda Cloud cannot have stored it (see the README).
     */
    @Parameter(property = "soda.http.maxRetries", defaultValue = "3")
    protected int maxRetries;

    /**
     * Whether a failed ingestion or upload fails the build. {@code false} turns it into a warning
     * (the scan results file is kept, to be sent later with {@code soda:upload}), for builds that
     * must not break on a Soda Cloud outage. The quality gate ({@code failOn}) is not affected.
     */
    @Parameter(property = "soda.failOnError", defaultValue = "true")
    protected boolean failOnError;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    /**
     * The plugin's own integration tests shorten the wait before a retry with this user property. It
     * is deliberately not a goal parameter: it appears in no documentation or help, and Maven does not
     * warn about it as it does for a read-only parameter set with {@code -D}.
     */
    static final String TEST_BACKOFF_PROPERTY = "soda.test.initialBackoffMillis";
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

    protected SecretParameterReader secrets() {
        return new SecretParameterReader(session, mojoExecution);
    }

    protected IngestLog ingestLog() {
        return new MavenIngestLog(getLog());
    }

    protected MavenSettingsAccess settingsAccess() {
        return new MavenSettingsAccess(session == null ? null : session.getSettings(), settingsDecrypter);
    }

    protected Remote remote() throws IngestException {
        MavenSettingsAccess access = settingsAccess();
        return new Remote(access::proxies, Sleeper.REAL, initialBackoff(), ingestLog());
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

    /** The parameters this base class holds. */
    protected PluginParameters.Builder commonParameters() throws IngestException {
        MavenSettingsAccess access = settingsAccess();
        return PluginParameters.builder()
                .configuration(configuration == null ? null : configuration.toPath())
                .sodaCloudHost(sodaCloudHost)
                .sodaCloudPort(sodaCloudPort)
                .sodaCloudScheme(sodaCloudScheme)
                .apiKeyId(secrets().read(apiKeyId, "apiKeyId", "soda.cloud.apiKeyId"))
                .apiKeySecret(secrets().read(apiKeySecret, "apiKeySecret", "soda.cloud.apiKeySecret"))
                .sodaCloudServerId(sodaCloudServerId)
                .sodaCloudServer(access.server(sodaCloudServerId))
                .allowInsecureHttp(allowInsecureHttp)
                .connectTimeoutSeconds(connectTimeout)
                .readTimeoutSeconds(readTimeout)
                .maxRetries(maxRetries);
    }

    /**
     * Ends the goal for a failed ingestion: a failed quality gate fails the build; any other problem
     * fails it too, or only warns when {@code failOnError} is false. The message is one line with
     * what to do; the cause is kept for {@code -e}.
     */
    protected void handle(IngestException problem) throws MojoExecutionException, MojoFailureException {
        String message = problem.describe();
        if (problem.kind() == IngestException.Kind.QUALITY_GATE) {
            throw new MojoFailureException(message, problem);
        }
        if (!failOnError) {
            getLog().warn(message);
            getLog().warn("The build goes on because failOnError is false.");
            return;
        }
        throw new MojoExecutionException(message, problem);
    }
}
