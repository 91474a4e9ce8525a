package dev.sodamaven.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.soda.MappedChecks;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The console summary, the JUnit report and the HTML report count one run the same way: a dbt
 * {@code error} is an error and nothing else (not also a failure, although Soda Cloud receives it as
 * {@code fail}), and tests dbt skipped are skipped, not sent. The run of
 * {@link ReportFixtures#everyResultCountedDifferently()} gives each result a count of its own (5 pass,
 * 3 warn, 2 fail, 1 error, 4 skipped), so a report that swapped two results or counted one twice
 * shows a number no other report shows.
 */
class OneTallyTest {

    private static final Pattern SUMMARY_ROW = Pattern.compile(
            "<tr><td>(?:<span class=\"badge \\w+\">)?([^<]+)(?:</span>)?</td><td class=\"num\">(\\d+)</td>");
    private static final Pattern DATASET_ROW =
            Pattern.compile("<tr><td><a href=\"#dataset-\\d+\">([^<]+)</a></td><td>[^<]*</td>(.*?)</tr>");
    private static final Pattern NUMBER = Pattern.compile(">(\\d+)<");

    @TempDir
    Path output;

    private final MappedChecks run = ReportFixtures.everyResultCountedDifferently();

    @Test
    void consoleJUnitAndHtmlGiveTheSameNumbers() throws Exception {
        List<String> console = ConsoleSummary.lines(run);
        Element suites =
                parse(new JUnitReportWriter(ReportFixtures.OUTBOUND).write(run, ReportFixtures.context(), output));
        String html = Files.readString(
                new HtmlReportWriter(ReportFixtures.OUTBOUND).write(run, ReportFixtures.context(), output),
                StandardCharsets.UTF_8);

        // Console: 11 checks sent, the 4 skipped tests said apart.
        assertThat(console)
                .containsExactly(
                        "Checks: 11 (5 pass, 3 warn, 2 fail, 1 error)",
                        "Datasets: 2",
                        "  analytics.jaffle.orders  3 pass, 2 warn, 1 fail, 1 error",
                        "  raw.customers            2 pass, 1 warn, 1 fail",
                        "Not sent: 4 tests skipped by dbt (an upstream node failed or was excluded)");

        // JUnit: 11 checks + 4 skipped test cases; the 2 failures and the 1 error are apart.
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        for (Element counted : List.of(suites, suite)) {
            assertThat(Map.of(
                            "tests",
                            counted.getAttribute("tests"),
                            "failures",
                            counted.getAttribute("failures"),
                            "errors",
                            counted.getAttribute("errors"),
                            "skipped",
                            counted.getAttribute("skipped")))
                    .as("counts of <%s>", counted.getTagName())
                    .isEqualTo(Map.of("tests", "15", "failures", "2", "errors", "1", "skipped", "4"));
        }
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(15);
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(suite.getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(suite.getElementsByTagName("skipped").getLength()).isEqualTo(4);

        // HTML: the summary table, the verdict and the table of datasets.
        assertThat(summaryTable(html))
                .containsExactly(
                        Map.entry("Pass", 5),
                        Map.entry("Warn", 3),
                        Map.entry("Fail", 2),
                        Map.entry("Error", 1),
                        Map.entry("Skipped by dbt", 4),
                        Map.entry("No dataset", 0),
                        Map.entry("Not in manifest", 0),
                        Map.entry("Other status", 0));
        assertThat(html)
                .contains("<p class=\"verdict error\">3 of 11 checks did not pass (1 ended in error in dbt).</p>");
        // Checks, pass, warn, fail, error of each dataset, as the console lists them.
        assertThat(datasetTable(html))
                .containsExactly(
                        Map.entry("analytics.jaffle.orders", List.of(7, 3, 2, 1, 1)),
                        Map.entry("raw.customers", List.of(4, 2, 1, 1, 0)));
    }

    /** The rows of the HTML summary table: label and count, in order. */
    private static Map<String, Integer> summaryTable(String html) {
        int start = html.indexOf("<h2 id=\"summary\">");
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<String, Integer> rows = new LinkedHashMap<>();
        Matcher row = SUMMARY_ROW.matcher(table);
        while (row.find()) {
            rows.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        return rows;
    }

    /** The rows of the HTML table of datasets: name and its numbers (checks, pass, warn, fail, error). */
    private static Map<String, List<Integer>> datasetTable(String html) {
        int start = html.indexOf("<h2 id=\"datasets\">");
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        Matcher row = DATASET_ROW.matcher(table);
        while (row.find()) {
            Matcher number = NUMBER.matcher(row.group(2));
            List<Integer> numbers = new java.util.ArrayList<>();
            while (number.find()) {
                numbers.add(Integer.parseInt(number.group(1)));
            }
            rows.put(row.group(1), numbers);
        }
        return rows;
    }

    private static Element parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            Document document = DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder()
                    .parse(in);
            return document.getDocumentElement();
        }
    }
}
