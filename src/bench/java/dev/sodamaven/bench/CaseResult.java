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

    /** Whether an ingest run produced exactly the checks the generator planted, without warnings. */
    boolean correct(ChildRun run) {
        return run.ok()
                && (int) run.number("checks") == artifacts.expectedChecks()
                && (int) run.number("warnings") == 0;
    }
}
