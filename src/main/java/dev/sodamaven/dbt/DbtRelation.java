package dev.sodamaven.dbt;

/**
 * A relation a test can be attached to: a model, seed, snapshot or source table.
 *
 * @param uniqueId   e.g. {@code model.jaffle_shop.orders} or {@code source.jaffle_shop.raw.customers}
 * @param type       what kind of node it is
 * @param name       the node name (for sources: the table's YAML name)
 * @param alias      the physical name of a model, seed or snapshot (null for sources)
 * @param identifier the physical name of a source table (null for other nodes)
 * @param sourceName the source a source table belongs to (null for other nodes)
 * @param database   database / project / catalog, may be null
 * @param schema     schema / dataset, may be null
 * @param version    model version (dbt 1.5+), or null
 * @param loadedAt   what a source's freshness is measured on: its {@code loaded_at_field}, or
 *                   "query: ..." for a {@code loaded_at_query} (dbt 1.10+); null when neither is set
 * @param filePath   the file declaring a source (its YAML file); null for other nodes
 */
public record DbtRelation(
        String uniqueId,
        RelationType type,
        String name,
        String alias,
        String identifier,
        String sourceName,
        String database,
        String schema,
        String version,
        String loadedAt,
        String filePath) {

    /** A relation without a freshness column: a model, seed or snapshot, or a source without one. */
    public DbtRelation(
            String uniqueId,
            RelationType type,
            String name,
            String alias,
            String identifier,
            String sourceName,
            String database,
            String schema,
            String version) {
        this(uniqueId, type, name, alias, identifier, sourceName, database, schema, version, null, null);
    }

    /** The name of the table in the warehouse, the one Soda Cloud shows as the dataset. */
    public String physicalName() {
        String physical = type == RelationType.SOURCE ? identifier : alias;
        return physical == null || physical.isBlank() ? name : physical;
    }
}
