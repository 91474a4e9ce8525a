package dev.sodamaven.soda;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sodamaven.core.AtomicFileWriter;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@link ScanResults} as the exact {@code sodaCoreInsertScanResults} body Soda Cloud receives,
 * minus the session token (see contracts/soda-scan-results.schema.json). The file appears only when
 * complete ({@link AtomicFileWriter}), so a reader never sees half a file. Each log message, and each
 * check's name and file, is cut to {@value LongText#MAX_CHARACTERS} characters ({@link LongText}); a
 * check's identity, table and column are written exactly, since Soda Cloud files the check under them.
 */
public final class ScanResultsWriter {

    static final String COMMAND_TYPE = "sodaCoreInsertScanResults";
    private static final JsonFactory FACTORY = new JsonFactory();

    public void write(ScanResults results, Path file) throws IngestException {
        try {
            AtomicFileWriter.write(file, out -> {
                try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                    json.useDefaultPrettyPrinter();
                    writeBody(results, json);
                }
            });
        } catch (IOException e) {
            throw IngestException.output(
                    "Could not write the scan results to " + file + ": " + e.getMessage(),
                    "Check that the output directory (" + Setting.OUTPUT_DIRECTORY.ref() + ") is writable.",
                    e);
        }
    }

    private static void writeBody(ScanResults results, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("definitionName", results.definitionName());
        json.writeStringField("defaultDataSource", results.dataSource());
        json.writeStringField("dataTimestamp", SodaTimestamps.format(results.dataTimestamp()));
        json.writeStringField("scanStartTimestamp", SodaTimestamps.format(results.scanStart()));
        json.writeStringField("scanEndTimestamp", SodaTimestamps.format(results.scanEnd()));
        json.writeBooleanField("hasErrors", results.hasErrors());
        json.writeBooleanField("hasWarnings", results.hasWarnings());
        json.writeBooleanField("hasFailures", results.hasFailures());
        json.writeArrayFieldStart("metrics");
        json.writeStartObject();
        json.writeStringField("identity", "dbt_metric");
        json.writeStringField("metricName", "dbt_metric");
        json.writeNumberField("value", 0);
        json.writeEndObject();
        json.writeEndArray();
        json.writeArrayFieldStart("checks");
        for (SodaCheck check : results.checks()) {
            writeCheck(check, results.dataSource(), json);
        }
        json.writeEndArray();
        writeLogs(results.logs(), json);
        json.writeStringField("sourceOwner", "soda-core");
        json.writeStringField("type", COMMAND_TYPE);
        json.writeEndObject();
    }

    private static void writeCheck(SodaCheck check, String dataSource, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("identity", check.identity());
        json.writeObjectFieldStart("identities");
        json.writeStringField("v1", check.identity());
        json.writeStringField("v2", check.identity());
        json.writeStringField("v3", check.identity());
        json.writeEndObject();
        // Name and file are only shown, so they are cut like any text from outside; identity, table and
        // column are what Soda Cloud files the check under, and stay exact.
        String name = LongText.cut(check.name());
        json.writeStringField("name", name);
        json.writeStringField("type", "generic");
        json.writeStringField("definition", LongText.cut(check.shownDefinition()));
        json.writeObjectFieldStart("location");
        json.writeStringField("filePath", LongText.cut(check.filePath()));
        json.writeNumberField("line", 0);
        json.writeNumberField("col", 0);
        json.writeEndObject();
        json.writeStringField("dataSource", dataSource);
        json.writeStringField("table", check.dataset().table());
        json.writeStringField("column", check.column());
        json.writeArrayFieldStart("metrics");
        json.writeString("dbt_metric");
        json.writeEndArray();
        json.writeStringField("outcome", check.outcome().wireValue());
        json.writeObjectFieldStart("diagnostics");
        json.writeNumberField("value", check.diagnosticValue());
        json.writeEndObject();
        json.writeStringField("source", "dbt");
        json.writeEndObject();
    }

    private static void writeLogs(List<ScanLog> logs, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("logs");
        int index = 1;
        for (ScanLog log : logs) {
            json.writeStartObject();
            json.writeStringField("level", log.level());
            // The messages were masked when the logs were made; cut after that, never before.
            json.writeStringField("message", LongText.cut(log.message()));
            json.writeStringField("timestamp", SodaTimestamps.format(log.time()));
            json.writeNumberField("index", index++);
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
