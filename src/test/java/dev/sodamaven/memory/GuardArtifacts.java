package dev.sodamaven.memory;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a dbt 1.10-shaped manifest.json and run_results.json of a given number of tests for the memory
 * guard: every test has a result and is attached to a model, and the models carry what makes real
 * manifests big (columns, compiled SQL) in many small JSON values, so that a tree of the whole file costs
 * a few times its size while the streaming readers skip it. Deterministic; a few hundred ms for 30 MB.
 */
final class GuardArtifacts {

    /** Tests per model, about as in real projects. */
    private static final int TESTS_PER_MODEL = 10;

    private static final int COLUMNS_PER_MODEL = 120;

    private static final String[] STATUSES = {"pass", "pass", "pass", "pass", "pass", "pass", "fail", "warn", "error"};

    private GuardArtifacts() {}

    /** Writes {@code tests} tests and their results into {@code folder}; returns the number of checks expected. */
    static int write(Path folder, int tests) throws IOException {
        Files.createDirectories(folder);
        int models = (tests + TESTS_PER_MODEL - 1) / TESTS_PER_MODEL;
        JsonFactory factory = new JsonFactory();
        try (JsonGenerator g =
                factory.createGenerator(folder.resolve("manifest.json").toFile(), JsonEncoding.UTF8)) {
            manifest(g, models, tests);
        }
        try (JsonGenerator g =
                factory.createGenerator(folder.resolve("run_results.json").toFile(), JsonEncoding.UTF8)) {
            runResults(g, models, tests);
        }
        return tests;
    }

