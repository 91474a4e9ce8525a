package dev.sodamaven.config;

import java.util.List;

/**
 * Which tests to ingest, as the user wrote it: dbt selector words, not yet interpreted.
 *
 * @param select  only tests matching one of these; empty: every test
 * @param exclude none matching one of these
 */
public record TestSelection(List<String> select, List<String> exclude) {

    public static final TestSelection EVERYTHING = new TestSelection(List.of(), List.of());

    public TestSelection {
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
    }

    public boolean isEverything() {
        return select.isEmpty() && exclude.isEmpty();
    }
}
