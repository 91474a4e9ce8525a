package dev.sodamaven.report;

import dev.sodamaven.soda.CheckResult;
import dev.sodamaven.soda.LongText;
import dev.sodamaven.soda.SodaCheck;
import java.io.IOException;

/** One check as a row of {@value HtmlReportWriter#FILE_NAME}: the columns of {@link #HEADER}. */
final class CheckRow {

    /** The table head the rows belong under. */
    static final String HEADER = "<thead><tr><th>Check</th><th>Column</th><th>Outcome</th><th>dbt status</th>"
            + "<th class=\"num\">Failing rows / age</th><th>Message</th></tr></thead>\n";

    /** How many columns a row has, for a line across the table. */
    static final int COLUMNS = 6;

    /** Longer messages, or ones of several lines, are folded away under their first line. */
    private static final int SHORT_MESSAGE = 160;

    private final HtmlOutput html;

    CheckRow(HtmlOutput html) {
        this.html = html;
    }

    void write(SodaCheck check) throws IOException {
        html.markup("<tr><td title=\"").text(check.identity());
        if (check.filePath() != null) {
            html.markup(" (").text(check.filePath()).markup(")");
        }
        html.markup("\">")
                .text(check.name())
                .markup("</td><td>")
                .text(check.column())
                .markup("</td><td><span class=\"badge ")
                .markup(CheckResult.of(check).label())
                .markup("\">")
                .text(check.outcome().wireValue())
                .markup("</span></td><td>")
                .text(check.dbtStatus())
                .markup("</td><td class=\"num\">");
        if (check.failures() != null) {
            html.text(check.failures());
        } else if (check.isFreshness()) {
            html.text(FreshnessText.age(check.freshness()));
        }
        html.markup("</td><td>");
        if (check.isFreshness()) {
            // The thresholds and the loaded-at column say what "fresh" meant for this source.
            html.markup("<span class=\"muted\">").text(check.shownDefinition()).markup("</span> ");
        }
        message(check.message());
        html.markup("</td></tr>\n");
    }

    private void message(String message) throws IOException {
        if (message == null || message.isBlank()) {
            return;
        }
        // Masked, then cut with a notice saying where the whole message is; text() leaves it as it is.
        String trimmed = LongText.message(html.shown(message)).strip();
        int lineEnd = trimmed.indexOf('\n');
        if (lineEnd < 0 && trimmed.length() <= SHORT_MESSAGE) {
            html.text(trimmed);
            return;
        }
        String firstLine = lineEnd < 0 ? trimmed : trimmed.substring(0, lineEnd);
        html.markup("<details><summary>")
                .text(ReportText.oneLine(firstLine, SHORT_MESSAGE))
                .markup("</summary><pre>")
                .text(trimmed)
                .markup("</pre></details>");
    }
}
