package dev.sodamaven.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What Soda Cloud must have received, for the catalogue's inputs that are ingested; each says it in words too. */
final class Uploads {

    /** The example's nine executed tests. */
    static final int EXAMPLE_CHECKS = 9;

    private Uploads() {}

    /** An expectation and its description. */
    private record Expectation(String description, Consumer<List<JsonNode>> check) implements BadInput.Upload {
        @Override
        public void verify(List<JsonNode> acceptedScans) {
            check.accept(acceptedScans);
        }
    }

    /** No scan reached Soda Cloud. */
    static BadInput.Upload nothing() {
        return new Expectation(
                "nothing",
                scans -> assertThat(scans).as("scans Soda Cloud received").isEmpty());
    }

    /** One scan with {@code count} checks, each then checked by {@code more}. */
    static BadInput.Upload scan(int count, BadInput.Upload... more) {
        String description = Stream.concat(
                        Stream.of(count + " checks"), Arrays.stream(more).map(BadInput.Upload::description))
                .collect(Collectors.joining("; "));
        return new Expectation(description, scans -> {
            assertThat(scans).as("scans Soda Cloud received").hasSize(1);
            assertThat(scans.get(0).path("checks")).as("checks uploaded").hasSize(count);
            for (BadInput.Upload check : more) {
                check.verify(scans);
            }
        });
    }

    /** The check named {@code name} was sent on {@code table} with {@code outcome}. */
    static BadInput.Upload check(String name, String table, String outcome) {
        return new Expectation("`" + name + "` on `" + table + "`: " + outcome, scans -> {
            JsonNode check = find(scans.get(0), name);
            assertThat(check)
                    .as("uploaded check named %s; uploaded: %s", name, names(scans.get(0)))
                    .isNotNull();
            assertThat(check.path("table").asText()).as("table of %s", name).isEqualTo(table);
            assertThat(check.path("outcome").asText()).as("outcome of %s", name).isEqualTo(outcome);
        });
    }

    /** No check named {@code name} was sent. */
    static BadInput.Upload noCheck(String name) {
        return new Expectation(
                "no `" + name + "`",
                scans -> assertThat(names(scans.get(0)))
                        .as("uploaded check names")
                        .doesNotContain(name));
    }

    /** No check was sent on {@code table}. */
    static BadInput.Upload noTable(String table) {
        return new Expectation("none on `" + table + "`", scans -> {
            List<String> tables = new ArrayList<>();
            scans.get(0)
                    .path("checks")
                    .forEach(check -> tables.add(check.path("table").asText()));
            assertThat(tables).as("uploaded tables").doesNotContain(table);
        });
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
