package dev.sodamaven.maven;

import dev.sodamaven.config.ServerCredential;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.ProxySettings;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Reads credentials and proxies from Maven's settings.xml, decrypting passwords encrypted with
 * {@code mvn --encrypt-password}. Decryption problems are reported without the values.
 */
final class MavenSettingsAccess {

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Secrets secrets;

    /**
     * @param secrets the run's secrets, which every password decrypted is added to, with its pair
     *                {@code username:password} (what Basic authentication would send)
     */
    MavenSettingsAccess(Settings settings, SettingsDecrypter decrypter, Secrets secrets) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.secrets = secrets;
    }

    /** The server with {@code id}, decrypted, if settings.xml has one. */
    Optional<ServerCredential> server(String id) throws IngestException {
        if (settings == null || id == null || id.isBlank()) {
            return Optional.empty();
        }
        Server server = settings.getServer(id);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        requireNoProblems(result, "the password of <server> '" + id + "'");
        Server decrypted = result.getServer() != null ? result.getServer() : server;
        Secret password = Secret.ofNullable(decrypted.getPassword());
        secrets.addPair(decrypted.getUsername(), password);
        return Optional.of(new ServerCredential(id, emptyToNull(decrypted.getUsername()), password));
    }

    /** The active proxies, decrypted. */
    List<ProxySettings> proxies() throws IngestException {
        List<ProxySettings> proxies = new ArrayList<>();
        if (settings == null) {
            return proxies;
        }
        for (Proxy proxy : settings.getProxies()) {
            if (!proxy.isActive() || proxy.getHost() == null) {
                continue;
            }
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
            requireNoProblems(result, "the password of <proxy> '" + proxy.getId() + "'");
            Proxy decrypted = result.getProxy() != null ? result.getProxy() : proxy;
            Secret password = Secret.ofNullable(decrypted.getPassword());
            secrets.addPair(decrypted.getUsername(), password);
            proxies.add(new ProxySettings(
                    decrypted.getProtocol() == null ? "http" : decrypted.getProtocol(),
                    decrypted.getHost(),
                    decrypted.getPort(),
                    emptyToNull(decrypted.getUsername()),
                    password,
                    decrypted.getNonProxyHosts()));
        }
        return proxies;
    }

    private static void requireNoProblems(SettingsDecryptionResult result, String what) throws IngestException {
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw IngestException.configuration(
                        "Maven could not decrypt " + what + " in settings.xml.",
                        "Check ~/.m2/settings-security.xml and the encrypted value (mvn --encrypt-password).");
            }
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
