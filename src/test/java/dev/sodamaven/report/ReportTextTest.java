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
