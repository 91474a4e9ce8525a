package dev.sodamaven.soda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.dbt.JsonFault;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks a saved scan results file before it is sent ({@code soda:upload}, and the upload step of
 * {@code soda:ingest}): it must be a complete {@code sodaCoreInsertScanResults} body with at least
 * one check and no token. Read with the streaming parser: the file can be large.
 *
 * <p>A key given twice is refused at any depth: the check here and the server could each take
 * another of the two values (a {@code "type": "login"} before the real one would make the upload a
 * login sent with the session token). Messages never quote the file, which may be any file the build
 * user can read: malformed JSON is described by {@link JsonFault}.
 */
public final class ScanResultsFile {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** The top-level keys {@link ScanResultsWriter} writes (and the token that is spliced in): named when repeated. */
    private static final Set<String> KNOWN_KEYS = Set.of(
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
            "type",
            "token");

    private static final String RESEND = "Run " + Setting.Goal.INGEST.ref() + " to write it again.";

    private ScanResultsFile() {}

    public static SavedScan inspect(Path file) throws IngestException {
        if (Files.isDirectory(file)) {
            throw IngestException.input(
                    "Scan results file " + file + " is a directory.",
                    "Set " + Setting.SCAN_RESULTS.ref() + " to the scan-results.json file itself.");
        }
        if (!Files.isRegularFile(file)) {
            throw IngestException.input(
                    "Scan results file " + file + " does not exist.",
                    "Run " + Setting.Goal.INGEST.ref() + " first (it writes target/soda/scan-results.json), or set "
                            + Setting.SCAN_RESULTS.ref() + " to the saved file.");
        }
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            return read(file, parser);
        } catch (CharConversionException | JsonProcessingException malformed) {
            // Before the parser exists (detecting the encoding) or while closing it.
            throw malformed(file, null, malformed);
        } catch (IOException io) {
            throw IngestException.input(
                    "Scan results file " + file + " could not be read: " + io.getMessage(),
                    "Check the file and the disk.",
                    io);
        }
    }

    private static SavedScan read(Path file, JsonParser parser) throws IOException, IngestException {
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAScan(file, "it is not a JSON object");
            }
            long bodyStart = parser.currentTokenLocation().getByteOffset();
            String definition = null;
            String dataSource = null;
            String type = null;
            int checks = 0;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "definitionName" -> definition = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "defaultDataSource" -> dataSource = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "token" ->
                        throw notAScan(file, "it holds a session token, which a scan results file never does");
                    case "checks" -> checks = countObjects(parser, file);
                    default -> parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw notAScan(file, "it is not a complete JSON object");
            }
            if (parser.nextToken() != null) {
                throw notAScan(file, "something follows the JSON object");
            }
            if (bodyStart < 0 || byteAt(file, bodyStart) != '{') {
                // The token is spliced in after this byte; any other encoding than UTF-8 would corrupt the body.
                throw notAScan(file, "it is not UTF-8 encoded");
            }
            if (!ScanResultsWriter.COMMAND_TYPE.equals(type) || definition == null || dataSource == null) {
                throw notAScan(
                        file,
                        "it lacks \"type\": \"" + ScanResultsWriter.COMMAND_TYPE
                                + "\", \"definitionName\" or \"defaultDataSource\"");
            }
            if (checks == 0) {
                throw IngestException.input(
                        "Scan results file " + file + " holds no check, so there is nothing to send.",
                        "Soda Cloud refuses a scan without checks; ingest a dbt run that executed tests.");
            }
            return new SavedScan(file, checks, bodyStart);
        } catch (StreamConstraintsException tooDeepOrLong) {
            throw IngestException.input(
                    "Scan results file " + file + " is not a scan results file: it exceeds a "
                            + "limit of the JSON reader (nesting or value length)" + place(tooDeepOrLong.getLocation())
                            + ".",
                    RESEND);
        } catch (CharConversionException | JsonProcessingException malformed) {
            throw malformed(file, parser, malformed);
        }
    }

    /** Malformed JSON in the reader's words; Jackson's message quotes the file, so it is neither shown nor kept. */
    private static IngestException malformed(Path file, JsonParser parser, IOException malformed) {
        JsonLocation location = malformed instanceof JsonProcessingException json && json.getLocation() != null
                ? json.getLocation()
                : parser == null ? null : parser.currentLocation();
        JsonFault fault = JsonFault.of(malformed);
        if (fault == JsonFault.DUPLICATE_KEY) {
            // Jackson's location is just after the repeated key.
            return IngestException.input(
                    "Scan results file " + file + " is not a Soda scan results file: it holds "
                            + repeatedKey(parser) + place(location) + ", and the server might read another "
                            + "value than the one checked here.",
                    RESEND);
        }
        return IngestException.input(
                "Scan results file " + file + " is not valid JSON: " + fault.text() + place(location) + ".", RESEND);
    }

    /**
     * The key Jackson found twice: named when it is one of the top-level keys of a scan, which are
     * this plugin's words; any other key is the file's text, and is not shown.
     */
    private static String repeatedKey(JsonParser parser) {
        JsonStreamContext context = parser == null ? null : parser.getParsingContext();
        String name = context == null ? null : context.getCurrentName();
        boolean topLevel = context != null
                && context.getParent() != null
                && context.getParent().inRoot();
        return topLevel && KNOWN_KEYS.contains(name)
                ? "the key \"" + name + "\" twice"
                : "a key repeated in one object";
    }

    private static int byteAt(Path file, long offset) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            return in.read();
        }
    }

    /** " (line L, column C)", or nothing when the reader could not say where (limits hit while skipping). */
    private static String place(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static int countObjects(JsonParser parser, Path file) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw notAScan(file, "its \"checks\" is not an array");
        }
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw notAScan(file, "its \"checks\" holds something other than check objects");
            }
            parser.skipChildren();
            count++;
        }
        return count;
    }

    private static IngestException notAScan(Path file, String why) {
        return IngestException.input(
                "Scan results file " + file + " is not a Soda scan results file: " + why + ".", RESEND);
    }
}
