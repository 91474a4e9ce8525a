package dev.sodamaven.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.soda.CheckResult;
import dev.sodamaven.soda.Dataset;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
import dev.sodamaven.soda.SodaCheck;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of a project too large to list every check: the checks that did not pass in full are
 * all listed, the passing ones only counted, and the page says so; TEST-dbt.xml still has every case.
 */
class LargeProjectReportsTest {

    /** Prime, so that no dataset gets only one kind of result. */
    private static final int DATASETS = 199;

    private static final Pattern ROW = Pattern.compile("<tr><td title=\"[^\"]*\">([^<]*)</td>");
    private static final Pattern DATASET_ROW = Pattern.compile("<tr class=\"dataset\"><th colspan=\"6\">([^<]*) <span");

    @TempDir
    Path output;

    private final HtmlReportWriter html = new HtmlReportWriter(ReportFixtures.OUTBOUND);

    @Test
    void aLargeProjectListsEveryCheckThatDidNotPassAndCountsThePassingOnes() throws Exception {
        MappedChecks mapped = project(20_000, 0);
        Set<String> problems = names(mapped, false);
        assertThat(problems).hasSize(2_400);

        String page = Files.readString(html.write(mapped, ReportFixtures.context(), output), StandardCharsets.UTF_8);

        assertThat(listed(page)).isEqualTo(problems);
        assertThat(page)
                .contains("<p class=\"note\" id=\"summarised\">17600 passing checks are counted per dataset,"
                        + " not listed: the project has more than 1000 checks. TEST-dbt.xml lists every one.</p>")
                .contains(
                        "<p class=\"verdict error\">2000 of 20000 checks did not pass (400 ended in error in dbt).</p>")
                .contains("<h2 id=\"checks\">Checks that did not pass in full (2400)</h2>")
                .doesNotContain("<section>", "source freshness");
        // Every dataset here has a problem: each is a line with the counts of all its checks.
        Matcher datasetRow = DATASET_ROW.matcher(page);
        List<String> datasets = new ArrayList<>();
        while (datasetRow.find()) {
            datasets.add(datasetRow.group(1));
        }
        assertThat(datasets).hasSize(DATASETS).isSorted();
        // table_000 has tests 0, 199, 398 ... 19900.
        assertThat(page)
                .contains("<tr class=\"dataset\"><th colspan=\"6\">db.schema.table_000 <span class=\"muted\">"
                        + "dbt node model.big.table_000 &middot; 101 checks: 88 pass, 2 warn, 8 fail, 3 error</span>")
                .contains("<h2 id=\"passed\">Datasets where every check passed (0)</h2>");
    }

