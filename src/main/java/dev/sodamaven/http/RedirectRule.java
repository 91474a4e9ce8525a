package dev.sodamaven.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which redirects the transport follows, and what goes with them. Only GETs are redirected (an
 * upload is never sent twice to an address it did not choose); the Authorization header stays with
 * the origin it was meant for; and a redirect never leaves https for plain http, which would send
 * the request, and the answer that comes back, unencrypted.
 */
final class RedirectRule {

    private RedirectRule() {}

    /** Where a GET is redirected to, or null when {@code reply} is no redirect to follow. */
    static URI target(String method, URI from, HttpReply reply) {
        String location = reply.header("location").orElse(null);
        if (!"GET".equals(method) || reply.status() < 300 || reply.status() >= 400 || location == null) {
            return null;
        }
        try {
            URI next = from.resolve(new URI(location.trim()));
            String scheme = scheme(next);
            return (scheme.equals("http") || scheme.equals("https")) && next.getHost() != null ? next : null;
        } catch (URISyntaxException | IllegalArgumentException unusable) {
            return null;
        }
    }

    /** Whether going from {@code from} to {@code to} would leave https for plain http. */
    static boolean leavesHttps(URI from, URI to) {
        return scheme(from).equals("https") && !scheme(to).equals("https");
    }

    /** Whether {@code a} and {@code b} are one origin: scheme, host and port. */
    static boolean sameOrigin(URI a, URI b) {
        return scheme(a).equals(scheme(b))
                && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : scheme(uri).equals("https") ? 443 : 80;
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }
}
