package dev.sodamaven.http;

import dev.sodamaven.core.ProxySettings;
import java.util.List;
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
        if (chosen == null || chosen.bypasses(target.getHostName())) {
            return null;
        }
        return new HttpHost("http", chosen.host(), chosen.port());
    }
}
