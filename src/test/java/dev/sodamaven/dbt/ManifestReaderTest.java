package dev.sodamaven.dbt;

import static dev.sodamaven.dbt.ArtifactFiles.SETTING;
import static dev.sodamaven.dbt.ArtifactFiles.manifestMetadata;
import static dev.sodamaven.dbt.ArtifactFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sodamaven.core.IngestException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** manifest.json of every schema version, and the odd shapes real and broken files have. */
class ManifestReaderTest {

    private static final String NOT_NULL = "test.shop.not_null_orders_order_id.cf6c17daed";
    private static final String RELATIONSHIPS =
            "test.shop.relationships_orders_customer_id__id__ref_customers_.c6ec7f58f2";
    private static final String SINGULAR = "test.shop.assert_total_positive";

    @TempDir
    Path dir;

    private ManifestIndex read(String json, Set<String> wanted) throws IngestException {
        return new ManifestReader().read(write(dir, "manifest.json", json), wanted, SETTING);
    }

    /**
     * The node shapes of dbt 0.19 to 1.2 ({@code raw_sql}/{@code compiled_sql}, v1 to v6) and 1.3+
     * ({@code raw_code}/{@code compiled_code}, v7 to v12) read to the same tests and relations.
     */
    @ParameterizedTest(name = "manifest v{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void everySchemaVersionReadsToTheSameTestsAndRelations(int version) throws Exception {
        String sql = version <= 6 ? "raw_sql" : "raw_code";
        String compiled = version <= 6 ? "compiled_sql" : "compiled_code";
        // file_key_name appeared in v4 (dbt 1.0), attached_node in v9 (dbt 1.5).
        String fileKey = version >= 4 ? ", 'file_key_name': 'models.orders'" : "";
        String attached = version >= 9 ? ", 'attached_node': 'model.shop.orders'" : "";
        String json = """
                {'metadata': %s,
                 'nodes': {
                   'model.shop.orders': {'resource_type': 'model', 'unique_id': 'model.shop.orders', 'name': 'orders',
                     'alias': 'orders_table', 'database': 'analytics', 'schema': 'core', '%s': 'select 1',
                     '%s': 'select 1', 'depends_on': {'macros': [], 'nodes': ['seed.shop.customers']},
                     'config': {'materialized': 'table'}, 'columns': {'order_id': {'name': 'order_id'}}},
                   'seed.shop.customers': {'resource_type': 'seed', 'unique_id': 'seed.shop.customers',
                     'name': 'customers', 'alias': 'customers', 'database': 'analytics', 'schema': 'raw'},
                   '%s': {'resource_type': 'test', 'unique_id': '%s', 'name': 'not_null_orders_order_id',
                     'original_file_path': 'models/schema.yml', 'column_name': 'order_id', '%s': 'select 1',
                     'test_metadata': {'name': 'not_null', 'namespace': null,
                       'kwargs': {'column_name': 'order_id', 'model': '{{ get_where_subquery(ref(`orders`)) }}'}},
                     'depends_on': {'macros': ['macro.dbt.test_not_null'], 'nodes': ['model.shop.orders']},
                     'config': {'severity': 'ERROR', 'tags': []}%s%s},
                   'test.shop.not_run.1234567890': {'resource_type': 'test', 'unique_id': 'test.shop.not_run.1234567890',
                     'name': 'not_run', 'test_metadata': {'name': 'unique', 'kwargs': {}},
                     'depends_on': {'nodes': ['model.shop.orders']}}},
                 'sources': {}, 'macros': {'macro.dbt.x': {'macro_sql': '{%% macro x() %%}{%% endmacro %%}'}},
                 'docs': {}, 'exposures': {}, 'parent_map': {'model.shop.orders': ['seed.shop.customers']},
                 'child_map': {}, 'disabled': {}}
                """.formatted(
                        manifestMetadata(version, "x"), sql, compiled, NOT_NULL, NOT_NULL, sql, fileKey, attached);

        ManifestIndex manifest = read(json, Set.of(NOT_NULL));

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(version);
        assertThat(manifest.tests()).containsOnlyKeys(NOT_NULL);
        assertThat(manifest.tests().get(NOT_NULL))
                .isEqualTo(new DbtTest(
                        NOT_NULL,
                        "not_null_orders_order_id",
                        "models/schema.yml",
                        "order_id",
                        "not_null",
                        "{{ get_where_subquery(ref('orders')) }}",
                        null,
                        version >= 9 ? "model.shop.orders" : null,
                        version >= 4 ? "models.orders" : null,
                        List.of("model.shop.orders")));
        assertThat(manifest.relations()).containsOnlyKeys("model.shop.orders", "seed.shop.customers");
        assertThat(manifest.relations().get("model.shop.orders"))
                .isEqualTo(new DbtRelation(
                        "model.shop.orders",
                        RelationType.MODEL,
                        "orders",
                        "orders_table",
                        null,
                        null,
                        "analytics",
                        "core",
                        null));
        assertThat(manifest.warnings()).isEmpty();
    }

