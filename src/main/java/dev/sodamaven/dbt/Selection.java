package dev.sodamaven.dbt;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's {@code select} and {@code exclude}, read, and applied to the tests of a run with dbt's
 * semantics: the tests any select selector selects (all tests when there is none), minus those any
 * exclude selector selects.
 */
public final class Selection {

    private final List<TestSelector> select;
    private final List<TestSelector> exclude;

    private Selection(List<TestSelector> select, List<TestSelector> exclude) {
        this.select = List.copyOf(select);
        this.exclude = List.copyOf(exclude);
    }

    /**
     * Reads the selector words; a word may hold several separated by spaces, dbt's union. An unknown
     * method, a graph operator or a value dbt would refuse is a configuration error naming the setting.
     */
    public static Selection of(List<String> select, List<String> exclude) throws IngestException {
        return new Selection(parse(select, Setting.SELECT), parse(exclude, Setting.EXCLUDE));
    }

    private static List<TestSelector> parse(List<String> words, Setting setting) throws IngestException {
        List<TestSelector> selectors = new ArrayList<>();
        for (String word : words) {
            for (String part : word.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    selectors.add(TestSelector.parse(part, setting));
                }
            }
        }
        return selectors;
    }

    /** Whether every test is kept: neither select nor exclude holds a selector. */
    public boolean isEverything() {
        return select.isEmpty() && exclude.isEmpty();
    }

    /**
     * Selects among {@code testIds} (the tests of the run, by unique_id); {@code nodes} holds the
     * manifest's selectable nodes. A test the manifest lacks cannot be matched and is neither kept nor
     * left out: the mapping reports it as missing. A selection that leaves none of the tests the manifest
     * has is an error: an empty scan would look like a run without tests.
     */
    public SelectionOutcome apply(Collection<String> testIds, Map<String, SelectableNode> nodes)
            throws IngestException {
        Set<String> known = new LinkedHashSet<>();
        for (String id : testIds) {
            if (nodes.containsKey(id)) {
                known.add(id);
            }
        }
        int[] selectCounts = new int[select.size()];
        int[] excludeCounts = new int[exclude.size()];
        Set<String> leftOut = new LinkedHashSet<>();
        for (String id : known) {
            SelectableNode test = nodes.get(id);
            boolean selected = select.isEmpty();
            for (int i = 0; i < select.size(); i++) {
                if (select.get(i).selects(test, nodes)) {
                    selectCounts[i]++;
                    selected = true;
                }
            }
            boolean excluded = false;
            if (selected) {
                for (int i = 0; i < exclude.size(); i++) {
                    if (exclude.get(i).selects(test, nodes)) {
                        excludeCounts[i]++;
                        excluded = true;
                    }
                }
            }
            if (!selected || excluded) {
                leftOut.add(id);
            }
        }
        SelectionOutcome outcome = new SelectionOutcome(
                known.size(), leftOut, counts(select, selectCounts), counts(exclude, excludeCounts));
        if (!known.isEmpty() && outcome.kept() == 0) {
            throw IngestException.configuration(
                    "The selection leaves no test to ingest: " + outcome.describe(),
                    "Check " + Setting.SELECT.ref() + " and " + Setting.EXCLUDE.ref()
                            + " against this run's tests. A bare name selects the tests on that model, seed or "
                            + "snapshot and tests so named; tag:, package:, path:, file:, source:, test_type: and "
                            + "test_name: work as in dbt.");
        }
        return outcome;
    }

    private static List<SelectionOutcome.Count> counts(List<TestSelector> selectors, int[] counts) {
        List<SelectionOutcome.Count> list = new ArrayList<>();
        for (int i = 0; i < selectors.size(); i++) {
            list.add(new SelectionOutcome.Count(selectors.get(i).text(), counts[i]));
        }
        return list;
    }
}
