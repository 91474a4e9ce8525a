package dev.sodamaven.report;

import dev.sodamaven.core.Setting;
import dev.sodamaven.soda.CheckResult;
import dev.sodamaven.soda.Dataset;
import dev.sodamaven.soda.LongText;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.SodaCheck;
import dev.sodamaven.soda.Tally;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The summary printed at the end of an ingestion: totals by outcome, one line per dataset (in a project
 * of many datasets, those where a check did not pass), what was not sent and why. Each name, id and
 * reason from the dbt artifacts is cut to {@link LongText}'s limit: one dataset name of millions of
 * characters would otherwise be padded onto every dataset line.
 */
public final class ConsoleSummary {

    private static final int MAX_NAMES = 10;

    /** The most datasets listed one per line; see {@link #datasetLines}. */
    static final int MAX_DATASET_LINES = 50;

    private ConsoleSummary() {}

    public static List<String> lines(MappedChecks mapped) {
        return lines(mapped, 0);
    }

    /** The summary of an ingestion whose selection left {@code leftOutBySelection} tests out. */
    public static List<String> lines(MappedChecks mapped, int leftOutBySelection) {
        List<String> lines = new ArrayList<>();
        Tally tally = mapped.tally();
        lines.add("Checks: " + tally.total() + " (" + tally + ")");
        Map<String, Tally> perDataset = new TreeMap<>();
        // The checks of one relation share one Dataset: each is named and looked up once, not once per check.
        Map<Dataset, Tally> byDataset = new IdentityHashMap<>();
        for (SodaCheck check : mapped.checks()) {
            byDataset
                    .computeIfAbsent(
                            check.dataset(),
                            dataset -> perDataset.computeIfAbsent(
                                    LongText.cut(dataset.qualifiedName()), name -> new Tally()))
                    .add(check);
        }
        if (!perDataset.isEmpty()) {
            lines.add("Datasets: " + perDataset.size());
            datasetLines(perDataset, lines);
        }
        Tally freshness =
                Tally.of(mapped.checks().stream().filter(SodaCheck::isFreshness).toList());
        if (freshness.total() > 0) {
            lines.add("Of which source freshness: " + freshness.total() + " (" + nonZero(freshness) + ")");
        }
        if (!mapped.skipped().isEmpty()) {
            lines.add("Not sent: " + mapped.skipped().size() + " "
                    + plural("test", mapped.skipped().size())
                    + " skipped by dbt (an upstream node failed or was excluded)");
        }
        if (leftOutBySelection > 0) {
            lines.add("Not sent: " + leftOutBySelection + " " + plural("test", leftOutBySelection) + " left out by "
                    + Setting.SELECT.ref() + " / " + Setting.EXCLUDE.ref());
        }
        return lines;
    }

    /**
     * A line per dataset, up to {@value #MAX_DATASET_LINES} datasets. Beyond that, a build log of one line
     * per dataset (20,000 in a large project) buries what matters: the datasets where every check passed
     * are counted, not listed, and the others listed up to the limit; report.html has them all.
     */
    private static void datasetLines(Map<String, Tally> perDataset, List<String> lines) {
        Map<String, Tally> shown = perDataset;
        long allPassed = 0;
        if (perDataset.size() > MAX_DATASET_LINES) {
            shown = new TreeMap<>();
            for (Map.Entry<String, Tally> dataset : perDataset.entrySet()) {
                if (dataset.getValue().pass() == dataset.getValue().total()) {
                    allPassed++;
                } else if (shown.size() < MAX_DATASET_LINES) {
                    shown.put(dataset.getKey(), dataset.getValue());
                }
            }
        }
        int width = shown.keySet().stream().mapToInt(String::length).max().orElse(0);
        shown.forEach((name, counts) -> lines.add("  " + pad(name, width) + "  " + nonZero(counts)));
        long notShown = perDataset.size() - allPassed - shown.size();
        StringJoiner left = new StringJoiner(" and ");
        if (allPassed > 0) {
            left.add(allPassed + " " + plural("dataset", allPassed) + " where every check passed");
        }
        if (notShown > 0) {
            left.add(notShown + " more " + plural("dataset", notShown) + " where a check did not pass");
        }
        if (left.length() > 0) {
            lines.add("  Not listed, of more than " + MAX_DATASET_LINES + " datasets: " + left + "; "
                    + HtmlReportWriter.FILE_NAME + " lists every one.");
        }
    }

