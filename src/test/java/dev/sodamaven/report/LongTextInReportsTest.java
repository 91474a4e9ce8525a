package dev.sodamaven.report;

import static dev.sodamaven.report.ReportFixtures.ORDERS;
import static dev.sodamaven.report.ReportFixtures.check;
import static dev.sodamaven.soda.LongText.MAX_CHARACTERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.maven.MavenSettingNames;
import dev.sodamaven.soda.Dataset;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
import dev.sodamaven.soda.SodaCheck;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Texts from outside are cut to {@link dev.sodamaven.soda.LongText}'s limit in both reports: forty
 * dbt messages of 19 million characters once made a report.html and a TEST-dbt.xml of 760 MB each.
 */
@Timeout(60)
class LongTextInReportsTest {

    private static final String ROCKET = "\uD83D\uDE80";
    private static final String DBT_NOTICE =
            "… [cut: 2,000,000 characters in all; the full text is in run_results.json]";

    /** Forty checks, at most this much each: their facts, two cut texts and the markup around them. */
    private static final long SMALL = 40L * 4 * MAX_CHARACTERS;

    @TempDir
    Path output;

    @Test
    void fortyHugeMessagesMakeSmallReportsThatSayTheMessagesWereCut() throws Exception {
        List<SodaCheck> checks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String message = "Database Error in test " + i + ": " + "x".repeat(2_000_000);
            message = message.substring(0, 2_000_000);
            checks.add(
                    i % 2 == 0
                            ? check("errored_" + i, ORDERS, Outcome.FAIL, "error", null, message)
                            : check("failed_" + i, ORDERS, Outcome.FAIL, "fail", 3L, message));
        }
        MappedChecks mapped = new MappedChecks(checks, List.of(), List.of(), List.of(), List.of());

        Path html = new HtmlReportWriter(ReportFixtures.OUTBOUND).write(mapped, ReportFixtures.context(), output);
        Path junit = new JUnitReportWriter(ReportFixtures.OUTBOUND).write(mapped, ReportFixtures.context(), output);

