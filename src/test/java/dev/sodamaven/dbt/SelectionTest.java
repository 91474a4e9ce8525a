package dev.sodamaven.dbt;

import static dev.sodamaven.dbt.SelectableNode.Kind.GENERIC_TEST;
import static dev.sodamaven.dbt.SelectableNode.Kind.MODEL;
import static dev.sodamaven.dbt.SelectableNode.Kind.SEED;
import static dev.sodamaven.dbt.SelectableNode.Kind.SINGULAR_TEST;
import static dev.sodamaven.dbt.SelectableNode.Kind.SOURCE;
import static dev.sodamaven.dbt.SelectableNode.Kind.UNIT_TEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.testing.SharedArtifacts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** select / exclude in dbt's selector words, against hand-made nodes and the bundled example. */
@Timeout(30)
class SelectionTest {

    // A small project: a staging folder, a marts folder, a source, a seed, a package's model.
    private static final Map<String, SelectableNode> NODES = new HashMap<>();

    static {
        relation(
                "model.shop.stg_orders",
                MODEL,
                "stg_orders",
                "shop",
                List.of("shop", "staging", "stg_orders"),
                List.of("nightly"),
                "models/staging/stg_orders.sql",
                "models/staging/_staging.yml",
                null,
                false);
        relation(
                "model.shop.orders",
                MODEL,
                "orders",
                "shop",
                List.of("shop", "marts", "orders"),
                List.of(),
                "models/marts/orders.sql",
                "models/marts/_marts.yml",
                null,
                false);
        relation(
                "model.shop.dim_customers.v2",
                MODEL,
                "dim_customers",
                "shop",
                List.of("shop", "marts", "dim_customers", "v2"),
                List.of(),
                "models/marts/dim_customers_v2.sql",
                null,
                null,
                true);
        relation(
                "source.shop.raw.orders",
                SOURCE,
                "orders",
                "shop",
                List.of("shop", "raw", "orders"),
                List.of("pii"),
                "models/staging/_sources.yml",
                null,
                "raw",
                false);
        relation(
                "source.shop.raw.payments",
                SOURCE,
                "payments",
                "shop",
                List.of("shop", "raw", "payments"),
                List.of(),
                "models/staging/_sources.yml",
                null,
                "raw",
                false);
        relation(
                "seed.shop.countries",
                SEED,
                "countries",
                "shop",
                List.of("shop", "countries"),
                List.of(),
                "seeds/countries.csv",
                null,
                null,
                false);
        relation(
                "model.audit.audit_log",
                MODEL,
                "audit_log",
                "audit",
                List.of("audit", "audit_log"),
                List.of(),
                "models/audit_log.sql",
                null,
                null,
                false);
        test(
                "test.shop.not_null_stg_orders_id.1",
                GENERIC_TEST,
                "not_null_stg_orders_id",
                "not_null",
                List.of("shop", "staging", "not_null_stg_orders_id"),
                List.of(),
                "models/staging/_staging.yml",
                "model.shop.stg_orders");
        test(
                "test.shop.unique_orders_id.2",
                GENERIC_TEST,
                "unique_orders_id",
                "unique",
                List.of("shop", "marts", "unique_orders_id"),
                List.of("critical"),
                "models/marts/_marts.yml",
                "model.shop.orders");
        test(
                "test.shop.relationships_orders_customer.3",
                GENERIC_TEST,
                "relationships_orders_customer",
                "relationships",
                List.of("shop", "marts", "relationships_orders_customer"),
                List.of(),
                "models/marts/_marts.yml",
                "model.shop.dim_customers.v2",
                "model.shop.orders");
        test(
                "test.shop.source_not_null_raw_orders_id.4",
                GENERIC_TEST,
                "source_not_null_raw_orders_id",
                "not_null",
                List.of("shop", "staging", "source_not_null_raw_orders_id"),
                List.of(),
                "models/staging/_sources.yml",
                "source.shop.raw.orders");
        test(
                "test.shop.source_unique_raw_payments_id.5",
                GENERIC_TEST,
                "source_unique_raw_payments_id",
                "unique",
                List.of("shop", "staging", "source_unique_raw_payments_id"),
                List.of(),
                "models/staging/_sources.yml",
                "source.shop.raw.payments");
        test(
                "test.shop.assert_positive_total",
                SINGULAR_TEST,
                "assert_positive_total",
                null,
                List.of("shop", "assert_positive_total"),
                List.of(),
                "tests/assert_positive_total.sql",
                "model.shop.orders");
        test(
                "test.shop.accepted_values_countries_code.6",
                GENERIC_TEST,
                "accepted_values_countries_code",
                "accepted_values",
                List.of("shop", "accepted_values_countries_code"),
                List.of(),
                "seeds/_seeds.yml",
                "seed.shop.countries");
        test(
                "test.audit.not_null_audit_log_id.7",
                GENERIC_TEST,
                "not_null_audit_log_id",
                "not_null",
                List.of("audit", "not_null_audit_log_id"),
                List.of(),
                "models/audit.yml",
                "model.audit.audit_log");
        test(
                "unit_test.shop.orders.test_totals",
                UNIT_TEST,
                "test_totals",
                null,
                List.of("shop", "marts", "orders", "test_totals"),
                List.of(),
                "models/marts/_marts.yml",
                "model.shop.orders");
    }

