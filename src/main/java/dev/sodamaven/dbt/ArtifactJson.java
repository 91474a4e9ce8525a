package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.sodamaven.core.IngestException;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a dbt artifact with Jackson's streaming parser and turns every way reading it can fail into
 * one {@link IngestException} that names the file, the place and what to do. Also holds the small
 * lenient value readers all artifact readers share: dbt has changed value types between versions
 * (0.19's integer {@code message}, numeric or string model versions), so a value of an unexpected
 * type is read as text or skipped, never fatal.
 */
final class ArtifactJson {

    /** Reads the body of an artifact; the parser stands on the top-level {@code START_OBJECT}. */
    @FunctionalInterface
    interface Body<T> {
        T read(JsonParser parser) throws IOException, IngestException;
    }

    /** Handles one field; the parser stands on the value and must be left on its last token. */
    @FunctionalInterface
    interface FieldHandler {
        void field(String name, JsonParser parser) throws IOException, IngestException;
    }

    /** Longest text value read (skipped values are never materialised, so a huge compiled_code costs nothing). */
    static final int MAX_STRING_LENGTH = 20_000_000;
    /** Deepest nesting accepted; dbt's own files stay far below it. */
    static final int MAX_NESTING_DEPTH = 1_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // Manifests hold hundreds of thousands of distinct field names (node ids as keys of nodes,
            // parent_map, child_map); interning each costs time (measured 10-15 % of a read) and the
            // readers compare names with equals, never by identity.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .build();

    /** Longest text taken from the file into a message (a place, a schema URL). */
    private static final int MAX_SHOWN_LENGTH = 100;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern HEX_BYTE = Pattern.compile("0x[0-9a-fA-F]{2}");
    /** The two artifacts ingestion reads: finding one where the other belongs means they were swapped. */
    private static final Set<String> INGESTED_KINDS = Set.of("manifest", "run-results");
    private static final String REGENERATE = "Run dbt again to regenerate it, or point the plugin at the right file.";

    private ArtifactJson() {
    }

    /**
     * Checks that {@code file} is a readable regular file; {@code label} names it in messages
     * (e.g. "dbt manifest"), {@code fileName} is the name dbt gives such a file (manifest.json) and
     * {@code setting} says where it was configured.
     */
    static void requireReadableFile(Path file, String label, String fileName, String setting) throws IngestException {
        if (Files.isDirectory(file)) {
            // A folder holding the file is a folder given where the file was expected; else the file itself is one.
            throw IngestException.input(label + " " + file + " is a directory, not a file.",
                    Files.isRegularFile(file.resolve(fileName))
                            ? "Point " + setting + " at the " + fileName + " inside it."
                            : "Replace it with the " + fileName + " dbt wrote, or correct " + setting + ".");
        }
        if (!Files.exists(file)) {
            String why = Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? " is a broken symbolic link." : " does not exist.";
            throw IngestException.input(label + " " + file + why,
                    "Check " + setting + "; dbt writes it to its target/ folder when it runs.");
        }
        if (!Files.isRegularFile(file)) {
            throw IngestException.input(label + " " + file + " is not a regular file (a pipe or device?).",
                    "Point " + setting + " at the JSON file dbt wrote.");
        }
        if (!Files.isReadable(file)) {
            throw IngestException.input(label + " " + file + " cannot be read: permission denied.",
                    "Give the build user read access to it.");
        }
    }

    /**
     * Parses {@code file} with {@code body}, which gets the parser on the top-level object; anything
     * but one complete JSON object (empty, binary, truncated, malformed, not UTF-8, two objects in one
     * file) is one {@link IngestException} naming the file and the place.
     */
    static <T> T parse(Path file, String label, String fileName, Body<T> body) throws IngestException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(NonJsonContent.HEAD_LENGTH);
            byte[] head = new byte[NonJsonContent.HEAD_LENGTH];
            int length = in.readNBytes(head, 0, head.length);
            NonJsonContent.refuse(head, length, file, label, fileName, REGENERATE);
            in.reset();
            try (JsonParser parser = FACTORY.createParser(in)) {
                return parseJson(file, label, parser, body);
            }
        } catch (AccessDeniedException denied) {
            throw IngestException.input(label + " " + file + " cannot be read: permission denied.",
                    "Give the build user read access to it.");
        } catch (IOException io) {
            String reason = io instanceof FileSystemException fileProblem && fileProblem.getReason() != null
                    ? fileProblem.getReason() : io.getMessage() != null ? io.getMessage() : io.getClass().getSimpleName();
            throw IngestException.input(label + " " + file + " could not be read: " + reason + ".",
                    "Check the file and the disk it is on, then run the build again.", io);
        }
    }

    private static <T> T parseJson(Path file, String label, JsonParser parser, Body<T> body)
            throws IOException, IngestException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw IngestException.input(label + " " + file + " is empty.", REGENERATE);
            }
            if (first != JsonToken.START_OBJECT) {
                throw IngestException.input(label + " " + file + " is not a dbt artifact: it holds a JSON "
                        + describe(first) + ", not a JSON object.", REGENERATE);
            }
            T result = body.read(parser);
            requireEnd(file, label, parser);
            return result;
        } catch (StreamConstraintsException tooBig) {
            throw IngestException.input(label + " " + file + " " + describeLimit(tooBig.getOriginalMessage())
                    // Where the value starts: where inside a huge value the limit hit depends on buffering.
                    + at(parser.currentTokenLocation() != null ? parser.currentTokenLocation() : tooBig.getLocation())
                    + place(parser) + ".",
                    "dbt writes no such value: check that the file is the dbt artifact you meant, "
                            + "or run dbt again to regenerate it.");
        } catch (CharConversionException | JsonProcessingException malformed) {
            throw malformed(file, label, parser, malformed);
        }
    }

    /** After the top-level object only white space may follow: more is a second document or damage. */
    private static void requireEnd(Path file, String label, JsonParser parser) throws IngestException {
        JsonLocation where;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            where = parser.currentTokenLocation();
        } catch (IOException unreadable) {
            where = unreadable instanceof JsonProcessingException json ? json.getLocation() : parser.currentLocation();
        }
        throw IngestException.input(label + " " + file + " goes on after the end of its JSON object" + at(where)
                + ": it may hold two files in one, or be damaged.", REGENERATE);
    }

    private static IngestException malformed(Path file, String label, JsonParser parser, IOException malformed) {
        String problem = malformed instanceof JsonProcessingException json ? json.getOriginalMessage()
                : malformed.getMessage();
        JsonLocation location = malformed instanceof JsonProcessingException json ? json.getLocation()
                : parser.currentLocation();
        String where = at(location) + place(parser);
        if (problem != null && problem.contains("end-of-input")) {
            return IngestException.input(label + " " + file + " is truncated: it ends in the middle of a JSON value"
                    + where + ".", REGENERATE);
        }
        if (problem != null && problem.startsWith("Invalid UTF-8")) {
            Matcher bad = HEX_BYTE.matcher(problem);
            String which = bad.find() ? "byte " + bad.group() : "a byte";
            return IngestException.input(label + " " + file + " is not UTF-8 text" + where + ": " + which
                    + " cannot be there in UTF-8, so the file was probably saved in another encoding (such as "
                    + "Latin-1 or Windows-1252).", "dbt writes UTF-8: run dbt again to regenerate it, or convert "
                    + "the file to UTF-8.");
        }
        return IngestException.input(label + " " + file + " is not valid JSON" + where + ": " + firstLine(problem)
                + ".", REGENERATE);
    }

    /** Walks the fields of the object the parser stands on; unhandled values are skipped. */
    static void readObject(JsonParser parser, FieldHandler handler) throws IOException, IngestException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            handler.field(name, parser);
            // A handler that did not consume a container leaves us on its start: skip the rest.
            if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "expected a field name or '}'");
        }
    }

    /** Scalars as text (numbers and booleans too), null for null; objects and arrays are skipped. */
    static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return null;
        }
        if (token.isScalarValue()) {
            return token == JsonToken.VALUE_NULL ? null : parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** An integral number, or null for null, non-numbers and numbers that do not fit a long. */
    static Long wholeNumber(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            return Double.isFinite(value) && Math.abs(value) < 9.0e18 ? (long) value : null;
        }
        text(parser);
        return null;
    }

    static double decimal(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            return Double.isFinite(value) ? value : 0;
        }
        text(parser);
        return 0;
    }

    /** An array of strings; other elements are skipped; anything but an array gives an empty list. */
    static List<String> strings(JsonParser parser) throws IOException {
        List<String> values = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            text(parser);
            return values;
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token == JsonToken.VALUE_STRING) {
                values.add(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return values;
    }

    static ArtifactMetadata readMetadata(Path file, JsonParser parser) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            text(parser);
            return ArtifactMetadata.absent(file);
        }
        String[] values = new String[4];
        readObject(parser, (name, p) -> {
            switch (name) {
                case "dbt_schema_version" -> values[0] = text(p);
                case "dbt_version" -> values[1] = text(p);
                case "invocation_id" -> values[2] = text(p);
                case "generated_at" -> values[3] = text(p);
                default -> p.skipChildren();
            }
        });
        return new ArtifactMetadata(file, values[0], values[1], values[2], values[3]);
    }

    /**
     * Refuses a file whose metadata says it is another kind of dbt artifact, as soon as the metadata
     * is read (before reading a possibly huge rest).
     */
    static void requireKind(ArtifactMetadata metadata, String expectedKind, String label, String setting)
            throws IngestException {
        String kind = metadata.schemaKind();
        if (kind != null && !kind.equals(expectedKind)) {
            throw IngestException.input(label + " " + metadata.file() + " is a dbt " + SchemaVersion.fileName(kind)
                    + " (" + schemaShown(metadata) + "), not a " + SchemaVersion.fileName(expectedKind) + ".",
                    INGESTED_KINDS.contains(kind) ? "Check " + setting + ": the two files may have been swapped."
                            : "Check " + setting + ": it must lead to the " + SchemaVersion.fileName(expectedKind)
                            + " dbt wrote; a " + SchemaVersion.fileName(kind) + " is not ingested.");
        }
    }

    /** The schema URL as written when it is plain; else rebuilt from what was recognised in it. */
    private static String schemaShown(ArtifactMetadata metadata) {
        String url = metadata.schemaUrl();
        if (url.length() <= MAX_SHOWN_LENGTH && !CONTROL.matcher(url).find()) {
            return url;
        }
        return "dbt_schema_version .../dbt/" + metadata.schemaKind() + "/v" + metadata.schemaVersion() + ".json";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Where in the document the parser stood, as a JSON pointer such as {@code /nodes/model.shop.orders/name}. */
    private static String place(JsonParser parser) {
        String pointer;
        try {
            pointer = parser.getParsingContext().pathAsPointer().toString();
        } catch (RuntimeException unavailable) {
            return "";
        }
        if (pointer.isEmpty()) {
            return "";
        }
        if (pointer.length() > MAX_SHOWN_LENGTH) {
            // Cut at a segment: a thousand "/0" of deep nesting say no more than the first few.
            int cut = pointer.lastIndexOf('/', MAX_SHOWN_LENGTH);
            pointer = pointer.substring(0, cut > 0 ? cut : MAX_SHOWN_LENGTH) + "/...";
        }
        // In a damaged file any text can stand where a field name should: keep the message on one line.
        return " (in " + CONTROL.matcher(pointer).replaceAll(" ") + ")";
    }

    /** Jackson's limit messages in the user's words; the limits are this reader's own settings. */
    private static String describeLimit(String problem) {
        String text = problem == null ? "" : problem;
        if (text.startsWith("String value length")) {
            return "holds a text value longer than the limit of " + MAX_STRING_LENGTH + " characters";
        }
        if (text.startsWith("Document nesting depth")) {
            return "nests JSON values deeper than the limit of " + MAX_NESTING_DEPTH + " levels";
        }
        if (text.startsWith("Number value length")) {
            return "holds a number with more digits than the JSON reader accepts";
        }
        if (text.startsWith("Name length")) {
            return "holds a field name longer than the JSON reader accepts";
        }
        return "exceeds a limit of the JSON reader (" + firstLine(text) + ")";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "malformed";
        }
        int newline = text.indexOf('\n');
        String line = CONTROL.matcher(newline < 0 ? text : text.substring(0, newline)).replaceAll(" ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
