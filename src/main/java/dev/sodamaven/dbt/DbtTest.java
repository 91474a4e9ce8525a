package dev.sodamaven.dbt;

import java.util.List;

/**
 * A dbt data test node of the manifest, reduced to what mapping it to a Soda check needs.
 *
 * @param uniqueId         e.g. {@code test.jaffle_shop.not_null_orders_order_id.cf6c17daed}
 * @param name             the test's node name
 * @param originalFilePath the file that defines it (schema.yml of a generic test, .sql of a singular one)
 * @param columnName       the tested column, or null for table-level tests
 * @param genericName      {@code test_metadata.name} (e.g. {@code not_null}); null for singular tests
 * @param modelArgument    {@code test_metadata.kwargs.model}, e.g. {@code {{ get_where_subquery(ref('orders')) }}}
 * @param toArgument       {@code test_metadata.kwargs.to} of a {@code relationships} test
 * @param attachedNode     {@code attached_node} (dbt 1.5+): the node the test is defined on
 * @param fileKeyName      {@code file_key_name} (dbt 1.0+), e.g. {@code models.orders} or {@code sources.raw}
 * @param dependsOn        {@code depends_on.nodes} in the order dbt recorded them
 */
public record DbtTest(
        String uniqueId,
        String name,
        String originalFilePath,
        String columnName,
        String genericName,
        String modelArgument,
        String toArgument,
        String attachedNode,
        String fileKeyName,
        List<String> dependsOn) {

    /** How the unique_id of a unit test (dbt 1.8+) begins; a data test's begins with {@code test.}. */
    public static final String UNIT_TEST_PREFIX = "unit_test.";

    public DbtTest {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A unit test (dbt 1.8+): it checks a model's code on fixed inputs, not the data. */
    public boolean isUnitTest() {
        return uniqueId != null && uniqueId.startsWith(UNIT_TEST_PREFIX);
    }

    /** A singular test is a SQL file of its own: it has no {@code test_metadata}. */
    public boolean isSingular() {
        return genericName == null;
    }
}
