package dev.sodamaven.dbt;

import java.util.List;

/**
 * What dbt's selector methods look at in one node of the manifest: a test with a result, or a
 * model, seed, snapshot or source table a test may depend on. Read only when a selection is asked for.
 *
 * @param uniqueId         the node's unique_id
 * @param kind             what the node is
 * @param name             the node name (for a source table: the table's YAML name)
 * @param packageName      {@code package_name}: the dbt project or package that defines it
 * @param fqn              {@code fqn}: package, folders, name (a versioned model ends with its version)
 * @param tags             {@code tags}
 * @param originalFilePath {@code original_file_path}: for a generic test the YAML file that declares it
 * @param patchPath        {@code patch_path} without its {@code project://} prefix: the YAML that describes a
 *                         model, seed or snapshot; null when none
 * @param sourceName       the source a source table belongs to; null for other nodes
 * @param testName         {@code test_metadata.name} of a generic test ({@code unique}, {@code not_null}...)
 * @param versioned        whether it is a versioned model
 * @param dependsOn        for a test: {@code depends_on.nodes}, the nodes it tests
 */
public record SelectableNode(
        String uniqueId,
        Kind kind,
        String name,
        String packageName,
        List<String> fqn,
        List<String> tags,
        String originalFilePath,
        String patchPath,
        String sourceName,
        String testName,
        boolean versioned,
        List<String> dependsOn) {

    /** The kinds of node a selection looks at. */
    public enum Kind {
        GENERIC_TEST,
        SINGULAR_TEST,
        UNIT_TEST,
        MODEL,
        SEED,
        SNAPSHOT,
        SOURCE;

        boolean isTest() {
            return this == GENERIC_TEST || this == SINGULAR_TEST || this == UNIT_TEST;
        }
    }

    public SelectableNode {
        fqn = fqn == null ? List.of() : List.copyOf(fqn);
        tags = tags == null ? List.of() : List.copyOf(tags);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
