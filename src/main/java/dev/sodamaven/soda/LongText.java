package dev.sodamaven.soda;

import java.util.Locale;

/**
 * The one length limit for a text from outside in the files the plugin writes: the HTML and JUnit
 * reports and the scan's logs in scan-results.json. dbt's message of a test is whatever the
 * database said, and a manifest or run results file can hold names of any length; forty messages of
 * 19 million characters once made reports of 760 MB. Real dbt messages are a few hundred characters
 * (a database error with its SQL, a few thousand), so a text longer than {@value #MAX_CHARACTERS}
 * characters is cut and ends with a notice saying so and how long it was.
 *
 * <p>Characters are Unicode code points: a cut never splits a surrogate pair. The notice counts
 * against the limit, so a cut text is {@value #MAX_CHARACTERS} characters and cutting it again
 * changes nothing; a writer may cut everything it writes without cutting twice what was cut before.
 * Mask the run's secrets before cutting: a cut could split a secret past recognition.
 */
public final class LongText {

    /** The most characters (code points) of one text from outside, the notice of a cut included. */
    public static final int MAX_CHARACTERS = 4_000;

    private static final String RUN_RESULTS = "; the full text is in run_results.json";

    private LongText() {}

    /**
     * dbt's message of a test, or a text built around it, cut to {@value #MAX_CHARACTERS} characters:
     * "… [cut: 19,000,000 characters in all; the full text is in run_results.json]". Null stays null.
     */
    public static String message(String text) {
        return cut(text, RUN_RESULTS);
    }

    /**
     * Any other text from outside (a name, an id, a path, a log line), cut to {@value #MAX_CHARACTERS}
     * characters: "… [cut: 19,000,000 characters in all]". Null stays null.
     */
    public static String cut(String text) {
        return cut(text, "");
    }

    private static String cut(String text, String whereInFull) {
        // A text of no more UTF-16 units than the limit has no more code points either: no count needed.
        if (text == null || text.length() <= MAX_CHARACTERS) {
            return text;
        }
        int total = text.codePointCount(0, text.length());
        if (total <= MAX_CHARACTERS) {
            return text;
        }
        String notice = String.format(Locale.ROOT, "… [cut: %,d characters in all%s]", total, whereInFull);
        int kept = MAX_CHARACTERS - notice.codePointCount(0, notice.length());
        return text.substring(0, text.offsetByCodePoints(0, kept)) + notice;
    }
}
