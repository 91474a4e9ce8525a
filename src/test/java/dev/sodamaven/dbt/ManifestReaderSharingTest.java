package dev.sodamaven.dbt;

import static dev.sodamaven.dbt.ArtifactFiles.SETTING;
import static dev.sodamaven.dbt.ArtifactFiles.manifestMetadata;
import static dev.sodamaven.dbt.ArtifactFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large project repeats the same ids and texts in every test: the manifest reader holds each once (what
 * halves the heap per test result, docs/benchmarks.md), and the readers count what they keep for the
 * out-of-memory message.
 */
class ManifestReaderSharingTest {

    private static final String MANIFEST = """
            {'metadata': %s,
             'nodes': {
               'test.shop.not_null_orders_id.1': {'resource_type': 'test', 'unique_id': 'test.shop.not_null_orders_id.1',
                 'name': 'not_null_orders_id', 'original_file_path': 'models/schema.yml', 'column_name': 'id',
                 'attached_node': 'model.shop.orders', 'file_key_name': 'models.orders',
                 'test_metadata': {'name': 'not_null', 'kwargs': {'model': '{{ ref(`orders`) }}'}},
                 'depends_on': {'nodes': ['model.shop.orders']}},
               'test.shop.unique_orders_id.2': {'resource_type': 'test', 'unique_id': 'test.shop.unique_orders_id.2',
                 'name': 'unique_orders_id', 'original_file_path': 'models/schema.yml', 'column_name': 'id',
                 'attached_node': 'model.shop.orders', 'file_key_name': 'models.orders',
                 'test_metadata': {'name': 'unique', 'kwargs': {'model': '{{ ref(`orders`) }}'}},
                 'depends_on': {'nodes': ['model.shop.orders']}},
               'model.shop.orders': {'resource_type': 'model', 'unique_id': 'model.shop.orders', 'name': 'orders',
                 'alias': 'orders', 'database': 'analytics', 'schema': 'core'},
               'model.shop.customers': {'resource_type': 'model', 'unique_id': 'model.shop.customers',
                 'name': 'customers', 'alias': 'customers', 'database': 'analytics', 'schema': 'core'}},
             'sources': {}}
            """;

    private static final String NOT_NULL = "test.shop.not_null_orders_id.1";
    private static final String UNIQUE = "test.shop.unique_orders_id.2";

    @TempDir
    Path dir;

    @Test
    void eachIdAndRepeatedTextIsHeldOnce() throws Exception {
        // The caller's copies of the ids, as the run results hold them: not the constants' instances.
        String notNull = new String(NOT_NULL);
        String unique = new String(UNIQUE);
        Path file = write(dir, "manifest.json", MANIFEST.formatted(manifestMetadata(12, "x")));

        ManifestIndex manifest =
                new ManifestReader().read(file, Map.of(notNull, notNull, unique, unique), SETTING, false);

        DbtTest first = manifest.tests().get(NOT_NULL);
        DbtTest second = manifest.tests().get(UNIQUE);
        DbtRelation orders = manifest.relations().get("model.shop.orders");
        DbtRelation customers = manifest.relations().get("model.shop.customers");
        assertThat(first.uniqueId()).isSameAs(notNull);
        assertThat(second.uniqueId()).isSameAs(unique);
        assertThat(first.attachedNode()).isSameAs(second.attachedNode()).isSameAs(orders.uniqueId());
        assertThat(first.dependsOn().get(0)).isSameAs(orders.uniqueId());
        assertThat(first.originalFilePath()).isSameAs(second.originalFilePath());
        assertThat(first.columnName()).isSameAs(second.columnName());
        assertThat(first.fileKeyName()).isSameAs(second.fileKeyName());
        assertThat(first.modelArgument()).isSameAs(second.modelArgument());
        assertThat(orders.schema()).isSameAs(customers.schema());
        assertThat(orders.database()).isSameAs(customers.database());
        assertThat(orders.alias()).isSameAs(orders.name());
    }

    @Test
    void theReadersCountWhatTheyKeep() throws Exception {
        ReadProgress progress = new ReadProgress();
        Path file = write(dir, "manifest.json", MANIFEST.formatted(manifestMetadata(12, "x")));

        new ManifestReader(progress).read(file, java.util.Set.of(NOT_NULL), SETTING);

        assertThat(progress.relations()).isEqualTo(2);
        assertThat(progress.testResults()).isZero();
    }

    @Test
    void theRunResultsReaderCountsEachTestResultOnce() throws Exception {
        ReadProgress progress = new ReadProgress();
        Path file = write(dir, "run_results.json", """
                {'metadata': %s, 'results': [
                  {'unique_id': '%s', 'status': 'pass'},
                  {'unique_id': '%s', 'status': 'fail', 'failures': 2},
                  {'unique_id': '%s', 'status': 'pass'},
                  {'unique_id': 'model.shop.orders', 'status': 'success'}]}
                """.formatted(
                        ArtifactFiles.runResultsMetadata(6, "1.10.7"), NOT_NULL, UNIQUE, NOT_NULL));

        new RunResultsReader(progress).read(file, SETTING);

        assertThat(progress.testResults()).isEqualTo(2);
    }
}
