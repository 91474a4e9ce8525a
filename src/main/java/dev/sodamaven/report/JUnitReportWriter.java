package dev.sodamaven.report;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.soda.CheckResult;
import dev.sodamaven.soda.LongText;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.SodaCheck;
import dev.sodamaven.soda.Tally;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@value #FILE_NAME}: the dbt test results in the JUnit XML format that Jenkins, GitLab CI,
 * GitHub Actions test reporters and Azure DevOps read. One {@code <testcase>} per check, its
 * {@code classname} the dataset's qualified name and its {@code name} the dbt test name; a dbt
 * {@code fail} is a {@code <failure>}, a dbt {@code error} an {@code <error>}, a dbt {@code warn}
 * passes with the warning in {@code <system-out>}, and tests dbt skipped are {@code <skipped/>}.
 * Tests that were not sent for want of a dataset are left out: nothing says how they ended.
 *
 * <p>The file is streamed: memory does not grow with the number of checks. Every text from outside is
 * masked, then cut to {@value LongText#MAX_CHARACTERS} characters ({@link LongText}), so the file grows
 * with the number of checks only, however long dbt's messages or the manifest's names are.
 */
public final class JUnitReportWriter {

    /** The report's file name in the output directory. */
    public static final String FILE_NAME = "TEST-dbt.xml";

    /** The suite name, and the class name of tests dbt skipped (their dataset is not known). */
    static final String SUITE = "dbt";

    static final String SKIPPED_CLASS = "skipped by dbt";

    private static final int MAX_MESSAGE_ATTRIBUTE = 1_000;
    private static final String[] INDENTS = {"\n", "\n  ", "\n    ", "\n      "};
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * Writes {@value #FILE_NAME} into {@code outputDirectory}, creating the folder if needed.
     *
     * @return the written file
     * @throws IngestException (kind OUTPUT) when the file cannot be written
     */
    public Path write(MappedChecks mapped, ReportContext context, Path outputDirectory) throws IngestException {
        return ReportFile.write(outputDirectory, FILE_NAME, "JUnit report", out -> writeXml(mapped, context, out));
    }

    private final Outbound outbound;

    /** @param outbound what every text from outside passes through on its way into the file */
    public JUnitReportWriter(Outbound outbound) {
        this.outbound = outbound;
    }

    private void writeXml(MappedChecks mapped, ReportContext context, OutputStream out) throws IOException {
        try {
            // The JDK's own writer: a StAX implementation elsewhere on the class path could behave differently.
            // Given a stream, it writes UTF-8 a byte at a time; a buffered writer encodes in blocks.
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(writer);
            new Document(xml, mapped, context, outbound).write();
            xml.flush();
            xml.close();
            writer.flush();
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Seconds to the millisecond, as {@code %.3f} writes them: the shortest decimal that reads back as
     * the same double, rounded half up. What dbt never writes, negative or not finite, goes to
     * String.format itself; String.format once per test case was a fifth of the time this writer took
     * on 100,000 tests.
     */
    static String seconds(double seconds) {
        if (!Double.isFinite(seconds) || Math.copySign(1.0, seconds) < 0) {
            return String.format(Locale.ROOT, "%.3f", seconds);
        }
        return BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** One document being written. */
    private static final class Document {

        private final XMLStreamWriter xml;
        private final MappedChecks mapped;
        private final ReportContext context;
        private final Outbound outbound;

        Document(XMLStreamWriter xml, MappedChecks mapped, ReportContext context, Outbound outbound) {
            this.xml = xml;
            this.mapped = mapped;
            this.context = context;
            this.outbound = outbound;
        }

        void write() throws XMLStreamException {
            Tally tally = mapped.tally();
            long failures = tally.fail();
            long errors = tally.error();
            // Tests dbt skipped did not run: dbt writes 0 seconds for them.
            double seconds = 0;
            for (SodaCheck check : mapped.checks()) {
                seconds += check.executionSeconds();
            }
            long tests = mapped.checks().size() + (long) mapped.skipped().size();

            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            newLine(0);
            xml.writeStartElement("testsuites");
            counts(tests, failures, errors, mapped.skipped().size(), seconds);
            newLine(1);
            xml.writeStartElement("testsuite");
            counts(tests, failures, errors, mapped.skipped().size(), seconds);
            attribute("timestamp", TIMESTAMP.format(context.generatedAt().truncatedTo(ChronoUnit.SECONDS)));
            properties();
            for (SodaCheck check : mapped.checks()) {
                testCase(check);
            }
            for (String skipped : mapped.skipped()) {
                skippedCase(skipped);
            }
            newLine(1);
            xml.writeEndElement();
            newLine(0);
            xml.writeEndElement();
            newLine(0);
            xml.writeEndDocument();
        }

        private void counts(long tests, long failures, long errors, long skipped, double seconds)
                throws XMLStreamException {
            attribute("name", SUITE);
            attribute("tests", Long.toString(tests));
            attribute("failures", Long.toString(failures));
            attribute("errors", Long.toString(errors));
            attribute("skipped", Long.toString(skipped));
            attribute("time", seconds(seconds));
        }

        private void properties() throws XMLStreamException {
            newLine(2);
            xml.writeStartElement("properties");
            property("soda.dataSource", context.dataSource());
            property("soda.scanDefinition", context.scanDefinition());
            property("dbt.version", context.dbtVersion());
            property("dbt.command", context.dbtCommand());
            property("dbt.invocationId", context.invocationId());
            property("dbt.results", context.resultsSource());
            property("soda.selection", context.selection());
            newLine(2);
            xml.writeEndElement();
        }

        private void property(String name, String value) throws XMLStreamException {
            if (value == null) {
                return;
            }
            newLine(3);
            xml.writeEmptyElement("property");
            attribute("name", name);
            attribute("value", value);
        }

        private void testCase(SodaCheck check) throws XMLStreamException {
            newLine(2);
            CheckResult result = CheckResult.of(check);
            boolean passed = result == CheckResult.PASS;
            if (passed) {
                xml.writeEmptyElement("testcase");
            } else {
                xml.writeStartElement("testcase");
            }
            attribute("classname", check.dataset().qualifiedName());
            attribute("name", check.name());
            attribute("time", seconds(check.executionSeconds()));
            if (passed) {
                return;
            }
            switch (result) {
                case ERROR -> problem("error", check);
                case FAIL -> problem("failure", check);
                default -> {
                    newLine(3);
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(ReportText.clean(outbound.text(details(check))));
                    xml.writeEndElement();
                }
            }
            newLine(2);
            xml.writeEndElement();
        }

        private void problem(String element, SodaCheck check) throws XMLStreamException {
            newLine(3);
            xml.writeStartElement(element);
            attribute("message", summary(check));
            attribute("type", "dbt " + ReportText.oneLine(check.dbtStatus(), 50));
            xml.writeCharacters(ReportText.clean(outbound.text(details(check))));
            xml.writeEndElement();
        }

        private void skippedCase(String uniqueId) throws XMLStreamException {
            newLine(2);
            xml.writeStartElement("testcase");
            attribute("classname", SKIPPED_CLASS);
            attribute("name", DbtTestNames.fromUniqueId(uniqueId));
            attribute("time", seconds(0));
            newLine(3);
            xml.writeEmptyElement("skipped");
            attribute("message", "Skipped by dbt (an upstream node failed or was excluded): " + uniqueId);
            newLine(2);
            xml.writeEndElement();
        }

        /** The one-line message CI servers show next to the test. */
        private String summary(SodaCheck check) {
            String rows = check.isFreshness()
                    ? ReportText.oneLine(FreshnessText.summary(check.freshness()), MAX_MESSAGE_ATTRIBUTE)
                    : check.failures() == null
                            ? ""
                            : check.failures() + " failing " + (check.failures() == 1 ? "row" : "rows");
            // Masked before it is cut: a cut could split a secret past recognition.
            String message = check.message() == null || check.message().isBlank()
                    ? null
                    : LongText.message(outbound.text(check.message()));
            if (message == null) {
                return rows.isEmpty()
                        ? "dbt test ended with status " + ReportText.oneLine(check.dbtStatus(), 50)
                        : rows;
            }
            return ReportText.oneLine(rows.isEmpty() ? message : rows + ": " + message, MAX_MESSAGE_ATTRIBUTE);
        }

        /**
         * Everything known about the check, one fact a line, for the failure text; each fact is cut on
         * its own, so that a long message does not push the others out.
         */
        private String details(SodaCheck check) {
            StringBuilder text = new StringBuilder();
            text.append("dbt status: ").append(shown(check.dbtStatus())).append('\n');
            if (check.failures() != null) {
                text.append("Failing rows: ").append(check.failures()).append('\n');
            }
            if (check.isFreshness()) {
                text.append("Freshness: ")
                        .append(shown(FreshnessText.summary(check.freshness())))
                        .append('\n');
                text.append("Definition: ")
                        .append(shown(check.shownDefinition()))
                        .append('\n');
            }
            if (check.message() != null && !check.message().isBlank()) {
                text.append("Message: ")
                        .append(LongText.message(outbound.text(check.message())))
                        .append('\n');
            }
            text.append("Dataset: ").append(shown(check.dataset().qualifiedName()));
            if (check.dataset().nodeId() != null) {
                text.append(" (").append(shown(check.dataset().nodeId())).append(')');
            }
            text.append('\n');
            if (check.column() != null) {
                text.append("Column: ").append(shown(check.column())).append('\n');
            }
            if (check.filePath() != null) {
                text.append("Defined in: ").append(shown(check.filePath())).append('\n');
            }
            text.append("Unique id: ").append(shown(check.identity())).append('\n');
            return text.toString();
        }

        /** An attribute as it may be shown: masked, cut, on one line. */
        private void attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, ReportText.oneLine(shown(value), Integer.MAX_VALUE));
        }

        /** A text from outside as it may be shown: masked, then cut. */
        private String shown(String text) {
            return LongText.cut(outbound.text(text));
        }

        private void newLine(int depth) throws XMLStreamException {
            xml.writeCharacters(INDENTS[depth]);
        }
    }
}
