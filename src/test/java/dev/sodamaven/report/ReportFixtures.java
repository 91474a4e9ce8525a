package dev.sodamaven.report;

import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.maven.MavenSettingNames;
import dev.sodamaven.soda.Dataset;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
import dev.sodamaven.soda.SodaCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks and contexts for the report tests. */
final class ReportFixtures {

    /** Texts as a run without secrets writes them. */
    static final Outbound OUTBOUND = new Outbound(new Secrets(), MavenSettingNames.INSTANCE);

    static final Instant GENERATED = Instant.parse("2026-11-20T08:30:12.345Z");
    static final Dataset ORDERS = new Dataset("orders", "analytics", "jaffle", "model", "model.jaffle_shop.orders");
    static final Dataset CUSTOMERS =
            new Dataset("customers", null, "raw", "source", "source.jaffle_shop.raw.customers");

    private ReportFixtures() {}

    /** How long the sample's tests ran: two of them for a second or so, the others not measured. */
    private static final Map<String, Double> SAMPLE_SECONDS =
            Map.of("unique_orders_order_id", 1.25, "not_null_orders_order_id", 0.5);

    static SodaCheck check(
            String name, Dataset dataset, Outcome outcome, String dbtStatus, Long failures, String message) {
        return new SodaCheck(
                "test.jaffle_shop." + name + ".0123456789",
                name,
                "models/schema.yml",
                dataset,
                "order_id",
                outcome,
                dbtStatus,
                failures,
                message,
                SAMPLE_SECONDS.getOrDefault(name, 0.0));
    }

    /**
     * Two datasets: orders with a pass, a warn, a fail and an error; customers with one pass. Plus two
     * skipped tests and one of each kind not sent.
     */
    static MappedChecks sample() {
        return new MappedChecks(
                List.of(
                        check("not_null_orders_order_id", ORDERS, Outcome.PASS, "pass", 0L, null),
                        check(
                                "accepted_values_orders_status",
                                ORDERS,
                                Outcome.WARN,
                                "warn",
                                2L,
                                "Got 2 results, configured to warn if != 0"),
                        check(
                                "unique_orders_order_id",
                                ORDERS,
                                Outcome.FAIL,
                                "fail",
                                3L,
                                "Got 3 results, configured to fail if != 0"),
                        check(
                                "relationships_orders_customer",
                                ORDERS,
                                Outcome.FAIL,
                                "error",
                                null,
                                "Database Error in test relationships_orders_customer\n  relation does not exist"),
                        check("unique_customers_id", CUSTOMERS, Outcome.PASS, "pass", 0L, null)),
                List.of(
                        "test.jaffle_shop.not_null_stg_payments_id.a1b2c3d4e5",
                        "test.jaffle_shop.assert_total_positive"),
                List.of(new MappedChecks.UnattachedTest(
                        "test.jaffle_shop.assert_raw_sql",
                        "assert_raw_sql",
                        "its SQL references no model, seed, snapshot or source",
                        "")),
                List.of("test.jaffle_shop.gone.ffffffffff"),
                List.of("test.jaffle_shop.compiled_only.eeeeeeeeee (success)"));
    }

    /**
     * Each result in a count of its own, so that no report can mistake one for another: 5 pass, 3 warn,
     * 2 fail and 1 error (dbt status error, which Soda Cloud receives as fail) over two datasets, and 4
     * tests dbt skipped. Orders has 3 pass, 2 warn, 1 fail, 1 error; customers 2 pass, 1 warn, 1 fail.
     */
    static MappedChecks everyResultCountedDifferently() {
        List<SodaCheck> checks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            checks.add(check("orders_pass_" + i, ORDERS, Outcome.PASS, "pass", 0L, null));
        }
        for (int i = 1; i <= 2; i++) {
            checks.add(check("customers_pass_" + i, CUSTOMERS, Outcome.PASS, "pass", 0L, null));
        }
        for (int i = 1; i <= 2; i++) {
            checks.add(check("orders_warn_" + i, ORDERS, Outcome.WARN, "warn", 1L, "Got 1 result, configured to warn"));
        }
        checks.add(check("customers_warn_1", CUSTOMERS, Outcome.WARN, "warn", 4L, "Got 4 results, configured to warn"));
        checks.add(check("orders_fail_1", ORDERS, Outcome.FAIL, "fail", 2L, "Got 2 results, configured to fail"));
        checks.add(check("customers_fail_1", CUSTOMERS, Outcome.FAIL, "fail", 5L, "Got 5 results, configured to fail"));
        checks.add(check(
                "orders_error_1", ORDERS, Outcome.FAIL, "error", null, "Database Error: relation does not exist"));
        List<String> skipped = List.of(
                "test.jaffle_shop.skipped_1.aaaaaaaaaa",
                "test.jaffle_shop.skipped_2.bbbbbbbbbb",
                "test.jaffle_shop.skipped_3.cccccccccc",
                "test.jaffle_shop.skipped_4");
        return new MappedChecks(checks, skipped, List.of(), List.of(), List.of());
    }

    static ReportContext context() {
        return context(null);
    }

    /** The sample context, saying what a selection did ({@code null}: none). */
    static ReportContext context(String selectionSummary) {
        return new ReportContext(
                "jaffle_shop",
                "Ingest - dbt",
                "1.10.7",
                "build",
                "0b6c1a9e-5c1f-4bd3-9d2b-4f0b2f3b1d7a",
                "target/run_results.json",
                GENERATED,
                selectionSummary);
    }

    /** {@code count} checks over {@code datasets} datasets, every tenth failing and every hundredth in error. */
    static MappedChecks large(int count, int datasets, int skipped) {
        List<SodaCheck> checks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Dataset dataset = new Dataset(
                    "table_" + (i % datasets), "db", "schema", "model", "model.big.table_" + (i % datasets));
            if (i % 100 == 0) {
                checks.add(check("test_" + i, dataset, Outcome.FAIL, "error", null, "Database Error " + i));
            } else if (i % 10 == 0) {
                checks.add(check("test_" + i, dataset, Outcome.FAIL, "fail", (long) i, "Got " + i + " results"));
            } else {
                checks.add(check("test_" + i, dataset, Outcome.PASS, "pass", 0L, null));
            }
        }
        List<String> skippedIds = new ArrayList<>(skipped);
        for (int i = 0; i < skipped; i++) {
            skippedIds.add("test.big.skipped_" + i + ".abcdef0123");
        }
        return new MappedChecks(checks, skippedIds, List.of(), List.of(), List.of());
    }
}