    @Test
    void sourcesKeepIdentifierAndSourceNameSnapshotsAndSeedsKeepTheirAlias() throws Exception {
        ManifestIndex manifest = read("""
                {'metadata': %s, 'nodes': {
                   'snapshot.shop.orders_snapshot': {'resource_type': 'snapshot', 'name': 'orders_snapshot',
                     'alias': 'orders_history', 'database': 'db', 'schema': 'snapshots',
                     'unique_id': 'snapshot.shop.orders_snapshot'},
                   'seed.shop.countries': {'resource_type': 'seed', 'name': 'countries', 'alias': 'country_codes',
                     'database': null, 'schema': 'seeds', 'unique_id': 'seed.shop.countries'},
                   'analysis.shop.a': {'resource_type': 'analysis', 'name': 'a', 'unique_id': 'analysis.shop.a'},
                   'operation.shop.on-run-end-0': {'resource_type': 'operation', 'name': 'on-run-end-0'}},
                 'sources': {
                   'source.shop.raw.customers': {'resource_type': 'source', 'unique_id': 'source.shop.raw.customers',
                     'name': 'customers', 'source_name': 'raw', 'identifier': 'raw_customers', 'database': 'db',
                     'schema': 'raw_data'}}}
                """.formatted(manifestMetadata(12, "1.10.7")), Set.of());

        assertThat(manifest.relations())
                .containsOnlyKeys("snapshot.shop.orders_snapshot", "seed.shop.countries", "source.shop.raw.customers");
        assertThat(manifest.relations().get("source.shop.raw.customers"))
                .isEqualTo(new DbtRelation(
                        "source.shop.raw.customers",
                        RelationType.SOURCE,
                        "customers",
                        null,
                        "raw_customers",
                        "raw",
                        "db",
                        "raw_data",
                        null));
        assertThat(manifest.relations().get("source.shop.raw.customers").physicalName())
                .isEqualTo("raw_customers");
        assertThat(manifest.relations().get("snapshot.shop.orders_snapshot").physicalName())
                .isEqualTo("orders_history");
        assertThat(manifest.relations().get("seed.shop.countries").physicalName())
                .isEqualTo("country_codes");
        assertThat(manifest.relations().get("seed.shop.countries").database()).isNull();
    }

    @Test
    void versionedModelsKeepTheirVersionWhetherNumberOrString() throws Exception {
        ManifestIndex manifest = read("""
                {'metadata': %s, 'nodes': {
                   'model.shop.orders.v1': {'resource_type': 'model', 'name': 'orders', 'alias': 'orders_v1',
                     'version': 1, 'latest_version': 2, 'unique_id': 'model.shop.orders.v1'},
                   'model.shop.orders.v2': {'resource_type': 'model', 'name': 'orders', 'alias': 'orders',
                     'version': '2', 'latest_version': 2, 'unique_id': 'model.shop.orders.v2'},
                   'model.shop.dim.v1_5': {'resource_type': 'model', 'name': 'dim', 'alias': 'dim_v1_5',
                     'version': 1.5, 'unique_id': 'model.shop.dim.v1_5'},
                   'model.shop.plain': {'resource_type': 'model', 'name': 'plain', 'alias': 'plain',
                     'version': null, 'unique_id': 'model.shop.plain'}}, 'sources': {}}
                """.formatted(manifestMetadata(12, "1.10.17")), Set.of());

        assertThat(manifest.relations().get("model.shop.orders.v1").version()).isEqualTo("1");
        assertThat(manifest.relations().get("model.shop.orders.v2").version()).isEqualTo("2");
        assertThat(manifest.relations().get("model.shop.dim.v1_5").version()).isEqualTo("1.5");
        assertThat(manifest.relations().get("model.shop.plain").version()).isNull();
        assertThat(manifest.relations().get("model.shop.orders.v1").physicalName())
                .isEqualTo("orders_v1");
    }

