package dev.sodamaven.soda;

import static dev.sodamaven.soda.DbtNodes.generic;
import static dev.sodamaven.soda.DbtNodes.model;
import static dev.sodamaven.soda.DbtNodes.relations;
import static dev.sodamaven.soda.DbtNodes.singular;
import static dev.sodamaven.soda.DbtNodes.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.dbt.ArtifactMetadata;
import dev.sodamaven.dbt.DbtTest;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.TestResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dbt test results to Soda checks: outcomes, what is not sent and why, each test once (mapping.md §5, §11). */
class CheckMapperTest {

    private static final DbtTest ON_ORDERS = generic(
            "not_null_orders_id", "{{ get_where_subquery(ref('orders')) }}", null, null, null, "model.shop.orders");
    private static final DbtTest ON_SOURCE =
            generic("unique_raw_customers_id", null, null, null, "sources.raw", "source.shop.raw.customers");
    private static final DbtTest LOOSE = singular("assert_rows_exist", "macro.shop.helper");

    private static ManifestIndex manifest(DbtTest... tests) {
        Map<String, DbtTest> byId =
                Arrays.stream(tests).collect(Collectors.toMap(DbtTest::uniqueId, Function.identity()));
        return new ManifestIndex(
                new ArtifactMetadata(null, null, null, null, null),
                byId,
                relations(model("orders", "fct_orders"), source("raw", "customers", "raw_customers")),
                List.of());
    }

