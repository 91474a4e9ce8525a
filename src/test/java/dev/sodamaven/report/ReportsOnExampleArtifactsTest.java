package dev.sodamaven.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.ManifestReader;
import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.RunResultsReader;
import dev.sodamaven.dbt.TestResult;
import dev.sodamaven.soda.CheckMapper;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.testing.SharedArtifacts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Both reports from the bundled example's real dbt artifacts, read and mapped as an ingestion does. The
 * expected numbers are those of examples/jaffle-shop/dbt-artifacts/run_results.json itself: 9 test
 * results (7 pass, 1 warn, 1 fail, no error, none skipped), each run for 0.3 s, by dbt 1.10.7.
 */
class ReportsOnExampleArtifactsTest {

    @TempDir
    Path output;

    @Test
    void reportsAgreeWithTheMappedChecksOfARealRun() throws Exception {
        Path artifacts = SharedArtifacts.exampleArtifacts();
        RunResults runResults = new RunResultsReader().read(artifacts.resolve("run_results.json"), "dbtRunResults");
        ManifestIndex manifest = new ManifestReader()
                .read(
                        artifacts.resolve("manifest.json"),
                        runResults.tests().stream().map(TestResult::uniqueId).collect(Collectors.toSet()),
                        "dbtManifest");
        MappedChecks mapped = new CheckMapper().map(runResults.tests(), manifest);
        ReportContext context = ReportContext.of(
                "jaffle_shop",
                "Ingest - dbt",
                runResults,
                artifacts.resolve("run_results.json").toString(),
                ReportFixtures.GENERATED,
                null);
        assertThat(mapped.checks())
                .as("every test result of the example is a check")
                .hasSize(9);

        Path junit = new JUnitReportWriter(ReportFixtures.OUTBOUND).write(mapped, context, output);
        Path html = new HtmlReportWriter(ReportFixtures.OUTBOUND).write(mapped, context, output);

        Element suite;
        try (InputStream in = Files.newInputStream(junit)) {
            suite = (Element) DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder()
                    .parse(in)
                    .getElementsByTagName("testsuite")
                    .item(0);
        }
        assertThat(suite.getAttribute("tests")).isEqualTo("9");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(9);
        assertThat(suite.getAttribute("time")).isEqualTo("2.700");

        String page = Files.readString(html);
        assertThat(page.split("<tr><td title=", -1)).hasSize(9 + 1);
        assertThat(page)
                .contains(
                        "<dt>dbt version</dt><dd>1.10.7</dd>",
                        "<p class=\"verdict fail\">1 of 9 checks did not pass.</p>");
        for (var check : mapped.checks()) {
            assertThat(page).contains(">" + check.name() + "</td>");
        }
    }
}
