package dev.sodamaven.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One secret as it can appear in text, character by character: each character as written,
 * percent-encoded (its UTF-8 bytes, hex in either case; {@code +} for a space) or JSON-escaped (the
 * short escape where JSON has one, {@code \/} included, else {@code \}{@code u} and its UTF-16 code
 * units, hex in either case). Any mix matches, so whatever an encoder leaves raw ({@code ~}, {@code *},
 * {@code /} in a path) is covered without listing encoders.
 *
 * <p>Hand-written rather than a regular expression, for speed and a bounded search: a text without
 * {@code %}, {@code \} or {@code +} can only hold the secret as written and is searched with a plain
 * {@code indexOf}; otherwise only positions holding a character a match can start with are tried,
 * and a (character, position) once found not to lead to a match is not tried again, so no secret,
 * however repetitive, makes the search blow up.
 */
final class SecretPattern {

    /** One way to write one character; {@code anyCase} for the hex digits of an escape. */
    private record Way(String text, boolean anyCase) {

        boolean at(String in, int position) {
            return in.regionMatches(anyCase, position, text, 0, text.length());
        }
    }

    private final String literal;
    private final Way[][] ways;
    /** The characters a match can start with. */
    private final char[] firsts;

    /** @param secret the secret as written; not empty */
    SecretPattern(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("empty secret");
        }
        this.literal = secret;
        this.ways = secret.codePoints().mapToObj(SecretPattern::waysOf).toArray(Way[][]::new);
        this.firsts = Arrays.stream(ways[0])
                .map(way -> String.valueOf(way.text().charAt(0)))
                .distinct()
                .collect(Collectors.joining())
                .toCharArray();
    }

    /** Whether {@code text} holds the secret in any form. */
    boolean foundIn(String text) {
        if (!mayHoldEncoding(text)) {
            return text.contains(literal);
        }
        Search search = new Search(text);
        for (int i = search.candidate(0); i >= 0; i = search.candidate(i + 1)) {
            if (search.end(i) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with every occurrence of the secret, in any form, replaced by {@code mask}. */
    String replace(String text, String mask) {
        if (!mayHoldEncoding(text)) {
            return text.replace(literal, mask);
        }
        Search search = new Search(text);
        StringBuilder out = null;
        int copied = 0;
        for (int i = search.candidate(0); i >= 0; ) {
            int end = search.end(i);
            if (end < 0) {
                i = search.candidate(i + 1);
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append(mask);
            copied = end;
            i = search.candidate(end);
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Whether a text may hold a character other than as written: every escape and encoding starts
     * with one of these. Most texts hold none, and then only the secret as written can be there.
     */
    private static boolean mayHoldEncoding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '\\' || c == '+') {
                return true;
            }
        }
        return false;
    }

    /** One search through one text. */
    private final class Search {

        private final String text;
        /** Per character a match can start with: where it next occurs (-1: no more; -2: not looked yet). */
        private final int[] nextAt;
        /** Per character of the secret: the next way to try, and where it starts in the text. */
        private int[] next;

        private int[] at;
        /** (character, position) pairs from which no match can go on: true for any start. */
        private Set<Long> deadEnds;

        Search(String text) {
            this.text = text;
            this.nextAt = new int[firsts.length];
            Arrays.fill(nextAt, -2);
        }

        /** The first position from {@code from} on where a match could start, or -1. */
        int candidate(int from) {
            int first = -1;
            for (int k = 0; k < firsts.length; k++) {
                if (nextAt[k] != -1 && nextAt[k] < from) {
                    nextAt[k] = text.indexOf(firsts[k], from);
                }
                if (nextAt[k] >= 0 && (first < 0 || nextAt[k] < first)) {
                    first = nextAt[k];
                }
            }
            return first;
        }

        /**
         * Where a match starting at {@code start} ends, or -1: a backtracking search over the ways
         * each character can be written, without recursion (a login token can be long).
         */
        int end(int start) {
            int n = ways.length;
            if (next == null) {
                next = new int[n];
                at = new int[n + 1];
                deadEnds = new HashSet<>();
            }
            int i = 0;
            next[0] = 0;
            at[0] = start;
            while (i >= 0) {
                if (i == n) {
                    return at[n];
                }
                boolean advanced = false;
                while (next[i] < ways[i].length) {
                    Way way = ways[i][next[i]++];
                    int after = at[i] + way.text().length();
                    if (way.at(text, at[i]) && !deadEnds.contains(state(i + 1, after))) {
                        i++;
                        at[i] = after;
                        if (i < n) {
                            next[i] = 0;
                        }
                        advanced = true;
                        break;
                    }
                }
                if (!advanced) {
                    if (i >= 2) { // most starts fail at once: no need to remember those
                        deadEnds.add(state(i, at[i]));
                    }
                    i--;
                }
            }
            return -1;
        }
    }

    private static long state(int character, int position) {
        return ((long) character << 32) | position;
    }

    private static Way[] waysOf(int codePoint) {
        String character = Character.toString(codePoint);
        List<Way> ways = new ArrayList<>();
        ways.add(new Way(character, false));
        if (codePoint == ' ') {
            ways.add(new Way("+", false));
        }
        StringBuilder percent = new StringBuilder();
        for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
            percent.append('%').append(String.format(Locale.ROOT, "%02x", b & 0xFF));
        }
        ways.add(new Way(percent.toString(), true));
        String shortEscape = switch (codePoint) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '/' -> "\\/";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
        if (shortEscape != null) {
            ways.add(new Way(shortEscape, false));
        }
        StringBuilder unicode = new StringBuilder();
        for (char unit : character.toCharArray()) {
            unicode.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) unit));
        }
        // "\\u" in either case too: no JSON writer says "\\U", but masking it costs nothing.
        ways.add(new Way(unicode.toString(), true));
        return ways.toArray(Way[]::new);
    }
}
