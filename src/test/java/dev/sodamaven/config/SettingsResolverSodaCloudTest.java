package dev.sodamaven.config;

import static dev.sodamaven.config.ResolverTesting.assertNoSecret;
import static dev.sodamaven.config.ResolverTesting.dryRun;
import static dev.sodamaven.config.ResolverTesting.failure;
import static dev.sodamaven.config.ResolverTesting.origin;
import static dev.sodamaven.config.ResolverTesting.resolver;
import static dev.sodamaven.config.ResolverTesting.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Soda Cloud's address (host, port, scheme, plain http) and API key. */
class SettingsResolverSodaCloudTest {

    @TempDir
    Path dir;

    private Path artifacts;

    @BeforeEach
    void createArtifactsFolder() throws Exception {
        artifacts = Files.createDirectory(dir.resolve("target"));
    }

    private SodaCloudSettings cloud(Parameters.Builder p) throws IngestException {
        return resolver(Map.of()).resolveIngest(p.build()).sodaCloud();
    }

    private Parameters.Builder host(String host) {
        return dryRun(artifacts).with(Setting.SODA_CLOUD_HOST, host);
    }

    private IngestException refused(Parameters.Builder p) {
        IngestException problem = failure(() -> resolver(Map.of()).resolveIngest(p.build()));
        assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        return problem;
    }

    private Path file(String yaml) throws Exception {
        return Files.writeString(
                dir.resolve("configuration.yml"), "data_source jaffle_shop:\n  type: postgres\n" + yaml);
    }

    // --- address ---

    @Test
    void takesHostPortAndSchemeApart() throws Exception {
        SodaCloudSettings cloud = cloud(host("cloud.us.soda.io")
                .with(Setting.SODA_CLOUD_PORT, "8443")
                .with(Setting.SODA_CLOUD_SCHEME, "HTTPS"));

        assertThat(cloud.scheme()).isEqualTo("https");
        assertThat(cloud.host()).isEqualTo("cloud.us.soda.io");
        assertThat(cloud.port()).isEqualTo(8443);
    }

    @Test
    void takesAHostGivenAsAFullUrl() throws Exception {
        SodaCloudSettings local = cloud(host("http://127.0.0.1:8080"));
        SodaCloudSettings withSlash = cloud(host("https://cloud.us.soda.io/"));
        SodaCloudSettings withApi = cloud(host("https://cloud.soda.io/api"));
        SodaCloudSettings withPort = cloud(host("cloud.soda.io:443"));

        assertThat(local.scheme()).isEqualTo("http");
        assertThat(local.host()).isEqualTo("127.0.0.1");
        assertThat(local.port()).isEqualTo(8080);
        assertThat(withSlash.host()).isEqualTo("cloud.us.soda.io");
        assertThat(withSlash.port()).isNull();
        assertThat(withApi.host()).isEqualTo("cloud.soda.io");
        assertThat(withPort.port()).isEqualTo(443);
        assertThat(withPort.scheme()).isEqualTo("https");
    }

    @Test
    void aUrlAndSeparateValuesThatAgreeAreFine() throws Exception {
        SodaCloudSettings cloud = cloud(host("http://localhost:8080")
                .with(Setting.SODA_CLOUD_SCHEME, "http")
                .with(Setting.SODA_CLOUD_PORT, "8080"));

        assertThat(cloud.port()).isEqualTo(8080);
        assertThat(cloud.scheme()).isEqualTo("http");
    }

