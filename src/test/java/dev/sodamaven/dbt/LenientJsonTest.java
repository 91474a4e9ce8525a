package dev.sodamaven.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of lenient value reading the reader tests do not reach: numbers beyond a long or a
 * double, and the parser left on a skipped value's last token so the next field reads right.
 */
class LenientJsonTest {

    private static final JsonFactory JSON = new JsonFactory();

    /** A parser standing on the first token of {@code json}, with every {@code '} turned into {@code "}. */
    private static JsonParser on(String json) throws IOException {
        JsonParser parser = JSON.createParser(json.replace('\'', '"'));
        parser.nextToken();
        return parser;
    }

    @Test
    void wholeNumbersBeyondALongAreNull() throws Exception {
        assertThat(LenientJson.wholeNumber(on("9223372036854775807"))).isEqualTo(Long.MAX_VALUE);
        assertThat(LenientJson.wholeNumber(on("9223372036854775808"))).isNull();
        assertThat(LenientJson.wholeNumber(on("8.9e18"))).isEqualTo(8_900_000_000_000_000_000L);
        assertThat(LenientJson.wholeNumber(on("9.0e18"))).isNull();
        assertThat(LenientJson.wholeNumber(on("1e400"))).isNull();
        assertThat(LenientJson.wholeNumber(on("-3.7"))).isEqualTo(-3L);
    }

    @Test
    void decimalsBeyondADoubleAreZero() throws Exception {
        assertThat(LenientJson.decimal(on("1e400"))).isZero();
        assertThat(LenientJson.decimal(on("-1e400"))).isZero();
        assertThat(LenientJson.decimal(on("12"))).isEqualTo(12.0);
        assertThat(LenientJson.decimal(on("'1.5'"))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'a': [1, {'b': 2}]}", "[[], {}, 'x']"})
    void containersWhereAValueIsExpectedAreSkippedWhole(String container) throws Exception {
        assertThat(readThenNext(container, LenientJson::text)).containsExactly(null, "read");
        assertThat(readThenNext(container, LenientJson::wholeNumber)).containsExactly(null, "read");
        assertThat(readThenNext(container, LenientJson::decimal)).containsExactly(0.0, "read");
    }

    /** Reads {@code value} with {@code reading}, then the text of the field after it. */
    private static List<Object> readThenNext(String value, Reading reading) throws Exception {
        JsonParser parser = on("{'value': " + value + ", 'next': 'read'}");
        List<Object> values = new ArrayList<>();
        LenientJson.readObject(
                parser, (name, p) -> values.add("value".equals(name) ? reading.read(p) : LenientJson.text(p)));
        assertThat(parser.nextToken()).as("the whole document read").isNull();
        return values;
    }

    @Test
    void stringsKeepOnlyTheStringsOfAnArray() throws IOException {
        JsonParser parser = on("[['nested'], 'a', 1, null, {'k': 'v'}, 'b']");

        assertThat(LenientJson.strings(parser)).containsExactly("a", "b");
        assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
        assertThat(LenientJson.strings(on("'a'"))).isEmpty();
        assertThat(LenientJson.strings(on("{'a': ['b']}"))).isEmpty();
    }

    @Test
    void aHandlerThatLeavesAContainerUnreadHasItSkipped() throws Exception {
        JsonParser parser = on("{'ignored': {'deep': [1, 2]}, 'kept': 'x'}");
        List<String> seen = new ArrayList<>();
        LenientJson.readObject(
                parser,
                (name, p) -> seen.add(name + "=" + (p.currentToken().isScalarValue() ? p.getText() : "container")));

        assertThat(seen).containsExactly("ignored=container", "kept=x");
        assertThat(parser.nextToken()).isNull();
    }

    @Test
    void readObjectNeedsAnObject() throws Exception {
        assertThatThrownBy(() -> LenientJson.readObject(on("['not', 'an', 'object']"), (name, p) -> {}))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("expected a field name or '}'");
    }

    @FunctionalInterface
    private interface Reading {
        Object read(JsonParser parser) throws IOException;
    }
}
