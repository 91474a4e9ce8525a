package dev.sodamaven.http;

import dev.sodamaven.core.ProxySettings;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Routes through the settings.xml proxy for the target's scheme, unless the host bypasses it. */
final class ProxyRoutePlanner extends DefaultRoutePlanner {

    private final List<ProxySettings> proxies;

    ProxyRoutePlanner(List<ProxySettings> proxies) {
        super(null);
        this.proxies = List.copyOf(proxies);
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        // Like Maven: a proxy declared for the target's scheme first; an http proxy also serves https.
        ProxySettings chosen = proxies.stream()
                .filter(proxy -> proxy.protocol().equalsIgnoreCase(target.getSchemeName()))
                .findFirst()
                .orElseGet(() -> proxies.stream()
                        .filter(proxy -> "http".equalsIgnoreCase(proxy.protocol()))
                        .findFirst()
                        .orElse(null));
        if (chosen == null || bypasses(chosen, target.getHostName())) {
            return null;
        }
        return new HttpHost("http", chosen.host(), chosen.port());
    }

    /** Whether a request to {@code targetHost} bypasses {@code proxy}, by its Maven-style nonProxyHosts. */
    static boolean bypasses(ProxySettings proxy, String targetHost) {
        String nonProxyHosts = proxy.nonProxyHosts();
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        String host = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts.split("[|,]")) {
            String trimmed = pattern.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty() && host.matches(globToRegex(trimmed))) {
                return true;
            }
        }
        return false;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return regex.toString();
    }
}
