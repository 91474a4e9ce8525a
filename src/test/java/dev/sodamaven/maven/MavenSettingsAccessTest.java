package dev.sodamaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.config.ServerCredential;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.ProxySettings;
import dev.sodamaven.core.Secrets;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipherException;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * settings.xml servers and proxies through Maven's own decrypter (Maven 3.6.3's
 * {@link DefaultSettingsDecrypter} over plexus-sec-dispatcher), with a settings.xml and master password
 * written by {@code mvn --encrypt-master-password} / {@code --encrypt-password}.
 */
@Timeout(10)
class MavenSettingsAccessTest {

    /** The plain values of the encrypted passwords in the settings.xml fixture. */
    private static final String SODA_SECRET = "sodaSecret-7f3a9c21";

    private static final String PROXY_PASSWORD = "proxyPass-92c1d4e0";
    private static final String PLAIN_TOKEN = "dbtPlainToken-5b8e";
    private static final String PLAIN_PROXY_PASSWORD = "plainProxyPass-44aa";
    /** Encrypted with another master password: this settings-security.xml cannot decrypt it. */
    private static final String FOREIGN_ENCRYPTED =
            "{+ynCJJCB8T0HrhstbLFRYn9z7JYjBMHgLJ/k19XT5I5G2yW2KlLxP8MB7NiQj18X}";

    private static final String FOREIGN_PLAIN = "otherMaster-3e8a71bb";

    private Settings settings;
    private Secrets secrets;
    private MavenSettingsAccess access;

