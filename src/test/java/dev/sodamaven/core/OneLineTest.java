package dev.sodamaven.core;

import static dev.sodamaven.core.OneLine.MAX_CHARACTERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
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

    @Test
    void aLineLongerThanTheLimitIsCutAndSaysSo() {
        String text = "invocation-" + "i".repeat(19_000_000 - 11);

        String line = OneLine.of(text);

        assertThat(line)
                .hasSize(MAX_CHARACTERS)
                .startsWith("invocation-iii")
                .endsWith("iii… [cut: 19,000,000 characters in all]");
    }

    @Test
    void aLineOfExactlyTheLimitIsLeftAlone() {
        String text = "y".repeat(MAX_CHARACTERS);

        assertThat(OneLine.of(text)).isSameAs(text);
    }

    @Test
    void escapesCountAgainstTheLimitAndAreNeverSplit() {
        String line = OneLine.of("\u001b".repeat(MAX_CHARACTERS));

        String notice = notice(MAX_CHARACTERS);
        assertThat(line).endsWith(notice);
        String kept = line.substring(0, line.length() - notice.length());
        assertThat(kept).matches("(\\\\u001b)+");
        assertThat(line.length()).isLessThanOrEqualTo(MAX_CHARACTERS);
        assertThat(line.length()).isGreaterThan(MAX_CHARACTERS - 6);
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        // Odd, so that a cut by UTF-16 units would fall between the two halves of an emoji.
        String line = OneLine.of("a" + "\uD83D\uDE00".repeat(MAX_CHARACTERS));

        assertThat(line.codePointCount(0, line.length())).isEqualTo(MAX_CHARACTERS);
        assertThat(line.codePoints().filter(c -> Character.getType(c) == Character.SURROGATE))
                .as("no half of a pair")
                .isEmpty();
        assertThat(line).endsWith("\uD83D\uDE00" + notice(MAX_CHARACTERS + 1));
    }

    @Test
    void aCutLineIsNotCutAgain() {
        String once = OneLine.of("z\n".repeat(3 * MAX_CHARACTERS));

        assertThat(OneLine.of(once)).isSameAs(once);
    }

    private static String notice(int characters) {
        return String.format(Locale.ROOT, "… [cut: %,d characters in all]", characters);
    }
}
