package dev.sodamaven.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What Soda Cloud must have received, for the catalogue's inputs that are ingested. */
final class Uploads {

    /** The example's nine executed tests. */
    static final int EXAMPLE_CHECKS = 9;

    private Uploads() {
    }

    /** No scan reached Soda Cloud. */
    static BadInput.Upload nothing() {
        return scans -> assertThat(scans).as("scans Soda Cloud received").isEmpty();
    }

    /** One scan with {@code count} checks, each then checked by {@code more}. */
    static BadInput.Upload scan(int count, BadInput.Upload... more) {
        return scans -> {
            assertThat(scans).as("scans Soda Cloud received").hasSize(1);
            assertThat(scans.get(0).path("checks")).as("checks uploaded").hasSize(count);
            for (BadInput.Upload check : more) {
                check.verify(scans);
            }
        };
    }

    /** The check named {@code name} was sent on {@code table} with {@code outcome}. */
    static BadInput.Upload check(String name, String table, String outcome) {
        return scans -> {
            JsonNode check = find(scans.get(0), name);
            assertThat(check).as("uploaded check named %s; uploaded: %s", name, names(scans.get(0))).isNotNull();
            assertThat(check.path("table").asText()).as("table of %s", name).isEqualTo(table);
            assertThat(check.path("outcome").asText()).as("outcome of %s", name).isEqualTo(outcome);
        };
    }

    /** No check named {@code name} was sent. */
    static BadInput.Upload noCheck(String name) {
        return scans -> assertThat(names(scans.get(0))).as("uploaded check names").doesNotContain(name);
    }

    /** No check was sent on {@code table}. */
    static BadInput.Upload noTable(String table) {
        return scans -> {
            List<String> tables = new ArrayList<>();
            scans.get(0).path("checks").forEach(check -> tables.add(check.path("table").asText()));
            assertThat(tables).as("uploaded tables").doesNotContain(table);
        };
    }

    private static JsonNode find(JsonNode scan, String name) {
        for (JsonNode check : scan.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode scan) {
        List<String> names = new ArrayList<>();
        scan.path("checks").forEach(check -> names.add(check.path("name").asText()));
        return names;
    }
}
