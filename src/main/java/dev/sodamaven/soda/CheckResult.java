package dev.sodamaven.soda;

import java.util.Locale;

/**
 * How a check ended, as every report counts it: a dbt {@code error} is an error only, not also a
 * failure, although Soda Cloud receives it as {@code fail}. Listed worst first.
 */
public enum CheckResult {
    ERROR,
    FAIL,
    WARN,
    PASS;

    public static CheckResult of(SodaCheck check) {
        if (check.errored()) {
            return ERROR;
        }
        return switch (check.outcome()) {
            case FAIL -> FAIL;
            case WARN -> WARN;
            case PASS -> PASS;
        };
    }

    /** error, fail, warn or pass. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
