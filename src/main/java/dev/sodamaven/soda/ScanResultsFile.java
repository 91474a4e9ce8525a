package dev.sodamaven.soda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a saved scan results file before it is sent ({@code soda:upload}, and the upload step of
 * {@code soda:ingest}): it must be a complete {@code sodaCoreInsertScanResults} body with at least
 * one check and no token. Read with the streaming parser: the file can be large.
 */
public final class ScanResultsFile {

    private static final JsonFactory FACTORY = new JsonFactory();
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
        } catch (JsonProcessingException malformed) {
            throw IngestException.input(
                    "Scan results file " + file + " is not valid JSON: " + malformed.getOriginalMessage()
                            + place(malformed.getLocation()) + ".",
                    RESEND);
        } catch (IOException io) {
            throw IngestException.input(
                    "Scan results file " + file + " could not be read: " + io.getMessage(),
                    "Check the file and the disk.",
                    io);
        }
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
