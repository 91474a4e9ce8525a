package dev.sodamaven.dbt;

import java.util.Locale;
import java.util.Map;

/**
 * The statuses dbt writes on results, in the spelling dbt-core uses (lower case, {@code no-op},
 * {@code partial success}). Data tests get {@code pass}, {@code warn}, {@code fail}, {@code error} or
 * {@code skipped} (dbt-core's {@code TestStatus}); other nodes {@code success}, {@code error},
 * {@code skipped}, {@code partial success}, {@code no-op} or {@code reused} (its {@code RunStatus}); tests in
 * the output of {@code dbt compile} or {@code dbt docs generate} show {@code success}. dbt Fusion writes
 * some of them with a capital letter ({@code Error}).
 */
public final class DbtStatus {

    public static final String PASS = "pass";
    public static final String WARN = "warn";
    public static final String FAIL = "fail";
    public static final String ERROR = "error";
    public static final String SKIPPED = "skipped";
    public static final String SUCCESS = "success";
    /** Carried over from an earlier invocation (state-aware orchestration, dbt Fusion): not run again. */
    public static final String REUSED = "reused";
    /** The node had nothing to do. */
    public static final String NO_OP = "no-op";
    /** A microbatch model some of whose batches failed. */
    public static final String PARTIAL_SUCCESS = "partial success";
    /** What a result without a status is read as. */
    public static final String UNKNOWN = "unknown";

    // Spellings that differ only in case, separators or spacing from dbt-core's own.
    private static final Map<String, String> BY_LETTERS = Map.of(
            "noop", NO_OP,
            "partialsuccess", PARTIAL_SUCCESS,
            "runtimeerror", "runtime error");

    /**
     * dbt-core's own spellings, as the constants: a status written that way (nearly all of them) is neither
     * copied nor matched with a pattern, which counts with a hundred thousand results.
     */
    private static final Map<String, String> AS_WRITTEN = Map.of(
            PASS, PASS,
            WARN, WARN,
            FAIL, FAIL,
            ERROR, ERROR,
            SKIPPED, SKIPPED,
            SUCCESS, SUCCESS,
            REUSED, REUSED,
            NO_OP, NO_OP,
            PARTIAL_SUCCESS, PARTIAL_SUCCESS);

    private DbtStatus() {}

    /**
     * dbt-core's spelling of {@code raw}: lower case, trimmed, {@code NoOp}/{@code no_op} as {@code no-op};
     * {@link #UNKNOWN} for a missing or blank status. Unknown words are kept (lower case) so they can be named.
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        String known = AS_WRITTEN.get(raw);
        if (known != null) {
            return known;
        }
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        return BY_LETTERS.getOrDefault(withoutSeparators(lower), lower);
    }

    /**
     * {@code text} without white space, underscores and hyphens. A loop, not a regular expression: every
     * message dbt wrote passes here too (does it only restate the status?), and with a hundred thousand
     * results the expression showed in profiles, compiled on each call and by the JIT.
     */
    private static String withoutSeparators(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // The white space of the regular expression \s that this loop replaced, and the two separators.
            boolean separator = c == ' '
                    || c == '\t'
                    || c == '\n'
                    || c == '\u000B'
                    || c == '\f'
                    || c == '\r'
                    || c == '_'
                    || c == '-';
            if (!separator) {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
