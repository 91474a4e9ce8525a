package dev.sodamaven.soda;

import static dev.sodamaven.soda.LongText.MAX_CHARACTERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LongTextTest {

    private static final String ROCKET = "\uD83D\uDE80";

    @Test
    void aTextOfTheLimitIsUnchanged() {
        String text = "x".repeat(MAX_CHARACTERS - 1) + "!";

        assertThat(LongText.message(text)).isSameAs(text);
        assertThat(LongText.cut(text)).isSameAs(text);
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        // 4,000 characters in 8,000 UTF-16 units: nothing to cut.
        String text = ROCKET.repeat(MAX_CHARACTERS);

        assertThat(LongText.message(text)).isSameAs(text);
    }

    @Test
    void aLongerDbtMessageIsCutToTheLimitAndSaysSoAndWhereTheRestIs() {
        String text = "Database Error " + "x".repeat(2_000_000 - 15);

        String cut = LongText.message(text);

        assertThat(cut)
                .startsWith("Database Error xxx")
                .endsWith("xxx… [cut: 2,000,000 characters in all; the full text is in run_results.json]");
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(MAX_CHARACTERS);
    }

    @Test
    void oneCharacterOverTheLimitIsCut() {
        String cut = LongText.cut("y".repeat(MAX_CHARACTERS + 1));

        assertThat(cut).endsWith("y… [cut: 4,001 characters in all]").hasSize(MAX_CHARACTERS);
    }

    @Test
    void aSurrogatePairAtTheCutIsKeptWholeOrLeftOutWhole() {
        String notice = "… [cut: 50,000 characters in all]";
        int kept = MAX_CHARACTERS - notice.length();
        for (int shift = 0; shift < 2; shift++) {
            // The kept part's last character is a pair whose two halves straddle the kept UTF-16 units.
            String text = "a".repeat(kept - 1 - shift) + ROCKET.repeat(50_000 - kept + 1 + shift);

            String cut = LongText.cut(text);

            assertThat(cut).endsWith(notice);
            String head = cut.substring(0, cut.length() - notice.length());
            assertThat(head).endsWith(ROCKET);
            assertThat(new String(head.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .as("no lone surrogate, which UTF-8 cannot carry")
                    .isEqualTo(head);
            assertThat(cut.codePointCount(0, cut.length())).isEqualTo(MAX_CHARACTERS);
        }
    }

    @Test
    void cuttingACutTextAgainChangesNothing() {
        String once = LongText.message("z".repeat(3 * MAX_CHARACTERS));

        assertThat(LongText.cut(once)).isSameAs(once);
        assertThat(LongText.message(once)).isSameAs(once);
    }

    @Test
    void nullStaysNull() {
        assertThat(LongText.cut(null)).isNull();
        assertThat(LongText.message(null)).isNull();
    }
}
