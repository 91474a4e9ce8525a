package dev.sodamaven.report;

import static dev.sodamaven.report.ReportFixtures.ORDERS;
import static dev.sodamaven.report.ReportFixtures.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.soda.Dataset;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
import dev.sodamaven.soda.SodaCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {

    @TempDir
    Path output;

    private final HtmlReportWriter writer = new HtmlReportWriter(ReportFixtures.OUTBOUND);

    @Test
    void showsFactsTotalsWhatWasNotSentAndOneTablePerDatasetWithProblemsFirst() throws Exception {
        Path file = writer.write(ReportFixtures.sample(), ReportFixtures.context(), output);

        assertThat(file).isEqualTo(output.resolve("report.html"));
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .endsWith("</html>\n")
                .contains("<p class=\"verdict error\">2 of 5 checks did not pass (1 ended in error in dbt).</p>")
                .contains(
                        "<dt>Data source</dt><dd>jaffle_shop</dd>",
                        "<dt>Scan definition</dt><dd>Ingest - dbt</dd>",
                        "<dt>dbt version</dt><dd>1.10.7</dd>",
                        "<dt>dbt command</dt><dd>dbt build</dd>",
                        "<dt>dbt invocation</dt><dd>0b6c1a9e-5c1f-4bd3-9d2b-4f0b2f3b1d7a</dd>",
                        "<dt>Generated</dt><dd>2026-11-20T08:30:12Z</dd>")
                .contains(
                        "<span class=\"badge pass\">Pass</span></td><td class=\"num\">2<",
                        "<span class=\"badge error\">Error</span></td><td class=\"num\">1<",
                        "<td>Skipped by dbt</td><td class=\"num\">2<",
                        "<td>No dataset</td><td class=\"num\">1<")
                .contains("<td>assert_raw_sql</td><td><code>test.jaffle_shop.assert_raw_sql</code></td>"
                        + "<td>its SQL references no model, seed, snapshot or source</td>")
                .contains(
                        "<summary>Skipped by dbt (2)</summary>",
                        "<li><code>test.jaffle_shop.assert_total_positive</code>",
                        "<summary>Not defined in the manifest (1)</summary>",
                        "<summary>Status is not a test outcome (1)</summary>");
        assertThat(count(html, "<section>")).isEqualTo(2);
        assertThat(count(html, "<tr><td title=")).isEqualTo(5);
        String orders = html.substring(
                html.indexOf("<h3 id=\"dataset-1\">analytics.jaffle.orders</h3>"),
                html.indexOf("<h3 id=\"dataset-2\">"));
        assertThat(orders).contains("dbt node model.jaffle_shop.orders &middot; 4 checks");
        assertThat(List.of(
                        "relationships_orders_customer",
                        "unique_orders_order_id",
                        "accepted_values_orders_status",
                        "not_null_orders_order_id"))
                .extracting(name -> orders.indexOf(">" + name + "</td>"))
                .isSorted()
                .doesNotContain(-1);
        assertThat(orders)
                .contains(
                        ">unique_orders_order_id</td><td>order_id</td><td><span class=\"badge fail\">"
                                + "fail</span></td><td>fail</td><td class=\"num\">3</td><td>Got 3 results, configured to fail if != 0</td>");
        assertThat(orders)
                .contains(
                        "<span class=\"badge error\">fail</span></td><td>error</td>",
                        "<details><summary>Database Error in test relationships_orders_customer</summary><pre>"
                                + "Database Error in test relationships_orders_customer\n  relation does not exist</pre>");
    }

    @Test
    void theVerdictSaysWhenEverythingPassed() throws Exception {
        MappedChecks passing = new MappedChecks(
                List.of(
                        check("a", ORDERS, Outcome.PASS, "pass", 0L, null),
                        check("b", ORDERS, Outcome.WARN, "warn", 1L, null)),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        String html = Files.readString(writer.write(passing, ReportFixtures.context(), output));

        assertThat(html)
                .contains("<p class=\"verdict warn\">All 2 checks passed, 1 with a warning.</p>")
                .doesNotContain("Not sent to Soda Cloud");
    }

    @Test
    void anEmptyResultIsAValidPage() throws Exception {
        MappedChecks none = new MappedChecks(List.of(), List.of(), List.of(), List.of(), List.of());
        ReportContext bare = new ReportContext(null, null, null, null, null, null, ReportFixtures.GENERATED, null);

        String html = Files.readString(writer.write(none, bare, output));

        assertThat(html)
                .contains("No check to report.", "Datasets (0)", "No check was attached to a dataset.")
                .doesNotContain("<dt>Data source</dt>", "<dt>dbt version</dt>")
                .endsWith("</html>\n");
    }

    @Test
    void everyTextIsEscapedSoNoNameCanAddMarkup() throws Exception {
        String script = "<script>alert(1)</script>";
        Dataset hostileDataset = new Dataset("\"><img src=x onerror=alert(1)>", "db", "it's", "model", "model.x.<b>");
        SodaCheck hostile = new SodaCheck(
                "test.x.\"onmouseover=\"alert(1)",
                script,
                "models/\"a\".yml",
                hostileDataset,
                "col\"umn'",
                Outcome.FAIL,
                "fail",
                1L,
                "Got 'it' & \"that\" <b>bold</b>",
                0);
        MappedChecks mapped = new MappedChecks(
                List.of(hostile),
                List.of("test.x.<script>skipped</script>"),
                List.of(new MappedChecks.UnattachedTest("test.x.<i>", script, "reason <u>&</u>", "")),
                List.of("test.x.<s>"),
                List.of("test.x.</table> (success)"));
        ReportContext context = new ReportContext(
                "</title><script>alert(1)</script>",
                "scan \"x\"",
                "<1.0>",
                "build' onload='x",
                "<id>",
                "<file>",
                ReportFixtures.GENERATED,
                null);

        String html = Files.readString(writer.write(mapped, context, output), StandardCharsets.UTF_8);

        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower)
                .doesNotContain("<script", "<img", "<b>", "<i>", "<u>", "<s>", "\"onmouseover")
                .containsOnlyOnce("</table>\n</section>");
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<title>dbt test results: &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>")
                .contains("title=\"test.x.&quot;onmouseover=&quot;alert(1) (models/&quot;a&quot;.yml)\"")
                .contains(
                        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
                        "col&quot;umn&#39;",
                        "Got &#39;it&#39; &amp; &quot;that&quot; &lt;b&gt;bold&lt;/b&gt;",
                        "reason &lt;u&gt;&amp;&lt;/u&gt;",
                        "test.x.&lt;/table&gt; (success)",
                        "dbt build&#39; onload=&#39;x");

        // Same report with harmless names: escaping adds no '<', '>', '"' or '\'', so the markup is identical.
        SodaCheck plain = new SodaCheck(
                "test.x.plain",
                "plain",
                "models/a.yml",
                new Dataset("t", "db", "s", "model", "model.x.t"),
                "column",
                Outcome.FAIL,
                "fail",
                1L,
                "Got it",
                0);
        MappedChecks plainMapped = new MappedChecks(
                List.of(plain),
                List.of("test.x.skipped"),
                List.of(new MappedChecks.UnattachedTest("test.x.i", "name", "reason", "")),
                List.of("test.x.s"),
                List.of("test.x.t (success)"));
        ReportContext plainContext =
                new ReportContext("ds", "scan", "1.0", "build", "id", "file", ReportFixtures.GENERATED, null);
        Path plainDirectory = Files.createDirectories(output.resolve("plain"));
        String plainHtml = Files.readString(writer.write(plainMapped, plainContext, plainDirectory));
        for (char markup : new char[] {'<', '>', '"', '\''}) {
            assertThat(count(html, String.valueOf(markup)))
                    .as("count of %s", markup)
                    .isEqualTo(count(plainHtml, String.valueOf(markup)));
        }
    }

    @Test
    void theFactsSayWhatTheSelectionLeftOut() throws Exception {
        String said = "5 of 9 tests kept, 4 left out; exclude test_type:singular removed 4.";

        String with = Files.readString(writer.write(ReportFixtures.sample(), ReportFixtures.context(said), output));
        assertThat(with).contains("<dt>Selection</dt><dd>" + said + "</dd>");
        String without = Files.readString(writer.write(ReportFixtures.sample(), ReportFixtures.context(), output));
        assertThat(without).doesNotContain("<dt>Selection</dt>");
    }

    @Test
    void isSelfContainedAndForbidsScripts() throws Exception {
        String html = Files.readString(writer.write(ReportFixtures.sample(), ReportFixtures.context(), output));

        assertThat(html)
                .contains(
                        "<style>",
                        "<meta charset=\"utf-8\">",
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        assertThat(html.toLowerCase(Locale.ROOT))
                .doesNotContain("<script", "<link", "src=", "http://", "https://", "url(", "@import");
    }

    @Test
    void keepsNonAsciiAndReplacesControlCharacters() throws Exception {
        MappedChecks mapped = new MappedChecks(
                List.of(check(
                        "café_日本_\uD83D\uDE80", ORDERS, Outcome.PASS, "pass", 0L, "nul\u0000 c1\u0085 lone\uD800 end")),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        String html = Files.readString(writer.write(mapped, ReportFixtures.context(), output), StandardCharsets.UTF_8);

        assertThat(html)
                .contains(">café_日本_\uD83D\uDE80</td>", "nul\uFFFD c1\uFFFD lone\uFFFD end")
                .doesNotContain("\u0000", "\u0085");
    }

    @Test
    void anOutputDirectoryThatIsAFileIsAnOutputErrorNamingTheFile() throws Exception {
        Path notAFolder = Files.writeString(output.resolve("soda"), "I am a file");

        assertThatThrownBy(() -> writer.write(ReportFixtures.sample(), ReportFixtures.context(), notAFolder))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.OUTPUT);
                    assertThat(e.getMessage())
                            .contains(
                                    "HTML report",
                                    notAFolder.resolve("report.html").toString());
                    assertThat(e.hint()).contains(Setting.OUTPUT_DIRECTORY.ref());
                });
    }

    @Test
    void largeInputListsEveryCheckThatDidNotPassAndCountsThePassingOnes() throws Exception {
        MappedChecks mapped = ReportFixtures.large(100_000, 1_000, 1_000);

        Path file = writer.write(mapped, ReportFixtures.context(), output);

        long rows;
        long datasets;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            long[] counts = new long[2];
            lines.forEach(line -> {
                if (line.startsWith("<tr><td title=")) {
                    counts[0]++;
                } else if (line.startsWith("<tr class=\"dataset\">")) {
                    counts[1]++;
                }
            });
            rows = counts[0];
            datasets = counts[1];
        }
        // Every tenth check failed: those are listed, the 90,000 passing ones only counted.
        assertThat(rows).isEqualTo(10_000);
        assertThat(datasets).isEqualTo(100);
        assertThat(Files.readString(file))
                .contains(
                        "<p class=\"verdict error\">10000 of 100000 checks did not pass"
                                + " (1000 ended in error in dbt).</p>",
                        "90000 passing checks are counted per dataset, not listed",
                        "<summary>Skipped by dbt (1000)</summary>",
                        "<summary>900 datasets, 90000 passing checks</summary>")
                .doesNotContain("<section>")
                .endsWith("</html>\n");
    }

    private static long count(String text, String part) {
        long count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
