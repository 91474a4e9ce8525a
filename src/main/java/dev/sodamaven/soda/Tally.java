package dev.sodamaven.soda;

import java.util.EnumMap;
import java.util.Map;

/**
 * Checks counted by {@link CheckResult}: the one count the console summary, the JUnit report and the
 * HTML report all show, so a run gives the same numbers everywhere.
 */
public final class Tally {

    private final Map<CheckResult, Long> counts = new EnumMap<>(CheckResult.class);

    public static Tally of(Iterable<SodaCheck> checks) {
        Tally tally = new Tally();
        checks.forEach(tally::add);
        return tally;
    }

    public void add(SodaCheck check) {
        counts.merge(CheckResult.of(check), 1L, Long::sum);
    }

    public long count(CheckResult result) {
        return counts.getOrDefault(result, 0L);
    }

    public long pass() {
        return count(CheckResult.PASS);
    }

    public long warn() {
        return count(CheckResult.WARN);
    }

    public long fail() {
        return count(CheckResult.FAIL);
    }

    public long error() {
        return count(CheckResult.ERROR);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The worst result counted; PASS when nothing was. */
    public CheckResult worst() {
        for (CheckResult result : CheckResult.values()) {
            if (count(result) > 0) {
                return result;
            }
        }
        return CheckResult.PASS;
    }

    /** "3 pass, 1 warn, 0 fail, 1 error". */
    @Override
    public String toString() {
        return pass() + " pass, " + warn() + " warn, " + fail() + " fail, " + error() + " error";
    }
}