    /** Warnings about results that were not sent for a reason the user can act on. */
    public static List<String> warnings(MappedChecks mapped) {
        List<String> warnings = new ArrayList<>();
        if (!mapped.unattached().isEmpty()) {
            // Grouped by reason: eleven singular tests without ref() share one explanation.
            Map<String, List<String>> byReason = new TreeMap<>();
            Set<String> advice = new LinkedHashSet<>();
            mapped.unattached().forEach(test -> {
                byReason.computeIfAbsent(LongText.cut(test.reason()), reason -> new ArrayList<>())
                        .add(test.name());
                if (!test.advice().isBlank()) {
                    advice.add(LongText.cut(test.advice()));
                }
            });
            // A reason names the missing nodes, so a stale manifest can give each test its own: ten are enough.
            StringJoiner groups = new StringJoiner("; ");
            int shown = 0;
            int notShown = 0;
            for (Map.Entry<String, List<String>> group : byReason.entrySet()) {
                List<String> names = group.getValue();
                if (shown++ < MAX_NAMES) {
                    groups.add(group.getKey() + ": " + firstNames(names) + more(names.size()));
                } else {
                    notShown += names.size();
                }
            }
            if (notShown > 0) {
                groups.add(notShown + " more " + plural("test", notShown) + " for other reasons");
            }
            warnings.add(mapped.unattached().size() + " "
                    + plural("test", mapped.unattached().size())
                    + " not sent because no dataset could be determined (" + groups + ")."
                    + (advice.isEmpty() ? "" : " " + String.join(" ", advice)));
        }
        List<String> missingTests = mapped.missingInManifest().stream()
                .filter(id -> !id.startsWith("source."))
                .toList();
        List<String> missingSources = mapped.missingInManifest().stream()
                .filter(id -> id.startsWith("source."))
                .toList();
        if (!missingTests.isEmpty()) {
            warnings.add(missingTests.size() + " test "
                    + plural("result", missingTests.size())
                    + " not sent because the manifest does not define the test: "
                    + firstNames(missingTests)
                    + more(missingTests.size())
                    + ". Use the manifest.json written by the same dbt invocation as the run results.");
        }
        if (!missingSources.isEmpty()) {
            warnings.add(missingSources.size() + " source freshness "
                    + plural("result", missingSources.size())
                    + " not sent because the manifest does not define the source: "
                    + firstNames(missingSources)
                    + more(missingSources.size())
                    + ". Use the manifest.json written by the same dbt invocation as the sources.json.");
        }
        if (!mapped.otherStatus().isEmpty()) {
            warnings.add(mapped.otherStatus().size() + " test "
                    + plural("result", mapped.otherStatus().size())
                    + " not sent because " + (mapped.otherStatus().size() == 1 ? "its" : "their")
                    + " status is not a test outcome: "
                    + firstNames(mapped.otherStatus())
                    + more(mapped.otherStatus().size()) + ".");
        }
        return warnings;
    }

    /** "3 pass, 1 error": the results a dataset has, best first. */
    private static String nonZero(Tally tally) {
        StringJoiner parts = new StringJoiner(", ");
        List<CheckResult> bestFirst = new ArrayList<>(List.of(CheckResult.values()));
        Collections.reverse(bestFirst);
        for (CheckResult result : bestFirst) {
            if (tally.count(result) > 0) {
                parts.add(tally.count(result) + " " + result.label());
            }
        }
        return parts.toString();
    }

    /** The first {@value #MAX_NAMES} names, each cut. */
    private static String firstNames(List<String> names) {
        return String.join(
                ", ", names.stream().limit(MAX_NAMES).map(LongText::cut).toList());
    }

    private static String more(int total) {
        return total > MAX_NAMES ? " and " + (total - MAX_NAMES) + " more" : "";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String plural(String noun, long count) {
        return count == 1 ? noun : noun + "s";
    }
}
