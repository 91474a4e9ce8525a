package dev.sodamaven.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sodamaven.bench.ProjectPlan.TestKind;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Writes the manifest.json of a {@link ProjectPlan} in the layout of dbt 1.10 (manifest schema v12):
 * the same sections in the same order, and nodes with the fields real ones have (config, columns,
 * raw and compiled SQL, depends_on, test_metadata...), so a reader pays what it pays on a real file.
 */
final class ManifestWriter {

    /** Package macros do not grow with the project: a large project carries the same ~1,500. */
    static final int MACROS = 1_500;

    static final int DOCS = 120;

    private final ProjectPlan plan;
    private final RunIdentity run;
    private final JsonGenerator g;

    ManifestWriter(ProjectPlan plan, RunIdentity run, JsonGenerator generator) {
        this.plan = plan;
        this.run = run;
        this.g = generator;
    }

    void write() throws IOException {
        g.writeStartObject();
        metadata();
        g.writeObjectFieldStart("nodes");
        for (int m = 0; m < plan.models; m++) {
            model(m);
        }
        for (int s = 0; s < plan.seeds; s++) {
            seed(plan.seedRelation(s));
        }
        for (int t = 0; t < plan.tests; t++) {
            test(t);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("sources");
        for (int s = 0; s < plan.sources; s++) {
            source(plan.sourceRelation(s));
        }
        g.writeEndObject();
        macros();
        docs();
        for (String empty : new String[] {"exposures", "metrics", "groups", "selectors", "disabled"}) {
            g.writeObjectFieldStart(empty);
            g.writeEndObject();
        }
        new GraphMaps(plan).write(g);
        for (String empty : new String[] {"group_map", "saved_queries", "semantic_models"}) {
            g.writeObjectFieldStart(empty);
            g.writeEndObject();
        }
        unitTests();
        g.writeEndObject();
    }

    private void metadata() throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json");
        g.writeStringField("dbt_version", RunIdentity.DBT_VERSION);
        g.writeStringField("generated_at", run.at(900_000));
        g.writeStringField("invocation_id", run.invocationId());
        g.writeStringField("invocation_started_at", run.startedAt().toString());
        g.writeObjectFieldStart("env");
        g.writeEndObject();
        g.writeStringField("project_name", ProjectPlan.PROJECT);
        g.writeStringField("project_id", Words.hex(plan.random(7), 32));
        g.writeStringField("user_id", null);
        g.writeBooleanField("send_anonymous_usage_stats", false);
        g.writeStringField("adapter_type", "postgres");
        g.writeObjectFieldStart("quoting");
        g.writeBooleanField("database", true);
        g.writeBooleanField("schema", true);
        g.writeBooleanField("identifier", true);
        g.writeNullField("column");
        g.writeEndObject();
        g.writeEndObject();
    }

    private String folder(int relation) {
        if (plan.isSource(relation)) {
            return "staging/" + plan.sourceName(relation).substring(4);
        }
        return relation < plan.models * 3 / 10 ? "staging" : "marts/" + Words.DOMAINS[relation % Words.DOMAINS.length];
    }

