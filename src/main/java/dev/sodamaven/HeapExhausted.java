package dev.sodamaven;

import java.util.Locale;

/**
 * The ingestion ran out of heap. Thrown in place of the {@link OutOfMemoryError} once the run's data is
 * unreachable (its frames are gone), with how much it had read and in which step, so that the front end
 * can say how much more memory to give in its own words (a Maven build: {@code MAVEN_OPTS}).
 */
public final class HeapExhausted extends RuntimeException {

    private final long testResults;
    private final long relations;
    private final String step;

    public HeapExhausted(long testResults, long relations, String step, OutOfMemoryError cause) {
        super("ran out of heap " + describe(testResults, relations, step), cause);
        this.testResults = testResults;
        this.relations = relations;
        this.step = step;
    }

    /** Data test results read before the heap ran out. */
    public long testResults() {
        return testResults;
    }

    /** Relations (models, seeds, snapshots, sources) read from the manifest before the heap ran out. */
    public long relations() {
        return relations;
    }

    /** What the run was doing, e.g. "reading the manifest". */
    public String step() {
        return step;
    }

    /** "while reading the manifest, after reading 12,345 test results and 2,000 relations". */
    public String whatWasRead() {
        return describe(testResults, relations, step);
    }

    private static String describe(long testResults, long relations, String step) {
        return String.format(
                Locale.ROOT,
                "while %s, after reading %,d test %s and %,d %s",
                step,
                testResults,
                testResults == 1 ? "result" : "results",
                relations,
                relations == 1 ? "relation" : "relations");
    }
}