    @BeforeEach
    void readSettings() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("settings.xml")) {
            settings = new SettingsXpp3Reader().read(in, true);
        }
        secrets = new Secrets();
        access = new MavenSettingsAccess(settings, decrypter(), secrets);
    }

    /**
     * The decrypter Maven 3.6.3 injects, reading the settings-security.xml fixture. Outside a Plexus
     * container nothing injects the dispatcher's cipher, so a subclass sets its (protected) field.
     */
    static SettingsDecrypter decrypter() throws PlexusCipherException, URISyntaxException {
        DefaultSecDispatcher dispatcher = new DispatcherWithCipher();
        dispatcher.setConfigurationFile(Path.of(MavenSettingsAccessTest.class
                        .getResource("settings-security.xml")
                        .toURI())
                .toString());
        return new DefaultSettingsDecrypter(dispatcher);
    }

    private static final class DispatcherWithCipher extends DefaultSecDispatcher {
        DispatcherWithCipher() throws PlexusCipherException {
            _cipher = new DefaultPlexusCipher();
        }
    }

    @Test
    void anEncryptedServerPasswordIsDecrypted() throws IngestException {
        ServerCredential server = access.server("soda-cloud").orElseThrow();

        assertThat(server.id()).isEqualTo("soda-cloud");
        assertThat(server.username()).isEqualTo("key-id-0001");
        assertThat(server.password().reveal()).isEqualTo(SODA_SECRET);
        // settings.xml itself still holds the encrypted value: the decrypter works on a copy.
        assertThat(settings.getServer("soda-cloud").getPassword())
                .startsWith("{")
                .doesNotContain(SODA_SECRET);
    }

    @Test
    void aPlainServerPasswordPassesThrough() throws IngestException {
        ServerCredential server = access.server("dbt-cloud").orElseThrow();

        assertThat(server.username()).as("no <username>").isNull();
        assertThat(server.password().reveal()).isEqualTo(PLAIN_TOKEN);
    }

    @Test
    void aServerWithoutPasswordHasNone() throws IngestException {
        ServerCredential server = access.server("no-password").orElseThrow();

        assertThat(server.username()).isEqualTo("just-a-name");
        assertThat(server.password()).isNull();
    }

    @Test
    void everyPasswordReadIsAddedToTheRunsSecrets() throws IngestException {
        String text = "login with " + SODA_SECRET + ", token " + PLAIN_TOKEN + ", proxy " + PROXY_PASSWORD + " / "
                + PLAIN_PROXY_PASSWORD;
        assertThat(secrets.mask(text)).as("nothing read yet").isEqualTo(text);

        access.server("soda-cloud");
        access.server("dbt-cloud");
        access.proxies();

        assertThat(secrets.mask(text)).isEqualTo("login with ****, token ****, proxy **** / ****");
    }

    /** A server echoing an HTTP Basic authorization shows the user and password pair base64-encoded. */
    @Test
    void everyUserAndPasswordPairReadIsMaskedAsBasicAuthenticationCarriesIt() throws IngestException {
        String text = "echoed Basic " + basic("key-id-0001", SODA_SECRET) + ", Basic "
                + basic("proxy-user", PROXY_PASSWORD) + ", Basic " + basic("plain-user", PLAIN_PROXY_PASSWORD);

        access.server("soda-cloud");
        access.proxies();

        assertThat(secrets.mask(text)).isEqualTo("echoed Basic ****, Basic ****, Basic ****");
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noSuchServerIsEmpty() throws Exception {
        assertThat(access.server("absent")).isEmpty();
        assertThat(access.server("")).isEmpty();
        assertThat(access.server(null)).isEmpty();
        assertThat(new MavenSettingsAccess(null, null, secrets).server("soda-cloud"))
                .as("no settings")
                .isEmpty();
        assertThat(new MavenSettingsAccess(new Settings(), decrypter(), secrets).server("soda-cloud"))
                .as("no servers")
                .isEmpty();
    }

    @Test
    void anUndecryptableServerPasswordIsAConfigurationErrorWithoutTheValue() {
        IngestException problem = catchThrowableOfType(IngestException.class, () -> access.server("other-machine"));

        assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(problem.getMessage())
                .isEqualTo("Maven could not decrypt the password of <server> 'other-machine' in settings.xml.");
        assertThat(problem.hint())
                .isEqualTo("Check ~/.m2/settings-security.xml and the encrypted value (mvn --encrypt-password).");
        assertThat(problem.getCause())
                .as("the decrypter's own message may quote the value")
                .isNull();
        assertNoValueIn(problem);
    }

    @Test
    void activeProxiesAreDecrypted() throws IngestException {
        List<ProxySettings> proxies = access.proxies();

        assertThat(proxies).as("the inactive proxy is left out").hasSize(2);
        ProxySettings corp = proxies.get(0);
        assertThat(corp.protocol()).isEqualTo("https");
        assertThat(corp.host()).isEqualTo("proxy.corp.example");
        assertThat(corp.port()).isEqualTo(3128);
        assertThat(corp.username()).isEqualTo("proxy-user");
        assertThat(corp.password().reveal()).isEqualTo(PROXY_PASSWORD);
        assertThat(corp.nonProxyHosts()).isEqualTo("localhost|*.corp.example");

        ProxySettings plain = proxies.get(1);
        assertThat(plain.protocol()).isEqualTo("http");
        assertThat(plain.host()).isEqualTo("plain.proxy.example");
        assertThat(plain.port()).isEqualTo(8080);
        assertThat(plain.password().reveal()).isEqualTo(PLAIN_PROXY_PASSWORD);
    }

    @Test
    void aProxyWithoutPasswordOrHostIsHandled() throws Exception {
        Settings own = new Settings();
        Proxy open = new Proxy();
        open.setId("open");
        open.setHost("open.proxy.example");
        open.setPort(3128);
        own.addProxy(open);
        Proxy hostless = new Proxy();
        hostless.setId("hostless");
        own.addProxy(hostless);

        List<ProxySettings> proxies = new MavenSettingsAccess(own, decrypter(), secrets).proxies();

        assertThat(proxies).singleElement().satisfies(proxy -> {
            assertThat(proxy.host()).isEqualTo("open.proxy.example");
            assertThat(proxy.username()).isNull();
            assertThat(proxy.password()).isNull();
        });
    }

    @Test
    void anUndecryptableProxyPasswordIsAConfigurationErrorWithoutTheValue() throws Exception {
        settings.getProxies().get(0).setPassword(FOREIGN_ENCRYPTED);

        IngestException problem = catchThrowableOfType(IngestException.class, access::proxies);

        assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(problem.getMessage())
                .isEqualTo("Maven could not decrypt the password of <proxy> 'corp-proxy' in settings.xml.");
        assertThat(problem.hint()).contains("settings-security.xml", "mvn --encrypt-password");
        assertNoValueIn(problem);
    }

    @Test
    void noSettingsHaveNoProxies() throws IngestException {
        assertThat(new MavenSettingsAccess(null, null, secrets).proxies()).isEmpty();
    }

    private static void assertNoValueIn(IngestException problem) {
        assertThat(problem.describe())
                .doesNotContain(
                        FOREIGN_ENCRYPTED, FOREIGN_ENCRYPTED.substring(1, 20), FOREIGN_PLAIN, "master-Pa55phrase");
    }
}