    private void model(int m) throws IOException {
        SplittableRandom random = plan.random(m);
        String name = plan.name(m);
        String path = folder(m) + "/" + name + ".sql";
        g.writeObjectFieldStart(plan.uniqueId(m));
        g.writeStringField("database", ProjectPlan.DATABASE);
        g.writeStringField("schema", plan.schema(m));
        g.writeStringField("name", name);
        g.writeStringField("resource_type", "model");
        g.writeStringField("package_name", ProjectPlan.PROJECT);
        g.writeStringField("path", path);
        g.writeStringField("original_file_path", "models/" + path);
        g.writeStringField("unique_id", plan.uniqueId(m));
        strings("fqn", ProjectPlan.PROJECT, folder(m).replace('/', '.'), name);
        g.writeStringField("alias", name);
        checksum(random);
        g.writeObjectFieldStart("config");
        modelConfig(random);
        g.writeEndObject();
        strings("tags");
        g.writeStringField("description", Words.prose(random, 40 + random.nextInt(300)));
        columns(m, random);
        emptyObject("meta");
        g.writeNullField("group");
        docsFlag();
        g.writeStringField("patch_path", ProjectPlan.PROJECT + "://models/" + folder(m) + "/schema.yml");
        g.writeStringField("build_path", "target/run/" + ProjectPlan.PROJECT + "/models/" + path);
        g.writeObjectFieldStart("unrendered_config");
        g.writeStringField("materialized", "table");
        g.writeEndObject();
        g.writeNumberField("created_at", run.createdAt(m));
        g.writeStringField("relation_name", plan.relationName(m));
        ModelSql sql = ModelSql.of(plan, m);
        g.writeStringField("raw_code", sql.raw());
        strings("doc_blocks");
        g.writeStringField("language", "sql");
        int[] parents = plan.parentsOf(m);
        g.writeArrayFieldStart("refs");
        for (int parent : parents) {
            if (!plan.isSource(parent)) {
                ref(plan.name(parent));
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sources");
        for (int parent : parents) {
            if (plan.isSource(parent)) {
                g.writeStartArray();
                g.writeString(plan.sourceName(parent));
                g.writeString(plan.name(parent));
                g.writeEndArray();
            }
        }
        g.writeEndArray();
        strings("metrics");
        g.writeObjectFieldStart("depends_on");
        strings(
                "macros",
                "macro.dbt.run_hooks",
                "macro.dbt.statement",
                "macro." + ProjectPlan.PROJECT + ".cents_to_dollars");
        g.writeArrayFieldStart("nodes");
        for (int parent : parents) {
            g.writeString(plan.uniqueId(parent));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("compiled_path", "target/compiled/" + ProjectPlan.PROJECT + "/models/" + path);
        g.writeBooleanField("compiled", true);
        g.writeStringField("compiled_code", sql.compiled());
        g.writeBooleanField("extra_ctes_injected", true);
        strings("extra_ctes");
        contract();
        g.writeStringField("access", "protected");
        strings("constraints");
        g.writeNullField("version");
        g.writeNullField("latest_version");
        g.writeNullField("deprecation_date");
        strings("primary_key", "id");
        g.writeNullField("time_spine");
        g.writeEndObject();
    }

    private void modelConfig(SplittableRandom random) throws IOException {
        g.writeBooleanField("enabled", true);
        g.writeNullField("alias");
        g.writeStringField("schema", "marts");
        g.writeNullField("database");
        strings("tags", Words.pick(Words.DOMAINS, random), "nightly");
        g.writeObjectFieldStart("meta");
        g.writeStringField("owner", Words.pick(Words.DOMAINS, random) + "-team@example.com");
        g.writeEndObject();
        g.writeNullField("group");
        g.writeStringField("materialized", "table");
        g.writeNullField("incremental_strategy");
        g.writeNullField("batch_size");
        g.writeNumberField("lookback", 1);
        g.writeNullField("begin");
        emptyObject("persist_docs");
        strings("post-hook");
        strings("pre-hook");
        emptyObject("quoting");
        emptyObject("column_types");
        g.writeNullField("full_refresh");
        g.writeNullField("unique_key");
        g.writeStringField("on_schema_change", "ignore");
        g.writeStringField("on_configuration_change", "apply");
        emptyObject("grants");
        strings("packages");
        docsFlag();
        g.writeObjectFieldStart("contract");
        g.writeBooleanField("enforced", false);
        g.writeBooleanField("alias_types", true);
        g.writeEndObject();
        g.writeNullField("event_time");
        g.writeNullField("concurrent_batches");
        g.writeStringField("access", "protected");
        g.writeNullField("freshness");
    }

    private void columns(int relation, SplittableRandom random) throws IOException {
        g.writeObjectFieldStart("columns");
        int count = plan.columnCount(relation);
        for (int c = 0; c < count; c++) {
            String column = Words.column(relation, c);
            g.writeObjectFieldStart(column);
            g.writeStringField("name", column);
            g.writeStringField("description", Words.prose(random, 20 + random.nextInt(160)));
            emptyObject("meta");
            if (random.nextInt(3) == 0) {
                g.writeNullField("data_type");
            } else {
                g.writeStringField("data_type", Words.pick(Words.TYPES, random));
            }
            strings("constraints");
            g.writeNullField("quote");
            g.writeObjectFieldStart("config");
            emptyObject("meta");
            strings("tags");
            g.writeEndObject();
            strings("tags");
            g.writeNullField("granularity");
            strings("doc_blocks");
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void seed(int relation) throws IOException {
        SplittableRandom random = plan.random(relation);
        String name = plan.name(relation);
        g.writeObjectFieldStart(plan.uniqueId(relation));
        g.writeStringField("database", ProjectPlan.DATABASE);
        g.writeStringField("schema", plan.schema(relation));
        g.writeStringField("name", name);
        g.writeStringField("resource_type", "seed");
        g.writeStringField("package_name", ProjectPlan.PROJECT);
        g.writeStringField("path", name + ".csv");
        g.writeStringField("original_file_path", "seeds/" + name + ".csv");
        g.writeStringField("unique_id", plan.uniqueId(relation));
        strings("fqn", ProjectPlan.PROJECT, name);
        g.writeStringField("alias", name);
        checksum(random);
        g.writeObjectFieldStart("config");
        g.writeBooleanField("enabled", true);
        g.writeStringField("materialized", "seed");
        g.writeStringField("delimiter", ",");
        g.writeEndObject();
        strings("tags");
        g.writeStringField("description", Words.prose(random, 60));
        columns(relation, random);
        emptyObject("meta");
        g.writeNullField("group");
        docsFlag();
        g.writeStringField("patch_path", ProjectPlan.PROJECT + "://seeds/schema.yml");
        g.writeNullField("build_path");
        emptyObject("unrendered_config");
        g.writeNumberField("created_at", run.createdAt(relation));
        g.writeStringField("relation_name", plan.relationName(relation));
        g.writeStringField("raw_code", "");
        strings("doc_blocks");
        g.writeStringField("root_path", "/builds/bench_shop");
        g.writeObjectFieldStart("depends_on");
        strings("macros");
        g.writeEndObject();
        g.writeEndObject();
    }

    private void test(int t) throws IOException {
        SplittableRandom random = plan.random(-(1L << 41) - t);
        TestKind kind = plan.kind(t);
        int target = plan.target(t);
        int other = plan.other(t);
        String name = plan.testName(t);
        boolean singular = kind == TestKind.SINGULAR;
        String yaml = plan.isSource(target)
                ? "models/" + folder(target) + "/sources.yml"
                : plan.isSeed(target) ? "seeds/schema.yml" : "models/" + folder(target) + "/schema.yml";
        String path = name + ".sql";
        g.writeObjectFieldStart(plan.testUniqueId(t));
        g.writeStringField("database", ProjectPlan.DATABASE);
        g.writeStringField("schema", "bench_dbt_test__audit");
        g.writeStringField("name", name);
        g.writeStringField("resource_type", "test");
        g.writeStringField("package_name", ProjectPlan.PROJECT);
        g.writeStringField("path", path);
        g.writeStringField("original_file_path", singular ? "tests/" + path : yaml);
        g.writeStringField("unique_id", plan.testUniqueId(t));
        strings("fqn", ProjectPlan.PROJECT, singular ? "tests" : folder(target).replace('/', '.'), name);
        g.writeStringField("alias", name);
        if (singular) {
            checksum(random);
        } else {
            g.writeObjectFieldStart("checksum");
            g.writeStringField("name", "none");
            g.writeStringField("checksum", "");
            g.writeEndObject();
        }
        g.writeObjectFieldStart("config");
        g.writeBooleanField("enabled", true);
        g.writeNullField("alias");
        g.writeStringField("schema", "dbt_test__audit");
        g.writeNullField("database");
        strings("tags");
        emptyObject("meta");
        g.writeNullField("group");
        g.writeStringField("materialized", "test");
        g.writeStringField("severity", "warn".equals(plan.status(t)) || random.nextInt(20) == 0 ? "warn" : "ERROR");
        g.writeNullField("store_failures");
        g.writeNullField("store_failures_as");
        g.writeNullField("where");
        g.writeNullField("limit");
        g.writeStringField("fail_calc", "count(*)");
        g.writeStringField("warn_if", "!= 0");
        g.writeStringField("error_if", "!= 0");
        g.writeEndObject();
        strings("tags");
        g.writeStringField("description", "");
        emptyObject("columns");
        emptyObject("meta");
        g.writeNullField("group");
        docsFlag();
        g.writeNullField("patch_path");
        g.writeStringField(
                "build_path",
                "target/run/" + ProjectPlan.PROJECT + "/" + (singular ? "tests/" + path : yaml + "/" + path));
        emptyObject("unrendered_config");
        g.writeNumberField("created_at", run.createdAt(t % 100_000));
        g.writeNullField("relation_name");
        TestSql sql = TestSql.of(plan, t);
        g.writeStringField("raw_code", sql.raw());
        strings("doc_blocks");
        g.writeStringField("language", "sql");
        g.writeArrayFieldStart("refs");
        if (other >= 0) {
            ref(plan.name(other));
        }
        if (!plan.isSource(target)) {
            ref(plan.name(target));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sources");
        if (plan.isSource(target)) {
            g.writeStartArray();
            g.writeString(plan.sourceName(target));
            g.writeString(plan.name(target));
            g.writeEndArray();
        }
        g.writeEndArray();
        strings("metrics");
        g.writeObjectFieldStart("depends_on");
        if (singular) {
            strings("macros");
        } else {
            String macro = kind.namespace() == null
                    ? "macro.dbt.test_" + kind.generic
                    : "macro." + kind.namespace() + ".test_" + kind.generic;
            strings(
                    "macros",
                    macro,
                    "macro.dbt.get_where_subquery",
                    "macro.dbt.should_store_failures",
                    "macro.dbt.statement");
        }
        g.writeArrayFieldStart("nodes");
        if (other >= 0) {
            g.writeString(plan.uniqueId(other));
        }
        g.writeString(plan.uniqueId(target));
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField(
                "compiled_path",
                "target/compiled/" + ProjectPlan.PROJECT + "/" + (singular ? "tests/" + path : yaml + "/" + path));
        g.writeBooleanField("compiled", true);
        g.writeStringField("compiled_code", sql.compiled());
        g.writeBooleanField("extra_ctes_injected", true);
        strings("extra_ctes");
        contract();
        if (!singular) {
            String column = plan.testColumn(t);
            g.writeStringField("column_name", column);
            g.writeStringField(
                    "file_key_name",
                    plan.isSource(target)
                            ? "sources." + plan.sourceName(target)
                            : (plan.isSeed(target) ? "seeds." : "models.") + plan.name(target));
            if (plan.isSource(target)) {
                g.writeNullField("attached_node");
            } else {
                g.writeStringField("attached_node", plan.uniqueId(target));
            }
            testMetadata(kind, target, other, column);
        }
        g.writeEndObject();
    }

    private void testMetadata(TestKind kind, int target, int other, String column) throws IOException {
        g.writeObjectFieldStart("test_metadata");
        g.writeStringField("name", kind.generic);
        g.writeObjectFieldStart("kwargs");
        g.writeStringField("column_name", column);
        switch (kind) {
            case ACCEPTED_VALUES -> strings("values", "placed", "shipped", "completed", "returned");
            case RELATIONSHIPS -> {
                g.writeStringField("to", "ref('" + plan.name(other) + "')");
                g.writeStringField("field", "id");
            }
            case EXPRESSION_IS_TRUE -> g.writeStringField("expression", column + " >= 0");
            case RECENCY -> {
                g.writeStringField("datepart", "day");
                g.writeStringField("field", column);
                g.writeNumberField("interval", 1);
            }
            default -> {}
        }
        String on = plan.isSource(target)
                ? "source('" + plan.sourceName(target) + "', '" + plan.name(target) + "')"
                : "ref('" + plan.name(target) + "')";
        g.writeStringField("model", "{{ get_where_subquery(" + on + ") }}");
        g.writeEndObject();
        g.writeStringField("namespace", kind.namespace());
        g.writeEndObject();
    }

    private void source(int relation) throws IOException {
        SplittableRandom random = plan.random(relation);
        String name = plan.name(relation);
        String sourceName = plan.sourceName(relation);
        String yaml = "models/" + folder(relation) + "/sources.yml";
        g.writeObjectFieldStart(plan.uniqueId(relation));
        g.writeStringField("database", "raw");
        g.writeStringField("schema", plan.schema(relation));
        g.writeStringField("name", name);
        g.writeStringField("resource_type", "source");
        g.writeStringField("package_name", ProjectPlan.PROJECT);
        g.writeStringField("path", yaml);
        g.writeStringField("original_file_path", yaml);
        g.writeStringField("unique_id", plan.uniqueId(relation));
        strings("fqn", ProjectPlan.PROJECT, "staging", sourceName, name);
        g.writeStringField("source_name", sourceName);
        g.writeStringField("source_description", Words.prose(random, 50));
        g.writeStringField("loader", "fivetran");
        g.writeStringField("identifier", name);
        quoting();
        g.writeStringField("loaded_at_field", "_fivetran_synced");
        g.writeNullField("loaded_at_query");
        freshness();
        g.writeNullField("external");
        g.writeStringField("description", Words.prose(random, 40 + random.nextInt(120)));
        columns(relation, random);
        emptyObject("meta");
        emptyObject("source_meta");
        strings("tags");
        g.writeObjectFieldStart("config");
        g.writeBooleanField("enabled", true);
        g.writeNullField("event_time");
        freshness();
        g.writeStringField("loaded_at_field", "_fivetran_synced");
        g.writeNullField("loaded_at_query");
        emptyObject("meta");
        strings("tags");
        g.writeEndObject();
        g.writeNullField("patch_path");
        g.writeObjectFieldStart("unrendered_config");
        g.writeStringField("loaded_at_field", "_fivetran_synced");
        g.writeEndObject();
        g.writeStringField("relation_name", "\"raw\".\"" + plan.schema(relation) + "\".\"" + name + "\"");
        g.writeNumberField("created_at", run.createdAt(relation));
        g.writeNullField("unrendered_database");
        g.writeNullField("unrendered_schema");
        strings("doc_blocks");
        g.writeEndObject();
    }

    private void freshness() throws IOException {
        g.writeObjectFieldStart("freshness");
        for (String level : new String[] {"warn_after", "error_after"}) {
            g.writeObjectFieldStart(level);
            g.writeNumberField("count", level.startsWith("warn") ? 12 : 24);
            g.writeStringField("period", "hour");
            g.writeEndObject();
        }
        g.writeNullField("filter");
        g.writeEndObject();
    }

    private void quoting() throws IOException {
        g.writeObjectFieldStart("quoting");
        for (String part : new String[] {"database", "schema", "identifier", "column"}) {
            g.writeNullField(part);
        }
        g.writeEndObject();
    }

    private void macros() throws IOException {
        String[] packages = {"dbt", "dbt_postgres", "dbt_utils", ProjectPlan.PROJECT};
        int[] counts = {700, 120, 280, MACROS - 1_100};
        g.writeObjectFieldStart("macros");
        int index = 0;
        for (int p = 0; p < packages.length; p++) {
            for (int i = 0; i < counts[p]; i++, index++) {
                SplittableRandom random = plan.random(Integer.MIN_VALUE + index);
                String name = Words.pick(Words.DOMAINS, random) + "_" + Words.pick(Words.COLUMNS, random) + "_" + i;
                String id = "macro." + packages[p] + "." + name;
                g.writeObjectFieldStart(id);
                g.writeStringField("name", name);
                g.writeStringField("resource_type", "macro");
                g.writeStringField("package_name", packages[p]);
                g.writeStringField("path", "macros/" + name + ".sql");
                g.writeStringField("original_file_path", "macros/" + name + ".sql");
                g.writeStringField("unique_id", id);
                g.writeStringField("macro_sql", macroSql(name, random));
                g.writeObjectFieldStart("depends_on");
                strings("macros", "macro.dbt.default__" + name);
                g.writeEndObject();
                g.writeStringField("description", "");
                emptyObject("meta");
                docsFlag();
                g.writeNullField("patch_path");
                strings("arguments");
                g.writeNumberField("created_at", run.createdAt(index));
                g.writeNullField("supported_languages");
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    private static String macroSql(String name, SplittableRandom random) {
        StringBuilder sql = new StringBuilder("{% macro ").append(name).append("(relation, column_name) -%}\n");
        int lines = 3 + (random.nextInt(10) == 0 ? random.nextInt(200) : random.nextInt(40));
        for (int i = 0; i < lines; i++) {
            String column = Words.pick(Words.COLUMNS, random);
            sql.append(
                    switch (random.nextInt(4)) {
                        case 0 -> "  {%- set " + column + " = adapter.get_columns_in_relation(relation) -%}\n";
                        case 1 -> "  {# " + Words.prose(random, 50) + " #}\n";
                        case 2 ->
                            "  {% if " + column + " is not none %}coalesce({{ column_name }}, {{ " + column
                                    + " }}){% endif %}\n";
                        default -> "  {{ return(adapter.dispatch('" + name + "', 'dbt')(relation, column_name)) }}\n";
                    });
        }
        return sql.append("{%- endmacro %}").toString();
    }

    private void docs() throws IOException {
        g.writeObjectFieldStart("docs");
        for (int d = 0; d <= DOCS; d++) {
            SplittableRandom random = plan.random(Integer.MIN_VALUE / 2 + d);
            String name = d == 0 ? "__overview__" : "doc_" + Words.pick(Words.DOMAINS, random) + "_" + d;
            String pkg = d == 0 ? "dbt" : ProjectPlan.PROJECT;
            g.writeObjectFieldStart("doc." + pkg + "." + name);
            g.writeStringField("name", name);
            g.writeStringField("resource_type", "doc");
            g.writeStringField("package_name", pkg);
            g.writeStringField("path", "docs/" + name + ".md");
            g.writeStringField("original_file_path", "docs/" + name + ".md");
            g.writeStringField("unique_id", "doc." + pkg + "." + name);
            g.writeStringField(
                    "block_contents", "### " + name + "\n\n" + Words.prose(random, 100 + random.nextInt(2_000)));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void unitTests() throws IOException {
        g.writeObjectFieldStart("unit_tests");
        for (int u = 0; u < plan.unitTests; u++) {
            int model = plan.models - 1 - u * 7 % plan.models;
            String name = "test_" + plan.name(model) + "_" + u;
            String id = "unit_test." + ProjectPlan.PROJECT + "." + plan.name(model) + "." + name;
            g.writeObjectFieldStart(id);
            g.writeStringField("model", plan.name(model));
            g.writeArrayFieldStart("given");
            for (int parent : plan.parentsOf(model)) {
                g.writeStartObject();
                g.writeStringField(
                        "input",
                        plan.isSource(parent)
                                ? "source('" + plan.sourceName(parent) + "', '" + plan.name(parent) + "')"
                                : "ref('" + plan.name(parent) + "')");
                g.writeArrayFieldStart("rows");
                for (int row = 1; row <= 3; row++) {
                    g.writeStartObject();
                    g.writeNumberField("id", row);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("format", "dict");
                g.writeNullField("fixture");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("expect");
            g.writeArrayFieldStart("rows");
            g.writeStartObject();
            g.writeNumberField("id", 1);
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("format", "dict");
            g.writeNullField("fixture");
            g.writeEndObject();
            g.writeStringField("name", name);
            g.writeStringField("resource_type", "unit_test");
            g.writeStringField("package_name", ProjectPlan.PROJECT);
            g.writeStringField("path", folder(model) + "/unit_tests.yml");
            g.writeStringField("original_file_path", "models/" + folder(model) + "/unit_tests.yml");
            g.writeStringField("unique_id", id);
            strings("fqn", ProjectPlan.PROJECT, folder(model).replace('/', '.'), plan.name(model), name);
            g.writeStringField("description", "");
            g.writeNullField("overrides");
            g.writeObjectFieldStart("depends_on");
            strings("macros", "macro.dbt.get_where_subquery");
            strings("nodes", plan.uniqueId(model));
            g.writeEndObject();
            g.writeObjectFieldStart("config");
            strings("tags");
            emptyObject("meta");
            g.writeBooleanField("enabled", true);
            g.writeEndObject();
            g.writeStringField("checksum", Words.hex(plan.random(model), 64));
            g.writeStringField("schema", plan.schema(model));
            g.writeNumberField("created_at", run.createdAt(u));
            g.writeNullField("versions");
            g.writeNullField("version");
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void checksum(SplittableRandom random) throws IOException {
        g.writeObjectFieldStart("checksum");
        g.writeStringField("name", "sha256");
        g.writeStringField("checksum", Words.hex(random, 64));
        g.writeEndObject();
    }

    private void contract() throws IOException {
        g.writeObjectFieldStart("contract");
        g.writeBooleanField("enforced", false);
        g.writeBooleanField("alias_types", true);
        g.writeNullField("checksum");
        g.writeEndObject();
    }

    private void docsFlag() throws IOException {
        g.writeObjectFieldStart("docs");
        g.writeBooleanField("show", true);
        g.writeNullField("node_color");
        g.writeEndObject();
    }

    private void ref(String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeNullField("package");
        g.writeNullField("version");
        g.writeEndObject();
    }

    private void emptyObject(String field) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeEndObject();
    }

    private void strings(String field, String... values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
