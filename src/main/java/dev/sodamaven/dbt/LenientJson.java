package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sodamaven.core.IngestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads values from a streaming parser without insisting on their type. dbt has changed value types
 * between versions (0.19's integer {@code message}, numeric or string model versions), so a value of
 * an unexpected type is read as text or skipped, never fatal: only broken JSON is.
 */
final class LenientJson {

    /** Handles one field; the parser stands on the value and must be left on its last token. */
    @FunctionalInterface
    interface FieldHandler {
        void field(String name, JsonParser parser) throws IOException, IngestException;
    }

    /** The message of the one parse error this class raises itself; {@link JsonFault} recognises it. */
    /** Handles one object of an array; the parser stands on its START_OBJECT and must be left on its END_OBJECT. */
    @FunctionalInterface
    interface ObjectHandler {
        void object(JsonParser parser) throws IOException, IngestException;
    }

    static final String EXPECTED_FIELD_NAME = "expected a field name or '}'";

    private LenientJson() {}

    /** Walks the fields of the object the parser stands on; unhandled values are skipped. */
    static void readObject(JsonParser parser, FieldHandler handler) throws IOException, IngestException {
        for (String name; (name = nextField(parser)) != null; endField(parser)) {
            handler.field(name, parser);
        }
    }

    /**
     * The name of the next field of the object being walked, the parser left on its value; null at the
     * object's end. A loop of {@code nextField} and {@link #endField} walks an object as {@link #readObject}
     * does, without a handler: the loops over a manifest's nodes and the run results' entries, where a
     * handler object and the call through it made the JIT compile the hottest code twice over.
     */
    static String nextField(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            return name;
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, EXPECTED_FIELD_NAME);
        }
        return null;
    }

    /** After a field's value was handled: a container the handler did not read is skipped. */
    static void endField(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
        }
    }

    /**
     * Hands each object of the array the parser stands on to {@code handler}; anything but an array holds
     * no object. Returns how many elements were not objects (skipped), for the reader to warn about.
     */
    static int eachObject(JsonParser parser, ObjectHandler handler) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            text(parser);
            return 0;
        }
        int notObjects = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token == JsonToken.START_OBJECT) {
                handler.object(parser);
            } else {
                text(parser);
                notObjects++;
            }
        }
        return notObjects;
    }

    /**
     * Skips the value the parser stands on, unread; a string not read yet is then gone, as an object or an
     * array is. With {@link SkimmingJsonParser} it is skimmed, not tokenized (most of a manifest is skipped).
     */
    static void skip(JsonParser parser) throws IOException {
        if (parser instanceof SkimmingJsonParser skimming) {
            skimming.skipValue();
        } else {
            parser.skipChildren();
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

    /** A number as a double, or 0 for null, non-numbers and numbers beyond a double's range. */
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
                skip(parser);
            }
        }
        return values;
    }
}
