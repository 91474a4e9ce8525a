package dev.sodamaven.config;

/**
 * One source's value for a setting, and where it came from.
 *
 * @param value  the value, trimmed; may be a secret, so it is never put in a message as is
 * @param origin where it came from, e.g. "configuration.yml soda_cloud.host (line 4)" or "plugin parameter " + a setting mention
 */
record Candidate(String value, String origin) {

    private static final int SHOWN_LENGTH = 24;

    /**
     * The value quoted, for messages about a non-secret setting; a long value is not shown, in case a
     * secret was put in the wrong setting.
     */
    String shown() {
        return value.length() <= SHOWN_LENGTH ? "'" + value + "'" : "(a value of " + value.length() + " characters)";
    }

    /** The origin only: the value may be a secret. */
    @Override
    public String toString() {
        return "Candidate[from " + origin + "]";
    }
}
