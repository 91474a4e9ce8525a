package dev.sodamaven.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.ManifestReader;
import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.RunResultsReader;
import dev.sodamaven.dbt.TestResult;
import dev.sodamaven.soda.CheckMapper;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
import dev.sodamaven.testing.SharedArtifacts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Both reports from the bundled example's real dbt artifacts, read and mapped as an ingestion does. */
class ReportsOnExampleArtifactsTest {

    @TempDir
    Path output;

    @Test
    void reportsAgreeWithTheMappedChecksOfARealRun() throws Exception {
        Path artifacts = SharedArtifacts.exampleArtifacts();
        RunResults runResults = new RunResultsReader().read(artifacts.resolve("run_results.json"), "dbtRunResults");
        ManifestIndex manifest = new ManifestReader().read(artifacts.resolve("manifest.json"),
                runResults.tests().stream().map(TestResult::uniqueId).collect(Collectors.toSet()), "dbtManifest");
        MappedChecks mapped = new CheckMapper().map(runResults.tests(), manifest);
        ReportContext context = ReportContext.of("jaffle_shop", "Ingest - dbt", runResults,
                artifacts.resolve("run_results.json").toString(), ReportFixtures.GENERATED);
        assertThat(mapped.checks()).as("the example has checks to report").isNotEmpty();

        Path junit = new JUnitReportWriter(ReportFixtures.OUTBOUND).write(mapped, context, output);
        Path html = new HtmlReportWriter(ReportFixtures.OUTBOUND).write(mapped, context, output);

        Element suite;
        try (InputStream in = Files.newInputStream(junit)) {
            suite = (Element) DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("testsuite").item(0);
        }
        assertThat(suite.getAttribute("tests"))
                .isEqualTo(String.valueOf(mapped.checks().size() + mapped.skipped().size()));
        assertThat(suite.getAttribute("failures"))
                .isEqualTo(String.valueOf(mapped.tally().fail()));
        assertThat(suite.getAttribute("errors")).isEqualTo(String.valueOf(mapped.tally().error()));
        assertThat(suite.getElementsByTagName("testcase").getLength())
                .isEqualTo(mapped.checks().size() + mapped.skipped().size());
        double totalSeconds = runResults.tests().stream().mapToDouble(TestResult::executionTime).sum();
        assertThat(Double.parseDouble(suite.getAttribute("time"))).isCloseTo(totalSeconds,
                offset(0.001 * runResults.tests().size() + 0.001));

        String page = Files.readString(html);
        assertThat(page.split("<tr><td title=", -1)).hasSize(mapped.checks().size() + 1);
        if (runResults.metadata().dbtVersion() != null) {
            assertThat(page).contains("<dt>dbt version</dt><dd>" + runResults.metadata().dbtVersion() + "</dd>");
        }
        for (var check : mapped.checks()) {
            assertThat(page).contains(">" + check.name() + "</td>");
        }
    }
}
