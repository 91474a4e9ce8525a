package dev.sodamaven.report;

import static dev.sodamaven.report.ReportFixtures.ORDERS;
import static dev.sodamaven.report.ReportFixtures.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
import dev.sodamaven.soda.SodaCheck;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportWriterTest {

    @TempDir
    Path output;

    private final JUnitReportWriter writer = new JUnitReportWriter(ReportFixtures.OUTBOUND);

    @Test
    void writesOneSuiteWithCountsAndOneTestCasePerCheckAndSkippedTest() throws Exception {
        Path file = writer.write(ReportFixtures.sample(), ReportFixtures.context(), output);

        assertThat(file).isEqualTo(output.resolve("TEST-dbt.xml"));
        Document document = parse(file);
        Element suites = document.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertCounts(suites, 7, 1, 1, 2);
        NodeList suiteList = suites.getElementsByTagName("testsuite");
        assertThat(suiteList.getLength()).isEqualTo(1);
        Element suite = (Element) suiteList.item(0);
        assertCounts(suite, 7, 1, 1, 2);
        assertThat(suite.getAttribute("name")).isEqualTo("dbt");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-20T08:30:12");
        assertThat(suite.getAttribute("time")).isEqualTo("1.750");
        assertThat(properties(suite))
                .containsEntry("soda.dataSource", "jaffle_shop")
                .containsEntry("soda.scanDefinition", "Ingest - dbt")
                .containsEntry("dbt.version", "1.10.7")
                .containsEntry("dbt.command", "build")
                .containsEntry("dbt.invocationId", "0b6c1a9e-5c1f-4bd3-9d2b-4f0b2f3b1d7a")
                .containsEntry("dbt.results", "target/run_results.json");
        assertThat(properties(suite)).doesNotContainKey("soda.selection");

        List<Element> cases = elements(suite, "testcase");
        assertThat(cases)
                .extracting(test -> test.getAttribute("name"))
                .containsExactly(
                        "not_null_orders_order_id",
                        "accepted_values_orders_status",
                        "unique_orders_order_id",
                        "relationships_orders_customer",
                        "unique_customers_id",
                        "not_null_stg_payments_id",
                        "assert_total_positive");
        assertThat(cases)
                .extracting(test -> test.getAttribute("classname"))
                .containsExactly(
                        "analytics.jaffle.orders",
                        "analytics.jaffle.orders",
                        "analytics.jaffle.orders",
                        "analytics.jaffle.orders",
                        "raw.customers",
                        "skipped by dbt",
                        "skipped by dbt");
        assertThat(cases.get(0).getChildNodes().getLength())
                .as("a pass has no child")
                .isZero();
        assertThat(cases.get(0).getAttribute("time")).isEqualTo("0.500");
        assertThat(cases.get(4).getAttribute("time")).isEqualTo("0.000");
    }

    /** dbt's execution_time is a number of 0 or more; anything else it never writes counts as 0. */
    @Test
    void aTimeThatIsNotANumberOfZeroOrMoreIsWrittenAsZero() throws Exception {
        MappedChecks mapped = new MappedChecks(
                List.of(timed("nan", Double.NaN), timed("negative", -2.5), timed("measured", 2.25)),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        Element suite = suite(writer.write(mapped, ReportFixtures.context(), output));

        assertThat(elements(suite, "testcase"))
                .extracting(testCase -> testCase.getAttribute("time"))
                .containsExactly("0.000", "0.000", "2.250");
        assertThat(suite.getAttribute("time")).isEqualTo("2.250");
    }

    private static SodaCheck timed(String name, double seconds) {
        return new SodaCheck(
                "test.jaffle_shop." + name,
                name,
                "models/schema.yml",
                ORDERS,
                null,
                Outcome.PASS,
                "pass",
                0L,
                null,
                seconds);
    }

    /** The time attributes are written as {@code %.3f} writes them, ties and binary neighbours of ties included. */
    @Test
    void secondsAreWrittenAsPercentPointThreeFWritesThem() {
        List<Double> values = new ArrayList<>(List.of(
                0.0,
                -0.0,
                0.0005,
                0.0015,
                1.0005,
                2.5e-4,
                0.9995,
                12345.6785,
                1e-9,
                86_400.0,
                1e17,
                -1.5,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.MIN_VALUE,
                Double.MAX_VALUE));
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextInt(100_000) / 1000.0 + (random.nextInt(3) - 1) * 0.0005);
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(8)));
        }

        for (double value : values) {
            assertThat(JUnitReportWriter.seconds(value))
                    .as("%s", value)
                    .isEqualTo(String.format(Locale.ROOT, "%.3f", value));
        }
    }

    @Test
    void whatTheSelectionDidIsAProperty() throws Exception {
        String said = "5 of 9 tests kept, 4 left out; select orders matched 5.";
        Path file = writer.write(ReportFixtures.sample(), ReportFixtures.context(said), output);

        Element suite = (Element) parse(file).getElementsByTagName("testsuite").item(0);
        assertThat(properties(suite)).containsEntry("soda.selection", said);
    }

    @Test
    void failureCarriesDbtMessageAndFailingRowsAndErrorIsAnError() throws Exception {
        Element suite = suite(writer.write(ReportFixtures.sample(), ReportFixtures.context(), output));
        List<Element> cases = elements(suite, "testcase");

        Element failed = cases.get(2);
        assertThat(elements(failed, "error")).isEmpty();
        Element failure = elements(failed, "failure").get(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("3 failing rows: Got 3 results, configured to fail if != 0");
        assertThat(failure.getAttribute("type")).isEqualTo("dbt fail");
        assertThat(failure.getTextContent())
                .contains(
                        "dbt status: fail",
                        "Failing rows: 3",
                        "Message: Got 3 results, configured to fail if != 0",
                        "Dataset: analytics.jaffle.orders (model.jaffle_shop.orders)",
                        "Column: order_id",
                        "Defined in: models/schema.yml",
                        "Unique id: test.jaffle_shop.unique_orders_order_id.0123456789");

        Element errored = cases.get(3);
        assertThat(elements(errored, "failure")).isEmpty();
        Element error = elements(errored, "error").get(0);
        assertThat(error.getAttribute("type")).isEqualTo("dbt error");
        assertThat(error.getAttribute("message"))
                .isEqualTo("Database Error in test relationships_orders_customer relation does not exist");
        assertThat(error.getTextContent())
                .contains("Database Error in test relationships_orders_customer\n  relation does not exist")
                .doesNotContain("Failing rows");

        Element warned = cases.get(1);
        assertThat(elements(warned, "failure")).isEmpty();
        assertThat(elements(warned, "error")).isEmpty();
        assertThat(elements(warned, "system-out").get(0).getTextContent())
                .contains("dbt status: warn", "Failing rows: 2", "configured to warn if != 0");

        Element skipped = cases.get(5);
        assertThat(elements(skipped, "skipped")).hasSize(1);
        assertThat(elements(skipped, "skipped").get(0).getAttribute("message"))
                .contains("test.jaffle_shop.not_null_stg_payments_id.a1b2c3d4e5");
    }

    @Test
    void failureWithoutMessageStillSaysWhatHappened() throws Exception {
        MappedChecks mapped = new MappedChecks(
                List.of(
                        check("no_message_fail", ORDERS, Outcome.FAIL, "fail", 1L, null),
                        check("no_message_error", ORDERS, Outcome.FAIL, "error", null, "  ")),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        List<Element> cases = elements(suite(writer.write(mapped, ReportFixtures.context(), output)), "testcase");

        assertThat(elements(cases.get(0), "failure").get(0).getAttribute("message"))
                .isEqualTo("1 failing row");
        assertThat(elements(cases.get(1), "error").get(0).getAttribute("message"))
                .isEqualTo("dbt test ended with status error");
    }

    @Test
    void hostileNamesAndMessagesComeBackIntactOrWithIllegalCharactersReplaced() throws Exception {
        String quoted = "it's \"quoted\" <b>&amp; 'done'</b> ]]> café 日本 \uD83D\uDE80";
        String illegal = "nul\u0000bell\u0007vt\u000Bfffe\uFFFEhigh\uD800low\uDC00end";
        var dataset = new dev.sodamaven.soda.Dataset("t<a>&\"b\"", "db\u0001", "s'ch", "model", "model.x.t");
        MappedChecks mapped = new MappedChecks(
                List.of(
                        check(quoted, dataset, Outcome.FAIL, "fail", 5L, "message " + quoted + " " + illegal),
                        check(illegal, dataset, Outcome.PASS, "pass", 0L, null)),
                List.of("test.pkg.<script>&\u0002.0123456789"),
                List.of(),
                List.of(),
                List.of());
        ReportContext context =
                new ReportContext("ds \"&<>", "scan\u0000", null, null, null, null, ReportFixtures.GENERATED, null);

        Path file = writer.write(mapped, context, output);

        // The strict JDK parser would refuse the whole file on a single illegal character.
        Element suite = suite(file);
        List<Element> cases = elements(suite, "testcase");
        assertThat(cases.get(0).getAttribute("name")).isEqualTo(quoted);
        assertThat(cases.get(0).getAttribute("classname")).isEqualTo("db\uFFFD.s'ch.t<a>&\"b\"");
        assertThat(cases.get(1).getAttribute("name"))
                .isEqualTo("nul\uFFFDbell\uFFFDvt\uFFFDfffe\uFFFDhigh\uFFFDlow\uFFFDend");
        assertThat(cases.get(2).getAttribute("name")).isEqualTo("<script>&\uFFFD");
        Element failure = elements(cases.get(0), "failure").get(0);
        assertThat(failure.getAttribute("message")).startsWith("5 failing rows: message " + quoted);
        assertThat(failure.getTextContent()).contains("Message: message " + quoted);
        assertThat(properties(suite))
                .containsEntry("soda.dataSource", "ds \"&<>")
                .containsEntry("soda.scanDefinition", "scan\uFFFD")
                .doesNotContainKey("dbt.version");
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(raw).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("café 日本 \uD83D\uDE80");
    }

    @Test
    void longMessagesAreShortenedInTheAttributeButKeptWholeInTheTextUpToTheLimit() throws Exception {
        String longMessage = "SQL error " + "x".repeat(3_900);
        MappedChecks mapped = new MappedChecks(
                List.of(check("long", ORDERS, Outcome.FAIL, "error", null, longMessage)),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        Element error = elements(suite(writer.write(mapped, ReportFixtures.context(), output)), "error")
                .get(0);

        assertThat(error.getAttribute("message")).hasSize(1_000).endsWith("...");
        assertThat(error.getTextContent()).contains(longMessage);
    }

    @Test
    void emptyResultsStillMakeAValidReport() throws Exception {
        MappedChecks none = new MappedChecks(List.of(), List.of(), List.of(), List.of(), List.of());

        Element suite = suite(writer.write(none, ReportFixtures.context(), output));

        assertCounts(suite, 0, 0, 0, 0);
        assertThat(elements(suite, "testcase")).isEmpty();
    }

    @Test
    void replacesAnOlderReportAndLeavesNoTemporaryFile() throws Exception {
        Files.writeString(output.resolve("TEST-dbt.xml"), "old content");

        writer.write(ReportFixtures.sample(), ReportFixtures.context(), output);

        assertThat(Files.readString(output.resolve("TEST-dbt.xml"))).doesNotContain("old content");
        try (var files = Files.list(output)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("TEST-dbt.xml");
        }
    }

    @Test
    void createsTheOutputDirectory() throws Exception {
        Path nested = output.resolve("target").resolve("soda");

        assertThat(writer.write(ReportFixtures.sample(), ReportFixtures.context(), nested))
                .isRegularFile();
    }

    @Test
    void anOutputDirectoryThatIsAFileIsAnOutputErrorNamingTheFile() throws Exception {
        Path notAFolder = Files.writeString(output.resolve("soda"), "I am a file");

        assertThatThrownBy(() -> writer.write(ReportFixtures.sample(), ReportFixtures.context(), notAFolder))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.OUTPUT);
                    assertThat(e.getMessage())
                            .contains(
                                    "JUnit report",
                                    notAFolder.resolve("TEST-dbt.xml").toString(),
                                    "exists and is not a folder");
                    assertThat(e.hint()).contains(Setting.OUTPUT_DIRECTORY.ref(), notAFolder.toString());
                });
    }

    @Test
    void aFolderInTheWayOfTheReportFailsAndCleansUpTheTemporaryFile() throws Exception {
        Path inTheWay = Files.createDirectories(output.resolve("TEST-dbt.xml"));
        Files.writeString(inTheWay.resolve("keep.txt"), "x");

        assertThatThrownBy(() -> writer.write(ReportFixtures.sample(), ReportFixtures.context(), output))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.OUTPUT);
                    assertThat(e.getMessage()).contains(inTheWay.toString());
                });
        try (var left = java.nio.file.Files.list(output)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("TEST-dbt.xml");
        }
        assertThat(inTheWay.resolve("keep.txt")).exists();
    }

    @Test
    void largeInputIsWrittenCompletely() throws Exception {
        MappedChecks mapped = ReportFixtures.large(100_000, 1_000, 1_000);

        Path file = writer.write(mapped, ReportFixtures.context(), output);

        // Counted with a streaming reader: a DOM of 100,000 test cases would test the parser, not the writer.
        Map<String, Integer> elements = new HashMap<>();
        Map<String, String> rootCounts = new HashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    elements.merge(xml.getLocalName(), 1, Integer::sum);
                    if (xml.getLocalName().equals("testsuites")) {
                        for (String name : List.of("tests", "failures", "errors", "skipped")) {
                            rootCounts.put(name, xml.getAttributeValue(null, name));
                        }
                    }
                }
            }
            xml.close();
        }
        assertThat(elements)
                .containsEntry("testcase", 101_000)
                .containsEntry("failure", 9_000)
                .containsEntry("error", 1_000)
                .containsEntry("skipped", 1_000);
        assertThat(rootCounts)
                .containsEntry("tests", "101000")
                .containsEntry("failures", "9000")
                .containsEntry("errors", "1000")
                .containsEntry("skipped", "1000");
    }

    private static void assertCounts(Element element, int tests, int failures, int errors, int skipped) {
        assertThat(element.getAttribute("tests")).isEqualTo(String.valueOf(tests));
        assertThat(element.getAttribute("failures")).isEqualTo(String.valueOf(failures));
        assertThat(element.getAttribute("errors")).isEqualTo(String.valueOf(errors));
        assertThat(element.getAttribute("skipped")).isEqualTo(String.valueOf(skipped));
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Element suite(Path file) throws Exception {
        return (Element) parse(file)
                .getDocumentElement()
                .getElementsByTagName("testsuite")
                .item(0);
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Map<String, String> properties(Element suite) {
        Map<String, String> properties = new HashMap<>();
        for (Element property : elements(suite, "property")) {
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        return properties;
    }
}
