package dev.sodamaven.report;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.soda.LongText;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.SodaCheck;
import dev.sodamaven.soda.Tally;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes {@value #FILE_NAME}: one self-contained page (inline CSS, no script, nothing loaded from
 * elsewhere, so a CI server can archive and serve it as is) with the totals, what was not sent and
 * why, and the checks by dataset. Every text from the dbt project is escaped, and
 * the page's Content-Security-Policy forbids scripts in case a browser is ever talked into one. Every
 * such text is cut to {@value LongText#MAX_CHARACTERS} characters ({@link LongText}), so the page grows
 * with the number of listed checks only, however long dbt's messages or the manifest's names are.
 *
 * <p>So that the page opens quickly at any size, a project of more than {@value
 * CheckListing#DETAIL_LIMIT} checks lists only the checks that did not pass in full (and source
 * freshness), under each dataset's counts, and counts the datasets where every check passed; the page
 * says so ({@link CheckListing}). Its size then follows the checks that did not pass, not all of them.
 *
 * <p>The page is streamed; only the datasets, with their counts and listed checks, are held in memory.
 */
public final class HtmlReportWriter {

    /** The report's file name in the output directory. */
    public static final String FILE_NAME = "report.html";

    private static final String STYLE = """
            body{margin:0;background:#f6f8fa;color:#1f2328;\
            font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
            main{max-width:1280px;margin:0 auto;padding:24px}
            h1{font-size:24px;margin:0 0 8px}
            h2{font-size:18px;margin:32px 0 8px}
            h3{font-size:15px;margin:28px 0 2px;overflow-wrap:anywhere}
            a{color:#0969da}
            .facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0}
            .facts dt{color:#59636e}
            .facts dd{margin:0;overflow-wrap:anywhere}
            .verdict{font-size:16px;font-weight:600;padding:8px 12px;border-radius:6px;margin:12px 0}
            .note{background:#ddf4ff;border:1px solid #b6e3ff;padding:8px 12px;border-radius:6px;margin:12px 0}
            table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d1d9e0}
            th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #d1d9e0;vertical-align:top}
            th{background:#f0f3f6;font-weight:600}
            tr.dataset th{background:#fff;padding-top:12px;border-bottom:2px solid #d1d9e0;overflow-wrap:anywhere}
            td{overflow-wrap:anywhere}
            .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600}
            .pass{background:#dafbe1;color:#116329}
            .warn{background:#fff1c2;color:#7a4e00}
            .fail{background:#ffebe9;color:#a40e26}
            .error{background:#a40e26;color:#fff}
            .muted{color:#59636e}
            code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0}
            summary{cursor:pointer}
            ul.ids{margin:4px 0;padding-left:20px}
            footer{margin:32px 0 0;color:#59636e;font-size:12px}
            """;

    /**
     * Writes {@value #FILE_NAME} into {@code outputDirectory}, creating the folder if needed.
     *
     * @return the written file
     * @throws IngestException (kind OUTPUT) when the file cannot be written
     */
    public Path write(MappedChecks mapped, ReportContext context, Path outputDirectory) throws IngestException {
        return ReportFile.write(outputDirectory, FILE_NAME, "HTML report", out -> writeHtml(mapped, context, out));
    }

    private final Outbound outbound;

    /** @param outbound what every text from outside passes through on its way into the page */
    public HtmlReportWriter(Outbound outbound) {
        this.outbound = outbound;
    }

    private void writeHtml(MappedChecks mapped, ReportContext context, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        new Page(new HtmlOutput(writer, outbound), mapped, context).write();
        writer.flush();
    }

    /** One page being written. */
    private static final class Page {

        private final HtmlOutput html;
        private final MappedChecks mapped;
        private final ReportContext context;
        private final CheckListing listing;
        private final List<DatasetGroup> datasets;
        private final Tally tally;
        private final CheckRow rows;

        Page(HtmlOutput html, MappedChecks mapped, ReportContext context) {
            this.html = html;
            this.mapped = mapped;
            this.context = context;
            this.listing = CheckListing.of(mapped.checks());
            this.datasets = DatasetGroup.of(mapped.checks(), listing);
            this.tally = mapped.tally();
            this.rows = new CheckRow(html);
        }

        void write() throws IOException {
            head();
            html.markup("<body>\n<main>\n<h1>dbt test results</h1>\n");
            verdict();
            summarised();
            facts();
            totals();
            notSent();
            if (listing.everyCheck()) {
                datasetIndex();
                for (int i = 0; i < datasets.size(); i++) {
                    dataset(i, datasets.get(i));
                }
            } else {
                new CountedDatasets(html, rows).write(datasets, listing);
            }
            html.markup("<footer>Written by soda-maven-plugin (soda:ingest). The checks above are those of"
                    + " scan-results.json, the scan sent to Soda Cloud unless this was a dry run.</footer>\n");
            html.markup("</main>\n</body>\n</html>\n");
        }

        private void head() throws IOException {
            html.markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .markup("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                            + "style-src 'unsafe-inline'\">\n")
                    .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .markup("<title>dbt test results");
            if (context.dataSource() != null) {
                html.markup(": ").text(context.dataSource());
            }
            html.markup("</title>\n<style>\n").markup(STYLE).markup("</style>\n</head>\n");
        }

        private void verdict() throws IOException {
            html.markup("<p class=\"verdict ")
                    .markup(tally.total() == 0 ? "warn" : tally.worst().label())
                    .markup("\">");
            if (tally.total() == 0) {
                html.markup("No check to report.");
            } else if (tally.fail() + tally.error() > 0) {
                html.text(tally.fail() + tally.error())
                        .markup(" of ")
                        .text(tally.total())
                        .markup(plural(tally.total(), " check", " checks"))
                        .markup(" did not pass");
                if (tally.error() > 0) {
                    html.markup(" (").text(tally.error()).markup(" ended in error in dbt)");
                }
                html.markup(".");
            } else if (tally.warn() > 0) {
                html.markup("All ")
                        .text(tally.total())
                        .markup(plural(tally.total(), " check", " checks"))
                        .markup(" passed, ")
                        .text(tally.warn())
                        .markup(plural(tally.warn(), " with a warning.", " with warnings."));
            } else {
                html.markup("All ")
                        .text(tally.total())
                        .markup(plural(tally.total(), " check", " checks"))
                        .markup(" passed.");
            }
            html.markup("</p>\n");
        }

        /** What the page left out, said once at the top, where nobody can miss it. */
        private void summarised() throws IOException {
            if (listing.passingNotListed() == 0) {
                return;
            }
            html.markup("<p class=\"note\" id=\"summarised\">")
                    .text(listing.passingNotListed())
                    .markup(plural(listing.passingNotListed(), " passing check is", " passing checks are"))
                    .markup(" counted per dataset, not listed: the project has more than ")
                    .text(CheckListing.DETAIL_LIMIT)
                    .markup(" checks. ")
                    .markup(JUnitReportWriter.FILE_NAME)
                    .markup(" lists every one.");
            if (listing.passingFreshnessListed() > 0) {
                html.markup(" Passing source freshness checks are still listed, for the age of each source.");
            }
            html.markup("</p>\n");
        }

        private void facts() throws IOException {
            html.markup("<dl class=\"facts\">\n");
            fact("Data source", context.dataSource());
            fact("Scan definition", context.scanDefinition());
            fact("dbt version", context.dbtVersion());
            fact("dbt command", context.dbtCommand() == null ? null : "dbt " + context.dbtCommand());
            fact("dbt invocation", context.invocationId());
            fact("dbt results from", context.resultsSource());
            fact("Selection", context.selection());
            fact(
                    "Generated",
                    DateTimeFormatter.ISO_INSTANT.format(context.generatedAt().truncatedTo(ChronoUnit.SECONDS)));
            html.markup("</dl>\n");
        }

        private void fact(String label, String value) throws IOException {
            if (value == null || value.isBlank()) {
                return;
            }
            html.markup("<dt>").markup(label).markup("</dt><dd>").text(value).markup("</dd>\n");
        }

        private void totals() throws IOException {
            html.markup("<h2 id=\"summary\">Summary</h2>\n<table>\n<thead><tr><th>Result</th>"
                    + "<th class=\"num\">Tests</th><th>Meaning</th></tr></thead>\n<tbody>\n");
            total("pass", "Pass", tally.pass(), "sent as pass");
            total("warn", "Warn", tally.warn(), "sent as warn");
            total("fail", "Fail", tally.fail(), "sent as fail");
            total("error", "Error", tally.error(), "dbt could not run the test; sent as fail");
            total(
                    null,
                    "Skipped by dbt",
                    mapped.skipped().size(),
                    "not run (an upstream node failed or was excluded); not sent");
            total(null, "No dataset", mapped.unattached().size(), "ran, but no dataset could be determined; not sent");
            total(
                    null,
                    "Not in manifest",
                    mapped.missingInManifest().size(),
                    "result of a test the manifest does not define; not sent");
            total(null, "Other status", mapped.otherStatus().size(), "status is not a test outcome; not sent");
            html.markup("</tbody>\n</table>\n");
        }

        private void total(String outcome, String label, long count, String meaning) throws IOException {
            html.markup("<tr><td>");
            if (outcome == null) {
                html.markup(label);
            } else {
                html.markup("<span class=\"badge ")
                        .markup(outcome)
                        .markup("\">")
                        .markup(label)
                        .markup("</span>");
            }
            html.markup("</td><td class=\"num\">")
                    .text(count)
                    .markup("</td><td class=\"muted\">")
                    .markup(meaning)
                    .markup("</td></tr>\n");
        }

        private void notSent() throws IOException {
            if (mapped.unattached().isEmpty()
                    && mapped.skipped().isEmpty()
                    && mapped.missingInManifest().isEmpty()
                    && mapped.otherStatus().isEmpty()) {
                return;
            }
            html.markup("<h2 id=\"not-sent\">Not sent to Soda Cloud</h2>\n");
            if (!mapped.unattached().isEmpty()) {
                html.markup("<h3>No dataset could be determined (")
                        .text(mapped.unattached().size())
                        .markup(")</h3>\n<p class=\"muted\">Reference the tested table with ref() or source() in the"
                                + " test's SQL.</p>\n<table>\n<thead><tr><th>Test</th><th>Unique id</th>"
                                + "<th>Reason</th></tr></thead>\n<tbody>\n");
                for (MappedChecks.UnattachedTest test : mapped.unattached()) {
                    html.markup("<tr><td>")
                            .text(test.name())
                            .markup("</td><td><code>")
                            .text(test.uniqueId())
                            .markup("</code></td><td>")
                            .text(test.reason())
                            .markup("</td></tr>\n");
                }
                html.markup("</tbody>\n</table>\n");
            }
            idList(
                    "Skipped by dbt",
                    "An upstream node failed or was excluded, so dbt did not run these tests.",
                    mapped.skipped());
            idList(
                    "Not defined in the manifest",
                    "Use the manifest.json written by the same dbt invocation as the run results.",
                    mapped.missingInManifest());
            idList(
                    "Status is not a test outcome",
                    "dbt did not run these as data tests (e.g. a compile).",
                    mapped.otherStatus());
        }

        private void idList(String title, String explanation, List<String> ids) throws IOException {
            if (ids.isEmpty()) {
                return;
            }
            html.markup("<details>\n<summary>")
                    .markup(title)
                    .markup(" (")
                    .text(ids.size())
                    .markup(")</summary>\n<p class=\"muted\">")
                    .markup(explanation)
                    .markup("</p>\n<ul class=\"ids\">\n");
            for (String id : ids) {
                html.markup("<li><code>").text(id).markup("</code></li>\n");
            }
            html.markup("</ul>\n</details>\n");
        }

        private void datasetIndex() throws IOException {
            html.markup("<h2 id=\"datasets\">Datasets (").text(datasets.size()).markup(")</h2>\n");
            if (datasets.isEmpty()) {
                html.markup("<p class=\"muted\">No check was attached to a dataset.</p>\n");
                return;
            }
            html.markup("<table>\n<thead><tr><th>Dataset</th><th>Type</th><th class=\"num\">Checks</th>"
                    + "<th class=\"num\">Pass</th><th class=\"num\">Warn</th><th class=\"num\">Fail</th>"
                    + "<th class=\"num\">Error</th></tr></thead>\n<tbody>\n");
            for (int i = 0; i < datasets.size(); i++) {
                DatasetGroup group = datasets.get(i);
                Tally counts = group.tally();
                html.markup("<tr><td><a href=\"#")
                        .markup(anchor(i))
                        .markup("\">")
                        .text(group.qualifiedName())
                        .markup("</a></td><td>")
                        .text(String.join(", ", group.nodeTypes()))
                        .markup("</td><td class=\"num\">")
                        .text(counts.total())
                        .markup("</td>");
                count("pass", counts.pass());
                count("warn", counts.warn());
                count("fail", counts.fail());
                count("error", counts.error());
                html.markup("</tr>\n");
            }
            html.markup("</tbody>\n</table>\n");
        }

        private void count(String outcome, long count) throws IOException {
            html.markup("<td class=\"num\">");
            if (count > 0) {
                html.markup("<span class=\"badge ")
                        .markup(outcome)
                        .markup("\">")
                        .text(count)
                        .markup("</span>");
            } else {
                html.markup("<span class=\"muted\">0</span>");
            }
            html.markup("</td>");
        }

        private void dataset(int index, DatasetGroup group) throws IOException {
            html.markup("<section>\n<h3 id=\"")
                    .markup(anchor(index))
                    .markup("\">")
                    .text(group.qualifiedName())
                    .markup("</h3>\n<p class=\"muted\">");
            if (!group.nodeIds().isEmpty()) {
                html.markup("dbt node ")
                        .text(String.join(", ", group.nodeIds()))
                        .markup(" &middot; ");
            }
            html.text(group.tally().total())
                    .markup(plural(group.tally().total(), " check", " checks"))
                    .markup("</p>\n<table>\n")
                    .markup(CheckRow.HEADER)
                    .markup("<tbody>\n");
            for (SodaCheck check : group.listed()) {
                rows.write(check);
            }
            html.markup("</tbody>\n</table>\n</section>\n");
        }

        private static String anchor(int index) {
            return "dataset-" + (index + 1);
        }

        private static String plural(long count, String one, String many) {
            return HtmlOutput.plural(count, one, many);
        }
    }
}
