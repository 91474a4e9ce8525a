package dev.sodamaven.dbt;

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
 */
public record ManifestIndex(
        ArtifactMetadata metadata,
        Map<String, DbtTest> tests,
        Map<String, DbtRelation> relations,
        List<String> warnings,
        Map<String, SelectableNode> selectable) {

    public ManifestIndex {
        tests = Map.copyOf(tests);
        relations = Map.copyOf(relations);
        warnings = List.copyOf(warnings);
        selectable = selectable == null ? Map.of() : Map.copyOf(selectable);
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
