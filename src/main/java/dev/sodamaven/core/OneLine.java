package dev.sodamaven.core;

import java.util.Locale;

/**
 * Text shown on one line of a build log, whatever it holds. Dataset names, test ids, statuses, job
 * names and error bodies come from artifacts and servers; with their line breaks intact, one could
 * print a line of its own ({@code [INFO] BUILD SUCCESS}, a CI command such as {@code ::warning::}) or,
 * with a terminal escape, rewrite lines already printed. So every character that breaks a line or
 * steers a terminal or the reading direction is shown as an escape instead: {@code \n}, {@code \r},
 * {@code \t}, else {@code \}{@code uXXXX}. Backslashes are left as they are (Windows paths stay
 * readable); an escape in the log is thus not proof of a control character, only of nothing worse.
 *
 * <p>A message the plugin means to span several lines is logged line by line instead (as the
 * console summary is), so a line break in a logged text is never the plugin's own.
 */
public final class OneLine {

    private OneLine() {}

    /** The text with every line break and control character escaped; the same string when it has none. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !escaped(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (escaped(c)) {
                        line.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.toString();
    }

    /**
     * C0 and C1 controls and DEL (line breaks, ESC, NEL, CSI), the Unicode line and paragraph
     * separators, and the bidirectional marks, embeddings, overrides and isolates that make a
     * terminal show text in another order than it is written.
     */
    private static boolean escaped(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u2028' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
