package dev.sodamaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text from outside shown on one log line: nothing in it can start a line or steer the terminal. */
@Timeout(10)
class OneLineTest {

    @Test
    void lineBreaksCannotForgeALogLine() {
        assertThat(OneLine.of("dataset x\n[INFO] BUILD SUCCESS")).isEqualTo("dataset x\\n[INFO] BUILD SUCCESS");
        assertThat(OneLine.of("id\r::warning::pwned")).isEqualTo("id\\r::warning::pwned");
        assertThat(OneLine.of("a\r\nb")).isEqualTo("a\\r\\nb");
    }

    @Test
    void terminalEscapesAreShownNotObeyed() {
        assertThat(OneLine.of("\u001b[2K\u001b[1Agone")).isEqualTo("\\u001b[2K\\u001b[1Agone");
    }

    @ParameterizedTest
    @CsvSource({
        "0000, \\u0000",
        "0007, \\u0007",
        "0009, \\t",
        "000b, \\u000b",
        "000c, \\u000c",
        "001f, \\u001f",
        "007f, \\u007f",
        "0085, \\u0085",
        "009b, \\u009b",
        "061c, \\u061c",
        "200e, \\u200e",
        "200f, \\u200f",
        "2028, \\u2028",
        "2029, \\u2029",
        "202a, \\u202a",
        "202e, \\u202e",
        "2066, \\u2066",
        "2069, \\u2069",
    })
    void everyControlLineSeparatorAndBidiControlIsEscaped(String hex, String escaped) {
        char c = (char) Integer.parseInt(hex, 16);

        assertThat(OneLine.of("a" + c + "b")).isEqualTo("a" + escaped + "b");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "Checks: 3 (2 pass, 1 fail) – naïve “quotes”, 日本語, emoji \uD83D\uDE00, C:\\dbt\\target";

        assertThat(OneLine.of(text)).isSameAs(text);
        assertThat(OneLine.of(null)).isNull();
    }
}
