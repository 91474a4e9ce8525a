package dev.sodamaven.soda;

import java.net.URI;

/**
 * Where Soda Cloud is: {@code <scheme>://<host>[:<port>]/api}, as Soda Core builds it.
 *
 * @param scheme https (default) or http
 * @param host   e.g. cloud.soda.io (EU) or cloud.us.soda.io (US)
 * @param port   the port, or null for the scheme's default
 */
public record SodaCloudEndpoint(String scheme, String host, Integer port) {

    public URI apiUrl() {
        return URI.create(scheme + "://" + hostForUri() + (port == null ? "" : ":" + port) + "/api");
    }

    public URI commandUri() {
        return URI.create(apiUrl() + "/command");
    }

    private String hostForUri() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
