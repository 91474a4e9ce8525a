package dev.sodamaven.report;

import dev.sodamaven.soda.Outcome;
import dev.sodamaven.soda.SodaCheck;

/**
 * Checks counted the way the reports show them: a dbt {@code error} is counted as an error only,
 * not also as a failure, although Soda Cloud receives it as {@code fail}.
 */
final class Tally {

    private long pass;
    private long warn;
    private long fail;
    private long error;

    void add(SodaCheck check) {
        if (check.errored()) {
            error++;
        } else if (check.outcome() == Outcome.FAIL) {
            fail++;
        } else if (check.outcome() == Outcome.WARN) {
            warn++;
        } else {
            pass++;
        }
    }

    static Tally of(Iterable<SodaCheck> checks) {
        Tally tally = new Tally();
        checks.forEach(tally::add);
        return tally;
    }

    long pass() {
        return pass;
    }

    long warn() {
        return warn;
    }

    long fail() {
        return fail;
    }

    long error() {
        return error;
    }

    long total() {
        return pass + warn + fail + error;
    }

    /** The CSS class of the worst result: error, fail, warn or pass. */
    String worst() {
        if (error > 0) {
            return "error";
        }
        if (fail > 0) {
            return "fail";
        }
        return warn > 0 ? "warn" : "pass";
    }

    /** Where a check goes in a list that shows problems first. */
    static int rank(SodaCheck check) {
        if (check.errored()) {
            return 0;
        }
        return switch (check.outcome()) {
            case FAIL -> 1;
            case WARN -> 2;
            case PASS -> 3;
        };
    }

    /** The CSS class and label of one check's result. */
    static String label(SodaCheck check) {
        return check.errored() ? "error" : check.outcome().wireValue();
    }
}
