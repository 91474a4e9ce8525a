package dev.sodamaven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's parameter table is the {@link Setting} catalogue, rendered: a setting added, renamed or
 * given another default shows in the README, or this test fails. Run it with
 * {@code -Dsoda.docs.write=true} to rewrite the table in place.
 */
class ReadmeParametersTest {

    static final String START = "<!-- parameters: generated from core.Setting by ReadmeParametersTest -->";
    static final String END = "<!-- end of parameters -->";

    @Test
    void theReadmeListsEverySettingOfTheCatalogue() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md holds the marker %s", START).isNotNegative();
        assertThat(end)
                .as("README.md holds the marker %s after the start marker", END)
                .isGreaterThan(start);
        String expected = START + "\n" + table() + END;
        String actual = text.substring(start, end + END.length());
        if (!actual.equals(expected) && Boolean.getBoolean("soda.docs.write")) {
            Files.writeString(readme, text.replace(actual, expected), StandardCharsets.UTF_8);
            actual = expected;
        }
        assertThat(actual)
                .as("README.md's parameter table differs from the Setting catalogue; run this test with "
                        + "-Dsoda.docs.write=true to rewrite it")
                .isEqualTo(expected);
    }

    static String table() {
        StringBuilder table =
                new StringBuilder("| parameter | property | goals | default | also read from | meaning |\n"
                        + "|---|---|---|---|---|---|\n");
        for (Setting setting : Setting.values()) {
            table.append("| `")
                    .append(setting.parameter())
                    .append("` | `")
                    .append(setting.property())
                    .append("` | ")
                    .append(goals(setting))
                    .append(" | ")
                    .append(setting.documentedDefault()
                            .map(value -> "`" + value + "`")
                            .orElse("—"))
                    .append(" | ")
                    .append(otherSources(setting))
                    .append(" | ")
                    .append(setting.meaning())
                    .append(setting.secret() ? " (secret)" : "")
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String goals(Setting setting) {
        return switch (setting.goal()) {
            case INGEST -> "ingest";
            case UPLOAD -> "upload";
            case BOTH -> "ingest, upload";
        };
    }

    private static String otherSources(Setting setting) {
        List<String> sources = new ArrayList<>();
        setting.configurationKey().ifPresent(key -> sources.add("`" + key + "`"));
        setting.environmentVariable().ifPresent(variable -> sources.add("env `" + variable + "`"));
        setting.server()
                .ifPresent(server -> sources.add("settings.xml server `" + server.idParameter() + "`, "
                        + server.part().name().toLowerCase(java.util.Locale.ROOT)));
        return sources.isEmpty() ? "—" : String.join("; ", sources);
    }
}
