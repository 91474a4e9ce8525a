package dev.sodamaven.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The secrets of one run — the API key, the dbt Cloud token, settings.xml and proxy passwords, and
 * every login token as it is issued — and the one place that masks them in text leaving the plugin
 * (the build log, error messages, the scan's logs, report files). Each message is written not to
 * repeat a secret in the first place; this is the net under the cases that slip through: a server
 * echoing a request, an unclosed quote in configuration.yml making a host swallow the secret below it.
 *
 * <p>A secret is masked in each form a server or a file could echo it in:
 *
 * <ul>
 *   <li>as written, URL-encoded and JSON-escaped, in any mix: each character may appear as itself,
 *       percent-encoded (upper- or lower-case hex; {@code +} for a space) or JSON-escaped
 *       ({@code \"}, {@code \/}, {@code \n}..., or {@code \}{@code uXXXX} in either case), so whatever
 *       an encoder left raw is covered;
 *   <li>base64-encoded (UTF-8), standard and URL-safe alphabets, with and without padding; and inside
 *       a longer base64 text (a JSON body, a token encoded whole) at each of the three offsets a
 *       3-byte group allows, where the one character it shares with each neighbour stays (at most 4
 *       bits of the secret on each side);
 *   <li>for a user and password pair ({@link #addPair}), {@code user:password} in all those forms,
 *       which is what HTTP Basic authentication sends.
 * </ul>
 *
 * Not covered: base64 broken into lines (MIME), hex, double encoding, compression. Values shorter than
 * {@link #MIN_LENGTH} are registered but not searched for: masking every "1" or "abc" would garble
 * messages, and no API key secret, token or password worth the name is that short; a pair is searched
 * for when {@code user:password} is that long. Safe for concurrent use.
 */
public final class Secrets {

    /** What a secret is replaced with, everywhere. */
    public static final String MASK = "****";

    static final int MIN_LENGTH = 8;

    /** Every form of every secret, longest first. */
    private final List<Form> forms = new ArrayList<>();

    /** Adds a secret; null is ignored. */
    public Secrets add(Secret secret) {
        return secret == null ? this : add(secret.reveal());
    }

    /** Adds a secret value as the user gave it (surrounding white space is not part of it); null is ignored. */
    public synchronized Secrets add(String value) {
        if (value == null || value.trim().length() < MIN_LENGTH) {
            return this;
        }
        Map<String, Form> added = new LinkedHashMap<>();
        forms.forEach(form -> added.put(form.key(), form));
        formsOf(value).forEach(form -> added.putIfAbsent(form.key(), form));
        forms.clear();
        forms.addAll(longestFirst(added.values()));
        return this;
    }

    /**
     * Adds a password and the pair it makes with its user (a settings.xml server, a proxy, the Soda
     * Cloud API key), which HTTP Basic authentication sends base64-encoded as {@code user:password}.
     * The user alone is not a secret and is not added; either may be null.
     */
    public Secrets addPair(String user, Secret password) {
        add(password);
        if (user != null && password != null) {
            add(user + ':' + password.reveal());
        }
        return this;
    }

    /** {@link #addPair(String, Secret)} for a user name that is itself kept secret, such as an API key id. */
    public Secrets addPair(Secret user, Secret password) {
        return addPair(user == null ? null : user.reveal(), password);
    }

    /** Whether {@code text} holds one of the secrets, in any of the forms masked. */
    public synchronized boolean foundIn(String text) {
        return text != null && forms.stream().anyMatch(form -> form.foundIn(text));
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
        Map<String, Form> echoed = new LinkedHashMap<>();
        sent.stream()
                .filter(Objects::nonNull)
                .forEach(secret -> formsOf(secret.reveal()).forEach(form -> echoed.putIfAbsent(form.key(), form)));
        return replaceAll(mask(text), longestFirst(echoed.values()));
    }

    private static String replaceAll(String text, List<Form> forms) {
        // A dry run has no secret: every text of a large project's reports passes through here.
        if (text == null || text.isEmpty() || forms.isEmpty()) {
            return text;
        }
        int run = longestBase64Run(text);
        String masked = text;
        for (Form form : forms) {
            if (form.pattern() != null || form.length() <= run) {
                masked = form.replace(masked);
            }
        }
        return masked;
    }

    /**
     * The most base64 characters (either alphabet, padding included) in a row in {@code text}: no
     * longer base64 form can be in it. Words in messages are short, and most forms need no search.
     */
    private static int longestBase64Run(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean base64 = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '/'
                    || c == '-'
                    || c == '_'
                    || c == '=';
            run = base64 ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * How a secret can be found in text: as written in any encoding ({@code pattern}), or as one exact
     * text (a base64 form, {@code pattern} null).
     *
     * @param key     what tells two forms apart
     * @param length  the length of its shortest match: longer secrets are masked first
     * @param literal the form as written
     * @param pattern what matches it in any encoding, or null when only the literal does
     */
    private record Form(String key, int length, String literal, SecretPattern pattern) {

        static Form encoded(String value) {
            return new Form("text:" + value, value.length(), value, new SecretPattern(value));
        }

        static Form literal(String text) {
            return new Form("literal:" + text, text.length(), text, null);
        }

        String replace(String text) {
            return pattern == null ? text.replace(literal, MASK) : pattern.replace(text, MASK);
        }

        boolean foundIn(String text) {
            return pattern == null ? text.contains(literal) : pattern.foundIn(text);
        }
    }

    /** The value and its trimmed self, each as text in any encoding and in base64. */
    private static List<Form> formsOf(String value) {
        List<Form> forms = new ArrayList<>();
        for (String secret : new LinkedHashSet<>(List.of(value, value.trim()))) {
            if (secret.isEmpty()) {
                continue;
            }
            forms.add(Form.encoded(secret));
            base64Forms(secret.getBytes(StandardCharsets.UTF_8)).stream()
                    .map(Form::literal)
                    .forEach(forms::add);
        }
        return forms;
    }

    /** Longest first, so that a secret containing another is masked whole. */
    private static List<Form> longestFirst(Collection<Form> forms) {
        List<Form> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(Form::length).reversed());
        return sorted;
    }

    /**
     * The bytes base64-encoded whole (standard and URL-safe alphabets, with and without padding) and,
     * for a text that holds them among other bytes, what stays the same whatever surrounds them: at
     * each offset within a 3-byte group, the characters made of their bits only. Those parts are only
     * searched for when at least {@link #MIN_LENGTH} long, like any secret.
     */
    private static Set<String> base64Forms(byte[] bytes) {
        Set<String> forms = new LinkedHashSet<>();
        Base64.Encoder standard = Base64.getEncoder();
        forms.add(standard.encodeToString(bytes));
        forms.add(standard.withoutPadding().encodeToString(bytes));
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = standard.withoutPadding().encodeToString(shifted);
            int start = (offset * 8 + 5) / 6; // the first character with no bit of the bytes before
            int end = shifted.length * 8 / 6; // past the last character with no bit of the bytes after
            if (end - start >= MIN_LENGTH) {
                forms.add(encoded.substring(start, end));
            }
        }
        Set<String> both = new LinkedHashSet<>(forms);
        forms.forEach(form -> both.add(form.replace('+', '-').replace('/', '_')));
        return both;
    }
}
