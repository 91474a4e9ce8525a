package dev.sodamaven.bench;

import java.util.ArrayList;
import java.util.List;

/** Everything measured for one {@link BenchCase}; filled in as the case runs. */
final class CaseResult {

    final BenchCase benchCase;
    final ArtifactGenerator.Generated artifacts;
    final List<ChildRun> timing = new ArrayList<>();
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

    /** Whether an ingest run produced exactly the checks the generator planted, without warnings. */
    boolean correct(ChildRun run) {
        return run.ok()
                && (int) run.number("checks") == artifacts.expectedChecks()
                && (int) run.number("warnings") == 0;
    }
}
