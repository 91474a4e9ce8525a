package dev.sodamaven.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void keepsLegalTextAsItIs() {
        String text = "tab\tline\ncr\r café 日本 \uD83D\uDE80 \uFFFD \uE000";

        assertThat(ReportText.clean(text)).isSameAs(text);
    }

    @Test
    void replacesEveryCharacterXmlForbids() {
        assertThat(ReportText.clean("a\u0000b\u001Fc\uFFFEd\uFFFFe")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    }

    @Test
    void replacesBrokenSurrogatesButKeepsPairs() {
        assertThat(ReportText.clean("\uDC00\uD83D\uDE80\uD800")).isEqualTo("\uFFFD\uD83D\uDE80\uFFFD");
        assertThat(ReportText.clean("\uD800\uD800\uDC00")).isEqualTo("\uFFFD\uD800\uDC00");
    }

    @Test
    void nullIsEmpty() {
        assertThat(ReportText.clean(null)).isEmpty();
        assertThat(ReportText.oneLine(null, 10)).isEmpty();
    }

    @Test
    void oneLineCollapsesWhiteSpaceAndShortens() {
        assertThat(ReportText.oneLine("  Database Error\n\t  in  test \r\n", 100))
                .isEqualTo("Database Error in test");
        assertThat(ReportText.oneLine("abcdefghijkl", 10)).isEqualTo("abcdefg...");
        assertThat(ReportText.oneLine("abcdefghij", 10)).isEqualTo("abcdefghij");
    }

    @Test
    void oneLineReplacesEachKindOfWhiteSpaceAloneAndLeavesSingleSpaces() {
        assertThat(ReportText.oneLine("a b c", 100)).isEqualTo("a b c");
        assertThat(ReportText.oneLine("a  b", 100)).isEqualTo("a b");
        // (A vertical tab or form feed is no XML character: clean() has replaced it already.)
        for (String space : new String[] {"\t", "\n", "\r"}) {
            assertThat(ReportText.oneLine("a" + space + "b", 100))
                    .as("%s", (int) space.charAt(0))
                    .isEqualTo("a b");
        }
        // Only those: a no-break space is text, as it was for the regular expression alone.
        assertThat(ReportText.oneLine("a\u00A0b", 100)).isEqualTo("a\u00A0b");
    }

    @Test
    void oneLineCollapsesWhiteSpaceAsTheRegularExpressionWould() {
        // Every string up to six characters over an alphabet of each kind of white space and two others.
        char[] alphabet = {' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', 'x'};
        int compared = 0;
        for (int length = 0; length <= 6; length++) {
            int combinations = (int) Math.pow(alphabet.length, length);
            for (int code = 0; code < combinations; code++) {
                StringBuilder text = new StringBuilder();
                for (int at = 0, rest = code; at < length; at++, rest /= alphabet.length) {
                    text.append(alphabet[rest % alphabet.length]);
                }
                String expected = ReportText.clean(text.toString()).strip().replaceAll("\\s+", " ");
                assertThat(ReportText.oneLine(text.toString(), 100))
                        .as("%s", text.chars().mapToObj(Integer::toHexString).toList())
                        .isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(299_593);
    }

    @Test
    void oneLineNeverCutsASurrogatePairInHalf() {
        String shortened = ReportText.oneLine("abcdef\uD83D\uDE80xyz", 10);

        assertThat(shortened).isEqualTo("abcdef...");
        assertThat(ReportText.clean(shortened)).isSameAs(shortened);
    }

    @Test
    void testNamesFromUniqueIds() {
        assertThat(DbtTestNames.fromUniqueId("test.jaffle_shop.not_null_orders_order_id.cf6c17daed"))
                .isEqualTo("not_null_orders_order_id");
        assertThat(DbtTestNames.fromUniqueId("test.jaffle_shop.assert_total_positive"))
                .isEqualTo("assert_total_positive");
        assertThat(DbtTestNames.fromUniqueId("test.pkg.name_with_hex_like.deadbeef"))
                .isEqualTo("name_with_hex_like.deadbeef");
        assertThat(DbtTestNames.fromUniqueId("unit_test.pkg.model.case")).isEqualTo("unit_test.pkg.model.case");
        assertThat(DbtTestNames.fromUniqueId("test.pkg")).isEqualTo("test.pkg");
    }
}
