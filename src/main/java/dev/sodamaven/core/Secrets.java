package dev.sodamaven.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The secrets of one run — the API key, the dbt Cloud token, settings.xml and proxy passwords, and
 * every login token as it is issued — and the one place that masks them in text leaving the plugin
 * (the build log, error messages, the scan's logs, report files). Each message is written not to
 * repeat a secret in the first place; this is the net under the cases that slip through: a server
 * echoing a request, an unclosed quote in configuration.yml making a host swallow the secret below it.
 *
 * <p>A secret is masked as written, as a JSON string escapes it (a server echoing a request body) and
 * URL-encoded (an echoed query or redirect target). Values shorter than {@link #MIN_LENGTH} are
 * registered but not searched for: masking every "1" or "abc" would garble messages, and no API key
 * secret, token or password worth the name is that short. Safe for concurrent use.
 */
public final class Secrets {

    /** What a secret is replaced with, everywhere. */
    public static final String MASK = "****";

    static final int MIN_LENGTH = 8;

    /** Every form of every secret, longest first. */
    private final List<String> forms = new ArrayList<>();

    /** Adds a secret; null is ignored. */
    public Secrets add(Secret secret) {
        return secret == null ? this : add(secret.reveal());
    }

    /** Adds a secret value as the user gave it (surrounding white space is not part of it); null is ignored. */
    public synchronized Secrets add(String value) {
        if (value == null || value.trim().length() < MIN_LENGTH) {
            return this;
        }
        Set<String> added = new LinkedHashSet<>(forms);
        added.addAll(formsOf(value));
        forms.clear();
        forms.addAll(longestFirst(added));
        return this;
    }

    /** Whether {@code text} holds one of the secrets, in any of the forms masked. */
    public synchronized boolean foundIn(String text) {
        return text != null && forms.stream().anyMatch(text::contains);
    }

    /** {@code text} with every secret replaced by {@link #MASK}. */
    public synchronized String mask(String text) {
        return replaceAll(text, forms);
    }

    /**
     * What a server sent back, with the run's secrets masked and, whatever their length, the
     * credentials it was sent: a server echoing a request is the one place a short one can surface.
     */
    public String maskEcho(String text, Collection<Secret> sent) {
        Set<String> echoed = new LinkedHashSet<>();
        sent.stream().filter(Objects::nonNull).forEach(secret -> echoed.addAll(formsOf(secret.reveal())));
        return replaceAll(mask(text), longestFirst(echoed));
    }

    private static String replaceAll(String text, List<String> forms) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String form : forms) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }

    /** The value and its trimmed self, each as written, JSON-escaped and URL-encoded. */
    private static Set<String> formsOf(String value) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : new LinkedHashSet<>(List.of(value, value.trim()))) {
            if (secret.isEmpty()) {
                continue;
            }
            forms.add(secret);
            forms.add(jsonEscaped(secret, false));
            forms.add(jsonEscaped(secret, true));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return forms;
    }

    /** Longest first, so that a secret containing another is masked whole. */
    private static List<String> longestFirst(Collection<String> forms) {
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    /**
     * The string as a JSON string literal's content: quotes, backslashes and control characters
     * escaped the short way where JSON has one, else as {@code \}{@code uXXXX} (upper- or lower-case hex:
     * servers write either).
     */
    private static String jsonEscaped(String value, boolean lowerCaseHex) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        String hex = String.format(Locale.ROOT, "%04X", (int) c);
                        out.append("\\u").append(lowerCaseHex ? hex.toLowerCase(Locale.ROOT) : hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
