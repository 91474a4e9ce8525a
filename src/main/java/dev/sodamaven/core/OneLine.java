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
 * <p>A line is also bounded: an {@code invocation_id} or a job name of 19 million characters would
 * otherwise be a log line of 19 MB. A line longer than {@value #MAX_CHARACTERS} characters keeps its
 * start and ends with a notice saying how long the text was (see {@link #MAX_CHARACTERS}).
 *
 * <p>A message the plugin means to span several lines is logged line by line instead (as the
 * console summary is), so a line break in a logged text is never the plugin's own. Mask the run's
 * secrets before: a cut could split a secret past recognition.
 */
public final class OneLine {

    /**
     * The most characters (Unicode code points) of one log line, escapes and the notice of a cut
     * included: a longer text keeps as much of its start as fits and ends with "… [cut: 19,000,000
     * characters in all]", counting the characters of the text as given. The cut falls between two
     * characters of the text, so it never splits an escape or a surrogate pair, and a line already cut
     * is not cut again. Twice the limit of a text in the plugin's output files ({@code soda.LongText}):
     * a log line may hold a name from outside with words around it, and nothing real comes near it.
     */
    public static final int MAX_CHARACTERS = 8_000;

    private OneLine() {}

    /**
     * The text with every line break and control character escaped and, when that is longer than
     * {@value #MAX_CHARACTERS} characters, cut; the same string when it needs neither.
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() <= MAX_CHARACTERS && text.chars().noneMatch(c -> escaped((char) c))) {
            return text;
        }
        StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_CHARACTERS) + 16);
        if (append(text, MAX_CHARACTERS, line)) {
            return line.length() == text.length() ? text : line.toString();
        }
        String notice =
                String.format(Locale.ROOT, "… [cut: %,d characters in all]", text.codePointCount(0, text.length()));
        line.setLength(0);
        append(text, MAX_CHARACTERS - notice.codePointCount(0, notice.length()), line);
        return line.append(notice).toString();
    }

    /**
     * Appends the text escaped, character by character, as long as the line stays within {@code limit}
     * code points.
     *
     * @return whether all of the text fitted
     */
    private static boolean append(String text, int limit, StringBuilder line) {
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String escape = c <= Character.MAX_VALUE && escaped((char) c) ? escape((char) c) : null;
            int width = escape == null ? 1 : escape.length();
            if (shown + width > limit) {
                return false;
            }
            if (escape == null) {
                line.appendCodePoint(c);
            } else {
                line.append(escape);
            }
            shown += width;
            i += Character.charCount(c);
        }
        return true;
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> "\\u" + String.format(Locale.ROOT, "%04x", (int) c);
        };
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
