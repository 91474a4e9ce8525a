package dev.sodamaven.http;

import dev.sodamaven.core.ProxySettings;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** Builds the Apache HttpClient of a run from {@link HttpSettings}. */
final class HttpClientFactory {

    /** The longest header line (or chunk-size line) read from a server, in characters. */
    static final int MAX_HEADER_LINE = 64 * 1024;

    /** The most headers one answer may have. */
    static final int MAX_HEADERS = 200;

    private HttpClientFactory() {}

    /**
     * @param dns resolves the host names of direct connections (the system's resolver in a build);
     *            through a proxy, the proxy resolves them
     */
    static CloseableHttpClient create(HttpSettings settings, DnsResolver dns) {
        return create(settings, dns, null);
    }

    /**
     * @param dns resolves the host names of direct connections, as above
     * @param tls the TLS context of https connections, or null for the JVM's (tests pass one that
     *            trusts a local certificate)
     */
    static CloseableHttpClient create(HttpSettings settings, DnsResolver dns, SSLContext tls) {
        // Before any HttpClient class has created its logger.
        WireLogSilencer.silence();
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom()
                                // HttpClient reads headers unbounded by default: a server could fill the
                                // memory with one endless header line before any deadline passes.
                                .setMaxLineLength(MAX_HEADER_LINE)
                                .setMaxHeaderCount(MAX_HEADERS)
                                .build())
                        .build());
        if (tls != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections
                        .setDnsResolver(dns)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                // A pooled connection the server closed meanwhile must not carry an upload.
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .setDefaultSocketConfig(
                                SocketConfig.custom().setSoTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(read).build())
                .setUserAgent(settings.userAgent())
                // HttpTransport decides retries and redirects, knowing what each request is.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (settings.proxies().isEmpty()) {
            builder.setRoutePlanner(new SystemDefaultRoutePlanner(null));
        } else {
            builder.setRoutePlanner(new ProxyRoutePlanner(settings.proxies()));
            builder.setDefaultCredentialsProvider(proxyCredentials(settings.proxies()));
        }
        return builder.build();
    }

    private static BasicCredentialsProvider proxyCredentials(List<ProxySettings> proxies) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        for (ProxySettings proxy : proxies) {
            if (proxy.username() != null && proxy.password() != null) {
                credentials.setCredentials(
                        new AuthScope(proxy.host(), proxy.port()),
                        new UsernamePasswordCredentials(
                                proxy.username(), proxy.password().reveal().toCharArray()));
            }
        }
        return credentials;
    }
}
