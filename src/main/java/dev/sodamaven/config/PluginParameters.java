package dev.sodamaven.config;

import dev.sodamaven.core.Secret;
import java.nio.file.Path;
import java.util.List;

/**
 * The goal's parameters as the user gave them (POM or {@code -D}), unchecked; null where unset. The
 * settings.xml servers named by {@code sodaCloudServerId} / {@code dbtCloudServerId} come along,
 * already decrypted.
 */
public record PluginParameters(
        String dataSource,
        Path configuration,
        Path dbtArtifacts,
        Path dbtManifest,
        List<Path> dbtRunResults,
        String dbtCloudRunId,
        String dbtCloudJobId,
        String dbtCloudAccountId,
        Secret dbtCloudApiToken,
        String dbtCloudAccessUrl,
        boolean dbtCloudSuccessfulRunsOnly,
        ServerCredential dbtCloudServer,
        String dbtCloudServerId,
        String sodaCloudHost,
        String sodaCloudPort,
        String sodaCloudScheme,
        Secret apiKeyId,
        Secret apiKeySecret,
        ServerCredential sodaCloudServer,
        String sodaCloudServerId,
        String scanDefinition,
        String dataTimestamp,
        Path outputDirectory,
        boolean dryRun,
        String failOn,
        boolean allowInsecureHttp,
        int connectTimeoutSeconds,
        int readTimeoutSeconds,
        int maxRetries) {

    public PluginParameters {
        dbtRunResults = dbtRunResults == null ? List.of() : List.copyOf(dbtRunResults);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds parameters one by one; what is not set stays unset (null, false, defaults for numbers). */
    public static final class Builder {
        private String dataSource;
        private Path configuration;
        private Path dbtArtifacts;
        private Path dbtManifest;
        private List<Path> dbtRunResults = List.of();
        private String dbtCloudRunId;
        private String dbtCloudJobId;
        private String dbtCloudAccountId;
        private Secret dbtCloudApiToken;
        private String dbtCloudAccessUrl;
        private boolean dbtCloudSuccessfulRunsOnly;
        private ServerCredential dbtCloudServer;
        private String dbtCloudServerId = "dbt-cloud";
        private String sodaCloudHost;
        private String sodaCloudPort;
        private String sodaCloudScheme;
        private Secret apiKeyId;
        private Secret apiKeySecret;
        private ServerCredential sodaCloudServer;
        private String sodaCloudServerId = "soda-cloud";
        private String scanDefinition;
        private String dataTimestamp;
        private Path outputDirectory = Path.of("target", "soda");
        private boolean dryRun;
        private String failOn;
        private boolean allowInsecureHttp;
        private int connectTimeoutSeconds = 30;
        private int readTimeoutSeconds = 120;
        private int maxRetries = 3;

        public Builder dataSource(String value) { dataSource = value; return this; }
        public Builder configuration(Path value) { configuration = value; return this; }
        public Builder dbtArtifacts(Path value) { dbtArtifacts = value; return this; }
        public Builder dbtManifest(Path value) { dbtManifest = value; return this; }
        public Builder dbtRunResults(List<Path> value) { dbtRunResults = value; return this; }
        public Builder dbtCloudRunId(String value) { dbtCloudRunId = value; return this; }
        public Builder dbtCloudJobId(String value) { dbtCloudJobId = value; return this; }
        public Builder dbtCloudAccountId(String value) { dbtCloudAccountId = value; return this; }
        public Builder dbtCloudApiToken(Secret value) { dbtCloudApiToken = value; return this; }
        public Builder dbtCloudAccessUrl(String value) { dbtCloudAccessUrl = value; return this; }
        public Builder dbtCloudSuccessfulRunsOnly(boolean value) { dbtCloudSuccessfulRunsOnly = value; return this; }
        public Builder dbtCloudServer(ServerCredential value) { dbtCloudServer = value; return this; }
        public Builder dbtCloudServerId(String value) { dbtCloudServerId = value; return this; }
        public Builder sodaCloudHost(String value) { sodaCloudHost = value; return this; }
        public Builder sodaCloudPort(String value) { sodaCloudPort = value; return this; }
        public Builder sodaCloudScheme(String value) { sodaCloudScheme = value; return this; }
        public Builder apiKeyId(Secret value) { apiKeyId = value; return this; }
        public Builder apiKeySecret(Secret value) { apiKeySecret = value; return this; }
        public Builder sodaCloudServer(ServerCredential value) { sodaCloudServer = value; return this; }
        public Builder sodaCloudServerId(String value) { sodaCloudServerId = value; return this; }
        public Builder scanDefinition(String value) { scanDefinition = value; return this; }
        public Builder dataTimestamp(String value) { dataTimestamp = value; return this; }
        public Builder outputDirectory(Path value) { outputDirectory = value; return this; }
        public Builder dryRun(boolean value) { dryRun = value; return this; }
        public Builder failOn(String value) { failOn = value; return this; }
        public Builder allowInsecureHttp(boolean value) { allowInsecureHttp = value; return this; }
        public Builder connectTimeoutSeconds(int value) { connectTimeoutSeconds = value; return this; }
        public Builder readTimeoutSeconds(int value) { readTimeoutSeconds = value; return this; }
        public Builder maxRetries(int value) { maxRetries = value; return this; }

        public PluginParameters build() {
            return new PluginParameters(dataSource, configuration, dbtArtifacts, dbtManifest, dbtRunResults,
                    dbtCloudRunId, dbtCloudJobId, dbtCloudAccountId, dbtCloudApiToken, dbtCloudAccessUrl,
                    dbtCloudSuccessfulRunsOnly, dbtCloudServer, dbtCloudServerId, sodaCloudHost, sodaCloudPort,
                    sodaCloudScheme, apiKeyId, apiKeySecret, sodaCloudServer, sodaCloudServerId, scanDefinition,
                    dataTimestamp, outputDirectory, dryRun, failOn, allowInsecureHttp, connectTimeoutSeconds,
                    readTimeoutSeconds, maxRetries);
        }
    }
}
