package dev.sodamaven.report;

import dev.sodamaven.soda.Dataset;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
import dev.sodamaven.soda.SodaCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The summary printed at the end of an ingestion: totals by outcome, one line per dataset, what was
 * not sent and why.
 */
public final class ConsoleSummary {

    private static final int MAX_NAMES = 10;

    private ConsoleSummary() {
    }

    public static List<String> lines(MappedChecks mapped) {
        List<String> lines = new ArrayList<>();
        lines.add("Checks: " + mapped.checks().size() + " (" + totals(mapped) + ")");
        Map<String, int[]> perDataset = new TreeMap<>();
        for (SodaCheck check : mapped.checks()) {
            Dataset dataset = check.dataset();
            int[] counts = perDataset.computeIfAbsent(dataset.qualifiedName(), name -> new int[4]);
            counts[check.outcome().ordinal()]++;
            if (check.errored()) {
                counts[3]++;
            }
        }
        if (!perDataset.isEmpty()) {
            lines.add("Datasets: " + perDataset.size());
            int width = perDataset.keySet().stream().mapToInt(String::length).max().orElse(0);
            perDataset.forEach((name, counts) -> lines.add("  " + pad(name, width) + "  " + counts(counts)));
        }
        if (!mapped.skipped().isEmpty()) {
            lines.add("Not sent: " + mapped.skipped().size() + " " + plural("test", mapped.skipped().size())
                    + " skipped by dbt (an upstream node failed or was excluded)");
        }
        return lines;
    }

    /** Warnings about results that were not sent for a reason the user can act on. */
    public static List<String> warnings(MappedChecks mapped) {
        List<String> warnings = new ArrayList<>();
        if (!mapped.unattached().isEmpty()) {
            // Grouped by reason: eleven singular tests without ref() share one explanation.
            Map<String, List<String>> byReason = new TreeMap<>();
            Set<String> advice = new LinkedHashSet<>();
            mapped.unattached().forEach(test -> {
                byReason.computeIfAbsent(test.reason(), reason -> new ArrayList<>()).add(test.name());
                if (!test.advice().isBlank()) {
                    advice.add(test.advice());
                }
            });
            StringJoiner groups = new StringJoiner("; ");
            byReason.forEach((reason, names) -> groups.add(reason + ": "
                    + String.join(", ", names.stream().limit(MAX_NAMES).toList()) + more(names.size())));
            warnings.add(mapped.unattached().size() + " " + plural("test", mapped.unattached().size())
                    + " not sent because no dataset could be determined (" + groups + ")."
                    + (advice.isEmpty() ? "" : " " + String.join(" ", advice)));
        }
        if (!mapped.missingInManifest().isEmpty()) {
            warnings.add(mapped.missingInManifest().size() + " test "
                    + plural("result", mapped.missingInManifest().size())
                    + " not sent because the manifest does not define the test: "
                    + String.join(", ", mapped.missingInManifest().stream().limit(MAX_NAMES).toList())
                    + more(mapped.missingInManifest().size())
                    + ". Use the manifest.json written by the same dbt invocation as the run results.");
        }
        if (!mapped.otherStatus().isEmpty()) {
            warnings.add(mapped.otherStatus().size() + " test "
                    + plural("result", mapped.otherStatus().size())
                    + " not sent because " + (mapped.otherStatus().size() == 1 ? "its" : "their")
                    + " status is not a test outcome: "
                    + String.join(", ", mapped.otherStatus().stream().limit(MAX_NAMES).toList())
                    + more(mapped.otherStatus().size()) + ".");
        }
        return warnings;
    }

    private static String totals(MappedChecks mapped) {
        String totals = mapped.count(Outcome.PASS) + " pass, " + mapped.count(Outcome.WARN) + " warn, "
                + mapped.count(Outcome.FAIL) + " fail";
        long errored = mapped.errored();
        return errored == 0 ? totals : totals + ", of which " + errored + " ended in error in dbt";
    }

    private static String counts(int[] counts) {
        StringJoiner parts = new StringJoiner(", ");
        if (counts[0] > 0) {
            parts.add(counts[0] + " pass");
        }
        if (counts[1] > 0) {
            parts.add(counts[1] + " warn");
        }
        if (counts[2] > 0) {
            parts.add(counts[2] + " fail" + (counts[3] > 0 ? " (" + counts[3] + " error)" : ""));
        }
        return parts.toString();
    }

    private static String more(int total) {
        return total > MAX_NAMES ? " and " + (total - MAX_NAMES) + " more" : "";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String plural(String noun, int count) {
        return count == 1 ? noun : noun + "s";
    }
}
