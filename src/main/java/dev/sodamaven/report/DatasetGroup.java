package dev.sodamaven.report;

import dev.sodamaven.soda.CheckResult;
import dev.sodamaven.soda.Dataset;
import dev.sodamaven.soda.SodaCheck;
import dev.sodamaven.soda.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One dataset's checks: all of them counted, the {@link CheckListing listed} ones kept, problems first.
 * Only listed checks are held, so that a large run is not copied whole: the groups hold the checks
 * that did not pass, and the passing ones only of a small project. Datasets are grouped by qualified
 * name, as Soda Cloud shows them, so a model and a source with the same physical name share a group
 * (its node ids tell them apart).
 */
final class DatasetGroup {

    private static final Comparator<SodaCheck> PROBLEMS_FIRST = Comparator.comparing(CheckResult::of)
            .thenComparing(SodaCheck::name, Comparator.nullsLast(Comparator.naturalOrder()));

    private final String qualifiedName;
    private final List<SodaCheck> listed = new ArrayList<>();
    private final Set<String> nodeIds = new TreeSet<>();
    private final Set<String> nodeTypes = new TreeSet<>();
    private final Tally tally = new Tally();

    private DatasetGroup(String qualifiedName) {
        this.qualifiedName = qualifiedName;
    }

    /** The checks grouped by dataset, in order of qualified name. */
    static List<DatasetGroup> of(List<SodaCheck> checks, CheckListing listing) {
        Map<String, DatasetGroup> groups = new TreeMap<>();
        // The checks of one relation share one Dataset: each is named and looked up once, not once per check.
        Map<Dataset, DatasetGroup> byDataset = new IdentityHashMap<>();
        for (SodaCheck check : checks) {
            DatasetGroup group = byDataset.get(check.dataset());
            if (group == null) {
                group = groups.computeIfAbsent(check.dataset().qualifiedName(), DatasetGroup::new);
                group.addNode(check.dataset());
                byDataset.put(check.dataset(), group);
            }
            group.add(check, listing.listed(check));
        }
        List<DatasetGroup> ordered = new ArrayList<>(groups.values());
        ordered.forEach(group -> group.listed.sort(PROBLEMS_FIRST));
        return ordered;
    }

    private void add(SodaCheck check, boolean listed) {
        if (listed) {
            this.listed.add(check);
        }
        tally.add(check);
    }

    private void addNode(Dataset dataset) {
        if (dataset.nodeId() != null) {
            nodeIds.add(dataset.nodeId());
        }
        if (dataset.nodeType() != null) {
            nodeTypes.add(dataset.nodeType());
        }
    }

    String qualifiedName() {
        return qualifiedName;
    }

    /** The checks that get a row of their own, problems first. */
    List<SodaCheck> listed() {
        return listed;
    }

    Set<String> nodeIds() {
        return nodeIds;
    }

    Set<String> nodeTypes() {
        return nodeTypes;
    }

    Tally tally() {
        return tally;
    }
}
