package dev.sodamaven.dbt;

/**
 * How far the readers of one run have got, counted as they go: a run that runs out of memory can still
 * say how much it had read, which tells the user whether the heap or the project is unusual. Plain
 * counters, updated and read by the one thread of the run; they cost an increment per item.
 */
public final class ReadProgress {

    private long testResults;
    private long relations;

    /** A data test result was kept from run_results.json. */
    void testResult() {
        testResults++;
    }

    /** A model, seed, snapshot or source was kept from manifest.json. */
    void relation() {
        relations++;
    }

    /** Data test results read so far, across every run_results.json of the run. */
    public long testResults() {
        return testResults;
    }

    /** Relations read so far from the manifest. */
    public long relations() {
        return relations;
    }
}
