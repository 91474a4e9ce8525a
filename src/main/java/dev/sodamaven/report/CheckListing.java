package dev.sodamaven.report;

import dev.sodamaven.soda.CheckResult;
import dev.sodamaven.soda.SodaCheck;
import java.util.List;

/**
 * Which checks {@value HtmlReportWriter#FILE_NAME} lists one by one. Every check that did not pass in
 * full (warn, fail, error) always is: that is what a reader opens the page for. Passing checks are
 * listed only in a project of at most {@value #DETAIL_LIMIT} checks; in a larger one they are counted
 * per dataset, and {@value JUnitReportWriter#FILE_NAME} lists every one.
 *
 * <p>Why {@value #DETAIL_LIMIT}: a listed check is a table row of about 300 bytes, so a complete page
 * stays under half a megabyte, which any browser opens at once; the bundled example and most dbt
 * projects are far below it, so for them nothing is left out. Above it, passing rows are scrolled past,
 * not read, and they made the page grow by some 400 bytes a test (40 MB at 100,000 tests). The limit
 * counts the checks in all, not per dataset, so that a page either lists every check or says once
 * what it left out, instead of listing the passing checks of some datasets and not of others.
 *
 * <p>Source freshness checks have a limit of their own: one per source, they are few, and a passing
 * one still tells how old its source is, so they stay listed unless there are more than
 * {@value #DETAIL_LIMIT} of them.
 */
final class CheckListing {

    /** The most checks, in all, for which passing checks are listed too. */
    static final int DETAIL_LIMIT = 1_000;

    private final boolean everyCheck;
    private final boolean passingFreshness;
    private final long passingNotListed;
    private final long passingFreshnessListed;

    private CheckListing(
            boolean everyCheck, boolean passingFreshness, long passingNotListed, long passingFreshnessListed) {
        this.everyCheck = everyCheck;
        this.passingFreshness = passingFreshness;
        this.passingNotListed = passingNotListed;
        this.passingFreshnessListed = passingFreshnessListed;
    }

    /** The listing for a run of {@code checks}. */
    static CheckListing of(List<SodaCheck> checks) {
        long freshness = 0;
        long passingTests = 0;
        long passingFreshness = 0;
        for (SodaCheck check : checks) {
            boolean passed = CheckResult.of(check) == CheckResult.PASS;
            if (check.isFreshness()) {
                freshness++;
                passingFreshness += passed ? 1 : 0;
            } else {
                passingTests += passed ? 1 : 0;
            }
        }
        boolean everyCheck = checks.size() <= DETAIL_LIMIT;
        boolean listFreshness = everyCheck || freshness <= DETAIL_LIMIT;
        long notListed = everyCheck ? 0 : passingTests + (listFreshness ? 0 : passingFreshness);
        return new CheckListing(everyCheck, listFreshness, notListed, listFreshness ? passingFreshness : 0);
    }

    /** Whether {@code check} gets a row of its own. */
    boolean listed(SodaCheck check) {
        return everyCheck || CheckResult.of(check) != CheckResult.PASS || (check.isFreshness() && passingFreshness);
    }

    /** Every check is listed: nothing was summarised. */
    boolean everyCheck() {
        return everyCheck;
    }

    /** How many passing source freshness checks are listed although passing tests are not; 0 when every check is. */
    long passingFreshnessListed() {
        return everyCheck ? 0 : passingFreshnessListed;
    }

    /** How many passing checks are only counted; 0 when every check is listed. */
    long passingNotListed() {
        return passingNotListed;
    }
}