    private static TestResult result(DbtTest test, String status, Long failures, String message) {
        return new TestResult(test.uniqueId(), status, failures, message, 0.5);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"pass, PASS", "warn, WARN", "fail, FAIL", "error, FAIL"})
    void statusesThatAreOutcomesAreSent(String status, Outcome outcome) {
        MappedChecks mapped = new CheckMapper().map(List.of(result(ON_ORDERS, status, 3L, "m")), manifest(ON_ORDERS));

        assertThat(mapped.checks()).singleElement().satisfies(check -> {
            assertThat(check.outcome()).isEqualTo(outcome);
            assertThat(check.dbtStatus()).isEqualTo(status);
            assertThat(check.errored()).isEqualTo(status.equals("error"));
        });
        assertThat(mapped.skipped()).isEmpty();
        assertThat(mapped.otherStatus()).isEmpty();
    }

    @Test
    void aCheckCarriesTheTestTheTableAndDbtsNumbers() {
        MappedChecks mapped = new CheckMapper()
                .map(
                        List.of(
                                result(ON_ORDERS, "fail", 7L, "Got 7 results, configured to fail if != 0"),
                                result(ON_SOURCE, "error", null, "Database Error in test unique_raw_customers_id")),
                        manifest(ON_ORDERS, ON_SOURCE));

        assertThat(mapped.checks())
                .containsExactly(
                        new SodaCheck(
                                ON_ORDERS.uniqueId(),
                                "not_null_orders_id",
                                "models/schema.yml",
                                new Dataset("fct_orders", "db", "core", "model", "model.shop.orders"),
                                "id",
                                Outcome.FAIL,
                                "fail",
                                7L,
                                "Got 7 results, configured to fail if != 0",
                                0.5),
                        new SodaCheck(
                                ON_SOURCE.uniqueId(),
                                "unique_raw_customers_id",
                                "models/schema.yml",
                                new Dataset("raw_customers", "db", "raw", "source", "source.shop.raw.customers"),
                                "id",
                                Outcome.FAIL,
                                "error",
                                null,
                                "Database Error in test unique_raw_customers_id",
                                0.5));
        assertThat(mapped.checks().get(0).diagnosticValue()).isEqualTo(7);
        assertThat(mapped.checks().get(1).diagnosticValue()).isZero();
        assertThat(mapped.tally().fail() + mapped.tally().error()).isEqualTo(2);
        assertThat(mapped.tally().error()).isEqualTo(1);
    }

    @Test
    void skippedIsCountedNotSentAndOtherStatusesAreListed() {
        DbtTest a = generic("a", "{{ ref('orders') }}", null, null, null, "model.shop.orders");
        DbtTest b = generic("b", "{{ ref('orders') }}", null, null, null, "model.shop.orders");
        DbtTest c = generic("c", "{{ ref('orders') }}", null, null, null, "model.shop.orders");
        MappedChecks mapped = new CheckMapper()
                .map(
                        List.of(
                                result(ON_ORDERS, "skipped", null, null),
                                result(a, "success", null, null),
                                result(b, "unknown", null, null),
                                result(c, null, null, null)),
                        manifest(ON_ORDERS, a, b, c));

        assertThat(mapped.checks()).isEmpty();
        assertThat(mapped.skipped()).containsExactly(ON_ORDERS.uniqueId());
        assertThat(mapped.otherStatus())
                .containsExactly(a.uniqueId() + " (success)", b.uniqueId() + " (unknown)", c.uniqueId() + " (null)");
    }

    @Test
    void resultsOfTestsTheManifestLacksAndTestsWithoutDatasetAreNotSentButListed() {
        TestResult orphan = new TestResult("test.shop.renamed.0a1b2c3d4e", "pass", 0L, null, 0.1);
        MappedChecks mapped = new CheckMapper()
                .map(
                        List.of(orphan, result(LOOSE, "fail", 1L, null), result(ON_ORDERS, "pass", 0L, null)),
                        manifest(ON_ORDERS, LOOSE));

        assertThat(mapped.checks()).extracting(SodaCheck::identity).containsExactly(ON_ORDERS.uniqueId());
        assertThat(mapped.missingInManifest()).containsExactly("test.shop.renamed.0a1b2c3d4e");
        assertThat(mapped.unattached())
                .containsExactly(new MappedChecks.UnattachedTest(
                        LOOSE.uniqueId(),
                        "assert_rows_exist",
                        "its SQL names no model, seed, snapshot or source through ref() or source()",
                        "Reference the tested table with ref() or source() in the test's SQL."));
    }

    @Test
    void eachTestIsSentExactlyOnceWithItsLastResult() {
        DbtTest relationships = generic(
                "relationships_orders_customer_id",
                null,
                "ref('customers')",
                null,
                null,
                "model.shop.customers",
                "model.shop.orders");
        MappedChecks mapped = new CheckMapper()
                .map(
                        List.of(
                                result(ON_ORDERS, "fail", 2L, null),
                                result(relationships, "pass", 0L, null),
                                result(ON_ORDERS, "pass", 0L, null)),
                        manifest(ON_ORDERS, relationships));

        assertThat(mapped.checks())
                .extracting(SodaCheck::identity, SodaCheck::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(relationships.uniqueId(), Outcome.PASS),
                        org.assertj.core.groups.Tuple.tuple(ON_ORDERS.uniqueId(), Outcome.PASS));
        assertThat(mapped.checks().get(0).dataset().table()).isEqualTo("fct_orders");
    }

    @Test
    void aTestWhoseTableNameIsEmptyIsUnattached() {
        DbtTest onQuoted = generic("t", null, null, "model.shop.quoted", null);
        ManifestIndex manifest = new ManifestIndex(
                new ArtifactMetadata(null, null, null, null, null),
                Map.of(onQuoted.uniqueId(), onQuoted),
                relations(model("quoted", "''")),
                List.of());

        MappedChecks mapped = new CheckMapper().map(List.of(result(onQuoted, "pass", 0L, null)), manifest);

        assertThat(mapped.checks()).isEmpty();
        assertThat(mapped.unattached())
                .extracting(MappedChecks.UnattachedTest::reason)
                .containsExactly(
                        "the model it tests, model.shop.quoted, has an empty table name once quotes and brackets are "
                                + "stripped ('')");
    }

    @Test
    void theDatasetQualifiedNameLeavesOutUnknownParts() {
        assertThat(new Dataset("orders", "db", "core", "model", "model.shop.orders").qualifiedName())
                .isEqualTo("db.core.orders");
        assertThat(new Dataset("orders", null, " ", "model", "model.shop.orders").qualifiedName())
                .isEqualTo("orders");
    }
    // A unit test as ManifestReader keeps it when sendUnitTests is true: attached to the model it tests.
    private static final DbtTest UNIT = new DbtTest(
            "unit_test.shop.orders.test_totals",
            "test_totals",
            "models/_unit.yml",
            null,
            null,
            null,
            null,
            "model.shop.orders",
            null,
            List.of("model.shop.orders"));

    @ParameterizedTest(name = "unit test {0} -> {1}")
    @CsvSource({"pass, PASS", "fail, FAIL", "error, FAIL"})
    void aUnitTestIsACheckOnTheModelItTests(String status, Outcome outcome) {
        MappedChecks mapped = new CheckMapper()
                .map(
                        List.of(result(ON_ORDERS, "pass", 0L, null), result(UNIT, status, null, "m")),
                        manifest(ON_ORDERS, UNIT));

        assertThat(mapped.checks()).hasSize(2);
        assertThat(mapped.checks().get(1)).satisfies(check -> {
            assertThat(check.identity()).isEqualTo("test.unit_test.shop.orders.test_totals");
            assertThat(check.identity()).isNotEqualTo(mapped.checks().get(0).identity());
            assertThat(check.name()).isEqualTo("dbt unit test test_totals");
            assertThat(check.dataset())
                    .isEqualTo(new Dataset("fct_orders", "db", "core", "model", "model.shop.orders"));
            assertThat(check.column()).isNull();
            assertThat(check.outcome()).isEqualTo(outcome);
            assertThat(check.errored()).isEqualTo(status.equals("error"));
        });
        // The data test keeps its own name: only unit tests say what they are.
        assertThat(mapped.checks().get(0).name()).isEqualTo("not_null_orders_id");
    }

    @Test
    void aSkippedUnitTestIsCountedNotSent() {
        MappedChecks mapped = new CheckMapper().map(List.of(result(UNIT, "skipped", null, null)), manifest(UNIT));

        assertThat(mapped.checks()).isEmpty();
        assertThat(mapped.skipped()).containsExactly("unit_test.shop.orders.test_totals");
    }
}
