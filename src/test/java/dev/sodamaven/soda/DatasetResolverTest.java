package dev.sodamaven.soda;

import static dev.sodamaven.soda.DbtNodes.generic;
import static dev.sodamaven.soda.DbtNodes.model;
import static dev.sodamaven.soda.DbtNodes.relations;
import static dev.sodamaven.soda.DbtNodes.seed;
import static dev.sodamaven.soda.DbtNodes.singular;
import static dev.sodamaven.soda.DbtNodes.snapshot;
import static dev.sodamaven.soda.DbtNodes.source;
import static dev.sodamaven.soda.DbtNodes.versionedModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.dbt.DbtRelation;
import dev.sodamaven.dbt.DbtTest;
import dev.sodamaven.dbt.RelationType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which relation a test belongs to (contracts/mapping.md §4 and §11). */
class DatasetResolverTest {

    private final DbtRelation orders = model("orders");
    private final DbtRelation customers = model("customers");
    private final DbtRelation rawCustomers = source("raw", "customers", "raw_customers");
    private final DbtRelation rawOrders = source("raw", "orders", "raw_orders");
    private final Map<String, DbtRelation> all = relations(
            orders,
            customers,
            rawCustomers,
            rawOrders,
            seed("countries", "country_codes"),
            snapshot("orders_snapshot", "orders_history"),
            versionedModel("bookings", "1"),
            versionedModel("bookings", "2"),
            new DbtRelation(
                    "model.other.orders", RelationType.MODEL, "orders", "other_orders", null, null, "db", "x", null));

    private DbtRelation resolve(DbtTest test) {
        DatasetResolver.Resolution resolution = new DatasetResolver(all).resolve(test);
        assertThat(resolution.relation())
                .as("resolution of %s: %s", test.name(), resolution.reason())
                .isPresent();
        assertThat(resolution.reason()).isNull();
        return resolution.relation().get();
    }

    private String reasonNotFound(Map<String, DbtRelation> relations, DbtTest test) {
        DatasetResolver.Resolution resolution = new DatasetResolver(relations).resolve(test);
        assertThat(resolution.relation()).isEmpty();
        return resolution.reason();
    }

    @Test
    void attachedNodeComesFirst() {
        DbtTest test = generic(
                "t",
                "{{ get_where_subquery(ref('customers')) }}",
                null,
                "model.shop.orders",
                "models.customers",
                "model.shop.customers",
                "model.shop.orders");

        assertThat(resolve(test)).isEqualTo(orders);
    }

