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
import java.util.TreeMap;

/**
 * Streams a run_results.json (schema v1 to v6, dbt 0.19 to 1.12 and Fusion) into {@link RunResults}.
 * Only the fields ingestion needs are kept; compiled SQL, timings and adapter responses are skipped.
 * Statuses are kept in dbt-core's spelling ({@link DbtStatus#normalise}: Fusion's {@code Pass},
 * {@code NoOp}); a message that only repeats the status is none; files written before dbt 0.19 are
 * refused ({@link OldArtifactGuard}).
 */
public final class RunResultsReader {

    /** The newest run_results schema this reader was written against. */
    static final int NEWEST_KNOWN_SCHEMA = 6;

    private static final String LABEL = "dbt run results";

    private final ReadProgress progress;

    /** A reader whose progress nobody asks for. */
    public RunResultsReader() {
        this(new ReadProgress());
    }

    /** A reader counting the test results it keeps into {@code progress}. */
    public RunResultsReader(ReadProgress progress) {
        this.progress = progress;
    }

    /**
     * Reads {@code file}; {@code setting} names where the user configured it, for messages.
     */
    public RunResults read(Path file, String setting) throws IngestException {
        ArtifactFile artifact = new ArtifactFile(file, "run-results", LABEL, setting);
        long before = progress.testResults();
        return artifact.read(parser -> {
            progress.testResultsBackTo(before);
            return readBody(artifact, parser);
        });
    }

