package dev.sodamaven.report;

/**
 * Makes any text safe to put into an XML 1.0 or HTML document. Test names, messages and ids come
 * from user projects and databases: they may hold control characters or broken surrogate pairs,
 * which a strict XML parser rejects outright, so they are replaced by U+FFFD rather than dropped
 * (the reader then sees that something was there).
 */
final class ReportText {

    static final char REPLACEMENT = '\uFFFD';

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
        if (!isOneLine(line)) {
            line = collapseWhiteSpace(line);
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

    /** No white space that {@link #collapseWhiteSpace} would change: none but single spaces. */
    private static boolean isOneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' && i > 0 && text.charAt(i - 1) == ' ';
            if (space || (c != ' ' && isSpace(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each run of white space as one space, as {@code replaceAll("\\s+", " ")} would, in a loop: every
     * attribute of the JUnit report passes here, and the regular expression made this the largest
     * compilation of the reports (docs/benchmarks.md).
     */
    private static String collapseWhiteSpace(String text) {
        StringBuilder line = new StringBuilder(text.length());
        boolean afterSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = isSpace(c);
            if (!space) {
                line.append(c);
            } else if (!afterSpace) {
                line.append(' ');
            }
            afterSpace = space;
        }
        return line.toString();
    }

    /** White space as {@code \s} means it without Unicode classes: space, tab, LF, VT, FF, CR. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