        assertThat(Files.size(html)).isLessThan(SMALL);
        assertThat(Files.size(junit)).isLessThan(SMALL);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertThat(count(page, DBT_NOTICE)).isEqualTo(40);
        assertThat(count(xml, DBT_NOTICE)).isEqualTo(40);
        assertThat(parse(junit).getElementsByTagName("testcase").getLength()).isEqualTo(40);
    }

    @Test
    void hugeNamesIdsAndFactsAreCutToo() throws Exception {
        String huge = "n".repeat(2_000_000);
        Dataset dataset = new Dataset(huge, huge, huge, "model", huge);
        SodaCheck check = new SodaCheck(huge, huge, huge, dataset, huge, Outcome.FAIL, "fail", 1L, "Got 1 result", 0);
        MappedChecks mapped = new MappedChecks(
                List.of(check),
                List.of(huge),
                List.of(new MappedChecks.UnattachedTest(huge, huge, huge, huge)),
                List.of(huge),
                List.of(huge + " (success)"));
        ReportContext context = new ReportContext(huge, huge, huge, huge, huge, huge, ReportFixtures.GENERATED, null);

        Path html = new HtmlReportWriter(ReportFixtures.OUTBOUND).write(mapped, context, output);
        Path junit = new JUnitReportWriter(ReportFixtures.OUTBOUND).write(mapped, context, output);

        // About thirty texts each; uncut, these would be 60 MB.
        assertThat(Files.size(html)).isLessThan(40L * MAX_CHARACTERS);
        assertThat(Files.size(junit)).isLessThan(40L * MAX_CHARACTERS);
        assertThat(Files.readString(html)).contains("n… [cut: 2,000,000 characters in all]");
        assertThat(Files.readString(junit)).contains("n… [cut: 2,000,000 characters in all]");
        assertThat(parse(junit).getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(ConsoleSummary.lines(mapped).stream()
                        .mapToInt(String::length)
                        .sum())
                .isLessThan(2 * MAX_CHARACTERS);
        assertThat(ConsoleSummary.warnings(mapped).stream()
                        .mapToInt(String::length)
                        .sum())
                .isLessThan(10 * MAX_CHARACTERS);
    }

    @Test
    void aMessageOfTheLimitIsShownWhole() throws Exception {
        String message = "Database Error\n" + "w".repeat(MAX_CHARACTERS - 18) + "end";
        MappedChecks mapped = one(message);

        String page = Files.readString(
                new HtmlReportWriter(ReportFixtures.OUTBOUND).write(mapped, ReportFixtures.context(), output));
        Document xml =
                parse(new JUnitReportWriter(ReportFixtures.OUTBOUND).write(mapped, ReportFixtures.context(), output));

        assertThat(message).hasSize(MAX_CHARACTERS);
        assertThat(page).contains("<pre>" + message + "</pre>").doesNotContain("[cut:");
        assertThat(xml.getElementsByTagName("error").item(0).getTextContent())
                .contains("Message: " + message + "\n")
                .doesNotContain("[cut:");
    }

    @Test
    void aSurrogatePairAtTheCutStaysWhole() throws Exception {
        String notice = "… [cut: 10,000 characters in all; the full text is in run_results.json]";
        int kept = MAX_CHARACTERS - notice.length();
        // Cut by UTF-16 units, the last kept character would be the pair's first half alone.
        String message = "a".repeat(kept - 1) + ROCKET.repeat(10_000 - kept + 1);
        MappedChecks mapped = one(message);

        String page = Files.readString(
                new HtmlReportWriter(ReportFixtures.OUTBOUND).write(mapped, ReportFixtures.context(), output));
        Document xml =
                parse(new JUnitReportWriter(ReportFixtures.OUTBOUND).write(mapped, ReportFixtures.context(), output));

        assertThat(page).contains("a" + ROCKET + notice + "</pre>").doesNotContain("\uFFFD");
        assertThat(xml.getElementsByTagName("error").item(0).getTextContent())
                .contains("a" + ROCKET + notice + "\n")
                .doesNotContain("\uFFFD");
    }

    @Test
    void aSecretAcrossTheCutIsMaskedNotHalfShown() throws Exception {
        String secret = "SECRETVALUE-0123456789-abcdefghij";
        Outbound outbound = new Outbound(new Secrets().add(secret), MavenSettingNames.INSTANCE);
        // The secret straddles the cut: cut before masking, its first half would be shown.
        String message = "x".repeat(MAX_CHARACTERS - 100) + secret + "y".repeat(MAX_CHARACTERS);
        MappedChecks mapped = one(message);

        String page = Files.readString(new HtmlReportWriter(outbound).write(mapped, ReportFixtures.context(), output));
        String xml = Files.readString(new JUnitReportWriter(outbound).write(mapped, ReportFixtures.context(), output));

        assertThat(page).contains("x****y").doesNotContain("SECRETVAL");
        assertThat(xml).contains("x****y").doesNotContain("SECRETVAL");
    }

    @Test
    void theBuildLogNamesTenReasonsAtMostWhenEveryTestHasItsOwn() {
        List<MappedChecks.UnattachedTest> unattached = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String missing = "model.shop.gone_" + i + "_" + "g".repeat(MAX_CHARACTERS);
            unattached.add(new MappedChecks.UnattachedTest(
                    "test.shop.t_" + i,
                    "t_" + i,
                    "it depends on " + missing + ", which the manifest does not define",
                    "Use the manifest.json written by the same dbt invocation as the run results."));
        }
        MappedChecks mapped = new MappedChecks(List.of(), List.of(), unattached, List.of(), List.of());

        String warning = ConsoleSummary.warnings(mapped).get(0);

        // Uncut and unlimited, 4 million characters.
        assertThat(warning)
                .startsWith(
                        "1000 tests not sent because no dataset could be determined (it depends on model.shop.gone_")
                .contains("; 990 more tests for other reasons).")
                .hasSizeLessThan(11 * MAX_CHARACTERS);
    }

    private static MappedChecks one(String message) {
        return new MappedChecks(
                List.of(check("errored", ORDERS, Outcome.FAIL, "error", null, message)),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    private static Document parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder()
                    .parse(in);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
