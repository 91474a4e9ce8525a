package dev.sodamaven.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of malformed JSON is recognised from Jackson's own words. When a Jackson upgrade rewords
 * a message, its kind falls back to {@link JsonFault#OTHER} (still never quoting the file) and this
 * test says which.
 */
class JsonFaultTest {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("{\"a\": [1, 2", JsonFault.END_OF_INPUT),
                Arguments.of("{\"a\": \"abc", JsonFault.END_OF_INPUT),
                Arguments.of("secret_word", JsonFault.UNQUOTED_WORD),
                Arguments.of("{\"a\": falsy}", JsonFault.UNQUOTED_WORD),
                Arguments.of("{'a': 1}", JsonFault.SINGLE_QUOTE),
                Arguments.of("{\"a\": NaN}", JsonFault.NON_NUMERIC_NUMBER),
                Arguments.of("{\"a\": -x}", JsonFault.MALFORMED_NUMBER),
                Arguments.of("{\"a\": 012}", JsonFault.MALFORMED_NUMBER),
                Arguments.of("{\"a\": 1.}", JsonFault.MALFORMED_NUMBER),
                Arguments.of("{\"a\": +1}", JsonFault.MALFORMED_NUMBER),
                Arguments.of("{\"a\": \"x\u0001\"}", JsonFault.CONTROL_CHARACTER_IN_STRING),
                Arguments.of("{\"a\": 1,\u0001 \"b\": 2}", JsonFault.CONTROL_CHARACTER),
                Arguments.of("{\"a\": \"\\q\"}", JsonFault.BAD_ESCAPE),
                Arguments.of("{\"a\": \"\\u12g4\"}", JsonFault.BAD_ESCAPE),
                Arguments.of("{\"a\": [1}", JsonFault.MISMATCHED_BRACKET),
                Arguments.of("{\"a\": 1 /* x */}", JsonFault.COMMENT),
                Arguments.of("{\"a\": 1 \"b\": 2}", JsonFault.MISSING_COMMA_IN_OBJECT),
                Arguments.of("[1 2]", JsonFault.MISSING_COMMA_IN_ARRAY),
                Arguments.of("{\"a\" 1}", JsonFault.MISSING_COLON),
                Arguments.of("{a: 1}", JsonFault.MISSING_FIELD_NAME),
                Arguments.of("{\"a\": }", JsonFault.MISSING_VALUE),
                Arguments.of("{\"a\": 1, \"a\": 2}", JsonFault.DUPLICATE_KEY));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("samples")
    void recognisesTheKindFromJacksonsWords(String json, JsonFault expected) {
        IOException problem = catchThrowableOfType(IOException.class, () -> readAll(json));

        assertThat(problem).as("Jackson refuses %s", json).isNotNull();
        assertThat(JsonFault.of(problem)).as(problem.getMessage()).isEqualTo(expected);
    }

    private static void readAll(String json) throws IOException {
        try (JsonParser parser =
                FACTORY.createParser(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
            while (parser.nextToken() != null) {
                // reading is the test
            }
        }
    }
}
