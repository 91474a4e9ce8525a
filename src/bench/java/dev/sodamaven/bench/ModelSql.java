package dev.sodamaven.bench;

import java.util.SplittableRandom;

/**
 * The SQL of one synthetic model: {@code raw_code} with Jinja refs and {@code compiled_code} with the
 * refs resolved, as dbt writes both. Most models are short, a quarter are a few hundred lines and a
 * few are over a thousand, like in large real projects.
 *
 * @param raw      the model file as written (raw_code)
 * @param compiled the SQL dbt ran (compiled_code)
 */
record ModelSql(String raw, String compiled) {

    static ModelSql of(ProjectPlan plan, int model) {
        SplittableRandom random = plan.random(model ^ 0x2545F4914F6CDD1DL);
        StringBuilder raw = new StringBuilder(4096);
        StringBuilder compiled = new StringBuilder(4096);
        String[] materializations = {"table", "view", "incremental", "table"};
        raw.append("{{ config(materialized='")
                .append(materializations[random.nextInt(4)])
                .append("') }}\n\n");
        both(raw, compiled, "with\n\n");
        int[] parents = plan.parentsOf(model);
        for (int p = 0; p < parents.length; p++) {
            int parent = parents[p];
            both(raw, compiled, "parent_" + p + " as (\n\n    select * from ");
            if (plan.isSource(parent)) {
                raw.append("{{ source('")
                        .append(plan.sourceName(parent))
                        .append("', '")
                        .append(plan.name(parent))
                        .append("') }}");
            } else {
                raw.append("{{ ref('").append(plan.name(parent)).append("') }}");
            }
            compiled.append(plan.relationName(parent));
            both(raw, compiled, "\n\n),\n\n");
        }
        int columns = plan.columnCount(model);
        both(raw, compiled, "renamed as (\n\n    select\n");
        for (int c = 0; c < columns; c++) {
            String column = Words.column(model, c);
            both(raw, compiled, "        parent_0." + column + (c + 1 < columns ? ",\n" : "\n"));
        }
        both(raw, compiled, "    from parent_0\n");
        for (int p = 1; p < parents.length; p++) {
            both(raw, compiled, "    left join parent_" + p + " on parent_" + p + ".id = parent_0.id\n");
        }
        both(raw, compiled, "\n),\n\n");
        int roll = random.nextInt(100);
        int extra = roll < 70 ? random.nextInt(60) : roll < 95 ? 60 + random.nextInt(240) : 300 + random.nextInt(900);
        String from = "renamed";
        int step = 0;
        for (int line = 0; line < extra; step++) {
            int size = Math.min(extra - line, 5 + random.nextInt(25));
            String name = "step_" + step;
            both(
                    raw,
                    compiled,
                    name + " as (\n\n    -- " + Words.prose(random, 30 + random.nextInt(60)) + "\n"
                            + "    select\n        *");
            for (int i = 0; i < size; i++) {
                String a = Words.column(model, random.nextInt(columns));
                String b = Words.column(model, random.nextInt(columns));
                String c = Words.column(model, random.nextInt(columns));
                both(raw, compiled, ",\n        " + expression(random.nextInt(8), a, b, c));
            }
            both(
                    raw,
                    compiled,
                    "\n    from " + from + "\n    where " + Words.column(model, random.nextInt(columns))
                            + " is not null\n\n),\n\n");
            from = name;
            line += size + 6;
        }
        both(raw, compiled, "final as (\n\n    select * from " + from + "\n\n)\n\nselect * from final");
        return new ModelSql(raw.toString(), compiled.toString());
    }

    /** One select expression over columns a, b and c. */
    private static String expression(int kind, String a, String b, String c) {
        return switch (kind) {
            case 0 -> "coalesce(" + a + ", 0) as " + a + "_filled";
            case 1 ->
                "case when " + a + " is null then 'unknown' else cast(" + a + " as varchar) end as " + a + "_label";
            case 2 ->
                "sum(" + a + ") over (partition by " + b + " order by " + c
                        + " rows between unbounded preceding and current row) as " + a + "_running";
            case 3 -> "date_trunc('month', " + a + ") as " + a + "_month";
            case 4 -> "round(" + a + " * 1.0 / nullif(" + b + ", 0), 4) as " + a + "_per_" + b;
            case 5 -> a + " is not null and " + b + " is not null as has_" + a;
            case 6 -> "row_number() over (partition by " + a + " order by " + c + " desc) as " + a + "_rank";
            default -> "lag(" + a + ") over (partition by " + b + " order by " + c + ") as previous_" + a;
        };
    }

    private static void both(StringBuilder raw, StringBuilder compiled, String text) {
        raw.append(text);
        compiled.append(text);
    }
}
