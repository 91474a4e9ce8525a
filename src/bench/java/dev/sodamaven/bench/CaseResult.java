package dev.sodamaven.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Everything measured for one {@link BenchCase}; filled in as the case runs. */
final class CaseResult {

    final BenchCase benchCase;
    final ArtifactGenerator.Generated artifacts;
    final List<ChildRun> timing = new ArrayList<>();
    /**
     * The readers alone and the bare scans, one of each after each ingestion run at the first heap: the same
     * moments of the machine.
     */
    final List<ChildRun> readersRuns = new ArrayList<>();

    final List<ChildRun> tokensRuns = new ArrayList<>();

    final List<ChildRun> tokensPlainRuns = new ArrayList<>();
    /** The median runs of {@link #readersRuns}, {@link #tokensRuns}, ... by wall time, for the tables. */
    ChildRun readers;

    ChildRun tokens;

    ChildRun tokensPlain;
    /** {@code ingest-warm} and {@code tokens-warm}, when bench.warm asked for them. */
    ChildRun ingestWarm;

    ChildRun tokensWarm;
    HeapSearch.Result ingestMinimum;
    HeapSearch.Result readTreeMinimum;
    ChildRun python;
    String loadBefore;
    String loadAfter;

    CaseResult(BenchCase benchCase, ArtifactGenerator.Generated artifacts) {
        this.benchCase = benchCase;
        this.artifacts = artifacts;
    }

    double inputMib() {
        return (artifacts.manifestBytes() + artifacts.runResultsBytes()) / (double) (1 << 20);
    }

    double manifestMib() {
        return artifacts.manifestBytes() / (double) (1 << 20);
    }

    /** The ingest runs that ended well at the first heap of bench.heaps (the one run bench.repeats times). */
    List<ChildRun> ingestRunsAtFirstHeap() {
        if (timing.isEmpty()) {
            return List.of();
        }
        int first = timing.get(0).heapMb();
        return timing.stream().filter(run -> run.heapMb() == first && run.ok()).toList();
    }

    /**
     * The run of the median wall time among those that ended well (the upper of the two middle ones); when
     * none did, the first, to show how it ended; null when none ran.
     */
    static ChildRun medianRun(List<ChildRun> runs) {
        List<ChildRun> sorted = runs.stream()
                .filter(ChildRun::ok)
                .sorted(Comparator.comparingDouble(run -> run.number("seconds")))
                .toList();
        if (sorted.isEmpty()) {
            return runs.isEmpty() ? null : runs.get(0);
        }
        return sorted.get(sorted.size() / 2);
    }

    /** Whether an ingest run produced exactly the checks the generator planted, without warnings. */
    boolean correct(ChildRun run) {
        return run.ok()
                && (int) run.number("checks") == artifacts.expectedChecks()
                && (int) run.number("warnings") == 0;
    }
}
