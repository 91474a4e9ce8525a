package dev.sodamaven.config;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks and normalises the addresses of Soda Cloud and dbt Cloud as users write them: a host, a
 * host with port, or a full URL. Plain http is only accepted for this machine (loopback) unless
 * explicitly allowed, because the API key or token would travel unencrypted. Messages never repeat
 * an address holding a user name or password.
 */
final class CloudAddresses {

    private static final int MAX_SHOWN = 200;
    private static final Pattern BARE_IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern SODA_API_PATH = Pattern.compile("(/api)?/*");
    private static final Pattern DBT_API_SUFFIX = Pattern.compile("/api/v2(/accounts)?$");

    private CloudAddresses() {}

    /** Where Soda Cloud is: scheme, host (IPv6 in brackets) and port (null for the scheme's default). */
    record SodaCloudAddress(String scheme, String host, Integer port) {
        @Override
        public String toString() {
            return scheme + "://" + host + (port == null ? "" : ":" + port);
        }
    }

    /**
     * The Soda Cloud address from a host (which may be a full URL carrying a scheme and port) and an
     * optional separate port and scheme; a separate value that contradicts the URL is an error.
     */
    static SodaCloudAddress sodaCloud(
            Candidate host,
            Optional<Candidate> port,
            Optional<Candidate> scheme,
            boolean allowInsecureHttp,
            List<String> warnings)
            throws IngestException {
        String raw = host.value();
        boolean isUrl = raw.contains("://");
        URI uri = parse(
                isUrl ? raw : "https://" + bracketBareIpv6(raw),
                host,
                "Soda Cloud host",
                "Use a host name such as cloud.soda.io (EU) or cloud.us.soda.io (US), or a URL such as "
                        + "https://cloud.soda.io.");
        if (!SODA_API_PATH
                .matcher(uri.getRawPath() == null ? "" : uri.getRawPath())
                .matches()) {
            throw IngestException.configuration(
                    "The Soda Cloud host " + shown(host) + " (from " + host.origin()
                            + ") has a path; Soda Cloud is always reached at <scheme>://<host>[:<port>]/api.",
                    "Give only the host, e.g. cloud.soda.io, or scheme://host:port.");
        }
        String urlScheme = isUrl ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
        String schemeValue = scheme.map(c -> c.value().toLowerCase(Locale.ROOT)).orElse(null);
        if (schemeValue != null && urlScheme != null && !schemeValue.equals(urlScheme)) {
            throw IngestException.configuration(
                    "The Soda Cloud host " + shown(host) + " (from " + host.origin()
                            + ") says " + urlScheme + " but the scheme (from "
                            + scheme.get().origin() + ") says " + schemeValue
                            + ".",
                    "Give the scheme in one place only.");
        }
        schemeValue = schemeValue != null ? schemeValue : urlScheme != null ? urlScheme : "https";
        if (!schemeValue.equals("https") && !schemeValue.equals("http")) {
            String origin = scheme.map(Candidate::origin).orElse(host.origin());
            throw IngestException.configuration(
                    "The Soda Cloud scheme " + new Candidate(schemeValue, origin).shown() + " (from " + origin
                            + ") is neither https nor http.",
                    "Set " + Setting.SODA_CLOUD_SCHEME.ref() + " or soda_cloud.scheme to https.");
        }
        Integer urlPort = uri.getPort() >= 0 ? checkedPort(uri.getPort(), host, "Soda Cloud host") : null;
        Integer portValue = port.isPresent() ? parsePort(port.get()) : null;
        if (portValue != null && urlPort != null && !portValue.equals(urlPort)) {
            throw IngestException.configuration(
                    "The Soda Cloud host " + shown(host) + " (from " + host.origin()
                            + ") says port " + urlPort + " but the port (from "
                            + port.get().origin() + ") says " + portValue
                            + ".",
                    "Give the port in one place only.");
        }
        SodaCloudAddress address =
                new SodaCloudAddress(schemeValue, uri.getHost(), portValue != null ? portValue : urlPort);
        requireSecureScheme(
                address.scheme(),
                address.host(),
                "Soda Cloud at " + address,
                "the Soda Cloud API key",
                allowInsecureHttp,
                warnings);
        return address;
    }

