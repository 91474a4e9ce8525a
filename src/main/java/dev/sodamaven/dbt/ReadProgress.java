package dev.sodamaven.dbt;

/**
 * How far the readers of one run have got, counted as they go: a run that runs out of memory can still
 * say how much it had read, which tells the user whether the heap or the project is unusual. Plain
 * counters that cost an increment per item: each is updated by one reader (the run results and the
 * manifest may be read on two threads at once) and read once the readers have ended.
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

    /** Back to {@code count} data test results: the file is read again from its start (see {@link ArtifactFile#read}). */
    void testResultsBackTo(long count) {
        testResults = count;
    }

    /** Back to {@code count} relations: the manifest is read again from its start (see {@link ArtifactFile#read}). */
    void relationsBackTo(long count) {
        relations = count;
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