    private static void manifest(JsonGenerator g, int models, int tests) throws IOException {
        g.writeStartObject();
        metadata(g, "https://schemas.getdbt.com/dbt/manifest/v12.json");
        g.writeObjectFieldStart("nodes");
        for (int m = 0; m < models; m++) {
            model(g, m);
        }
        for (int t = 0; t < tests; t++) {
            test(g, t);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("sources");
        g.writeEndObject();
        g.writeObjectFieldStart("child_map");
        for (int m = 0; m < models; m++) {
            g.writeArrayFieldStart(modelId(m));
            for (int t = m * TESTS_PER_MODEL; t < Math.min(tests, (m + 1) * TESTS_PER_MODEL); t++) {
                g.writeString(testId(t));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void metadata(JsonGenerator g, String schema) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("dbt_schema_version", schema);
        g.writeStringField("dbt_version", "1.10.7");
        g.writeStringField("generated_at", "2026-11-25T10:00:00.000000Z");
        g.writeStringField("invocation_id", "0f3c2a51-7d2e-4b7a-9a35-6f1d0c2e9b11");
        g.writeEndObject();
    }

    private static void model(JsonGenerator g, int m) throws IOException {
        g.writeObjectFieldStart(modelId(m));
        g.writeStringField("database", "analytics");
        g.writeStringField("schema", "marts");
        g.writeStringField("name", "model_" + m);
        g.writeStringField("resource_type", "model");
        g.writeStringField("package_name", "guard");
        g.writeStringField("unique_id", modelId(m));
        g.writeStringField("original_file_path", "models/marts/model_" + m + ".sql");
        g.writeStringField("alias", "model_" + m);
        g.writeArrayFieldStart("fqn");
        g.writeString("guard");
        g.writeString("marts");
        g.writeString("model_" + m);
        g.writeEndArray();
        g.writeObjectFieldStart("columns");
        for (int c = 0; c < COLUMNS_PER_MODEL; c++) {
            g.writeObjectFieldStart("column_" + c);
            g.writeStringField("name", "column_" + c);
            g.writeStringField("description", "Column " + c + " of model " + m + ".");
            g.writeObjectFieldStart("meta");
            g.writeEndObject();
            g.writeStringField("data_type", c % 3 == 0 ? "bigint" : "varchar");
            g.writeObjectFieldStart("constraints");
            g.writeEndObject();
            g.writeBooleanField("quote", false);
            g.writeArrayFieldStart("tags");
            g.writeString("pii_" + (c % 4 == 0));
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeStringField("compiled_code", sql(m, 40));
        g.writeEndObject();
    }

    private static void test(JsonGenerator g, int t) throws IOException {
        int m = t / TESTS_PER_MODEL;
        String column = "column_" + (t % TESTS_PER_MODEL);
        g.writeObjectFieldStart(testId(t));
        g.writeStringField("database", "analytics");
        g.writeStringField("schema", "marts_dbt_test__audit");
        g.writeStringField("name", testName(t));
        g.writeStringField("resource_type", "test");
        g.writeStringField("package_name", "guard");
        g.writeStringField("unique_id", testId(t));
        g.writeStringField("original_file_path", "models/marts/schema.yml");
        g.writeStringField("column_name", column);
        g.writeStringField("attached_node", modelId(m));
        g.writeStringField("file_key_name", "models.model_" + m);
        g.writeObjectFieldStart("test_metadata");
        g.writeStringField("name", "not_null");
        g.writeObjectFieldStart("kwargs");
        g.writeStringField("column_name", column);
        g.writeStringField("model", "{{ get_where_subquery(ref('model_" + m + "')) }}");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("depends_on");
        g.writeArrayFieldStart("macros");
        g.writeString("macro.dbt.test_not_null");
        g.writeEndArray();
        g.writeArrayFieldStart("nodes");
        g.writeString(modelId(m));
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("compiled_code", sql(t, 4));
        g.writeEndObject();
    }

    private static void runResults(JsonGenerator g, int models, int tests) throws IOException {
        g.writeStartObject();
        metadata(g, "https://schemas.getdbt.com/dbt/run-results/v6.json");
        g.writeArrayFieldStart("results");
        for (int m = 0; m < models; m++) {
            result(g, modelId(m), "success", null, "SELECT 1000", m);
        }
        for (int t = 0; t < tests; t++) {
            String status = STATUSES[t % STATUSES.length];
            Long failures = status.equals("error") ? null : status.equals("pass") ? 0L : (long) (t % 97 + 1);
            String message = status.equals("pass")
                    ? null
                    : status.equals("error")
                            ? "Database Error in test " + testName(t) + ": relation does not exist"
                            : "Got " + failures + " results, configured to " + status + " if != 0";
            result(g, testId(t), status, failures, message, t);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("args");
        g.writeStringField("which", "build");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, String id, String status, Long failures, String message, int n)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("status", status);
        g.writeArrayFieldStart("timing");
        g.writeEndArray();
        g.writeNumberField("execution_time", 0.01 * (n % 300));
        g.writeObjectFieldStart("adapter_response");
        g.writeEndObject();
        if (message == null) {
            g.writeNullField("message");
        } else {
            g.writeStringField("message", message);
        }
        if (failures == null) {
            g.writeNullField("failures");
        } else {
            g.writeNumberField("failures", failures);
        }
        g.writeStringField("unique_id", id);
        g.writeStringField("compiled_code", sql(n, 2));
        g.writeEndObject();
    }

    private static String sql(int seed, int lines) {
        StringBuilder sql = new StringBuilder("select\n");
        for (int i = 0; i < lines; i++) {
            sql.append("    column_")
                    .append((seed + i) % COLUMNS_PER_MODEL)
                    .append(" as c_")
                    .append(i)
                    .append(",\n");
        }
        return sql.append("    1 as one\nfrom analytics.marts.model_")
                .append(seed)
                .toString();
    }

    private static String modelId(int m) {
        return "model.guard.model_" + m;
    }

    private static String testName(int t) {
        return "not_null_model_" + (t / TESTS_PER_MODEL) + "_column_" + (t % TESTS_PER_MODEL);
    }

    private static String testId(int t) {
        return "test.guard." + testName(t) + "." + String.format("%010x", (long) t * 2654435761L & 0xffffffffffL);
    }
}
