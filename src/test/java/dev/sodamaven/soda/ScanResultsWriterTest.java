package dev.sodamaven.soda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sodamaven.core.IngestException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The scan results file is the exact upload body minus the token, in Soda Core's field order and formats. */
class ScanResultsWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode written(ScanResults results) throws Exception {
        Path file = dir.resolve("soda/scan-results.json");
        new ScanResultsWriter().write(results, file);
        return JSON.readTree(file.toFile());
    }

    @Test
    void writesTheTopLevelFieldsInSodaCoresOrderWithoutAToken() throws Exception {
        JsonNode body = written(SampleScans.varied());

        assertThat(fieldNames(body))
                .containsExactly(
                        "definitionName",
                        "defaultDataSource",
                        "dataTimestamp",
                        "scanStartTimestamp",
                        "scanEndTimestamp",
                        "hasErrors",
                        "hasWarnings",
                        "hasFailures",
                        "metrics",
                        "checks",
                        "logs",
                        "sourceOwner",
                        "type");
        assertThat(body.path("sourceOwner").asText()).isEqualTo("soda-core");
        assertThat(body.path("type").asText()).isEqualTo("sodaCoreInsertScanResults");
        assertThat(body.path("metrics").toString())
                .isEqualTo("[{\"identity\":\"dbt_metric\",\"metricName\":\"dbt_metric\",\"value\":0}]");
    }

    @Test
    void writesTimestampsInUtcWholeSecondsWithAnExplicitOffset() throws Exception {
        ScanResults results = new ScanResults(
                "Ingest - dbt",
                "jaffle_shop",
                Instant.parse("2026-01-02T03:04:05.999999999Z"),
                Instant.parse("2026-01-02T03:04:06Z"),
                Instant.parse("2026-12-31T23:59:59.5Z"),
                SampleScans.oneCheck("jaffle_shop").checks(),
                List.of(ScanLog.info("x", Instant.parse("2026-07-08T09:10:11.1Z"))));

        JsonNode body = written(results);

        assertThat(body.path("dataTimestamp").asText()).isEqualTo("2026-01-02T03:04:05+00:00");
        assertThat(body.path("scanStartTimestamp").asText()).isEqualTo("2026-01-02T03:04:06+00:00");
        assertThat(body.path("scanEndTimestamp").asText()).isEqualTo("2026-12-31T23:59:59+00:00");
        assertThat(body.path("logs").get(0).path("timestamp").asText()).isEqualTo("2026-07-08T09:10:11+00:00");
        assertThat(SodaTimestamps.format(Instant.parse("0999-03-04T05:06:07Z"))).isEqualTo("0999-03-04T05:06:07+00:00");
    }

    @Test
    void writesEveryCheckWithAllThirteenKeys() throws Exception {
        JsonNode checks = written(SampleScans.varied()).path("checks");

        assertThat(checks).hasSize(5);
        for (JsonNode check : checks) {
            assertThat(fieldNames(check))
                    .containsExactly(
                            "identity",
                            "identities",
                            "name",
                            "type",
                            "definition",
                            "location",
                            "dataSource",
                            "table",
                            "column",
                            "metrics",
                            "outcome",
                            "diagnostics",
                            "source");
            assertThat(check.path("identities").path("v1").asText())
                    .isEqualTo(check.path("identity").asText());
            assertThat(check.path("identities").path("v3").asText())
                    .isEqualTo(check.path("identity").asText());
            assertThat(check.path("definition").asText())
                    .isEqualTo(check.path("name").asText());
            assertThat(check.path("dataSource").asText()).isEqualTo("jaffle_shop");
            assertThat(check.path("location").toString()).endsWith(",\"line\":0,\"col\":0}");
        }
        JsonNode quoted = checks.get(1);
        assertThat(quoted.path("name").asText()).isEqualTo("accepted_values_kunden_stadt__Zürich__\"Genève\"");
        assertThat(quoted.path("outcome").asText()).isEqualTo("warn");
        assertThat(quoted.path("diagnostics").path("value").asLong()).isEqualTo(3);
        JsonNode tableLevel = checks.get(2);
        assertThat(tableLevel.has("column")).isTrue();
        assertThat(tableLevel.path("column").isNull()).isTrue();
        assertThat(tableLevel.path("location").path("filePath").asText())
                .isEqualTo("tests\\assert_orders_total_positive.sql");
        JsonNode errored = checks.get(3);
        assertThat(errored.path("outcome").asText()).isEqualTo("fail");
        assertThat(errored.path("diagnostics").path("value").asLong()).isZero();
    }

    @Test
    void computesTheFlagsFromChecksAndLogs() throws Exception {
        JsonNode varied = written(SampleScans.varied());
        assertThat(varied.path("hasErrors").asBoolean()).isTrue();
        assertThat(varied.path("hasWarnings").asBoolean()).isTrue();
        assertThat(varied.path("hasFailures").asBoolean()).isTrue();

        JsonNode clean = written(SampleScans.oneCheck("jaffle_shop"));
        assertThat(clean.path("hasErrors").asBoolean()).isFalse();
        assertThat(clean.path("hasWarnings").asBoolean()).isFalse();
        assertThat(clean.path("hasFailures").asBoolean()).isFalse();
    }

    @Test
    void numbersLogsFromOne() throws Exception {
        JsonNode logs = written(SampleScans.varied()).path("logs");

        assertThat(logs).hasSize(4);
        for (int i = 0; i < logs.size(); i++) {
            assertThat(fieldNames(logs.get(i))).containsExactly("level", "message", "timestamp", "index");
            assertThat(logs.get(i).path("index").asInt()).isEqualTo(i + 1);
        }
        assertThat(logs.get(2).path("message").asText()).isEqualTo("Test \"weird\" ignored: tab\there, newline\nthere");
    }

    @Test
    void writesUtf8AsIs() throws Exception {
        Path file = dir.resolve("scan-results.json");
        new ScanResultsWriter().write(SampleScans.varied(), file);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("Kundenübersicht").contains("unique_日本語_id").contains("\\\"Genève\\\"");
        // Characters outside the BMP may be written as an escaped surrogate pair; they read back the same.
        assertThat(new ObjectMapper()
                        .readTree(text)
                        .path("checks")
                        .get(4)
                        .path("name")
                        .asText())
                .isEqualTo("unique_日本語_id 🚀");
        assertThat(Files.readAllBytes(file)[0]).isEqualTo((byte) '{');
    }

    @Test
    void theFileConformsToTheSchemaOnceATokenIsAdded() throws Exception {
        ObjectNode body = (ObjectNode) written(SampleScans.varied());
        body.put("token", "t-1");

        assertThat(UploadSchema.violations(body)).isEmpty();
    }

    @Test
    void replacesAnOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("scan-results.json");
        Files.writeString(file, "old");

        new ScanResultsWriter().write(SampleScans.oneCheck("jaffle_shop"), file);

        assertThat(Files.readString(file)).startsWith("{");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("scan-results.json");
        }
    }

    @Test
    void anUnwritableOutputIsAClearErrorAndLeavesNothingBehind() throws Exception {
        Files.writeString(dir.resolve("target"), "a file, not a folder");
        Path file = dir.resolve("target/soda/scan-results.json");

        assertThatThrownBy(() -> new ScanResultsWriter().write(SampleScans.oneCheck("jaffle_shop"), file))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.OUTPUT);
                    assertThat(e.getMessage()).startsWith("Could not write the scan results to " + file);
                    assertThat(e.hint()).contains("outputDirectory");
                });
    }

    @Test
    @Timeout(30)
    void manyHugeLogMessagesAreCutSoTheFileStaysSmall() throws Exception {
        String huge = "Database Error " + "x".repeat(2_000_000 - 15);
        List<ScanLog> logs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            logs.add(ScanLog.error(huge, SampleScans.END));
        }
        ScanResults results = new ScanResults(
                "Ingest - dbt",
                "jaffle_shop",
                SampleScans.START,
                SampleScans.START,
                SampleScans.END,
                SampleScans.oneCheck("jaffle_shop").checks(),
                logs);
        Path file = dir.resolve("scan-results.json");

        new ScanResultsWriter().write(results, file);

        assertThat(Files.size(file)).isLessThan(40L * (LongText.MAX_CHARACTERS + 200) + 2_000);
        JsonNode written = JSON.readTree(file.toFile()).path("logs");
        assertThat(written).hasSize(40);
        for (JsonNode log : written) {
            assertThat(log.path("message").asText())
                    .startsWith("Database Error xxx")
                    .endsWith("xxx… [cut: 2,000,000 characters in all]");
        }
    }

    @Test
    void aLogMessageOfTheLimitIsWrittenWhole() throws Exception {
        String message = "m".repeat(LongText.MAX_CHARACTERS - 3) + "end";

        JsonNode body = written(new ScanResults(
                "Ingest - dbt",
                "jaffle_shop",
                SampleScans.START,
                SampleScans.START,
                SampleScans.END,
                SampleScans.oneCheck("jaffle_shop").checks(),
                List.of(ScanLog.error(message, SampleScans.END))));

        assertThat(body.path("logs").get(0).path("message").asText()).isEqualTo(message);
    }

    @Test
    void aSurrogatePairAtTheCutOfALogMessageStaysWhole() throws Exception {
        String notice = "… [cut: 10,000 characters in all]";
        int kept = LongText.MAX_CHARACTERS - notice.length();
        String rocket = "\uD83D\uDE80";
        String message = "a".repeat(kept - 1) + rocket.repeat(10_000 - kept + 1);
        Path file = dir.resolve("scan-results.json");

        new ScanResultsWriter()
                .write(
                        new ScanResults(
                                "Ingest - dbt",
                                "jaffle_shop",
                                SampleScans.START,
                                SampleScans.START,
                                SampleScans.END,
                                SampleScans.oneCheck("jaffle_shop").checks(),
                                List.of(ScanLog.error(message, SampleScans.END))),
                        file);

        // Cut inside the pair, the message would end in a lone high surrogate before the notice.
        assertThat(JSON.readTree(file.toFile())
                        .path("logs")
                        .get(0)
                        .path("message")
                        .asText())
                .endsWith("a" + rocket + notice);
    }

    @Test
    void aHugeCheckNameAndFileAreCutButItsIdentityTableAndColumnAreKept() throws Exception {
        String huge = "n".repeat(2_000_000);
        String identity = "test.shop." + "i".repeat(5_000);
        String table = "t".repeat(5_000);
        SodaCheck check = new SodaCheck(
                identity,
                huge,
                huge,
                new Dataset(table, null, null, "model", "model.shop.t"),
                "c".repeat(5_000),
                Outcome.PASS,
                "pass",
                0L,
                null,
                0);
        Path file = dir.resolve("scan-results.json");

        new ScanResultsWriter()
                .write(
                        new ScanResults(
                                "Ingest - dbt",
                                "jaffle_shop",
                                SampleScans.START,
                                SampleScans.START,
                                SampleScans.END,
                                List.of(check),
                                List.of(ScanLog.info("x", SampleScans.START))),
                        file);

        assertThat(Files.size(file)).as("uncut, 6 MB").isLessThan(20L * LongText.MAX_CHARACTERS);
        JsonNode written = JSON.readTree(file.toFile()).path("checks").get(0);
        String cut = "n… [cut: 2,000,000 characters in all]";
        assertThat(written.path("name").asText()).endsWith(cut);
        assertThat(written.path("definition").asText()).endsWith(cut);
        assertThat(written.path("location").path("filePath").asText()).endsWith(cut);
        assertThat(written.path("identity").asText()).isEqualTo(identity);
        assertThat(written.path("identities").path("v3").asText()).isEqualTo(identity);
        assertThat(written.path("table").asText()).isEqualTo(table);
        assertThat(written.path("column").asText()).hasSize(5_000);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
