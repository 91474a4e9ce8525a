package dev.sodamaven.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * How many times a bare scan's time the ingestion and the readers take, for one case: the medians of the
 * ingestion runs at the first heap and of the readers runs, each divided by the median of the {@code tokens} runs
 * ({@code new JsonFactory()}, field names interned: the baseline of the earlier numbers) and of the
 * {@code tokens-plain} runs (field names not interned, as the plugin's parser), the readers and each scan run
 * once after each ingestion run, all of the same invocation and at the same heap. Each median is taken on
 * its own. Ratios have two significant digits: two shared cores give no more.
 */
final class FloorRatios {

    private static final MathContext TWO_DIGITS = new MathContext(2);

    private FloorRatios() {}

    /** The times the ratios are made of, one line, e.g. "-Xmx256m: ingest (median of 5) 2.31 s wall, ...". */
    static String times(CaseResult c) {
        List<ChildRun> ingest = c.ingestRunsAtFirstHeap();
        if (ingest.isEmpty()) {
            return "no ingestion run ended well at the first heap";
        }
        return Report.fmt(
                "-Xmx%dm: ingest (median of %d) %s; readers %s; tokens %s; tokens-plain %s",
                ingest.get(0).heapMb(),
                ingest.size(),
                times(median(ingest, "seconds"), median(ingest, "cpuSeconds")),
                times(c.readersRuns),
                times(c.tokensRuns),
                times(c.tokensPlainRuns));
    }

    /** The ratios, one line for the ingestion and one for the readers. */
    static List<String> lines(CaseResult c) {
        List<ChildRun> ingest = c.ingestRunsAtFirstHeap();
        String ingestLine = ingest.isEmpty()
                ? "ingest: no run ended well at the first heap"
                : line("ingest", median(ingest, "seconds"), median(ingest, "cpuSeconds"), c);
        List<ChildRun> readers = endedWell(c.readersRuns);
        String readersLine = readers.isEmpty()
                ? "readers: " + noTime(c.readersRuns)
                : line("readers", median(readers, "seconds"), median(readers, "cpuSeconds"), c);
        if (c.ingestWarm == null && c.tokensWarm == null) {
            return List.of(ingestLine, readersLine);
        }
        return List.of(ingestLine, readersLine, warmLine(c));
    }

    /** The warm modes: each one's median of the runs after the JIT warmed up, and their ratio. */
    private static String warmLine(CaseResult c) {
        String prefix = Report.fmt(
                "warm (median of runs %d-%d of %d in one JVM): ",
                IngestProbe.WARM_UP_RUNS + 1, IngestProbe.WARM_RUNS, IngestProbe.WARM_RUNS);
        if (c.ingestWarm == null || !c.ingestWarm.ok() || c.tokensWarm == null || !c.tokensWarm.ok()) {
            return prefix + "ingest-warm " + outcome(c.ingestWarm) + ", tokens-warm " + outcome(c.tokensWarm);
        }
        double ingest = c.ingestWarm.number("warmSeconds");
        double tokens = c.tokensWarm.number("warmSeconds");
        return prefix
                + Report.fmt(
                        "ingest %.2f s (runs: %s), tokens %.2f s (runs: %s): ",
                        ingest,
                        c.ingestWarm.values().get("runSeconds"),
                        tokens,
                        c.tokensWarm.values().get("runSeconds"))
                + "ingest / tokens " + twoDigits(ingest / tokens) + "× wall";
    }

    private static String outcome(ChildRun run) {
        return run == null ? "not run" : run.outcome().label();
    }

    private static String line(String name, double wall, double cpu, CaseResult c) {
        return ratio(name, "tokens", wall, cpu, c.tokensRuns) + "; "
                + ratio(name, "tokens-plain", wall, cpu, c.tokensPlainRuns);
    }

    private static String ratio(String name, String floorName, double wall, double cpu, List<ChildRun> floorRuns) {
        String prefix = name + " / " + floorName + ": ";
        List<ChildRun> ok = endedWell(floorRuns);
        if (ok.isEmpty()) {
            return prefix + noTime(floorRuns);
        }
        return prefix + twoDigits(wall / median(ok, "seconds")) + "× wall, " + twoDigits(cpu / median(ok, "cpuSeconds"))
                + "× CPU";
    }

    /** The median wall and CPU time of the runs that ended well, and how many there were. */
    private static String times(List<ChildRun> runs) {
        List<ChildRun> ok = endedWell(runs);
        if (ok.isEmpty()) {
            return noTime(runs);
        }
        return Report.fmt("(median of %d) ", ok.size()) + times(median(ok, "seconds"), median(ok, "cpuSeconds"));
    }

    private static List<ChildRun> endedWell(List<ChildRun> runs) {
        return runs.stream().filter(ChildRun::ok).toList();
    }

    /** Why {@code runs}, none of which ended well, give no time: none ran, or how the first ended. */
    private static String noTime(List<ChildRun> runs) {
        return runs.isEmpty() ? "not run" : runs.get(0).outcome().label();
    }

    private static String times(double wall, double cpu) {
        return Report.fmt("%.2f s wall, %.2f s CPU", wall, cpu);
    }

    /** The median as the ingestion table takes it: the middle one, the upper of the two for an even count. */
    private static double median(List<ChildRun> runs, String key) {
        List<Double> sorted = runs.stream().map(r -> r.number(key)).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** {@code value} with two significant digits, e.g. 2.5, 0.80, 12, 3.0. */
    private static String twoDigits(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "?";
        }
        BigDecimal rounded = new BigDecimal(value).round(TWO_DIGITS);
        // 3 rounds to "3"; two significant digits are "3.0".
        if (rounded.precision() < TWO_DIGITS.getPrecision()) {
            rounded = rounded.setScale(rounded.scale() + TWO_DIGITS.getPrecision() - rounded.precision());
        }
        return rounded.toPlainString();
    }
}
