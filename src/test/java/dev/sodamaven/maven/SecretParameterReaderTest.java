package dev.sodamaven.maven;

import static dev.sodamaven.maven.MavenWorld.element;
import static dev.sodamaven.maven.MavenWorld.execution;
import static dev.sodamaven.maven.MavenWorld.properties;
import static dev.sodamaven.maven.MavenWorld.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Secret parameters arrive as the configuration element Maven was given, unevaluated (so that
 * {@code mvn -X} never prints their value); {@link SecretParameterReader} evaluates them with Maven's
 * own {@code PluginParameterExpressionEvaluator}.
 */
class SecretParameterReaderTest {

    private static final String SECRET = "apiSecret-from-cli-9d2e";

    private static SecretParameterReader reader(Properties userProperties) {
        return new SecretParameterReader(session(userProperties), execution("ingest"));
    }

    @Test
    void aPlainValueIsTheSecret() throws IngestException {
        Secret secret = reader(new Properties())
                .read(element("apiKeySecret", "  plainSecret-in-pom-77  "), Setting.API_KEY_SECRET);

        assertThat(secret.reveal()).as("trimmed").isEqualTo("plainSecret-in-pom-77");
    }

    @Test
    void aUserPropertyExpressionIsEvaluatedFromTheSession() throws IngestException {
        Secret secret = reader(properties("soda.cloud.apiKeySecret", SECRET))
                .read(element("apiKeySecret", "${soda.cloud.apiKeySecret}"), Setting.API_KEY_SECRET);

        assertThat(secret.reveal()).isEqualTo(SECRET);
    }

    @Test
    void anExpressionWithinTextIsEvaluatedToo() throws IngestException {
        Secret secret = reader(properties("token.part", "4f1c-77aa"))
                .read(element("dbtCloudApiToken", "dbtc_${token.part}"), Setting.DBT_CLOUD_API_TOKEN);

        assertThat(secret.reveal()).isEqualTo("dbtc_4f1c-77aa");
    }

    @Test
    void anExpressionWhosePropertyIsUnsetIsNoSecret() throws IngestException {
        Secret secret = reader(properties("some.other.property", "x"))
                .read(element("apiKeySecret", "${soda.cloud.apiKeySecret}"), Setting.API_KEY_SECRET);

        assertThat(secret).isNull();
    }

    @Test
    void aPropertySetToBlankIsNoSecret() throws IngestException {
        Secret secret = reader(properties("soda.cloud.apiKeySecret", "   "))
                .read(element("apiKeySecret", "${soda.cloud.apiKeySecret}"), Setting.API_KEY_SECRET);

        assertThat(secret).isNull();
    }

    @Test
    void aBlankOrEmptyElementIsNoSecret() throws IngestException {
        SecretParameterReader reader = reader(new Properties());

        assertThat(reader.read(element("apiKeySecret", "  "), Setting.API_KEY_SECRET))
                .isNull();
        assertThat(reader.read(element("apiKeySecret", ""), Setting.API_KEY_SECRET))
                .isNull();
        assertThat(reader.read(element("apiKeySecret", null), Setting.API_KEY_SECRET))
                .isNull();
    }

    @Test
    void anUnsetParameterIsNoSecret() throws IngestException {
        assertThat(reader(new Properties()).read(null, Setting.API_KEY_SECRET)).isNull();
    }
}