    private RunResults readBody(ArtifactFile artifact, JsonParser parser) throws IOException, IngestException {
        Path file = artifact.path();
        Accumulator acc = new Accumulator(file, progress);
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "metadata" -> {
                    acc.metadata = MetadataReader.read(file, p);
                    artifact.requireKind(acc.metadata);
                }
                case "args" -> readArgs(p, acc);
                case "results" -> readResults(p, acc);
                case "nodes" -> {
                    acc.sawNodes = true;
                    LenientJson.skip(p);
                }
                default -> LenientJson.skip(p);
            }
        });
        if (acc.metadata == null) {
            acc.metadata = ArtifactMetadata.absent(file);
        }
        // Before the "no results" check: a pre-0.19 file has results, only of a shape read as none.
        OldArtifactGuard.refuseIfOlderThan019(
                LABEL, file, acc.metadata, acc.embeddedNodes > 0, "its results embed whole nodes");
        // Whole nodes under a dbt_schema_version of 0.19 or later: not a shape dbt writes.
        acc.malformedEntries += acc.embeddedNodes;
        acc.warnMalformed();
        if (!acc.sawResults) {
            String looksLike = acc.sawNodes ? " It looks like a manifest.json." : "";
            throw IngestException.input(
                    LABEL + " " + file + " is not a dbt run_results.json: it has no \"results\"." + looksLike,
                    "Check " + artifact.setting() + ": the two files may have been swapped.");
        }
        int version = acc.metadata.schemaVersion();
        if (version > NEWEST_KNOWN_SCHEMA) {
            acc.warnings.add(file + " uses run_results schema v" + version + ", newer than the newest known (v"
                    + NEWEST_KNOWN_SCHEMA + "); it was read on a best-effort basis.");
        }
        return new RunResults(
                acc.metadata,
                acc.command,
                new ArrayList<>(acc.tests.values()),
                acc.freezeOthers(),
                acc.warnings,
                new ArrayList<>(acc.unitTests.values()));
    }

    private static void readArgs(JsonParser parser, Accumulator acc) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            LenientJson.text(parser);
            return;
        }
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "which" -> acc.command = LenientJson.text(p);
                case "rpc_method" -> {
                    String method = LenientJson.text(p);
                    if (acc.command == null) {
                        acc.command = method;
                    }
                }
                default -> LenientJson.skip(p);
            }
        });
    }

    private static void readResults(JsonParser parser, Accumulator acc) throws IOException, IngestException {
        acc.sawResults = true;
        // "results": null (or any non-array) holds no result; the caller decides what that means.
        // Counted apart: readResult counts the objects it cannot use meanwhile.
        int notObjects = LenientJson.eachObject(parser, p -> readResult(p, acc));
        acc.malformedEntries += notObjects;
    }

    private static void readResult(JsonParser parser, Accumulator acc) throws IOException, IngestException {
        ResultFields result = new ResultFields();
        // A loop, not a handler: the JIT then compiles the hottest code once (see LenientJson.nextField).
        for (String name; (name = LenientJson.nextField(parser)) != null; LenientJson.endField(parser)) {
            switch (name) {
                case "unique_id" -> result.uniqueId = LenientJson.text(parser);
                case "status" -> result.status = LenientJson.text(parser);
                case "failures" -> {
                    result.hasFailures = true;
                    result.failures = LenientJson.wholeNumber(parser);
                }
                case "message" -> {
                    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                        result.integerMessage = LenientJson.wholeNumber(parser);
                    } else {
                        result.message = LenientJson.text(parser);
                    }
                }
                case "execution_time" -> result.executionTime = LenientJson.decimal(parser);
                case "node" -> {
                    // dbt before 0.19 embeds the whole node where later versions name its unique_id.
                    result.embedsNode = parser.currentToken() == JsonToken.START_OBJECT;
                    LenientJson.skip(parser);
                }
                default -> LenientJson.skip(parser);
            }
        }
        String id = result.uniqueId;
        if (id == null || id.isBlank()) {
            if (result.embedsNode) {
                acc.embeddedNodes++;
            } else {
                acc.malformedEntries++;
            }
            return;
        }
        String status = DbtStatus.normalise(result.status);
        if (id.startsWith("test.")) {
            TestResult current =
                    new TestResult(id, status, result.failingRows(), result.message(status), result.executionTime);
            TestResult previous = acc.tests.get(id);
            if (previous == null || current.replaces(previous)) {
                acc.tests.put(id, current);
            }
            if (previous == null) {
                acc.progress.testResult();
            } else {
                acc.warnings.add(acc.file + " lists test " + id + " more than once; "
                        + (current.replaces(previous)
                                ? "the last result (" + status + ") was used."
                                : "the result dbt ran (" + previous.status() + ") was used, not the later " + status
                                        + " one."));
            }
        } else {
            if (id.startsWith("unit_test.")) {
                // Kept apart from the data tests, and counted with the other results: sent only on request.
                TestResult current = new TestResult(id, status, null, result.message(status), result.executionTime);
                TestResult previous = acc.unitTests.get(id);
                if (previous == null || current.replaces(previous)) {
                    acc.unitTests.put(id, current);
                }
            }
            String type = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
            acc.others.computeIfAbsent(type, t -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }
    }

    /** The fields of one result while it is being read; turned into a record or counted right after. */
    private static final class ResultFields {
        String uniqueId;
        String status;
        String message;
        boolean hasFailures;
        Long failures;
        Long integerMessage;
        double executionTime;
        boolean embedsNode;

        /** dbt's message; none when it only restates the status (dbt Fusion writes "Pass" on a pass). */
        String message(String normalisedStatus) {
            if (message != null && DbtStatus.normalise(message).equals(normalisedStatus)) {
                return null;
            }
            return message;
        }

        Long failingRows() {
            // dbt 0.19 (schema v1) has no "failures" and puts the failing row count in an integer "message".
            return hasFailures ? failures : integerMessage;
        }
    }

    /** Mutable state of one read; lives only inside {@link #read}. */
    private static final class Accumulator {
        final Path file;
        final ReadProgress progress;
        ArtifactMetadata metadata;
        String command;
        boolean sawResults;
        boolean sawNodes;
        int malformedEntries;
        int embeddedNodes;
        final Map<String, TestResult> tests = new LinkedHashMap<>();
        final Map<String, TestResult> unitTests = new LinkedHashMap<>();
        final Map<String, Map<String, Integer>> others = new TreeMap<>();
        final List<String> warnings = new ArrayList<>();

        Accumulator(Path file, ReadProgress progress) {
            this.file = file;
            this.progress = progress;
        }

        void warnMalformed() {
            if (malformedEntries == 0) {
                return;
            }
            warnings.add(file + " has " + malformedEntries
                    + (malformedEntries == 1 ? " result entry that is" : " result entries that are")
                    + " not an object with a unique_id; " + (malformedEntries == 1 ? "it was" : "they were")
                    + " ignored.");
        }

        Map<String, Map<String, Integer>> freezeOthers() {
            Map<String, Map<String, Integer>> frozen = new TreeMap<>();
            others.forEach((type, counts) -> frozen.put(type, Map.copyOf(counts)));
            return frozen;
        }
    }
}
