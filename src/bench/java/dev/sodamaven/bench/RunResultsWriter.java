package dev.sodamaven.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Writes the run_results.json (schema v6, dbt 1.10) of a {@code dbt build} of a {@link ProjectPlan}:
 * one result per model and seed, then one per executed test, each with timing, adapter response and
 * compiled SQL as dbt writes them.
 */
final class RunResultsWriter {

    private final ProjectPlan plan;
    private final RunIdentity run;
    private final JsonGenerator g;
    private long clockMicros = 1_000_000;

    RunResultsWriter(ProjectPlan plan, RunIdentity run, JsonGenerator generator) {
        this.plan = plan;
        this.run = run;
        this.g = generator;
    }

    void write() throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("metadata");
        g.writeStringField("dbt_schema_version", "https://schemas.getdbt.com/dbt/run-results/v6.json");
        g.writeStringField("dbt_version", RunIdentity.DBT_VERSION);
        g.writeStringField("generated_at", run.at(3_600_000_000L));
        g.writeStringField("invocation_id", run.invocationId());
        g.writeStringField("invocation_started_at", run.startedAt().toString());
        g.writeObjectFieldStart("env");
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        for (int m = 0; m < plan.models; m++) {
            relation(m, ModelSql.of(plan, m).compiled());
        }
        for (int s = 0; s < plan.seeds; s++) {
            relation(plan.seedRelation(s), null);
        }
        for (int t = 0; t < plan.tests; t++) {
            if (plan.executed(t)) {
                test(t);
            }
        }
        g.writeEndArray();
        g.writeNumberField("elapsed_time", 3_412.5127);
        g.writeObjectFieldStart("args");
        g.writeStringField("which", "build");
        g.writeStringField("invocation_command", "dbt build --target prod");
        g.writeStringField("indirect_selection", "eager");
        g.writeStringField("project_dir", "/builds/bench_shop");
        g.writeStringField("profiles_dir", "/builds/bench_shop/.dbt");
        g.writeNumberField("printer_width", 80);
        g.writeBooleanField("write_json", true);
        g.writeBooleanField("partial_parse", true);
        g.writeArrayFieldStart("select");
        g.writeEndArray();
        g.writeArrayFieldStart("exclude");
        g.writeEndArray();
        g.writeObjectFieldStart("vars");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void relation(int relation, String compiledCode) throws IOException {
        SplittableRandom random = plan.random(relation ^ 0x1234567L);
        int rows = random.nextInt(5_000_000);
        g.writeStartObject();
        g.writeStringField("status", "success");
        timing(random, true);
        g.writeStringField("thread_id", "Thread-" + (1 + random.nextInt(8)) + " (worker)");
        g.writeNumberField("execution_time", random.nextDouble() * 120);
        g.writeObjectFieldStart("adapter_response");
        g.writeStringField("_message", "SELECT " + rows);
        g.writeStringField("code", "SELECT");
        g.writeNumberField("rows_affected", rows);
        g.writeEndObject();
        g.writeStringField("message", "SELECT " + rows);
        g.writeNullField("failures");
        g.writeStringField("unique_id", plan.uniqueId(relation));
        g.writeBooleanField("compiled", compiledCode != null);
        g.writeStringField("compiled_code", compiledCode);
        g.writeStringField("relation_name", plan.relationName(relation));
        g.writeNullField("batch_results");
        g.writeEndObject();
    }

    private void test(int t) throws IOException {
        SplittableRandom random = plan.random(-(1L << 42) - t);
        String status = plan.status(t);
        boolean skipped = "skipped".equals(status);
        g.writeStartObject();
        g.writeStringField("status", status);
        timing(random, !skipped);
        g.writeStringField("thread_id", "Thread-" + (1 + random.nextInt(8)) + " (worker)");
        g.writeNumberField("execution_time", skipped ? 0 : random.nextDouble() * 20);
        if (skipped || "error".equals(status)) {
            g.writeObjectFieldStart("adapter_response");
            g.writeEndObject();
        } else {
            g.writeObjectFieldStart("adapter_response");
            g.writeStringField("_message", "SELECT 1");
            g.writeStringField("code", "SELECT");
            g.writeNumberField("rows_affected", 1);
            g.writeEndObject();
        }
        int failures = 1 + random.nextInt(25_000);
        switch (status) {
            case "pass" -> g.writeNullField("message");
            case "warn" -> g.writeStringField("message", "Got " + failures + " results, configured to warn if != 0");
            case "fail" -> g.writeStringField("message", "Got " + failures + " results, configured to fail if != 0");
            case "error" ->
                g.writeStringField(
                        "message",
                        "Database Error in test " + plan.testName(t) + " ("
                                + "models/schema.yml)\n  relation \"" + plan.name(plan.target(t))
                                + "\" does not exist\n"
                                + "  LINE 14: from \"analytics\".\"" + plan.schema(plan.target(t))
                                + "\"...\n               ^\n"
                                + "  compiled code at target/run/bench_shop/models/schema.yml/" + plan.testName(t)
                                + ".sql");
            default -> g.writeNullField("message");
        }
        switch (status) {
            case "pass" -> g.writeNumberField("failures", 0);
            case "warn", "fail" -> g.writeNumberField("failures", failures);
            default -> g.writeNullField("failures");
        }
        g.writeStringField("unique_id", plan.testUniqueId(t));
        g.writeBooleanField("compiled", !skipped);
        g.writeStringField("compiled_code", skipped ? null : TestSql.of(plan, t).compiled());
        g.writeNullField("relation_name");
        g.writeNullField("batch_results");
        g.writeEndObject();
    }

    private void timing(SplittableRandom random, boolean ran) throws IOException {
        g.writeArrayFieldStart("timing");
        if (ran) {
            for (String step : new String[] {"compile", "execute"}) {
                long length = 1_000 + random.nextInt(2_000_000);
                g.writeStartObject();
                g.writeStringField("name", step);
                g.writeStringField("started_at", run.at(clockMicros));
                g.writeStringField("completed_at", run.at(clockMicros + length));
                g.writeEndObject();
                clockMicros += length / 4;
            }
        }
        g.writeEndArray();
    }
}
