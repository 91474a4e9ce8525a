package dev.sodamaven.bench;

/** The SQL of one synthetic test, raw (Jinja) and compiled, shaped like dbt's generic test macros. */
record TestSql(String raw, String compiled) {

    static TestSql of(ProjectPlan plan, int test) {
        int target = plan.target(test);
        String relation = plan.relationName(target);
        String column = plan.testColumn(test);
        return switch (plan.kind(test)) {
            case NOT_NULL ->
                generic(
                        "not_null",
                        null,
                        "\n    \n    \n\n\n\nselect " + column + "\nfrom " + relation + "\nwhere " + column
                                + " is null\n\n\n");
            case UNIQUE ->
                generic(
                        "unique",
                        null,
                        "\n    \n    \n\nselect\n    " + column
                                + " as unique_field,\n    count(*) as n_records\n\nfrom " + relation + "\nwhere "
                                + column
                                + " is not null\ngroup by " + column + "\nhaving count(*) > 1\n\n\n");
            case ACCEPTED_VALUES ->
                generic(
                        "accepted_values",
                        null,
                        "\n    \n    \n\nwith all_values as (\n\n    select\n"
                                + "        " + column + " as value_field,\n        count(*) as n_records\n\n    from "
                                + relation
                                + "\n    group by " + column
                                + "\n\n)\n\nselect *\nfrom all_values\nwhere value_field not in (\n"
                                + "    'placed','shipped','completed','returned'\n)\n\n\n");
            case RELATIONSHIPS ->
                generic(
                        "relationships",
                        null,
                        "\n    \n    \n\nwith child as (\n    select " + column
                                + " as from_field\n    from " + relation + "\n    where " + column
                                + " is not null\n),\n\n"
                                + "parent as (\n    select id as to_field\n    from "
                                + plan.relationName(plan.other(test))
                                + "\n)\n\nselect\n    from_field\n\nfrom child\nleft join parent\n    on child.from_field = "
                                + "parent.to_field\n\nwhere parent.to_field is null\n\n\n");
            case EXPRESSION_IS_TRUE ->
                generic(
                        "expression_is_true",
                        "dbt_utils",
                        "\n\n\n\nselect\n    1\nfrom " + relation + "\n\nwhere not(" + column + " >= 0)\n\n");
            case RECENCY ->
                generic(
                        "recency",
                        "dbt_utils",
                        "\n\n\n\n\n\nwith recency as (\n\n    select \n\n      \n"
                                + "      \n        max(" + column + ") as most_recent\n\n    from " + relation
                                + "\n\n    \n\n)\n\n"
                                + "select\n\n    \n    \n        most_recent,\n    cast(\n    \n\n    now() + ((interval '1 day') * (-1))\n\n"
                                + " as timestamp) as threshold\n\n    \n    \n\nfrom recency\nwhere most_recent < cast(\n    \n\n"
                                + "    now() + ((interval '1 day') * (-1))\n\n as timestamp)\n\n");
            case SINGULAR -> singular(plan, test, target);
        };
    }

    private static TestSql generic(String name, String namespace, String compiled) {
        String macro = (namespace == null ? "" : namespace + ".") + "test_" + name;
        return new TestSql("{{ " + macro + "(**_dbt_generic_test_kwargs) }}", compiled);
    }

    private static TestSql singular(ProjectPlan plan, int test, int target) {
        String column = Words.column(target, 1 + plan.ordinal(test) % Math.max(1, plan.columnCount(target) - 1));
        int other = plan.other(test);
        String header = "-- tests/" + plan.testName(test) + ".sql\n-- " + Words.prose(plan.random(-1 - test), 70)
                + "\n\nselect t.id, t." + column + "\nfrom ";
        String where = "\nwhere t." + column + " < 0";
        if (other < 0) {
            return new TestSql(
                    header + "{{ ref('" + plan.name(target) + "') }} t" + where,
                    header + plan.relationName(target) + " t" + where);
        }
        String join = " o on o.id = t.id";
        return new TestSql(
                header + "{{ ref('" + plan.name(target) + "') }} t\njoin {{ ref('" + plan.name(other) + "') }}" + join
                        + where,
                header + plan.relationName(target) + " t\njoin " + plan.relationName(other) + join + where);
    }
}
