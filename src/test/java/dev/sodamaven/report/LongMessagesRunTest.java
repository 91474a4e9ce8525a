package dev.sodamaven.report;

import static dev.sodamaven.soda.LongText.MAX_CHARACTERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sodamaven.IngestOutcome;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.Setting;
import dev.sodamaven.soda.LongText;
import dev.sodamaven.testing.SharedArtifacts;
import dev.sodamaven.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry run on the bundled example whose every test ended in error with a message of 2 million
 * characters: the files the run writes stay small, whatever dbt said.
 */
@Timeout(60)
class LongMessagesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTICE = "… [cut: 2,000,000 characters in all; the full text is in run_results.json]";

    @TempDir
    Path folder;

    @Test
    void hugeDbtMessagesMakeSmallOutputFiles() throws Exception {
        Path artifacts = folder.resolve("artifacts");
        Files.createDirectories(artifacts);
        Path example = SharedArtifacts.exampleArtifacts();
        Files.copy(example.resolve("manifest.json"), artifacts.resolve("manifest.json"));
        ObjectNode runResults =
                (ObjectNode) JSON.readTree(example.resolve("run_results.json").toFile());
        int tests = 0;
        for (JsonNode result : runResults.path("results")) {
            if (result.path("unique_id").asText().startsWith("test.")) {
                ((ObjectNode) result).put("status", "error");
                ((ObjectNode) result).put("message", "Database Error " + "x".repeat(2_000_000 - 15));
                tests++;
            }
        }
        JSON.writeValue(artifacts.resolve("run_results.json").toFile(), runResults);
        Path output = folder.resolve("output");

        IngestOutcome outcome = new TestRun(Clock.fixed(Instant.parse("2026-11-20T08:30:12Z"), ZoneOffset.UTC))
                .ingest(Parameters.builder()
                        .with(Setting.DATA_SOURCE, "jaffle_shop")
                        .with(Setting.DBT_ARTIFACTS, artifacts)
                        .with(Setting.DRY_RUN, true)
                        .with(Setting.OUTPUT_DIRECTORY, output)
                        .build());

        assertThat(outcome.checks().tally().error()).isEqualTo(tests).isEqualTo(9);
        // Uncut, each file would hold 18 million characters of messages.
        long small = tests * 4L * MAX_CHARACTERS;
        for (String file : new String[] {"report.html", "TEST-dbt.xml", "scan-results.json"}) {
            assertThat(Files.size(output.resolve(file))).as(file).isLessThan(small);
        }
        String page = Files.readString(output.resolve("report.html"));
        String xml = Files.readString(output.resolve("TEST-dbt.xml"));
        assertThat(count(page, NOTICE)).isEqualTo(tests);
        assertThat(count(xml, NOTICE)).isEqualTo(tests);
        JsonNode logs =
                JSON.readTree(output.resolve("scan-results.json").toFile()).path("logs");
        long errorLogs = 0;
        for (JsonNode log : logs) {
            if (log.path("level").asText().equals("error")) {
                assertThat(log.path("message").asText())
                        .contains("Database Error xxx")
                        .hasSizeLessThanOrEqualTo(LongText.MAX_CHARACTERS)
                        .endsWith(" characters in all; the full text is in run_results.json]");
                errorLogs++;
            }
        }
        assertThat(errorLogs).isEqualTo(tests);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
