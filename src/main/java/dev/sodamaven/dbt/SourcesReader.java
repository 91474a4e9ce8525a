package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sodamaven.core.IngestException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a sources.json (schema v1 to v3: dbt 0.20 to 1.12 and Fusion) into {@link SourceFreshness}.
 * Timings and adapter responses are skipped; statuses are kept in dbt-core's spelling (Fusion's
 * {@code Error} is {@code error}). A v1 file has no timing; a {@code runtime error} entry carries only
 * its unique_id, status and error.
 */
public final class SourcesReader {

    /** The newest sources schema this reader was written against. */
    static final int NEWEST_KNOWN_SCHEMA = 3;

    private static final String LABEL = "dbt sources";

    /** Reads {@code file}; {@code setting} names where the user configured it, for messages. */
    public SourceFreshness read(Path file, String setting) throws IngestException {
        ArtifactFile artifact = new ArtifactFile(file, "sources", LABEL, setting);
        return artifact.read(parser -> readBody(artifact, parser));
    }

    private SourceFreshness readBody(ArtifactFile artifact, JsonParser parser) throws IOException, IngestException {
        Path file = artifact.path();
        Accumulator acc = new Accumulator();
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "metadata" -> {
                    acc.metadata = MetadataReader.read(file, p);
                    artifact.requireKind(acc.metadata);
                }
                case "results" -> readResults(p, acc);
                default -> LenientJson.skip(p);
            }
        });
        if (acc.metadata == null) {
            acc.metadata = ArtifactMetadata.absent(file);
        }
        if (!acc.sawResults) {
            throw IngestException.input(
                    LABEL + " " + file + " is not a dbt sources.json: it has no \"results\".",
                    "Check " + artifact.setting() + ": it must lead to the sources.json `dbt source freshness` wrote.");
        }
        List<String> warnings = new ArrayList<>();
        if (acc.malformed > 0) {
            warnings.add(file + " has " + acc.malformed
                    + (acc.malformed == 1 ? " freshness result that is" : " freshness results that are")
                    + " not an object with a source's unique_id; " + (acc.malformed == 1 ? "it was" : "they were")
                    + " ignored.");
        }
        acc.repeated.forEach(
                id -> warnings.add(file + " lists source " + id + " more than once; the last result" + " was used."));
        int version = acc.metadata.schemaVersion();
        if (version > NEWEST_KNOWN_SCHEMA) {
            warnings.add(file + " uses sources schema v" + version + ", newer than the newest known (v"
                    + NEWEST_KNOWN_SCHEMA + "); it was read on a best-effort basis.");
        }
        return new SourceFreshness(acc.metadata, new ArrayList<>(acc.results.values()), warnings);
    }

    private static void readResults(JsonParser parser, Accumulator acc) throws IOException, IngestException {
        acc.sawResults = true;
        // Counted apart: readResult counts the objects it cannot use meanwhile.
        int notObjects = LenientJson.eachObject(parser, p -> readResult(p, acc));
        acc.malformed += notObjects;
    }

    private static void readResult(JsonParser parser, Accumulator acc) throws IOException, IngestException {
        Fields fields = new Fields();
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "unique_id" -> fields.uniqueId = LenientJson.text(p);
                case "status" -> fields.status = LenientJson.text(p);
                case "max_loaded_at" -> fields.maxLoadedAt = LenientJson.text(p);
                case "snapshotted_at" -> fields.snapshottedAt = LenientJson.text(p);
                case "max_loaded_at_time_ago_in_s" -> fields.ageSeconds = seconds(p);
                case "error" -> fields.error = LenientJson.text(p);
                case "criteria" -> readCriteria(p, fields);
                default -> LenientJson.skip(p);
            }
        });
        if (fields.uniqueId == null || !fields.uniqueId.startsWith("source.")) {
            acc.malformed++;
            return;
        }
        FreshnessResult result = new FreshnessResult(
                fields.uniqueId,
                DbtStatus.normalise(fields.status),
                fields.ageSeconds,
                fields.maxLoadedAt,
                fields.snapshottedAt,
                fields.warnAfter,
                fields.errorAfter,
                fields.filter,
                fields.error);
        if (acc.results.remove(fields.uniqueId) != null) {
            acc.repeated.add(fields.uniqueId);
        }
        acc.results.put(fields.uniqueId, result);
    }

    private static void readCriteria(JsonParser parser, Fields fields) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            LenientJson.text(parser);
            return;
        }
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "warn_after" -> fields.warnAfter = readThreshold(p);
                case "error_after" -> fields.errorAfter = readThreshold(p);
                case "filter" -> fields.filter = LenientJson.text(p);
                default -> LenientJson.skip(p);
            }
        });
    }

    /** {@code {"count": 12, "period": "hour"}} as "12 hour"; null when either part is unset (no threshold). */
    private static String readThreshold(JsonParser parser) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            LenientJson.text(parser);
            return null;
        }
        String[] parts = new String[2];
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "count" -> parts[0] = LenientJson.text(p);
                case "period" -> parts[1] = LenientJson.text(p);
                default -> LenientJson.skip(p);
            }
        });
        return parts[0] == null || parts[1] == null ? null : parts[0] + " " + parts[1];
    }

    private static Double seconds(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            return Double.isFinite(value) ? value : null;
        }
        LenientJson.text(parser);
        return null;
    }

    /** The fields of one result while it is being read. */
    private static final class Fields {
        String uniqueId;
        String status;
        Double ageSeconds;
        String maxLoadedAt;
        String snapshottedAt;
        String warnAfter;
        String errorAfter;
        String filter;
        String error;
    }

    /** State of one read. */
    private static final class Accumulator {
        ArtifactMetadata metadata;
        boolean sawResults;
        int malformed;
        final Map<String, FreshnessResult> results = new LinkedHashMap<>();
        final List<String> repeated = new ArrayList<>();
    }
}