    @Test
    void singularTestsHaveNoOrNullTestMetadata() throws Exception {
        ManifestIndex manifest = read(
                """
                {'metadata': %s, 'nodes': {
                   '%s': {'resource_type': 'test', 'name': 'assert_total_positive',
                     'original_file_path': 'tests/assert_total_positive.sql', 'column_name': null,
                     'depends_on': {'nodes': ['model.shop.orders']}, 'unique_id': '%s'},
                   'test.shop.nulled': {'resource_type': 'test', 'name': 'nulled', 'test_metadata': null,
                     'depends_on': {'nodes': []}, 'unique_id': 'test.shop.nulled'},
                   'test.shop.no_name.1a2b3c4d5e': {'resource_type': 'test', 'unique_id': 'test.shop.no_name.1a2b3c4d5e',
                     'test_metadata': {'kwargs': {'model': '{{ ref(`orders`) }}'}}}}}
                """.formatted(manifestMetadata(12, "1.10.7"), SINGULAR, SINGULAR),
                Set.of(SINGULAR, "test.shop.nulled", "test.shop.no_name.1a2b3c4d5e"));

        assertThat(manifest.tests().get(SINGULAR).isSingular()).isTrue();
        assertThat(manifest.tests().get(SINGULAR).originalFilePath()).isEqualTo("tests/assert_total_positive.sql");
        assertThat(manifest.tests().get(SINGULAR).dependsOn()).containsExactly("model.shop.orders");
        assertThat(manifest.tests().get("test.shop.nulled").isSingular()).isTrue();
        DbtTest nameless = manifest.tests().get("test.shop.no_name.1a2b3c4d5e");
        assertThat(nameless.isSingular()).isFalse();
        assertThat(nameless.genericName()).isEqualTo("generic");
        assertThat(nameless.name()).isEqualTo("test.shop.no_name.1a2b3c4d5e");
        assertThat(nameless.modelArgument()).isEqualTo("{{ ref('orders') }}");
    }

    @Test
    void relationshipsKeepTheirTargetAndDependsOnOrder() throws Exception {
        ManifestIndex manifest =
                read("""
                {'metadata': %s, 'nodes': {
                   '%s': {'resource_type': 'test', 'unique_id': '%s', 'name': 'relationships_orders',
                     'column_name': 'customer_id',
                     'test_metadata': {'name': 'relationships', 'namespace': null, 'kwargs': {'column_name': 'customer_id',
                       'to': 'ref(`customers`)', 'field': 'id', 'model': '{{ get_where_subquery(ref(`orders`)) }}'}},
                     'depends_on': {'nodes': ['model.shop.customers', 'model.shop.orders']}}}}
                """.formatted(manifestMetadata(5, "1.1.0"), RELATIONSHIPS, RELATIONSHIPS), Set.of(RELATIONSHIPS));

        DbtTest test = manifest.tests().get(RELATIONSHIPS);
        assertThat(test.toArgument()).isEqualTo("ref('customers')");
        assertThat(test.dependsOn()).containsExactly("model.shop.customers", "model.shop.orders");
    }

    @Test
    void windowsPathsAreKeptAsDbtWroteThem() throws Exception {
        ManifestIndex manifest = new ManifestReader()
                .read(ArtifactFiles.writeExactly(dir, "manifest.json", """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"}, "nodes": {
                   "test.shop.a.1a2b3c4d5e": {"resource_type": "test", "unique_id": "test.shop.a.1a2b3c4d5e",
                     "name": "a", "original_file_path": "models\\\\staging\\\\schema.yml",
                     "path": "a.sql", "test_metadata": {"name": "unique"}}}}
                """), Set.of("test.shop.a.1a2b3c4d5e"), SETTING);

        assertThat(manifest.tests().get("test.shop.a.1a2b3c4d5e").originalFilePath())
                .isEqualTo("models\\staging\\schema.yml");
    }

