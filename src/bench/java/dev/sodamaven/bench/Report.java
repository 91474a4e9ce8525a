package dev.sodamaven.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders the measurements as Markdown (target/benchmark/results.md). */
final class Report {

    private final List<String> environment;
    private final String settings;
    private final List<CaseResult> cases;
    private final List<ChildRun> runs;

    Report(List<String> environment, String settings, List<CaseResult> cases, List<ChildRun> runs) {
        this.environment = environment;
        this.settings = settings;
        this.cases = cases;
        this.runs = runs;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("# soda-maven-plugin benchmark results\n\n");
        environment.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("- settings: ").append(settings).append('\n');
        for (CaseResult c : cases) {
            md.append("- load average (1/5/15 min) around ")
                    .append(c.benchCase.label())
                    .append(": before ")
                    .append(c.loadBefore)
                    .append(", after ")
                    .append(c.loadAfter)
                    .append('\n');
        }
        md.append('\n');
        artifacts(md);
        ingestion(md);
        readers(md);
        floors(md);
        minimum(md);
        allRuns(md);
        return md.toString();
    }

    private void artifacts(StringBuilder md) {
        md.append("## Generated artifacts\n\n");
        md.append("| case | manifest.json | run_results.json | models | seeds | sources | tests in manifest "
                + "| test results | statuses | expected checks | generated in |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (CaseResult c : cases) {
            ArtifactGenerator.Generated a = c.artifacts;
            md.append(row(
                    c.benchCase.label(),
                    mib(a.manifestBytes()),
                    mib(a.runResultsBytes()),
                    count(a.models()),
                    count(a.seeds()),
                    count(a.sources()),
                    count(a.testsInManifest()),
                    count(a.testResults()),
                    a.statuses().entrySet().stream()
                            .map(e -> e.getKey() + " " + count(e.getValue()))
                            .collect(Collectors.joining(", ")),
                    count(a.expectedChecks()),
                    a.reused() ? "reused" : fmt("%.0f s", a.seconds())));
        }
        md.append('\n');
    }

