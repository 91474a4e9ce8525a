package dev.sodamaven.dbt;

import java.util.regex.Pattern;

/**
 * A Unix-style wildcard pattern as dbt's selectors use them: {@code *}, {@code ?}, {@code [abc]},
 * {@code [a-z]} and {@code [!abc]}. Names are matched as Python's {@code fnmatch} does (a star
 * matches anything); paths as {@code pathlib}'s {@code glob} does (a star stays within one folder,
 * {@code **} crosses folders). Case-sensitive, as dbt is on Linux, where most dbt runs.
 */
final class Glob {

    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    /** A pattern for names (tags, packages, node names): a star matches any text. */
    static Glob name(String glob) {
        return new Glob(Pattern.compile(translate(glob, false), Pattern.DOTALL));
    }

    /** A pattern for slash-separated paths: a star stays within one folder, {@code **} crosses them. */
    static Glob path(String glob) {
        return new Glob(Pattern.compile(translate(glob, true), Pattern.DOTALL));
    }

    /** Whether the text has a wildcard, i.e. is more than a plain name. */
    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0 || text.indexOf(']') >= 0;
    }

    boolean matches(String text) {
        return text != null && pattern.matcher(text).matches();
    }

    private static String translate(String glob, boolean path) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean twoStars = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (path && twoStars) {
                    // "a/**/b" also matches "a/b": the folders in between may be none.
                    boolean wholeSegment = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    regex.append(wholeSegment ? "(?:.*/)?" : ".*");
                    i += wholeSegment ? 3 : 2;
                    continue;
                }
                regex.append(path ? "[^/]*" : ".*");
            } else if (c == '?') {
                regex.append(path ? "[^/]" : ".");
            } else if (c == '[') {
                int end = classEnd(glob, i);
                if (end < 0) {
                    regex.append("\\[");
                } else {
                    regex.append(characterClass(glob.substring(i + 1, end)));
                    i = end;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return regex.toString();
    }

    /** Where the class opened at {@code start} closes, or -1 when it does not ({@code [} is then literal). */
    private static int classEnd(String glob, int start) {
        int i = start + 1;
        if (i < glob.length() && glob.charAt(i) == '!') {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++; // a ']' first in the class is a member, as in fnmatch
        }
        while (i < glob.length() && glob.charAt(i) != ']') {
            i++;
        }
        return i < glob.length() ? i : -1;
    }

    private static String characterClass(String members) {
        StringBuilder regex = new StringBuilder("[");
        int first = 0;
        if (members.startsWith("!")) {
            regex.append('^');
            first = 1;
        }
        for (int i = first; i < members.length(); i++) {
            char c = members.charAt(i);
            // Only '-' between two members keeps its meaning (a range); everything else is a plain member.
            if (c == '-' && i > first && i < members.length() - 1) {
                regex.append('-');
            } else if ("\\^[]-&".indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return regex.append(']').toString();
    }
}
