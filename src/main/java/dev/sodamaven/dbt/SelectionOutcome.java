package dev.sodamaven.dbt;

import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a {@link Selection} did to the tests of a run.
 *
 * @param tests   the tests it chose among: those with a result that the manifest defines
 * @param leftOut the tests not selected or excluded, by unique_id; their results are not sent
 * @param select  each select selector and how many tests it selected
 * @param exclude each exclude selector and how many of the selected tests it removed
 */
public record SelectionOutcome(int tests, Set<String> leftOut, List<Count> select, List<Count> exclude) {

    /**
     * One selector and its count of tests.
     *
     * @param selector the selector as written
     * @param tests    how many tests it selected (select) or removed (exclude)
     */
    public record Count(String selector, int tests) {}

    public SelectionOutcome {
        leftOut = Set.copyOf(leftOut);
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
    }

    /** The tests kept. */
    public int kept() {
        return tests - leftOut.size();
    }

    /**
     * One sentence for the log, the scan's logs and the reports, e.g. "8 of 11 tests kept, 3 left out;
     * select orders matched 5, customers matched 4; exclude test_type:singular removed 1."
     */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append(kept())
                .append(" of ")
                .append(tests)
                .append(tests == 1 ? " test" : " tests")
                .append(" kept, ")
                .append(leftOut.size())
                .append(" left out");
        if (!select.isEmpty()) {
            StringJoiner parts = new StringJoiner(", ", "; select ", "");
            select.forEach(count -> parts.add(count.selector() + " matched " + count.tests()));
            text.append(parts);
        }
        if (!exclude.isEmpty()) {
            StringJoiner parts = new StringJoiner(", ", "; exclude ", "");
            exclude.forEach(count -> parts.add(count.selector() + " removed " + count.tests()));
            text.append(parts);
        }
        return text.append('.').toString();
    }
}
