package dev.sodamaven.soda;

import dev.sodamaven.dbt.DbtRelation;
import dev.sodamaven.dbt.DbtTest;
import dev.sodamaven.dbt.RelationType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Manifest nodes for mapping tests, built the way the manifest reader builds them. */
final class DbtNodes {

    private DbtNodes() {}

    static DbtRelation model(String name) {
        return new DbtRelation("model.shop." + name, RelationType.MODEL, name, name, null, null, "db", "core", null);
    }

    static DbtRelation model(String name, String alias) {
        return new DbtRelation("model.shop." + name, RelationType.MODEL, name, alias, null, null, "db", "core", null);
    }

    static DbtRelation versionedModel(String name, String version) {
        return new DbtRelation(
                "model.shop." + name + ".v" + version,
                RelationType.MODEL,
                name,
                name + "_v" + version,
                null,
                null,
                "db",
                "core",
                version);
    }

    static DbtRelation seed(String name, String alias) {
        return new DbtRelation("seed.shop." + name, RelationType.SEED, name, alias, null, null, "db", "seeds", null);
    }

    static DbtRelation snapshot(String name, String alias) {
        return new DbtRelation(
                "snapshot.shop." + name, RelationType.SNAPSHOT, name, alias, null, null, "db", "snapshots", null);
    }

    static DbtRelation source(String sourceName, String name, String identifier) {
        return new DbtRelation(
                "source.shop." + sourceName + "." + name,
                RelationType.SOURCE,
                name,
                null,
                identifier,
                sourceName,
                "db",
                "raw",
                null);
    }

    static Map<String, DbtRelation> relations(DbtRelation... relations) {
        Map<String, DbtRelation> byId = new LinkedHashMap<>();
        Arrays.stream(relations).forEach(relation -> byId.put(relation.uniqueId(), relation));
        return byId;
    }

    /** A generic test: {@code test_metadata} with a name, kwargs.model and kwargs.to as given. */
    static DbtTest generic(
            String name, String model, String to, String attachedNode, String fileKeyName, String... dependsOn) {
        return new DbtTest(
                "test.shop." + name + ".1a2b3c4d5e",
                name,
                "models/schema.yml",
                "id",
                "not_null",
                model,
                to,
                attachedNode,
                fileKeyName,
                List.of(dependsOn));
    }

    /** A singular test: no {@code test_metadata}. */
    static DbtTest singular(String name, String... dependsOn) {
        return new DbtTest(
                "test.shop." + name,
                name,
                "tests/" + name + ".sql",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(dependsOn));
    }
}
