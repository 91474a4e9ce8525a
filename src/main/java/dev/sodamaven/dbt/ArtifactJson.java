package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.sodamaven.IngestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .build();

    private static final int MAX_PLACE_LENGTH = 200;
    private static final String REGENERATE = "Run dbt again to regenerate it, or point the plugin at the right file.";

    private ArtifactJson() {
    }

    /**
     * Checks that {@code file} is a readable regular file; {@code label} names it in messages
     * (e.g. "dbt manifest") and {@code setting} says where it was configured.
     */
    static void requireReadableFile(Path file, String label, String setting) throws IngestException {
        if (Files.isDirectory(file)) {
            throw IngestException.input(label + " " + file + " is a directory, not a file.",
                    "Point " + setting + " at the file itself.");
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

    static <T> T parse(Path file, String label, Body<T> body) throws IngestException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    throw IngestException.input(label + " " + file + " is empty.", REGENERATE);
                }
                if (first != JsonToken.START_OBJECT) {
                    throw IngestException.input(label + " " + file + " is not a dbt artifact: it holds a JSON "
                            + describe(first) + ", not a JSON object.", REGENERATE);
                }
                return body.read(parser);
            } catch (StreamConstraintsException tooBig) {
                throw IngestException.input(label + " " + file + " " + describeLimit(tooBig.getOriginalMessage())
                        + at(tooBig.getLocation() != null ? tooBig.getLocation() : parser.currentLocation())
                        + place(parser) + ".",
                        "dbt writes no such value: check that the file is the dbt artifact you meant, "
                                + "or run dbt again to regenerate it.");
            } catch (JsonProcessingException malformed) {
                String problem = malformed.getOriginalMessage();
                boolean truncated = problem != null && problem.contains("end-of-input");
                String where = at(malformed.getLocation()) + place(parser);
                throw IngestException.input(label + " " + file + (truncated
                        ? " is truncated: it ends in the middle of a JSON value" + where + "."
                        : " is not valid JSON" + where + ": " + firstLine(problem) + "."), REGENERATE);
            }
        } catch (AccessDeniedException denied) {
            throw IngestException.input(label + " " + file + " cannot be read: permission denied.",
                    "Give the build user read access to it.");
        } catch (IOException io) {
            throw IngestException.input(label + " " + file + " could not be read: " + io.getMessage(),
                    "Check the file and the disk.", io);
        }
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
        String[] values = new String[5];
        readObject(parser, (name, p) -> {
            switch (name) {
                case "dbt_schema_version" -> values[0] = text(p);
                case "dbt_version" -> values[1] = text(p);
                case "invocation_id" -> values[2] = text(p);
                case "generated_at" -> values[3] = text(p);
                case "invocation_started_at" -> values[4] = text(p);
                default -> p.skipChildren();
            }
        });
        return new ArtifactMetadata(file, values[0], values[1], values[2], values[3], values[4]);
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
                    + " (" + metadata.schemaUrl() + "), not a " + SchemaVersion.fileName(expectedKind) + ".",
                    "Check " + setting + ": the two files may have been swapped.");
        }
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
        return " (in " + (pointer.length() > MAX_PLACE_LENGTH ? pointer.substring(0, MAX_PLACE_LENGTH) + "..." : pointer)
                + ")";
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
        String line = newline < 0 ? text : text.substring(0, newline);
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