    private void ingestion(StringBuilder md) {
        md.append("## Ingestion (soda:ingest, dry run), fresh JVM per run\n\n");
        md.append("Wall time is Ingestion.run() measured inside the JVM (start-up excluded); MiB/s = (manifest + "
                + "run results) / wall time. Memory: the heap when it was fullest (before a GC), the largest heap "
                + "left right after a GC (an upper bound of live data), the heap still live at the end (the result), "
                + "and the process's peak resident set (heap + JVM).\n\n");
        md.append("| case | -Xmx | runs | wall s (median, min-max) | MiB/s | CPU s | GCs | peak heap used "
                + "| max heap after GC | live at end | peak RSS | checks |\n");
        md.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (CaseResult c : cases) {
            Map<Integer, List<ChildRun>> byHeap = new TreeMap<>(Comparator.reverseOrder());
            c.timing.forEach(run ->
                    byHeap.computeIfAbsent(run.heapMb(), h -> new ArrayList<>()).add(run));
            byHeap.forEach((heap, all) -> {
                List<ChildRun> ok = all.stream().filter(ChildRun::ok).toList();
                if (ok.isEmpty()) {
                    md.append(row(
                            c.benchCase.label(),
                            heap + "m",
                            String.valueOf(all.size()),
                            all.get(0).outcome().label(),
                            "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            ""));
                    return;
                }
                List<Double> seconds =
                        ok.stream().map(r -> r.number("seconds")).sorted().toList();
                double median = seconds.get(seconds.size() / 2);
                ChildRun typical = ok.stream()
                        .filter(r -> r.number("seconds") == median)
                        .findFirst()
                        .orElseThrow();
                String checks = ok.stream().allMatch(c::correct)
                        ? count((int) typical.number("checks")) + " (as planted)"
                        : "MISMATCH: " + typical.values().get("checks") + " checks, "
                                + typical.values().get("warnings") + " warnings, expected "
                                + c.artifacts.expectedChecks();
                md.append(row(
                        c.benchCase.label(),
                        heap + "m",
                        ok.size() + (ok.size() < all.size() ? " of " + all.size() : ""),
                        seconds.size() == 1
                                ? fmt("%.2f", median)
                                : fmt("%.2f (%.2f-%.2f)", median, seconds.get(0), seconds.get(seconds.size() - 1)),
                        fmt("%.0f", c.inputMib() / median),
                        fmt("%.1f", typical.number("cpuSeconds")),
                        typical.values().get("collections"),
                        fmt("%.1f MiB", max(ok, "peakUsedBytes")),
                        fmt("%.1f MiB", max(ok, "maxAfterGcBytes")),
                        fmt("%.1f MiB", max(ok, "liveAtEndBytes")),
                        fmt("%.0f MiB", max(ok, "rssPeakBytes")),
                        checks));
            });
        }
        md.append('\n');
    }

    private void readers(StringBuilder md) {
        md.append("## The two readers alone, against a bare tokenizer\n\n");
        md.append("readers = RunResultsReader, then ManifestReader (what Ingestion does in steps 2 and 3); "
                + "bare tokenizer = a `JsonParser.nextToken()` loop over the same files that looks at nothing, "
                + "the least any streaming reader can cost: `tokens` with `new JsonFactory()` (field names "
                + "interned, the baseline of the earlier numbers), `tokens-plain` with field names not interned "
                + "(as the plugin's parser). The readers and each scan ran once after each ingestion run at the "
                + "first heap; the table shows the run of median wall time of each.\n\n");
        md.append("| case | -Xmx | run_results.json s | manifest.json s | manifest MiB/s | tokens: manifest s "
                + "| tokens: MiB/s | tokens-plain: manifest s | tokens-plain: MiB/s | tests kept | relations kept "
                + "| max heap after GC | live at end |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CaseResult c : cases) {
            ChildRun r = c.readers;
            if (r == null) {
                continue;
            }
            String[] tokens = scanCells(c, c.tokens);
            String[] plain = scanCells(c, c.tokensPlain);
            if (!r.ok()) {
                md.append(row(
                        c.benchCase.label(),
                        r.heapMb() + "m",
                        r.outcome().label(),
                        "",
                        "",
                        tokens[0],
                        tokens[1],
                        plain[0],
                        plain[1],
                        "",
                        "",
                        "",
                        ""));
                continue;
            }
            md.append(row(
                    c.benchCase.label(),
                    r.heapMb() + "m",
                    fmt("%.2f", r.number("runResultsSeconds")),
                    fmt("%.2f", r.number("manifestSeconds")),
                    fmt("%.0f", c.manifestMib() / r.number("manifestSeconds")),
                    tokens[0],
                    tokens[1],
                    plain[0],
                    plain[1],
                    count((int) r.number("tests")),
                    count((int) r.number("relations")),
                    fmt("%.1f MiB", r.mib("maxAfterGcBytes")),
                    fmt("%.1f MiB", r.mib("liveAtEndBytes"))));
        }
        md.append('\n');
    }

    /** A bare scan's manifest seconds and MiB/s; empty cells when it did not run or did not end well. */
    private static String[] scanCells(CaseResult c, ChildRun scan) {
        if (scan == null || !scan.ok()) {
            return new String[] {"", ""};
        }
        double seconds = scan.number("manifestSeconds");
        return new String[] {fmt("%.2f", seconds), fmt("%.0f", c.manifestMib() / seconds)};
    }

    private void floors(StringBuilder md) {
        md.append("## Against the bare scans\n\n");
        md.append("The median wall and CPU time of the ingestion runs at the first heap (each median taken on its "
                + "own) and of the readers runs, divided by the medians of the two bare scans of this invocation "
                + "(the readers and each scan ran once after each of those ingestion runs): `tokens` (field names "
                + "interned) and `tokens-plain` (not interned, as the plugin's parser). All times cover both files; "
                + "CPU is the whole process's, GC included.\n\n");
        for (CaseResult c : cases) {
            md.append("- ")
                    .append(c.benchCase.label())
                    .append(", ")
                    .append(FloorRatios.times(c))
                    .append('\n');
            FloorRatios.lines(c).forEach(line -> md.append("  - ").append(line).append('\n'));
        }
        md.append('\n');
    }

    private void minimum(StringBuilder md) {
        md.append("## Smallest heap that works\n\n");
        md.append("Smallest -Xmx (MiB) found by halving, then bisecting to within 6 %. \"fails at\" is the largest "
                + "-Xmx that ended in OutOfMemoryError. readTree = `new ObjectMapper().readTree(manifest)`; its "
                + "\"live at end\" is the size of the tree. Python = `json.load` of the manifest (what Soda Core "
                + "does first), peak RSS of the process.\n\n");
        md.append("| case | manifest | ingest: smallest -Xmx | ingest: fails at | ingest wall s at smallest "
                + "| readTree: smallest -Xmx | readTree: fails at | readTree wall s at smallest | readTree wall s at "
                + "largest -Xmx tried | readTree live at end | python json.load peak RSS | python s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CaseResult c : cases) {
            String[] ingest = minimumCells(c.ingestMinimum);
            String[] tree = minimumCells(c.readTreeMinimum);
            String treeLive = c.readTreeMinimum == null
                            || c.readTreeMinimum.smallestOk().isEmpty()
                    ? ""
                    : fmt("%.0f MiB", c.readTreeMinimum.smallestOk().get().mib("liveAtEndBytes"));
            String python = c.python == null
                    ? "not run"
                    : c.python.ok()
                            ? fmt("%.0f MiB", c.python.mib("rssPeakBytes"))
                            : c.python.outcome() == ChildRun.Outcome.OUT_OF_MEMORY
                                    ? "MemoryError at " + c.python.heapMb() + " MiB limit"
                                    : c.python.outcome().label();
            String pythonSeconds = c.python != null && c.python.ok() ? fmt("%.1f", c.python.number("seconds")) : "";
            String roomiest = runs.stream()
                    .filter(r -> r.ok()
                            && r.mode().equals("readtree")
                            && r.caseLabel().equals(c.benchCase.label()))
                    .max(Comparator.comparingInt(ChildRun::heapMb))
                    .map(r -> fmt("%.2f (%dm)", r.number("seconds"), r.heapMb()))
                    .orElse("");
            md.append(row(
                    c.benchCase.label(),
                    mib(c.artifacts.manifestBytes()),
                    ingest[0],
                    ingest[1],
                    ingest[2],
                    tree[0],
                    tree[1],
                    tree[2],
                    roomiest,
                    treeLive,
                    python,
                    pythonSeconds));
        }
        md.append('\n');
    }

    private static String[] minimumCells(HeapSearch.Result result) {
        if (result == null) {
            return new String[] {"not run", "", ""};
        }
        String fail = result.largestFail() == 0 ? "-" : result.largestFail() + "m";
        return result.smallestOk()
                .map(ok -> new String[] {ok.heapMb() + "m", fail, fmt("%.2f", ok.number("seconds"))})
                .orElse(new String[] {"none up to " + result.largestFail() + "m", fail, ""});
    }

    private void allRuns(StringBuilder md) {
        md.append("## Every process\n\n");
        md.append("| case | mode | -Xmx | load before | outcome | process s | wall s | CPU s | peak heap used "
                + "| max heap after GC | GCs | GC ms | log |\n");
        md.append("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ChildRun r : runs) {
            boolean jvm = !r.mode().equals("python");
            md.append(row(
                    r.caseLabel(),
                    r.mode(),
                    jvm ? r.heapMb() + "m" : "(limit " + r.heapMb() + "m)",
                    r.loadBefore(),
                    r.outcome().label(),
                    fmt("%.1f", r.processSeconds()),
                    r.ok() ? fmt("%.2f", r.number("seconds")) : "",
                    r.ok() && jvm ? fmt("%.1f", r.number("cpuSeconds")) : "",
                    r.ok() ? fmt("%.1f MiB", r.mib(jvm ? "peakUsedBytes" : "rssPeakBytes")) : "",
                    r.ok() && jvm ? fmt("%.1f MiB", r.mib("maxAfterGcBytes")) : "",
                    r.ok() && jvm ? r.values().get("collections") : "",
                    r.ok() && jvm ? r.values().get("gcMillis") : "",
                    r.log().getFileName().toString()));
        }
        md.append('\n');
    }

    private static double max(List<ChildRun> runs, String key) {
        return runs.stream().mapToDouble(r -> r.mib(key)).max().orElse(Double.NaN);
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String mib(long bytes) {
        return fmt("%.1f MiB", bytes / (double) (1 << 20));
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