    @Test
    void unitTestsAreKeptOnlyWhenWantedAndAttachedToTheModelTheyTest() throws Exception {
        ManifestIndex manifest =
                read("""
                {'metadata': %s, 'nodes': {}, 'sources': {}, 'unit_tests': {
                   'unit_test.shop.orders.t1': {'resource_type': 'unit_test', 'name': 't1', 'model': 'orders',
                     'unique_id': 'unit_test.shop.orders.t1', 'original_file_path': 'models/_unit.yml',
                     'depends_on': {'nodes': ['model.shop.stg_orders', 'model.shop.orders.v2']},
                     'given': [], 'expect': {'rows': []}},
                   'unit_test.shop.orders.t2': {'resource_type': 'unit_test', 'name': 't2', 'model': 'orders',
                     'unique_id': 'unit_test.shop.orders.t2', 'depends_on': {'nodes': ['model.shop.orders']}}}}
                """.formatted(manifestMetadata(12, "1.10.17")), Set.of("unit_test.shop.orders.t1"));

        assertThat(manifest.tests()).containsOnlyKeys("unit_test.shop.orders.t1");
        DbtTest unit = manifest.tests().get("unit_test.shop.orders.t1");
        assertThat(unit.isUnitTest()).isTrue();
        assertThat(unit.name()).isEqualTo("t1");
        assertThat(unit.originalFilePath()).isEqualTo("models/_unit.yml");
        // The tested model by its name, even when dbt lists another node first.
        assertThat(unit.attachedNode()).isEqualTo("model.shop.orders.v2");
        assertThat(unit.dependsOn()).containsExactly("model.shop.stg_orders", "model.shop.orders.v2");
    }

    @Test
    void unitTestsAreNotReadWhenNoneIsWanted() throws Exception {
        ManifestIndex manifest = read("""
                {'metadata': %s, 'nodes': {}, 'sources': {}, 'unit_tests': {
                   'unit_test.shop.orders.t1': {'resource_type': 'unit_test', 'name': 't1', 'model': 'orders',
                     'depends_on': {'nodes': ['model.shop.orders']}}}}
                """.formatted(manifestMetadata(12, "1.10.17")), Set.of("test.shop.other"));

        assertThat(manifest.tests()).isEmpty();
    }

    @Test
    void aNewerSchemaIsReadOnABestEffortBasisWithAWarning() throws Exception {
        ManifestIndex manifest = read("""
                {'metadata': %s, 'nodes': {'model.shop.orders': {'resource_type': 'model', 'name': 'orders',
                   'alias': 'orders', 'unique_id': 'model.shop.orders', 'brand_new': {'deep': [[{}]]}}},
                 'functions': {'function.shop.f': {'resource_type': 'function'}}}
                """.formatted(manifestMetadata(13, "1.13.0")), Set.of());

        assertThat(manifest.relations()).containsOnlyKeys("model.shop.orders");
        assertThat(manifest.warnings())
                .containsExactly(
                        dir.resolve("manifest.json")
                                + " uses manifest schema v13, newer than the newest known (v12); it was read on a best-effort basis.");
    }

    @Test
    void aNodeDefinedTwiceKeepsTheLastDefinitionWithAWarning() throws Exception {
        ManifestIndex manifest = read("""
                {'metadata': %s, 'nodes': {
                   'model.shop.orders': {'resource_type': 'model', 'name': 'orders', 'alias': 'old'},
                   'model.shop.orders': {'resource_type': 'model', 'name': 'orders', 'alias': 'new'}},
                 'sources': {
                   'source.shop.raw.orders': {'resource_type': 'source', 'name': 'orders', 'unique_id': 'model.shop.orders',
                     'identifier': 'raw_orders', 'source_name': 'raw'}}}
                """.formatted(manifestMetadata(12, "1.10.7")), Set.of());

        assertThat(manifest.relations().get("model.shop.orders").physicalName()).isEqualTo("raw_orders");
        Path file = dir.resolve("manifest.json");
        assertThat(manifest.warnings())
                .containsExactly(
                        file + " defines model.shop.orders more than once; the last definition was used.",
                        file + " defines model.shop.orders more than once; the last definition was used.");
    }

    @Test
    void nullsWhereObjectsAreExpectedAreToleratedAndExplained() throws Exception {
        ManifestIndex manifest = read("""
                {'metadata': %s, 'nodes': null, 'sources': null, 'unit_tests': null}
                """.formatted(manifestMetadata(12, "1.10.7")), Set.of(NOT_NULL));

        assertThat(manifest.tests()).isEmpty();
        assertThat(manifest.relations()).isEmpty();
        assertThat(manifest.warnings())
                .containsExactly(dir.resolve("manifest.json")
                        + " has \"nodes\": null; it defines no test, model, seed or snapshot.");
    }

