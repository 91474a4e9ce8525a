package dev.sodamaven.core;

/**
 * A proxy as Maven's settings.xml declares it.
 *
 * @param protocol      the scheme of the targets it serves ({@code http} or {@code https})
 * @param host          proxy host
 * @param port          proxy port
 * @param username      proxy user, or null
 * @param password      proxy password, or null
 * @param nonProxyHosts Maven's pattern list, e.g. {@code localhost|*.corp.example}, or null
 */
public record ProxySettings(
        String protocol, String host, int port, String username, Secret password, String nonProxyHosts) {}