    @Test
    void theSizeOfALargeProjectsPageFollowsTheChecksThatDidNotPass() throws Exception {
        MappedChecks many = project(20_000, 0);
        // The same checks that did not pass, with 1,760 passing checks instead of 17,600.
        MappedChecks few = new MappedChecks(
                many.checks().stream()
                        .filter(check -> CheckResult.of(check) != CheckResult.PASS
                                || Integer.parseInt(check.name().substring("test_".length())) < 2_000)
                        .toList(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        assertThat(few.tally().pass()).isEqualTo(1_760);
        Path fewFile = html.write(few, ReportFixtures.context(), Files.createDirectories(output.resolve("few")));
        Path manyFile = html.write(many, ReportFixtures.context(), Files.createDirectories(output.resolve("many")));

        // Listed, a check is a row of some 200 bytes: the 2,400 that did not pass, and little else.
        String row = firstRow(Files.readString(manyFile));
        assertThat(row.length()).isGreaterThan(150);
        assertThat(Files.size(manyFile))
                .isLessThan(50_000 + 300L * names(many, false).size());
        // Counted, 15,840 more passing checks change a few digits of each dataset's counts, where a row
        // each would have added 3 MB.
        assertThat(Files.size(manyFile) - Files.size(fewFile))
                .as("bytes added by 15,840 more passing checks")
                .isLessThan(10L * DATASETS);
    }

    @Test
    void datasetsWhereEveryCheckPassedAreCountedInAFoldedTable() throws Exception {
        List<SodaCheck> checks = new ArrayList<>(project(2_000, 0).checks());
        for (int i = 0; i < 300; i++) {
            Dataset clean = new Dataset("clean_" + i, "db", "schema", "model", "model.big.clean_" + i);
            checks.add(ReportFixtures.check("clean_" + i + "_a", clean, Outcome.PASS, "pass", 0L, null));
            checks.add(ReportFixtures.check("clean_" + i + "_b", clean, Outcome.PASS, "pass", 0L, null));
        }
        MappedChecks mapped = new MappedChecks(checks, List.of(), List.of(), List.of(), List.of());

        String page = Files.readString(html.write(mapped, ReportFixtures.context(), output), StandardCharsets.UTF_8);

        assertThat(page)
                .contains("<h2 id=\"passed\">Datasets where every check passed (300)</h2>\n<details>\n"
                        + "<summary>300 datasets, 600 passing checks</summary>")
                .contains("<tr><td>db.schema.clean_7</td><td class=\"num\">2</td></tr>")
                .contains("<p class=\"note\" id=\"summarised\">2360 passing checks are counted per dataset")
                .doesNotContain(">clean_7_a</td>");
        assertThat(listed(page)).isEqualTo(names(mapped, false));
    }

    @Test
    void aProjectOfUpToTheLimitListsEveryCheckAndOneMoreIsSummarised() throws Exception {
        MappedChecks atLimit = project(CheckListing.DETAIL_LIMIT, 0);
        String page = Files.readString(html.write(atLimit, ReportFixtures.context(), output), StandardCharsets.UTF_8);
        assertThat(listed(page)).hasSize(CheckListing.DETAIL_LIMIT).isEqualTo(names(atLimit, true));
        assertThat(page).doesNotContain("id=\"summarised\"", "not listed").contains("<section>");

        MappedChecks overLimit = project(CheckListing.DETAIL_LIMIT + 1, 0);
        String over = Files.readString(html.write(overLimit, ReportFixtures.context(), output), StandardCharsets.UTF_8);
        assertThat(listed(over)).isEqualTo(names(overLimit, false));
        assertThat(over).contains("880 passing checks are counted per dataset, not listed");
    }

    @Test
    void passingSourceFreshnessChecksStayListedWithTheAgeOfTheirSource() throws Exception {
        MappedChecks mapped = project(5_000, 3);

        String page = Files.readString(html.write(mapped, ReportFixtures.context(), output), StandardCharsets.UTF_8);

        assertThat(listed(page))
                .containsAll(names(mapped, false))
                .contains("freshness_0", "freshness_1", "freshness_2");
        assertThat(listed(page)).hasSize(names(mapped, false).size() + 3);
        assertThat(page)
                .contains("4400 passing checks are counted per dataset, not listed: the project has more than 1000"
                        + " checks. TEST-dbt.xml lists every one. Passing source freshness checks are still listed,"
                        + " for the age of each source.")
                .contains("<h2 id=\"checks\">Checks that did not pass in full, and source freshness (603)</h2>")
                .contains(">freshness_1</td><td></td><td><span class=\"badge pass\">pass</span></td><td>pass</td>"
                        + "<td class=\"num\">2 h 0 min old</td><td><span class=\"muted\">warn after 12 hour</span>");
    }

    @Test
    void theJUnitReportOfALargeProjectHasEveryCase() throws Exception {
        MappedChecks mapped = project(20_000, 3);

        Path file = new JUnitReportWriter(ReportFixtures.OUTBOUND).write(mapped, ReportFixtures.context(), output);

        Set<String> cases = new HashSet<>();
        int failures = 0;
        int errors = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "testcase" -> cases.add(xml.getAttributeValue(null, "name"));
                        case "failure" -> failures++;
                        case "error" -> errors++;
                        default -> {}
                    }
                }
            }
        }
        assertThat(cases).hasSize(20_003).isEqualTo(names(mapped, true));
        assertThat(failures).isEqualTo(1_600);
        assertThat(errors).isEqualTo(400);
    }

    /**
     * {@code count} tests over {@value #DATASETS} datasets: every 50th (from the 1st) ends in error,
     * every 50th (from the 2nd) warns, every other 10th fails, the rest pass (of 20,000: 400 error, 400
     * warn, 1,600 fail, 17,600 pass); then {@code freshness} passing source freshness checks.
     */
    private static MappedChecks project(int count, int freshness) {
        List<SodaCheck> checks = new ArrayList<>(count + freshness);
        for (int i = 0; i < count; i++) {
            String table = String.format("table_%03d", i % DATASETS);
            Dataset dataset = new Dataset(table, "db", "schema", "model", "model.big." + table);
            String name = "test_" + i;
            SodaCheck check;
            if (i % 50 == 0) {
                check = ReportFixtures.check(name, dataset, Outcome.FAIL, "error", null, "Database Error " + i);
            } else if (i % 50 == 1) {
                check = ReportFixtures.check(
                        name, dataset, Outcome.WARN, "warn", 1L, "Got 1 result, configured to warn");
            } else if (i % 10 == 0) {
                check = ReportFixtures.check(name, dataset, Outcome.FAIL, "fail", (long) i, "Got " + i + " results");
            } else {
                check = ReportFixtures.check(name, dataset, Outcome.PASS, "pass", 0L, null);
            }
            checks.add(check);
        }
        for (int i = 0; i < freshness; i++) {
            Dataset source = new Dataset("orders_" + i, null, "raw", "source", "source.big.raw.orders_" + i);
            checks.add(new SodaCheck(
                    "test.source_freshness.source.big.raw.orders_" + i,
                    "freshness_" + i,
                    "models/sources.yml",
                    source,
                    null,
                    Outcome.PASS,
                    "pass",
                    null,
                    null,
                    "warn after 12 hour",
                    new SodaCheck.Freshness(7_200.0, "2026-11-20T06:30:12Z", "warn after 12 hour"),
                    0));
        }
        return new MappedChecks(checks, List.of(), List.of(), List.of(), List.of());
    }

    /** The names of the checks, all of them or only those that did not pass. */
    private static Set<String> names(MappedChecks mapped, boolean passing) {
        return mapped.checks().stream()
                .filter(check -> passing || CheckResult.of(check) != CheckResult.PASS)
                .map(SodaCheck::name)
                .collect(Collectors.toSet());
    }

    /** The names of the checks the page lists, each once. */
    private static Set<String> listed(String page) {
        Set<String> names = new HashSet<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            assertThat(names.add(row.group(1)))
                    .as("listed once: %s", row.group(1))
                    .isTrue();
        }
        return names;
    }

    private static String firstRow(String page) {
        int start = page.indexOf("<tr><td title=");
        return page.substring(start, page.indexOf('\n', start));
    }
}