    @Test
    void nullUniqueIdsFallBackToTheMapKeyAndNullFieldsStayNull() throws Exception {
        ManifestIndex manifest = read("""
                {'metadata': %s, 'nodes': {
                   'model.shop.orders': {'resource_type': 'model', 'unique_id': null, 'name': null, 'alias': null,
                     'database': null, 'schema': null},
                   '%s': {'resource_type': 'test', 'unique_id': null, 'name': 'n', 'depends_on': null,
                     'test_metadata': {'name': 'not_null', 'kwargs': null}, 'config': null, 'column_name': null},
                   'model.shop.broken': null,
                   'model.shop.strange': 'text',
                   'model.shop.typeless': {'resource_type': null, 'name': 'typeless'}}}
                """.formatted(manifestMetadata(12, "1.10.7"), NOT_NULL), Set.of(NOT_NULL));

        assertThat(manifest.relations()).containsOnlyKeys("model.shop.orders");
        assertThat(manifest.relations().get("model.shop.orders").physicalName()).isNull();
        DbtTest test = manifest.tests().get(NOT_NULL);
        assertThat(test.uniqueId()).isEqualTo(NOT_NULL);
        assertThat(test.dependsOn()).isEmpty();
        assertThat(test.modelArgument()).isNull();
    }

    @Test
    void aRunResultsGivenAsManifestIsRecognisedByItsMetadata() {
        Path file = write(
                dir,
                "manifest.json",
                "{'metadata': %s, 'results': [], 'args': {}}".formatted(ArtifactFiles.runResultsMetadata(6, "1.10.7")));

        assertThatThrownBy(() -> new ManifestReader().read(file, Set.of(), SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt manifest " + file + " is a dbt run_results.json "
                        + "(https://schemas.getdbt.com/dbt/run-results/v6.json), not a manifest.json.")
                .extracting(e -> ((IngestException) e).hint())
                .isEqualTo("Check " + SETTING + ": the two files may have been swapped.");
    }

    @Test
    void aRunResultsWithoutMetadataGivenAsManifestIsRecognisedByItsKeys() {
        Path file = write(dir, "manifest.json", "{'results': [{'unique_id': 'test.a.b', 'status': 'pass'}]}");

        assertThatThrownBy(() -> new ManifestReader().read(file, Set.of(), SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt manifest " + file + " is not a dbt manifest.json: it has no \"nodes\". "
                        + "It looks like a run_results.json.");
    }

    @Test
    void aCatalogGivenAsManifestIsRecognisedByItsMetadata() {
        Path file = write(dir, "manifest.json", """
                {'metadata': {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/catalog/v1.json'},
                 'nodes': {}, 'sources': {}}
                """);

        assertThatThrownBy(() -> new ManifestReader().read(file, Set.of(), SETTING))
                .isInstanceOf(IngestException.class)
                .hasMessage("dbt manifest " + file + " is a dbt catalog.json "
                        + "(https://schemas.getdbt.com/dbt/catalog/v1.json), not a manifest.json.");
    }

    @Test
    void forASelectionItKeepsWhatSelectorsLookAtOfTheWantedTestsAndEveryRelation() throws Exception {
        String json = """
                {'metadata': %s,
                 'nodes': {
                   'model.shop.orders': {'resource_type': 'model', 'unique_id': 'model.shop.orders', 'name': 'orders',
                     'package_name': 'shop', 'fqn': ['shop', 'marts', 'orders'], 'tags': ['nightly'],
                     'original_file_path': 'models/marts/orders.sql', 'patch_path': 'shop://models/marts/_marts.yml'},
                   'model.shop.dim_customers.v2': {'resource_type': 'model', 'unique_id': 'model.shop.dim_customers.v2',
                     'name': 'dim_customers', 'version': 2, 'fqn': ['shop', 'dim_customers', 'v2']},
                   '%s': {'resource_type': 'test', 'unique_id': '%s', 'name': 'not_null_orders_order_id',
                     'package_name': 'shop', 'fqn': ['shop', 'marts', 'not_null_orders_order_id'],
                     'tags': ['critical'], 'original_file_path': 'models/marts/_marts.yml',
                     'test_metadata': {'name': 'not_null', 'kwargs': {}},
                     'depends_on': {'nodes': ['model.shop.orders']}},
                   '%s': {'resource_type': 'test', 'unique_id': '%s', 'name': 'assert_total_positive',
                     'original_file_path': 'tests/assert_total_positive.sql',
                     'depends_on': {'nodes': ['model.shop.orders']}},
                   'test.shop.not_run.1': {'resource_type': 'test', 'unique_id': 'test.shop.not_run.1', 'name': 'x'}},
                 'sources': {
                   'source.shop.raw.orders': {'resource_type': 'source', 'unique_id': 'source.shop.raw.orders',
                     'name': 'orders', 'source_name': 'raw', 'package_name': 'shop', 'tags': ['pii'],
                     'original_file_path': 'models/_sources.yml'}},
                 'unit_tests': {
                   'unit_test.shop.orders.test_totals': {'resource_type': 'unit_test', 'name': 'test_totals',
                     'unique_id': 'unit_test.shop.orders.test_totals', 'package_name': 'shop', 'model': 'orders',
                     'original_file_path': 'models/marts/_marts.yml', 'depends_on': {'nodes': ['model.shop.orders']}}}}
                """.formatted(manifestMetadata(12, "1.10.7"), NOT_NULL, NOT_NULL, SINGULAR, SINGULAR);
        Path file = write(dir, "manifest.json", json);
        Set<String> wanted = Set.of(NOT_NULL, SINGULAR, "unit_test.shop.orders.test_totals");

        ManifestIndex manifest = new ManifestReader().read(file, wanted, SETTING, true);

        assertThat(manifest.selectable())
                .containsOnlyKeys(
                        NOT_NULL,
                        SINGULAR,
                        "unit_test.shop.orders.test_totals",
                        "model.shop.orders",
                        "model.shop.dim_customers.v2",
                        "source.shop.raw.orders");
        assertThat(manifest.selectable().get(NOT_NULL))
                .isEqualTo(new SelectableNode(
                        NOT_NULL,
                        SelectableNode.Kind.GENERIC_TEST,
                        "not_null_orders_order_id",
                        "shop",
                        List.of("shop", "marts", "not_null_orders_order_id"),
                        List.of("critical"),
                        "models/marts/_marts.yml",
                        null,
                        null,
                        "not_null",
                        false,
                        List.of("model.shop.orders")));
        // Without package_name or fqn (old manifests): the package from the unique_id, the fqn from it and the name.
        SelectableNode singular = manifest.selectable().get(SINGULAR);
        assertThat(singular.kind()).isEqualTo(SelectableNode.Kind.SINGULAR_TEST);
        assertThat(singular.packageName()).isEqualTo("shop");
        assertThat(singular.fqn()).containsExactly("shop", "assert_total_positive");
        SelectableNode orders = manifest.selectable().get("model.shop.orders");
        assertThat(orders.patchPath()).isEqualTo("models/marts/_marts.yml");
        assertThat(orders.tags()).containsExactly("nightly");
        assertThat(orders.dependsOn()).isEmpty();
        assertThat(manifest.selectable().get("model.shop.dim_customers.v2").versioned())
                .isTrue();
        assertThat(manifest.selectable().get("source.shop.raw.orders").sourceName())
                .isEqualTo("raw");
        assertThat(manifest.selectable()
                        .get("unit_test.shop.orders.test_totals")
                        .kind())
                .isEqualTo(SelectableNode.Kind.UNIT_TEST);
        // A unit test whose result is wanted (sendUnitTests) is kept as a test too.
        assertThat(manifest.tests()).containsOnlyKeys(NOT_NULL, SINGULAR, "unit_test.shop.orders.test_totals");

        // Without a selection none of it is kept.
        assertThat(new ManifestReader().read(file, wanted, SETTING).selectable())
                .isEmpty();
    }

    /**
     * A number with as many digits as Jackson's limit is valid JSON the skim does not vouch for: the file
     * is read again from the start with Jackson's skip, and every node is still read, and counted, once.
     */
    @Test
    void aValidManifestTheSkimRefusesIsReadAgainAndCountedOnce() throws Exception {
        String json = """
                {'metadata': %s,
                 'nodes': {
                   'model.shop.orders': {'resource_type': 'model', 'unique_id': 'model.shop.orders', 'name': 'orders'},
                   '%s': {'resource_type': 'test', 'unique_id': '%s', 'name': 'not_null_orders_order_id',
                     'test_metadata': {'name': 'not_null'}, 'attached_node': 'model.shop.orders',
                     'config': {'meta': {'budget': %s}}}},
                 'sources': {}}
                """.formatted(manifestMetadata(12, "x"), NOT_NULL, NOT_NULL, "9".repeat(1_000));
        ReadProgress progress = new ReadProgress();

        ManifestIndex manifest = new ManifestReader(progress)
                .read(write(dir, "manifest.json", json), () -> Map.of(NOT_NULL, NOT_NULL), SETTING, false);

        assertThat(manifest.relations()).containsOnlyKeys("model.shop.orders");
        assertThat(manifest.tests()).containsOnlyKeys(NOT_NULL);
        assertThat(manifest.warnings()).isEmpty();
        // The model was counted before the skim refused the test's config: not counted again.
        assertThat(progress.relations()).isEqualTo(1);
    }

    /**
     * The wanted tests are asked for at the first test node, not before: the models ahead of it are read
     * while the caller is still reading the run results (Ingestion reads the two files at once).
     */
    @Test
    void theWantedTestsAreAskedForOnlyAtTheFirstTestNode() throws Exception {
        String json = """
                {'metadata': %s,
                 'nodes': {
                   'model.shop.orders': {'resource_type': 'model', 'unique_id': 'model.shop.orders', 'name': 'orders'},
                   'seed.shop.customers': {'resource_type': 'seed', 'unique_id': 'seed.shop.customers',
                     'name': 'customers'},
                   '%s': {'resource_type': 'test', 'unique_id': '%s', 'name': 'not_null_orders_order_id',
                     'test_metadata': {'name': 'not_null'}, 'attached_node': 'model.shop.orders'},
                   'model.shop.payments': {'resource_type': 'model', 'unique_id': 'model.shop.payments',
                     'name': 'payments'}},
                 'sources': {}}
                """.formatted(manifestMetadata(12, "x"), NOT_NULL, NOT_NULL);
        ReadProgress progress = new ReadProgress();
        List<Long> relationsWhenAsked = new java.util.ArrayList<>();
        String runResultsCopy = new String(NOT_NULL);

        ManifestIndex manifest = new ManifestReader(progress)
                .read(
                        write(dir, "manifest.json", json),
                        () -> {
                            relationsWhenAsked.add(progress.relations());
                            return java.util.Map.of(runResultsCopy, runResultsCopy);
                        },
                        SETTING,
                        false);

        assertThat(relationsWhenAsked)
                .as("asked once, after the two relations before the test")
                .containsExactly(2L);
        assertThat(manifest.relations()).hasSize(3);
        assertThat(manifest.tests().keySet()).containsExactly(NOT_NULL);
        // Keyed by the caller's copy of the id: one copy of each id is held.
        assertThat(manifest.tests().keySet().iterator().next()).isSameAs(runResultsCopy);
        assertThat(manifest.tests().get(NOT_NULL).uniqueId()).isSameAs(runResultsCopy);
    }

    /**
     * The manifest's own parser reads UTF-8 only; a byte order mark is UTF-8 too, and a file in UTF-16
     * (zero bytes, or its byte order mark) goes to the stream parser, which detects the encoding.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "UTF-8 with byte order mark", "UTF-16LE with byte order mark", "UTF-16BE"})
    void readsTheEncodingsJsonAllows(String encoding) throws Exception {
        String json = ("{'metadata': " + manifestMetadata(12, "1.8.0") + ", 'nodes': {'%s': {'resource_type': 'test',"
                        + " 'unique_id': '%s', 'name': 'caf\u00e9', 'depends_on': {'nodes': []}}}}")
                .formatted(SINGULAR, SINGULAR)
                .replace('\'', '"');
        byte[] bytes = switch (encoding) {
            case "UTF-8" -> json.getBytes(StandardCharsets.UTF_8);
            case "UTF-8 with byte order mark" -> ("\ufeff" + json).getBytes(StandardCharsets.UTF_8);
            case "UTF-16LE with byte order mark" -> ("\ufeff" + json).getBytes(StandardCharsets.UTF_16LE);
            default -> json.getBytes(StandardCharsets.UTF_16BE);
        };
        Path file = Files.write(dir.resolve("manifest.json"), bytes);

        ManifestIndex manifest = new ManifestReader().read(file, Set.of(SINGULAR), SETTING);

        assertThat(manifest.tests()).containsOnlyKeys(SINGULAR);
        assertThat(manifest.tests().get(SINGULAR).name()).isEqualTo("caf\u00e9");
    }
}
