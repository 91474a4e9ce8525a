package dev.sodamaven.soda;

/**
 * Checks counted by {@link CheckResult}: the one count the console summary, the JUnit report and the
 * HTML report all show, so a run gives the same numbers everywhere.
 */
public final class Tally {

    private static final CheckResult[] RESULTS = CheckResult.values();

    /** Indexed by ordinal: a large run adds each of its checks to three or four tallies. */
    private final long[] counts = new long[RESULTS.length];

    public static Tally of(Iterable<SodaCheck> checks) {
        Tally tally = new Tally();
        checks.forEach(tally::add);
        return tally;
    }

    public void add(SodaCheck check) {
        counts[CheckResult.of(check).ordinal()]++;
    }

    public long count(CheckResult result) {
        return counts[result.ordinal()];
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
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** The worst result counted; PASS when nothing was. */
    public CheckResult worst() {
        for (CheckResult result : RESULTS) {
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
