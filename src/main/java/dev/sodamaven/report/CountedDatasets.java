package dev.sodamaven.report;

import dev.sodamaven.soda.CheckResult;
import dev.sodamaven.soda.SodaCheck;
import dev.sodamaven.soda.Tally;
import java.io.IOException;
import java.util.List;

/**
 * The datasets of a large project, as {@value HtmlReportWriter#FILE_NAME} shows them when it does not
 * list every check ({@link CheckListing}): one table of the listed checks, under a line per dataset
 * with the counts of all its checks, then the datasets where every check passed, with their counts
 * only. One table instead of a section per dataset: at thousands of datasets, a heading and a table
 * head each would weigh more than the checks they list.
 */
final class CountedDatasets {

    private final HtmlOutput html;
    private final CheckRow rows;

    CountedDatasets(HtmlOutput html, CheckRow rows) {
        this.html = html;
        this.rows = rows;
    }

    void write(List<DatasetGroup> datasets, CheckListing listing) throws IOException {
        long withListed = 0;
        long listed = 0;
        for (DatasetGroup group : datasets) {
            withListed += group.listed().isEmpty() ? 0 : 1;
            listed += group.listed().size();
        }
        long allPassed = datasets.size() - withListed;
        html.markup("<h2 id=\"datasets\">Datasets (").text(datasets.size()).markup(")</h2>\n");
        html.markup("<p class=\"muted\">")
                .text(withListed)
                .markup(HtmlOutput.plural(withListed, " dataset has", " datasets have"))
                .markup(" a check that did not pass in full")
                .markup(listing.passingFreshnessListed() > 0 ? " or a source freshness check" : "")
                .markup(": those checks are listed below, each dataset with the counts of all its checks. In ")
                .text(allPassed)
                .markup(HtmlOutput.plural(allPassed, " dataset", " datasets"))
                .markup(" every check passed: they are counted in the last table.</p>\n");
        listedChecks(datasets, listed, listing.passingFreshnessListed() > 0);
        allPassed(datasets, allPassed);
    }

    private void listedChecks(List<DatasetGroup> datasets, long listed, boolean freshness) throws IOException {
        html.markup("<h2 id=\"checks\">Checks that did not pass in full")
                .markup(freshness ? ", and source freshness (" : " (")
                .text(listed)
                .markup(")</h2>\n");
        if (listed == 0) {
            html.markup("<p class=\"muted\">None: every check passed.</p>\n");
            return;
        }
        html.markup("<table>\n").markup(CheckRow.HEADER).markup("<tbody>\n");
        for (DatasetGroup group : datasets) {
            if (group.listed().isEmpty()) {
                continue;
            }
            html.markup("<tr class=\"dataset\"><th colspan=\"")
                    .text(CheckRow.COLUMNS)
                    .markup("\">")
                    .text(group.qualifiedName())
                    .markup(" <span class=\"muted\">");
            if (!group.nodeIds().isEmpty()) {
                html.markup("dbt node ")
                        .text(String.join(", ", group.nodeIds()))
                        .markup(" &middot; ");
            }
            Tally counts = group.tally();
            html.text(counts.total())
                    .markup(HtmlOutput.plural(counts.total(), " check: ", " checks: "))
                    .markup(counted(counts))
                    .markup("</span></th></tr>\n");
            for (SodaCheck check : group.listed()) {
                rows.write(check);
            }
        }
        html.markup("</tbody>\n</table>\n");
    }

    /** Folded: a long list of names nobody needs to see first, which a browser lays out only when opened. */
    private void allPassed(List<DatasetGroup> datasets, long allPassed) throws IOException {
        html.markup("<h2 id=\"passed\">Datasets where every check passed (")
                .text(allPassed)
                .markup(")</h2>\n");
        if (allPassed == 0) {
            html.markup("<p class=\"muted\">None.</p>\n");
            return;
        }
        long checks = 0;
        for (DatasetGroup group : datasets) {
            checks += group.listed().isEmpty() ? group.tally().total() : 0;
        }
        html.markup("<details>\n<summary>")
                .text(allPassed)
                .markup(HtmlOutput.plural(allPassed, " dataset, ", " datasets, "))
                .text(checks)
                .markup(HtmlOutput.plural(checks, " passing check", " passing checks"))
                .markup("</summary>\n<table>\n<thead><tr><th>Dataset</th><th class=\"num\">Checks</th></tr></thead>\n"
                        + "<tbody>\n");
        for (DatasetGroup group : datasets) {
            if (group.listed().isEmpty()) {
                html.markup("<tr><td>")
                        .text(group.qualifiedName())
                        .markup("</td><td class=\"num\">")
                        .text(group.tally().total())
                        .markup("</td></tr>\n");
            }
        }
        html.markup("</tbody>\n</table>\n</details>\n");
    }

    /** "4 pass, 1 fail": the counts that are not zero, in the order of the console's dataset lines. */
    private static String counted(Tally counts) {
        StringBuilder text = new StringBuilder();
        for (CheckResult result :
                new CheckResult[] {CheckResult.PASS, CheckResult.WARN, CheckResult.FAIL, CheckResult.ERROR}) {
            long count = counts.count(result);
            if (count > 0) {
                text.append(text.isEmpty() ? "" : ", ")
                        .append(count)
                        .append(' ')
                        .append(result.label());
            }
        }
        return text.toString();
    }
}
