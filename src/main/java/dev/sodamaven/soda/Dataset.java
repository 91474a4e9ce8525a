package dev.sodamaven.soda;

/**
 * Where a check lives: the physical table, with the database and schema kept for reports (the Soda
 * Cloud upload has no field for them).
 *
 * @param table    the physical relation name, quotes and brackets stripped
 * @param database database / project / catalog, may be null
 * @param schema   schema / dataset, may be null
 * @param nodeType model, seed, snapshot or source
 * @param nodeId   the dbt unique_id of the relation
 */
public record Dataset(String table, String database, String schema, String nodeType, String nodeId) {

    /** database.schema.table, leaving out the parts that are unknown. */
    public String qualifiedName() {
        StringBuilder name = new StringBuilder();
        if (database != null && !database.isBlank()) {
            name.append(database).append('.');
        }
        if (schema != null && !schema.isBlank()) {
            name.append(schema).append('.');
        }
        return name.append(table).toString();
    }
}