    private static void relation(
            String id,
            SelectableNode.Kind kind,
            String name,
            String pkg,
            List<String> fqn,
            List<String> tags,
            String path,
            String patchPath,
            String sourceName,
            boolean versioned) {
        NODES.put(
                id,
                new SelectableNode(
                        id, kind, name, pkg, fqn, tags, path, patchPath, sourceName, null, versioned, List.of()));
    }

    private static void test(
            String id,
            SelectableNode.Kind kind,
            String name,
            String testName,
            List<String> fqn,
            List<String> tags,
            String path,
            String... dependsOn) {
        NODES.put(
                id,
                new SelectableNode(
                        id,
                        kind,
                        name,
                        id.split("\\.")[1],
                        fqn,
                        tags,
                        path,
                        null,
                        null,
                        testName,
                        false,
                        List.of(dependsOn)));
    }

    private static List<String> allTests() {
        return NODES.values().stream()
                .filter(node -> node.kind().isTest())
                .map(SelectableNode::uniqueId)
                .sorted()
                .toList();
    }

    /** The names of the tests kept. */
    private static Set<String> kept(List<String> select, List<String> exclude) throws IngestException {
        SelectionOutcome outcome = Selection.of(select, exclude).apply(allTests(), NODES);
        return allTests().stream()
                .filter(id -> !outcome.leftOut().contains(id))
                .map(id -> NODES.get(id).name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> selected(String... select) throws IngestException {
        return kept(List.of(select), List.of());
    }

    /** A selector that selects no test: on its own, the selection leaves nothing. */
    private static void selectsNothing(String select) {
        assertThatThrownBy(() -> selected(select)).hasMessageContaining("select " + select + " matched 0.");
    }

    @Test
    void aModelNameSelectsEveryTestOnItAndTestsSoNamed() throws Exception {
        // As dbt's eager indirect selection: a test on two models is selected by either.
        assertThat(selected("orders"))
                .containsExactly(
                        "assert_positive_total", "relationships_orders_customer", "test_totals", "unique_orders_id");
        assertThat(selected("unique_orders_id")).containsExactly("unique_orders_id");
        assertThat(selected("countries")).containsExactly("accepted_values_countries_code");
    }

    @Test
    void aBareNameDoesNotSelectSourceTablesAsInDbt() throws Exception {
        // "orders" is a model and a source table; dbt's bare names (fqn) skip sources: source: selects them.
        assertThat(selected("orders")).doesNotContain("source_not_null_raw_orders_id");
    }

    @Test
    void aVersionedModelIsSelectedByItsNameOrNameAndVersion() throws Exception {
        assertThat(selected("dim_customers")).containsExactly("relationships_orders_customer");
        assertThat(selected("dim_customers.v2")).containsExactly("relationships_orders_customer");
        selectsNothing("dim_customers.v3");
    }

    @Test
    void fqnPartsSelectFoldersAndPackages() throws Exception {
        assertThat(selected("staging"))
                .containsExactly(
                        "not_null_stg_orders_id", "source_not_null_raw_orders_id", "source_unique_raw_payments_id");
        assertThat(selected("audit")).containsExactly("not_null_audit_log_id");
        assertThat(selected("shop.marts.*"))
                .containsExactly(
                        "assert_positive_total", "relationships_orders_customer", "test_totals", "unique_orders_id");
        assertThat(selected("fqn:marts.orders")).contains("unique_orders_id");
    }

    @Test
    void aBareGlobAlsoMatchesTestNames() throws Exception {
        assertThat(selected("unique_*")).containsExactly("unique_orders_id");
        assertThat(selected("*not_null*"))
                .containsExactly("not_null_audit_log_id", "not_null_stg_orders_id", "source_not_null_raw_orders_id");
        assertThat(selected("stg_*")).containsExactly("not_null_stg_orders_id");
    }

    @Test
    void tagSelectsTaggedTestsAndTestsOnTaggedNodes() throws Exception {
        assertThat(selected("tag:critical")).containsExactly("unique_orders_id");
        assertThat(selected("tag:nightly")).containsExactly("not_null_stg_orders_id");
        assertThat(selected("tag:pii")).containsExactly("source_not_null_raw_orders_id");
        assertThat(selected("tag:night*")).containsExactly("not_null_stg_orders_id");
        selectsNothing("tag:weekly");
    }

    @Test
    void packageSelectsByPackageNameWithGlobs() throws Exception {
        assertThat(selected("package:audit")).containsExactly("not_null_audit_log_id");
        assertThat(selected("package:aud*")).containsExactly("not_null_audit_log_id");
        assertThat(selected("package:shop")).hasSize(8).doesNotContain("not_null_audit_log_id");
    }

    @Test
    void pathSelectsTestsInAFolderAndTestsOnNodesInIt() throws Exception {
        assertThat(selected("path:models/staging"))
                .containsExactly(
                        "not_null_stg_orders_id", "source_not_null_raw_orders_id", "source_unique_raw_payments_id");
        // Trailing slash, "./", Windows separators, and a bare word with a slash are all paths.
        assertThat(selected("path:./models/staging/")).isEqualTo(selected("path:models/staging"));
        assertThat(selected("models\\staging")).isEqualTo(selected("path:models/staging"));
        assertThat(selected("models/staging")).isEqualTo(selected("path:models/staging"));
        assertThat(selected("path:tests")).containsExactly("assert_positive_total");
        // A file: the tests it declares, and the tests on the nodes it defines or describes.
        assertThat(selected("path:models/marts/_marts.yml"))
                .containsExactly(
                        "assert_positive_total", "relationships_orders_customer", "test_totals", "unique_orders_id");
        assertThat(selected("path:seeds/*.csv")).containsExactly("accepted_values_countries_code");
        assertThat(selected("path:models/*/stg_*.sql")).containsExactly("not_null_stg_orders_id");
        assertThat(selected("path:models/**/dim_*.sql")).containsExactly("relationships_orders_customer");
        selectsNothing("path:models/stag");
    }

    @Test
    void fileSelectsByFileName() throws Exception {
        assertThat(selected("file:assert_positive_total.sql")).containsExactly("assert_positive_total");
        assertThat(selected("assert_positive_total.sql")).containsExactly("assert_positive_total");
        assertThat(selected("countries.csv")).containsExactly("accepted_values_countries_code");
    }

    @Test
    void sourceSelectsTestsOnASourceOrOneOfItsTables() throws Exception {
        assertThat(selected("source:raw"))
                .containsExactly("source_not_null_raw_orders_id", "source_unique_raw_payments_id");
        assertThat(selected("source:raw.orders")).containsExactly("source_not_null_raw_orders_id");
        assertThat(selected("source:shop.raw.pay*")).containsExactly("source_unique_raw_payments_id");
        selectsNothing("source:other");
    }

    @Test
    void testTypeSelectsGenericSingularDataOrUnitTests() throws Exception {
        assertThat(selected("test_type:singular")).containsExactly("assert_positive_total");
        assertThat(selected("test_type:unit")).containsExactly("test_totals");
        assertThat(selected("test_type:generic")).hasSize(7).doesNotContain("assert_positive_total", "test_totals");
        assertThat(selected("test_type:data")).hasSize(8).doesNotContain("test_totals");
    }

    @Test
    void testNameSelectsGenericTestsByTheirTest() throws Exception {
        assertThat(selected("test_name:unique")).containsExactly("source_unique_raw_payments_id", "unique_orders_id");
        assertThat(selected("test_name:accepted_*")).containsExactly("accepted_values_countries_code");
    }

    @Test
    void selectIsAUnionAndExcludeRemovesAnyMatch() throws Exception {
        assertThat(selected("tag:critical", "source:raw.orders"))
                .containsExactly("source_not_null_raw_orders_id", "unique_orders_id");
        // Several selectors in one word, separated by spaces, are a union as in dbt's --select.
        assertThat(selected("tag:critical source:raw.orders")).isEqualTo(selected("tag:critical", "source:raw.orders"));
        assertThat(kept(List.of("orders"), List.of("test_type:singular", "test_type:unit")))
                .containsExactly("relationships_orders_customer", "unique_orders_id");
        // Exclude alone keeps everything else; excluding a model excludes the tests on it, as in dbt.
        assertThat(kept(List.of(), List.of("dim_customers")))
                .hasSize(8)
                .doesNotContain("relationships_orders_customer");
    }

    @Test
    void theOutcomeCountsWhatEachSelectorDid() throws Exception {
        SelectionOutcome outcome = Selection.of(List.of("orders", "tag:critical"), List.of("test_type:singular"))
                .apply(allTests(), NODES);

        assertThat(outcome.tests()).isEqualTo(9);
        assertThat(outcome.kept()).isEqualTo(3);
        assertThat(outcome.describe())
                .isEqualTo("3 of 9 tests kept, 6 left out; select orders matched 4, tag:critical matched 1; "
                        + "exclude test_type:singular removed 1.");
    }

    @Test
    void aTestTheManifestLacksIsNeitherKeptNorLeftOut() throws Exception {
        List<String> ids = new java.util.ArrayList<>(allTests());
        ids.add("test.shop.gone.9");

        SelectionOutcome outcome = Selection.of(List.of("orders"), List.of()).apply(ids, NODES);

        assertThat(outcome.tests()).isEqualTo(9);
        assertThat(outcome.leftOut()).doesNotContain("test.shop.gone.9");
    }

    @Test
    void aSelectionThatLeavesNothingIsAClearError() {
        assertThatThrownBy(() ->
                        Selection.of(List.of("tag:weekly"), List.of("orders")).apply(allTests(), NODES))
                .isInstanceOfSatisfying(IngestException.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
                    assertThat(problem.getMessage())
                            .isEqualTo("The selection leaves no test to ingest: 0 of 9 tests kept, 9 left out; "
                                    + "select tag:weekly matched 0; exclude orders removed 0.");
                    assertThat(problem.hint()).contains(Setting.SELECT.ref(), Setting.EXCLUDE.ref());
                });
        assertThatThrownBy(() -> Selection.of(List.of(), List.of("package:*")).apply(allTests(), NODES))
                .hasMessageContaining("exclude package:* removed 9");
    }

    @Test
    void unknownMethodsAreAConfigurationErrorNamingTheSetting() {
        for (String word :
                List.of("state:modified", "config.materialized:table", "result:fail", "resource_type:test")) {
            assertThatThrownBy(() -> Selection.of(List.of(word), List.of()))
                    .isInstanceOfSatisfying(IngestException.class, problem -> {
                        assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
                        assertThat(problem.getMessage()).startsWith(Setting.SELECT.ref() + " has '" + word + "'");
                        assertThat(problem.hint()).contains("tag:, package:, path:, file:, source:, test_type:");
                    });
        }
        assertThatThrownBy(() -> Selection.of(List.of(), List.of("state:new")))
                .hasMessageStartingWith(Setting.EXCLUDE.ref() + " has 'state:new', whose method 'state'");
    }

    @Test
    void graphOperatorsAndBadValuesAreRefused() {
        for (String word : List.of("+orders", "orders+", "2+orders", "orders+1", "@orders", "tag:nightly+")) {
            assertThatThrownBy(() -> Selection.of(List.of(word), List.of())).hasMessageContaining("graph operator");
        }
        assertThatThrownBy(() -> Selection.of(List.of("test_type:schemaless"), List.of()))
                .hasMessageContaining("generic, singular, data");
        assertThatThrownBy(() -> Selection.of(List.of("tag:"), List.of()))
                .hasMessageContaining("nothing after the colon");
        assertThatThrownBy(() -> Selection.of(List.of("source:a.b.c.d"), List.of()))
                .hasMessageContaining("source_name.table_name");
    }

    // The bundled example, read as the ingestion reads it for a selection.

    private static ManifestIndex example() throws IngestException {
        Path manifest = SharedArtifacts.exampleArtifacts().resolve("manifest.json");
        Set<String> tests = Set.of(
                "test.jaffle_shop.source_unique_raw_customers_id.ace574d309",
                "test.jaffle_shop.source_not_null_raw_orders_id.736669a02d",
                "test.jaffle_shop.unique_customers_customer_id.969793d424",
                "test.jaffle_shop.not_null_customers_customer_id.8a5481f581",
                "test.jaffle_shop.unique_orders_order_id.cd7a7b598a",
                "test.jaffle_shop.accepted_values_orders_status__placed__shipped__completed__returned.8b08a2e3c7",
                "test.jaffle_shop.relationships_orders_customer_id__customer_id__ref_customers_.e4ad3d0847",
                "test.jaffle_shop.not_null_stg_orders_order_date.1765be28ee",
                "test.jaffle_shop.assert_order_amount_is_positive");
        return new ManifestReader().read(manifest, tests, "dbtManifest", true);
    }

    private static Set<String> exampleKept(List<String> select, List<String> exclude) throws IngestException {
        ManifestIndex manifest = example();
        List<String> ids = manifest.tests().keySet().stream().sorted().toList();
        SelectionOutcome outcome = Selection.of(select, exclude).apply(ids, manifest.selectable());
        return ids.stream()
                .filter(id -> !outcome.leftOut().contains(id))
                .map(id -> manifest.tests().get(id).name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyMethodOnTheBundledExample() throws Exception {
        assertThat(exampleKept(List.of("orders"), List.of()))
                .containsExactly(
                        "accepted_values_orders_status__placed__shipped__completed__returned",
                        "assert_order_amount_is_positive",
                        "relationships_orders_customer_id__customer_id__ref_customers_",
                        "unique_orders_order_id");
        assertThat(exampleKept(List.of("source:raw"), List.of()))
                .containsExactly("source_not_null_raw_orders_id", "source_unique_raw_customers_id");
        assertThat(exampleKept(List.of("source:raw.customers"), List.of()))
                .containsExactly("source_unique_raw_customers_id");
        assertThat(exampleKept(List.of("path:models/sources.yml"), List.of()))
                .containsExactly("source_not_null_raw_orders_id", "source_unique_raw_customers_id");
        assertThat(exampleKept(List.of("path:tests"), List.of())).containsExactly("assert_order_amount_is_positive");
        assertThat(exampleKept(List.of("test_type:singular"), List.of()))
                .containsExactly("assert_order_amount_is_positive");
        assertThat(exampleKept(List.of("package:jaffle_shop"), List.of())).hasSize(9);
        assertThat(exampleKept(List.of("unique_*"), List.of()))
                .containsExactly("unique_customers_customer_id", "unique_orders_order_id");
        assertThat(exampleKept(List.of("test_name:not_null"), List.of()))
                .containsExactly(
                        "not_null_customers_customer_id",
                        "not_null_stg_orders_order_date",
                        "source_not_null_raw_orders_id");
        // The singular test lives in tests/ but tests the model orders, which lives in models/.
        assertThat(exampleKept(List.of("path:models"), List.of("source:raw", "customers")))
                .containsExactly(
                        "accepted_values_orders_status__placed__shipped__completed__returned",
                        "assert_order_amount_is_positive",
                        "not_null_stg_orders_order_date",
                        "unique_orders_order_id");
        assertThatThrownBy(() -> exampleKept(List.of("tag:nightly"), List.of()))
                .hasMessage("The selection leaves no test to ingest: 0 of 9 tests kept, 9 left out; "
                        + "select tag:nightly matched 0.");
    }

    @Test
    void aRealDbt110RunSelectsAsDbtWould() throws Exception {
        // 122 tests; counts worked out independently from the files (a test's tags and its parents' tags).
        Path folder = SharedArtifacts.corpusCase("real-1.10.7-duckdb-build-fail-error-skipped");
        List<String> ids = new RunResultsReader()
                .read(folder.resolve("run_results.json"), "dbtRunResults").tests().stream()
                        .map(TestResult::uniqueId)
                        .toList();
        ManifestIndex manifest =
                new ManifestReader().read(folder.resolve("manifest.json"), Set.copyOf(ids), "dbtManifest", true);

        assertThat(keptCount(ids, manifest, "tag:encounter")).isEqualTo(8);
        assertThat(keptCount(ids, manifest, "tag:summary")).isEqualTo(8);
        assertThat(keptCount(ids, manifest, "test_type:singular")).isEqualTo(2);
        assertThat(keptCount(ids, manifest, "source:*")).isEqualTo(31);
        assertThat(keptCount(ids, manifest, "package:sprint")).isEqualTo(122);
    }

    private static int keptCount(List<String> ids, ManifestIndex manifest, String select) throws IngestException {
        return Selection.of(List.of(select), List.of())
                .apply(ids, manifest.selectable())
                .kept();
    }
}