    @Test
    void anAttachedNodeMissingFromTheManifestFallsBackToWhatTheTestDependsOn() {
        DbtTest test = generic(
                "t", "{{ get_where_subquery(ref('orders')) }}", null, "model.shop.gone", null, "model.shop.orders");

        assertThat(resolve(test)).isEqualTo(orders);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "{{ get_where_subquery(ref('orders')) }}                 | model.shop.orders",
                "{{ ref(\"orders\") }}                                   | model.shop.orders",
                "{{ get_where_subquery(ref('shop', 'customers')) }}      | model.shop.customers",
                "{{ get_where_subquery(ref('bookings', v=2)) }}          | model.shop.bookings.v2",
                "{{ get_where_subquery(ref('bookings', version=1)) }}    | model.shop.bookings.v1",
                "{{ get_where_subquery(ref('bookings', v='2')) }}        | model.shop.bookings.v2",
                "{{ get_where_subquery(ref('shop', 'bookings', v=1)) }}  | model.shop.bookings.v1",
                "{{ get_where_subquery(source('raw', 'customers')) }}    | source.shop.raw.customers",
                "{{ get_where_subquery(source(\"raw\",\"orders\")) }}    | source.shop.raw.orders"
            })
    void withoutAttachedNodeKwargsModelNamesTheRelation(String model, String expected) {
        // Listed in an order where "the last node" would be wrong every time.
        DbtTest test = generic(
                "t",
                model,
                null,
                null,
                null,
                "model.shop.orders",
                "model.shop.customers",
                "model.shop.bookings.v1",
                "model.shop.bookings.v2",
                "source.shop.raw.customers",
                "source.shop.raw.orders",
                "seed.shop.countries");

        assertThat(resolve(test).uniqueId()).isEqualTo(expected);
    }

    @Test
    void fileKeyNameDecidesWhenKwargsModelDoesNot() {
        DbtTest test = generic("t", null, null, null, "models.orders", "model.shop.orders", "model.shop.customers");

        assertThat(resolve(test)).isEqualTo(orders);
    }

    @Test
    void aSourcesFileKeyNamesOneTableOnlyWhenOneOfItsTablesIsInvolved() {
        DbtTest oneTable = generic(
                "t",
                null,
                null,
                null,
                "sources.raw",
                "model.shop.customers",
                "source.shop.raw.orders",
                "model.shop.orders");
        DbtTest twoTables =
                generic("t", null, null, null, "sources.raw", "source.shop.raw.orders", "source.shop.raw.customers");

        assertThat(resolve(oneTable)).isEqualTo(rawOrders);
        assertThat(resolve(twoTables)).isEqualTo(rawCustomers);
    }

    /** dbt lists [to: target, tested model]; the test belongs to the tested model. */
    @Test
    void relationshipsWithoutAttachedNodeBelongToTheTestedModelNotTheTarget() {
        DbtTest targetFirst = generic(
                "relationships", null, "ref('customers')", null, null, "model.shop.customers", "model.shop.orders");
        DbtTest targetLast = generic(
                "relationships", null, "ref('customers')", null, null, "model.shop.orders", "model.shop.customers");
        DbtTest withModel = generic(
                "relationships",
                "{{ get_where_subquery(ref('orders')) }}",
                "ref('customers')",
                null,
                null,
                "model.shop.customers",
                "model.shop.orders");
        DbtTest sourceTarget = generic(
                "relationships",
                null,
                "source('raw', 'customers')",
                null,
                null,
                "source.shop.raw.customers",
                "model.shop.orders");

        assertThat(resolve(targetFirst)).isEqualTo(orders);
        assertThat(resolve(targetLast)).isEqualTo(orders);
        assertThat(resolve(withModel)).isEqualTo(orders);
        assertThat(resolve(sourceTarget)).isEqualTo(orders);
    }

    @Test
    void aGenericTestWithNothingElseToGoOnTakesTheLastRelationItDependsOn() {
        DbtTest test = generic(
                "t",
                null,
                null,
                null,
                null,
                "macro.dbt.test_unique",
                "model.shop.customers",
                "model.shop.orders",
                "macro.dbt.x");

        assertThat(resolve(test)).isEqualTo(orders);
    }

    @Test
    void singularTestsBelongToTheFirstRelationTheyDependOn() {
        DbtTest test = singular("assert_positive", "macro.shop.helper", "source.shop.raw.orders", "model.shop.orders");

        assertThat(resolve(test)).isEqualTo(rawOrders);
    }

    @Test
    void aSingularTestWithoutRefOrSourceIsUnattachedWithAReason() {
        assertThat(reasonNotFound(all, singular("assert_rows", "macro.shop.helper")))
                .isEqualTo("its SQL names no model, seed, snapshot or source through ref() or source()");
        assertThat(reasonNotFound(all, generic("t", null, null, null, null)))
                .isEqualTo("it depends on no model, seed, snapshot or source");
    }

    @Test
    void aTestOnANodeMissingFromTheManifestIsUnattachedNamingIt() {
        assertThat(reasonNotFound(all, singular("s", "model.shop.gone", "test.shop.other", "function.shop.f")))
                .isEqualTo("it depends on model.shop.gone, which the manifest does not define");
        assertThat(reasonNotFound(
                        all,
                        generic(
                                "t",
                                "{{ ref('gone') }}",
                                null,
                                "model.shop.gone",
                                null,
                                "model.shop.gone",
                                "seed.shop.gone_too")))
                .isEqualTo("it depends on model.shop.gone, seed.shop.gone_too, which the manifest does not define");
    }

    @Test
    void testsOnSnapshotsAndSeedsWork() {
        assertThat(resolve(generic("t", null, null, "snapshot.shop.orders_snapshot", null))
                        .uniqueId())
                .isEqualTo("snapshot.shop.orders_snapshot");
        assertThat(resolve(generic(
                                "t", "{{ ref('orders_snapshot') }}", null, null, null, "snapshot.shop.orders_snapshot"))
                        .uniqueId())
                .isEqualTo("snapshot.shop.orders_snapshot");
        assertThat(resolve(generic(
                                "t",
                                null,
                                null,
                                null,
                                "snapshots.orders_snapshot",
                                "model.shop.orders",
                                "snapshot.shop.orders_snapshot"))
                        .uniqueId())
                .isEqualTo("snapshot.shop.orders_snapshot");
        assertThat(resolve(generic("t", "{{ ref('countries') }}", null, null, "seeds.countries", "seed.shop.countries"))
                        .uniqueId())
                .isEqualTo("seed.shop.countries");
        assertThat(resolve(singular("s", "snapshot.shop.orders_snapshot")).uniqueId())
                .isEqualTo("snapshot.shop.orders_snapshot");
    }

    @Test
    void theTableIsTheAliasForModelsSeedsAndSnapshotsAndTheIdentifierForSources() {
        assertThat(DatasetResolver.tableName(model("orders", "fct_orders"))).contains("fct_orders");
        assertThat(DatasetResolver.tableName(versionedModel("bookings", "2"))).contains("bookings_v2");
        assertThat(DatasetResolver.tableName(seed("countries", "country_codes")))
                .contains("country_codes");
        assertThat(DatasetResolver.tableName(snapshot("orders_snapshot", "orders_history")))
                .contains("orders_history");
        assertThat(DatasetResolver.tableName(source("raw", "customers", "raw_customers")))
                .contains("raw_customers");
        // Without a physical name, dbt's default is the node name.
        assertThat(DatasetResolver.tableName(source("raw", "customers", null))).contains("customers");
        assertThat(DatasetResolver.tableName(model("orders", " "))).contains("orders");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "\"orders\"        | orders",
                "'orders'          | orders",
                "[orders]          | orders",
                "\"[orders]\"      | orders",
                "`orders`          | `orders`",
                "\"my\"\"table\"   | my\"\"table",
                "[[orders]]        | orders",
                "[\"orders\"]      | \"orders\"",
                "order's           | order's"
            })
    void stripQuotesIsSodas(String name, String stripped) {
        assertThat(DatasetResolver.stripQuotes(name)).isEqualTo(stripped);
    }

    @Test
    void aRelationWhoseNameIsEmptyOnceStrippedIsUnattachedNotSentWithAnEmptyTable() {
        Map<String, DbtRelation> odd = relations(
                model("quoted", "\"\""),
                model("bracketed", "\"[]\""),
                new DbtRelation("model.shop.nameless", RelationType.MODEL, null, null, null, null, null, null, null));

        assertThat(reasonNotFound(odd, generic("t", null, null, "model.shop.quoted", null)))
                .isEqualTo("the model it tests, model.shop.quoted, has an empty table name once quotes and brackets "
                        + "are stripped (\"\")");
        assertThat(reasonNotFound(odd, singular("s", "model.shop.bracketed")))
                .isEqualTo("the model it tests, model.shop.bracketed, has an empty table name once quotes and "
                        + "brackets are stripped (\"[]\")");
        assertThat(reasonNotFound(odd, generic("t", null, null, "model.shop.nameless", null)))
                .isEqualTo("the model it tests, model.shop.nameless, has no name in the manifest");
        assertThat(DatasetResolver.tableName(odd.get("model.shop.quoted"))).isEmpty();
    }
}