    @Test
    void aUrlAndSeparateValuesThatDisagreeAreRefused() {
        IngestException scheme = refused(host("http://localhost:8080").with(Setting.SODA_CLOUD_SCHEME, "https"));
        IngestException port = refused(host("http://localhost:8080").with(Setting.SODA_CLOUD_PORT, "9090"));

        assertThat(scheme.getMessage()).contains("says http", "says https", "sodaCloudScheme");
        assertThat(port.getMessage()).contains("port 8080", "says 9090", "sodaCloudPort");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "://cloud.soda.io",
                "/x://y",
                "http://",
                "https://bad host.example",
                "http://[::1",
                "https://cloud.soda.io:8x/",
                "ht tp://cloud.soda.io",
                "https:// ",
                "cloud soda io",
                "mailto:ops@example.com",
                "https://under_score.example/"
            })
    void aMalformedHostIsAConfigurationErrorNamingTheSetting(String host) {
        IngestException problem = refused(host(host));

        assertThat(problem.getMessage()).contains("Soda Cloud host", "sodaCloudHost");
    }

    @Test
    void aMalformedHostFromTheFileNamesTheKey() throws Exception {
        IngestException problem =
                refused(dryRun(artifacts).with(Setting.CONFIGURATION, file("soda_cloud:\n  host: \"://x\"\n")));

        assertThat(problem.getMessage()).contains("soda_cloud.host (line 4)");
    }

    @Test
    void aPortInTheFileIsTheSameAsNumberOrString() throws Exception {
        SodaCloudSettings number =
                cloud(dryRun(artifacts).with(Setting.CONFIGURATION, file("soda_cloud:\n  port: 443\n")));
        SodaCloudSettings string =
                cloud(dryRun(artifacts).with(Setting.CONFIGURATION, file("soda_cloud:\n  port: \"443\"\n")));

        assertThat(number.port()).isEqualTo(443);
        assertThat(string.port()).isEqualTo(443);
    }

    @Test
    void theFileIsSubstitutedWithTheEnvironmentAndStartOfTheResolver() throws Exception {
        Path file = file("soda_cloud:\n  host: ${SODA_HOST}\n  api_key_id: run-${NOW}\n  api_key_secret: s\n");

        SodaCloudSettings cloud = resolver(Map.of("SODA_HOST", "cloud.us.soda.io"))
                .resolveIngest(
                        dryRun(artifacts).with(Setting.CONFIGURATION, file).build())
                .sodaCloud();

        assertThat(cloud.host()).isEqualTo("cloud.us.soda.io");
        assertThat(cloud.apiKeyId().reveal()).isEqualTo("run-2026-11-20T08:30:12.123456+00:00");
    }

    @Test
    void aHostWithAPathIsRefused() {
        assertThat(refused(host("https://cloud.soda.io/eu")).getMessage()).contains("has a path");
    }

    @Test
    void aHostWithAQueryIsRefused() {
        assertThat(refused(host("https://cloud.soda.io/?region=eu")).getMessage())
                .contains("?query");
    }

    @Test
    void aHostWithCredentialsIsRefusedWithoutRepeatingThem() {
        IngestException problem = refused(host("https://admin:pa55word@cloud.soda.io"));

        assertThat(problem.getMessage()).contains("user name or password");
        assertNoSecret(problem, "pa55word", "admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"44x3", "0", "65536", "-1", "99999999999", "8443.0", "https"})
    void aBadPortIsRefused(String port) {
        IngestException problem = refused(host("cloud.soda.io").with(Setting.SODA_CLOUD_PORT, port));

        assertThat(problem.getMessage()).contains("port", "sodaCloudPort", "not a port number");
        assertThat(problem.hint()).contains("1 to 65535");
    }

    @Test
    void aBadPortInTheFileNamesTheKey() throws Exception {
        IngestException problem =
                refused(dryRun(artifacts).with(Setting.CONFIGURATION, file("soda_cloud:\n  port: 70000\n")));

        assertThat(problem.getMessage()).contains("'70000'", "soda_cloud.port (line 4)");
    }

    @Test
    void aPortOutOfRangeInTheHostUrlIsRefused() {
        assertThat(refused(host("https://cloud.soda.io:70000")).getMessage()).contains("port 70000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "wss", "file"})
    void onlyHttpsAndHttpAreSchemes(String scheme) {
        IngestException problem = refused(host("cloud.soda.io").with(Setting.SODA_CLOUD_SCHEME, scheme));

        assertThat(problem.getMessage()).contains("'" + scheme + "'", "neither https nor http", "sodaCloudScheme");
    }

    @Test
    void aUrlWithAnotherSchemeIsRefused() {
        assertThat(refused(host("ftp://cloud.soda.io")).getMessage()).contains("'ftp'", "sodaCloudHost");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cloud.soda.io",
                "10.0.0.1",
                "192.168.1.20",
                "127.0.0.1.nip.io",
                "localhost.example.com",
                "[::2]",
                "[::ffff:10.0.0.1]"
            })
    void plainHttpToAnotherMachineIsRefused(String host) {
        IngestException problem = refused(host(host).with(Setting.SODA_CLOUD_SCHEME, "http"));

        assertThat(problem.getMessage()).contains("plain http", "unencrypted");
        assertThat(problem.hint()).contains("https", "allowInsecureHttp");
    }

    @Test
    void plainHttpToAnotherMachineIsAllowedOnRequestWithAWarning() throws Exception {
        IngestSettings settings = resolver(Map.of())
                .resolveIngest(host("soda.internal")
                        .with(Setting.SODA_CLOUD_SCHEME, "http")
                        .with(Setting.ALLOW_INSECURE_HTTP, true)
                        .build());

        assertThat(settings.sodaCloud().scheme()).isEqualTo("http");
        assertThat(settings.warnings())
                .singleElement()
                .asString()
                .contains("http://soda.internal", "unencrypted", "allowInsecureHttp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST", "[::1]", "::1", "0:0:0:0:0:0:0:1"})
    void plainHttpToThisMachineIsFine(String host) throws Exception {
        IngestSettings settings = resolver(Map.of())
                .resolveIngest(
                        host(host).with(Setting.SODA_CLOUD_SCHEME, "http").build());

        assertThat(settings.sodaCloud().scheme()).isEqualTo("http");
        assertThat(settings.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.3.4.5",
                "256.0.0.1",
                "127.0.0.256",
                "127.1",
                "localhost.",
                "::g1",
                "[]",
                "",
                "0.0.0.0",
                "128.0.0.1",
                "fe80::1"
            })
    void onlyLiteralLoopbackAddressesAndLocalhostAreThisMachine(String host) {
        // None of these is looked up in DNS: the check only reads literals.
        assertThat(CloudAddresses.isLoopback(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "localhost",
                "::1",
                "[::1]",
                "[0:0:0:0:0:0:0:1]",
                "::ffff:127.0.0.1"
            })
    void loopbackAddressesAreThisMachine(String host) {
        assertThat(CloudAddresses.isLoopback(host)).isTrue();
    }

    @Test
    void anIpv6HostIsKeptInBrackets() throws Exception {
        assertThat(cloud(host("::1").with(Setting.SODA_CLOUD_SCHEME, "http")).host())
                .isEqualTo("[::1]");
        assertThat(cloud(host("http://[::1]:8080")).host()).isEqualTo("[::1]");
    }

    // --- API key ---

    @Test
    void missingCredentialsNameEveryWayToGiveThem() {
        IngestException problem =
                refused(dryRun(artifacts).with(Setting.DRY_RUN, false).with(Setting.SODA_CLOUD_SERVER_ID, "my-soda"));

        assertThat(problem.getMessage()).isEqualTo("No Soda Cloud API key is set, and this is not a dry run.");
        assertThat(problem.hint())
                .contains(
                        "apiKeyId (-Dsoda.cloud.apiKeyId)",
                        "apiKeySecret (-Dsoda.cloud.apiKeySecret)",
                        "soda_cloud.api_key_id",
                        "soda_cloud.api_key_secret",
                        "configuration.yml",
                        "SODA_API_KEY_ID",
                        "SODA_API_KEY_SECRET",
                        "settings.xml",
                        "'my-soda'",
                        "dryRun (-Dsoda.dryRun) to true");
    }

    @Test
    void onlyAKeyIdIsRefused() {
        IngestException problem =
                refused(dryRun(artifacts).with(Setting.DRY_RUN, false).with(Setting.API_KEY_ID, Secret.of("the-id")));

        assertThat(problem.getMessage()).contains("API key id is set", "apiKeyId", "but no API key secret");
    }

    @Test
    void onlyAKeySecretIsRefusedWithoutShowingIt() {
        Parameters.Builder p = dryRun(artifacts)
                .with(Setting.DRY_RUN, false)
                .server(new ServerCredential("soda-cloud", null, Secret.of("server-secret-1")));

        IngestException problem = refused(p);

        assertThat(problem.getMessage())
                .contains("API key secret is set", "settings.xml server 'soda-cloud'", "but no API key id");
        assertNoSecret(problem, "server-secret-1");
    }

    @Test
    void aSecretEmptyBecauseItsVariableIsUnsetSaysWhichVariable() throws Exception {
        Path file = file("soda_cloud:\n  api_key_id: the-id\n  api_key_secret: ${MY_SODA_SECRET}\n");

        IngestException problem =
                refused(dryRun(artifacts).with(Setting.DRY_RUN, false).with(Setting.CONFIGURATION, file));

        assertThat(problem.getMessage())
                .contains(
                        "but no API key secret",
                        "configuration.yml soda_cloud.api_key_secret refers to ${MY_SODA_SECRET}, which is not set");
    }

    @Test
    void bothHalvesEmptyBecauseOfUnsetVariablesAreBothExplained() throws Exception {
        Path file = file("soda_cloud:\n  api_key_id: ${ID_VAR}\n  api_key_secret: ${ env_var('SECRET_VAR') }\n");

        IngestException problem =
                refused(dryRun(artifacts).with(Setting.DRY_RUN, false).with(Setting.CONFIGURATION, file));

        assertThat(problem.getMessage()).contains("No Soda Cloud API key is set", "${ID_VAR}", "${SECRET_VAR}");
    }

    @Test
    void aDryRunNeedsNoCredentials() throws Exception {
        IngestSettings settings =
                resolver(Map.of()).resolveIngest(dryRun(artifacts).build());

        assertThat(settings.sodaCloud().hasApiKey()).isFalse();
        assertThat(origin(settings.origins(), "Soda Cloud API key").value()).isEqualTo("none");
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void aDryRunWithHalfAKeyWarns() throws Exception {
        IngestSettings settings = resolver(Map.of("SODA_API_KEY_SECRET", "half-secret"))
                .resolveIngest(dryRun(artifacts).build());

        assertThat(settings.sodaCloud().hasApiKey()).isFalse();
        assertThat(settings.warnings())
                .singleElement()
                .asString()
                .contains("half a Soda Cloud API key", "SODA_API_KEY_SECRET");
        assertNoSecret(settings, "half-secret");
    }

    @Test
    void aDryRunWithAKeyKeepsIt() throws Exception {
        Map<String, String> env = Map.of("SODA_API_KEY_ID", "env-id", "SODA_API_KEY_SECRET", "env-secret");

        IngestSettings settings = resolver(env).resolveIngest(dryRun(artifacts).build());

        assertThat(settings.sodaCloud().hasApiKey()).isTrue();
        assertNoSecret(settings, "env-secret");
    }

    @Test
    void uploadAlwaysNeedsCredentials() {
        Parameters p = upload().build();

        IngestException problem = failure(() -> resolver(Map.of()).resolveUpload(p));

        assertThat(problem.getMessage()).contains("No Soda Cloud API key is set");
    }

    @Test
    void uploadNeedsNeitherDataSourceNorArtifacts() throws Exception {
        Parameters p = upload().with(Setting.API_KEY_ID, Secret.of("id"))
                .with(Setting.API_KEY_SECRET, Secret.of("s3cret"))
                .build();

        UploadSettings settings = resolver(Map.of()).resolveUpload(p);

        assertThat(settings.sodaCloud().host()).isEqualTo("cloud.soda.io");
        assertThat(settings.network().maxRetries()).isEqualTo(3);
        assertNoSecret(settings, "s3cret");
    }

    @Test
    void uploadChecksTheAddressToo() {
        Parameters p = upload().with(Setting.SODA_CLOUD_HOST, "://x")
                .with(Setting.API_KEY_ID, Secret.of("id"))
                .with(Setting.API_KEY_SECRET, Secret.of("s"))
                .build();

        assertThat(failure(() -> resolver(Map.of()).resolveUpload(p)).getMessage())
                .contains("sodaCloudHost");
    }
}
