package dev.sodamaven.soda;

import java.time.Instant;
import java.util.List;

/** Scan results for tests: varied checks (non-ASCII and quoted names, a null column, every outcome) and logs. */
final class SampleScans {

    static final Instant START = Instant.parse("2026-11-20T08:30:12.345678Z");
    static final Instant END = Instant.parse("2026-11-20T08:30:14.999Z");

    private SampleScans() {}

    static ScanResults varied() {
        Dataset orders = new Dataset("orders", "analytics", "jaffle", "model", "model.shop.orders");
        Dataset kunden = new Dataset("Kundenübersicht", null, null, "source", "source.shop.crm.kunden");
        List<SodaCheck> checks = List.of(
                new SodaCheck(
                        "test.shop.not_null_orders_order_id.cf6c17daed",
                        "not_null_orders_order_id",
                        "models/schema.yml",
                        orders,
                        "order_id",
                        Outcome.PASS,
                        "pass",
                        0L,
                        null,
                        0),
                new SodaCheck(
                        "test.shop.accepted_values_kunden_stadt__Zürich__\"Genève\".1a2b",
                        "accepted_values_kunden_stadt__Zürich__\"Genève\"",
                        "models/sources/crm.yml",
                        kunden,
                        "stadt",
                        Outcome.WARN,
                        "warn",
                        3L,
                        "Got 3 results, configured to warn if != 0",
                        0),
                new SodaCheck(
                        "test.shop.assert_orders_total_positive",
                        "assert_orders_total_positive",
                        "tests\\assert_orders_total_positive.sql",
                        orders,
                        null,
                        Outcome.FAIL,
                        "fail",
                        12L,
                        "Got 12 results, configured to fail if != 0",
                        0),
                new SodaCheck(
                        "test.shop.relationships_orders_customer_id.77ee",
                        "relationships_orders_customer_id",
                        "models/schema.yml",
                        orders,
                        "customer_id",
                        Outcome.FAIL,
                        "error",
                        null,
                        "Database Error in test relationships_orders_customer_id: relation \"customers\" does not exist",
                        0),
                new SodaCheck(
                        "test.shop.unique_日本語_id.00ff",
                        "unique_日本語_id 🚀",
                        "models/schema.yml",
                        orders,
                        "id",
                        Outcome.PASS,
                        "pass",
                        0L,
                        null,
                        0));
        List<ScanLog> logs = List.of(
                ScanLog.info("soda-maven-plugin 0.1.0", START),
                ScanLog.info("Ingesting local dbt artifacts.", START.plusMillis(5)),
                ScanLog.warning("Test \"weird\" ignored: tab\there, newline\nthere", END),
                ScanLog.error(
                        "dbt test relationships_orders_customer_id on orders ended in error: relation "
                                + "\"customers\" does not exist",
                        END));
        return new ScanResults("Ingest - dbt", "jaffle_shop", START, START, END, checks, logs);
    }

    static ScanResults oneCheck(String dataSource) {
        Dataset orders = new Dataset("orders", null, null, "model", "model.shop.orders");
        return new ScanResults(
                "Ingest - dbt",
                dataSource,
                START,
                START,
                END,
                List.of(new SodaCheck(
                        "test.shop.not_null_orders_id.1",
                        "not_null_orders_id",
                        "models/schema.yml",
                        orders,
                        "id",
                        Outcome.PASS,
                        "pass",
                        0L,
                        null,
                        0)),
                List.of(ScanLog.info("soda-maven-plugin", START)));
    }
}
