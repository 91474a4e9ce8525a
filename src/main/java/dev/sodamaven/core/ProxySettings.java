package dev.sodamaven.core;

import java.util.Locale;
import java.util.regex.Pattern;

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
        String protocol, String host, int port, String username, Secret password, String nonProxyHosts) {

    /** Whether a request to {@code targetHost} should bypass this proxy. */
    public boolean bypasses(String targetHost) {
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
