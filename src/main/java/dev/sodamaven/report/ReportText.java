package dev.sodamaven.report;

import java.util.regex.Pattern;

/**
 * Makes any text safe to put into an XML 1.0 or HTML document. Test names, messages and ids come
 * from user projects and databases: they may hold control characters or broken surrogate pairs,
 * which a strict XML parser rejects outright, so they are replaced by U+FFFD rather than dropped
 * (the reader then sees that something was there).
 */
final class ReportText {

    static final char REPLACEMENT = '\uFFFD';
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private ReportText() {}

    /** {@code text} with every character XML 1.0 forbids replaced; "" for null. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        int first = firstIllegal(text);
        if (first < 0) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPairAt(text, i)) {
                cleaned.append(c).append(text.charAt(++i));
            } else {
                cleaned.append(isLegal(c) ? c : REPLACEMENT);
            }
        }
        return cleaned.toString();
    }

    /**
     * {@link #clean cleaned} text for an attribute: tabs and line breaks become spaces (a parser would
     * do that anyway), runs of white space one space, and at most {@code max} characters.
     */
    static String oneLine(String text, int max) {
        String line = clean(text).strip();
        // Most texts are on one line already; the regular expression costs more than the rest of a report row.
        if (!isOneLine(line)) {
            line = WHITE_SPACE.matcher(line).replaceAll(" ");
        }
        if (line.length() <= max) {
            return line;
        }
        int end = Math.max(1, max - 3);
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "...";
    }

    /** No white space that {@link #WHITE_SPACE} would replace: none but single spaces. */
    private static boolean isOneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' && i > 0 && text.charAt(i - 1) == ' ';
            if (space || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private static int firstIllegal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPairAt(text, i)) {
                i++;
            } else if (!isLegal(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isPairAt(String text, int index) {
        return Character.isHighSurrogate(text.charAt(index))
                && index + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(index + 1));
    }

    /** The XML 1.0 Char production for a single UTF-16 unit; surrogates are legal only in pairs. */
    private static boolean isLegal(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
