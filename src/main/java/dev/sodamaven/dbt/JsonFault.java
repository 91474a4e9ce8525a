package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.CharConversionException;
import java.io.IOException;

/**
 * What is wrong with text that is not valid JSON, in words that never quote the text. Jackson's
 * messages quote what it found ("Unrecognized token 'sk_live_…'", "Numeric value (…) out of range",
 * "Duplicate field '…'"), and a file given where JSON belongs may be any file the build user can
 * read: a file of secrets, /etc/shadow. So a message says where (line, column) and one of these
 * kinds, each a fixed text; Jackson's message is only matched against, never shown, and the
 * exception is never kept as a cause.
 */
public enum JsonFault {
    /** The text ends inside a value; messages usually say "truncated" instead. */
    END_OF_INPUT("it ends in the middle of a JSON value"),
    /** Bytes that are not UTF-8 (Jackson reads UTF-8 unless zero bytes announce UTF-16 or UTF-32). */
    NOT_UTF8("it holds bytes that are not UTF-8 text"),
    /** The file starts as UTF-32 (zero bytes) and goes on with something no UTF-32 text holds. */
    NOT_UTF32("it holds bytes that are not valid in the UTF-32 encoding it starts with"),
    UNQUOTED_WORD("it holds an unquoted word where a JSON value should be"),
    SINGLE_QUOTE("it holds a single quote where JSON needs a double quote"),
    NON_NUMERIC_NUMBER("it holds NaN or Infinity, which JSON does not allow"),
    MALFORMED_NUMBER("it holds a malformed number"),
    NUMBER_OUT_OF_RANGE("it holds a number out of range"),
    CONTROL_CHARACTER_IN_STRING("it holds a control character in a string, where it must be escaped"),
    CONTROL_CHARACTER("it holds a control character between values"),
    BAD_ESCAPE("it holds an invalid backslash escape in a string"),
    MISMATCHED_BRACKET("it holds a closing bracket that does not match the open one"),
    COMMENT("it holds a comment, which JSON does not allow"),
    MISSING_COMMA_IN_OBJECT("a comma or '}' is missing there"),
    MISSING_COMMA_IN_ARRAY("a comma or ']' is missing there"),
    MISSING_COLON("a colon after the field name is missing there"),
    MISSING_FIELD_NAME("a field name in double quotes should start there"),
    MISSING_VALUE("a JSON value should start there"),
    DUPLICATE_KEY("it holds a key twice in one object"),
    VALUES_RUN_TOGETHER("two values run together there without a separator"),
    UNEXPECTED_CHARACTER("it holds an unexpected character"),
    OTHER("it holds something JSON does not allow");

    private final String text;

    JsonFault(String text) {
        this.text = text;
    }

    /**
     * What is wrong, as a clause to follow "is not valid JSON at line L, column C: ", e.g. "it holds an
     * unquoted word where a JSON value should be" or "a comma or '}' is missing there".
     */
    public String text() {
        return text;
    }

    /**
     * The kind of {@code problem}, a failure of Jackson's parser (a {@link JsonProcessingException}
     * or the {@link CharConversionException} of its UTF-32 reader), or of {@link StrictUtf8Reader}.
     * Only the type, or Jackson's own words at the start of its message, decide: what it quotes from
     * the text comes after them.
     */
    public static JsonFault of(IOException problem) {
        if (problem instanceof StrictUtf8Reader.NotUtf8) {
            return NOT_UTF8;
        }
        if (problem instanceof CharConversionException) {
            return NOT_UTF32;
        }
        String message = problem instanceof JsonProcessingException json ? json.getOriginalMessage() : null;
        if (message == null) {
            return OTHER;
        }
        if (message.startsWith("Unexpected end-of-input") || message.startsWith("Unexpected EOF")) {
            return END_OF_INPUT;
        }
        if (message.startsWith("Invalid UTF-8")) {
            return NOT_UTF8;
        }
        if (message.startsWith("Unrecognized token")) {
            return UNQUOTED_WORD;
        }
        if (message.startsWith("Non-standard token")) {
            return NON_NUMERIC_NUMBER;
        }
        if (message.startsWith("Numeric value (")) {
            return NUMBER_OUT_OF_RANGE;
        }
        if (message.startsWith("Invalid numeric value")
                || message.startsWith("Malformed numeric value")
                || message.startsWith("JSON spec does not allow numbers")) {
            return MALFORMED_NUMBER;
        }
        if (message.startsWith("Illegal unquoted character")) {
            return CONTROL_CHARACTER_IN_STRING;
        }
        if (message.startsWith("Illegal character ((CTRL-CHAR")) {
            return CONTROL_CHARACTER;
        }
        if (message.startsWith("Unrecognized character escape")) {
            return BAD_ESCAPE;
        }
        if (message.startsWith("Unexpected close marker")) {
            return MISMATCHED_BRACKET;
        }
        if (message.startsWith("Duplicate field")) {
            return DUPLICATE_KEY;
        }
        if (message.startsWith("Expected space separating root-level values")) {
            return VALUES_RUN_TOGETHER;
        }
        if (message.startsWith(LenientJson.EXPECTED_FIELD_NAME)) {
            return MISSING_FIELD_NAME;
        }
        if (message.startsWith("Unexpected character (")) {
            return unexpectedCharacter(message);
        }
        return OTHER;
    }

    /**
     * "Unexpected character ('x' (code 120)): was expecting …": the one character quoted cannot spell
     * any of the phrases looked for, so what follows it is Jackson's own words.
     */
    private static JsonFault unexpectedCharacter(String message) {
        if (message.contains(" in numeric value")) {
            return MALFORMED_NUMBER;
        }
        if (message.contains("for character escape sequence")) {
            return BAD_ESCAPE;
        }
        if (message.contains("maybe a (non-standard) comment")) {
            return COMMENT;
        }
        if (message.startsWith("Unexpected character (''' (code 39))")) {
            return SINGLE_QUOTE;
        }
        if (message.contains("was expecting comma to separate Object entries")) {
            return MISSING_COMMA_IN_OBJECT;
        }
        if (message.contains("was expecting comma to separate Array entries")) {
            return MISSING_COMMA_IN_ARRAY;
        }
        if (message.contains("was expecting a colon")) {
            return MISSING_COLON;
        }
        if (message.contains("to start field name")) {
            return MISSING_FIELD_NAME;
        }
        if (message.contains("expected a valid value") || message.contains("expected a value")) {
            return MISSING_VALUE;
        }
        return UNEXPECTED_CHARACTER;
    }
}
