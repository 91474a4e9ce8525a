package dev.sodamaven.dbt;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The part of a manifest ingestion needs: the tests that have a result, and every relation a test
 * can be attached to.
 *
 * @param metadata  the manifest's metadata
 * @param tests     test nodes asked for and found, by unique_id
 * @param relations models, seeds, snapshots and source tables, by unique_id
 * @param warnings  oddities found while reading
 * @param selectable what dbt's selector methods look at in those tests and relations, by unique_id;
 *                  empty unless the manifest was read for a selection
 *
 * <p>The maps are taken over, not copied: a large project has a hundred thousand tests, and copying their
 * map, then looking tests up in the copy, took about 6 % of a profile of the benchmark's 100,000-test
 * ingestion. Whoever builds an index hands over maps it no longer changes.
 */
public record ManifestIndex(
        ArtifactMetadata metadata,
        Map<String, DbtTest> tests,
        Map<String, DbtRelation> relations,
        List<String> warnings,
        Map<String, SelectableNode> selectable) {

    public ManifestIndex {
        tests = Collections.unmodifiableMap(tests);
        relations = Collections.unmodifiableMap(relations);
        warnings = List.copyOf(warnings);
        selectable = selectable == null ? Map.of() : Collections.unmodifiableMap(selectable);
    }

    /** An index read without what a selection needs. */
    public ManifestIndex(
            ArtifactMetadata metadata,
            Map<String, DbtTest> tests,
            Map<String, DbtRelation> relations,
            List<String> warnings) {
        this(metadata, tests, relations, warnings, Map.of());
    }
}