    /**
     * The dbt Cloud base URL ({@code scheme://host[:port][/prefix]}, to which {@code /api/v2/accounts/...}
     * is appended) from an access URL: a host ({@code ab123.us1.dbt.com}), {@code https://host/}, Soda
     * Core's old {@code api_url} form ending in {@code /api/v2/accounts/}, or a local test server's URL.
     */
    static URI dbtCloudBaseUrl(Candidate access, boolean allowInsecureHttp, List<String> warnings)
            throws IngestException {
        String raw = access.value();
        String hint =
                "Use your account's access URL, e.g. ab123.us1.dbt.com (dbt Cloud shows it in the account settings).";
        URI uri = parse(
                raw.contains("://") ? raw : "https://" + bracketBareIpv6(raw), access, "dbt Cloud access URL", hint);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw IngestException.configuration(
                    "The dbt Cloud access URL " + shown(access) + " (from " + access.origin() + ") uses " + scheme
                            + ", which is neither https nor http.",
                    hint);
        }
        if (uri.getPort() >= 0) {
            checkedPort(uri.getPort(), access, "dbt Cloud access URL");
        }
        requireSecureScheme(
                scheme,
                uri.getHost(),
                "dbt Cloud at " + scheme + "://" + uri.getRawAuthority(),
                "the dbt Cloud API token",
                allowInsecureHttp,
                warnings);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        path = DBT_API_SUFFIX.matcher(path).replaceFirst("");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** Whether {@code host} is this machine: localhost or a loopback IP literal. Names are never resolved. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        var ipv4 = IPV4.matcher(bare);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(ipv4.group(1)) == 127;
        }
        if (bare.contains(":") && IPV6.matcher(bare).matches()) {
            try {
                // The brackets make the JDK parse a literal and never look the text up in DNS.
                return InetAddress.getByName("[" + bare + "]").isLoopbackAddress();
            } catch (UnknownHostException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    private static URI parse(String text, Candidate from, String what, String hint) throws IngestException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException invalid) {
            throw IngestException.configuration(
                    "The " + what + " " + shown(from) + " (from " + from.origin() + ") is not a valid host or URL.",
                    hint);
        }
        if (uri.getScheme() == null || uri.isOpaque()) {
            throw IngestException.configuration(
                    "The " + what + " " + shown(from) + " (from " + from.origin() + ") is not a valid host or URL.",
                    hint);
        }
        if (uri.getRawUserInfo() != null) {
            // Not repeated: the part before @ may be a password.
            throw IngestException.configuration(
                    "The " + what + " (from " + from.origin() + ") contains a user name or password before @.",
                    "Give only the host; credentials have their own settings.");
        }
        if (uri.getHost() == null) {
            throw IngestException.configuration(
                    "The " + what + " " + shown(from) + " (from " + from.origin() + ") has no valid host name.", hint);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw IngestException.configuration(
                    "The " + what + " " + shown(from) + " (from " + from.origin() + ") has a ?query or #fragment.",
                    hint);
        }
        return uri;
    }

    private static int checkedPort(int port, Candidate from, String what) throws IngestException {
        if (port < 1 || port > 65535) {
            throw IngestException.configuration(
                    "The " + what + " " + shown(from) + " (from " + from.origin() + ") has port " + port
                            + ", which is not a port number.",
                    "Use a port from 1 to 65535.");
        }
        return port;
    }

    /** A port from 1 to 65535. */
    static Integer parsePort(Candidate port) throws IngestException {
        String text = port.value();
        if (text.matches("\\d{1,5}")) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        }
        throw IngestException.configuration(
                "The Soda Cloud port " + port.shown() + " (from " + port.origin() + ") is not a port number.",
                "Use a number from 1 to 65535, or leave it unset for the scheme's default.");
    }

    private static void requireSecureScheme(
            String scheme,
            String host,
            String what,
            String credential,
            boolean allowInsecureHttp,
            List<String> warnings)
            throws IngestException {
        if (!"http".equals(scheme) || isLoopback(host)) {
            return;
        }
        if (!allowInsecureHttp) {
            throw IngestException.configuration(
                    what + " uses plain http to a host that is not this machine, which would send " + credential
                            + " unencrypted.",
                    "Use https; or, only on a trusted network, set " + Setting.ALLOW_INSECURE_HTTP.ref() + " to true.");
        }
        warnings.add(what + " uses plain http: " + credential + " travels unencrypted (allowed by "
                + Setting.ALLOW_INSECURE_HTTP.ref() + ").");
    }

    /** "[::1]" for "::1", so that an IPv6 literal can be given without brackets. */
    private static String bracketBareIpv6(String host) {
        return BARE_IPV6.matcher(host).matches() ? "[" + host + "]" : host;
    }

    /**
     * An address for a message, unless it holds an @ (a user name or password in a URL) or white space:
     * an address never does, but a value that swallowed the lines below it through an unclosed quote in
     * configuration.yml does, and those lines may hold the API key secret.
     */
    private static String shown(Candidate value) {
        String text = value.value();
        if (text.chars().anyMatch(Character::isWhitespace)) {
            return "(not shown: it holds spaces or line breaks, as after an unclosed quote in configuration.yml)";
        }
        return text.contains("@") || text.length() > MAX_SHOWN ? "(not shown)" : "'" + text + "'";
    }
}
