package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.ProxySettings;
import java.util.List;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

/** Which settings.xml proxy a target goes through, decided without any connection. */
class ProxyRoutePlannerTest {

    private static final ProxySettings HTTP =
            new ProxySettings("http", "proxy.corp", 3128, null, null, "localhost|*.internal.corp");
    private static final ProxySettings HTTPS = new ProxySettings("https", "secure-proxy.corp", 8443, null, null, null);

    private static HttpHost proxyFor(List<ProxySettings> proxies, String scheme, String host) {
        return new ProxyRoutePlanner(proxies).determineProxy(new HttpHost(scheme, host, -1), null);
    }

    @Test
    void theProxyDeclaredForTheTargetsSchemeComesFirst() {
        assertThat(proxyFor(List.of(HTTP, HTTPS), "https", "cloud.soda.io"))
                .isEqualTo(new HttpHost("http", "secure-proxy.corp", 8443));
        assertThat(proxyFor(List.of(HTTPS, HTTP), "http", "cloud.soda.io"))
                .isEqualTo(new HttpHost("http", "proxy.corp", 3128));
    }

    @Test
    void anHttpProxyAlsoServesHttpsTargets() {
        assertThat(proxyFor(List.of(HTTP), "https", "cloud.soda.io"))
                .isEqualTo(new HttpHost("http", "proxy.corp", 3128));
    }

    @Test
    void anHttpsProxyDoesNotServePlainHttpTargets() {
        assertThat(proxyFor(List.of(HTTPS), "http", "cloud.soda.io")).isNull();
    }

    @Test
    void nonProxyHostsGoDirect() {
        assertThat(proxyFor(List.of(HTTP), "https", "dbt.internal.corp")).isNull();
        assertThat(proxyFor(List.of(HTTP), "http", "localhost")).isNull();
    }
}
