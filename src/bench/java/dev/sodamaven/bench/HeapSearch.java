package dev.sodamaven.bench;

import java.io.IOException;
import java.util.Optional;

/**
 * Finds the smallest -Xmx (in MiB) with which an operation still completes: first halving (or
 * doubling) from a start value until the outcome flips, then bisecting until the gap between the
 * largest heap that failed and the smallest that worked is within a few percent.
 */
final class HeapSearch {

    /** One attempt with a given heap. */
    @FunctionalInterface
    interface Attempt {
        ChildRun run(int heapMb) throws IOException, InterruptedException;
    }

    /**
     * The result.
     *
     * @param smallestOk  the smallest run that completed (empty when even {@code maxMb} failed)
     * @param largestFail the largest heap that failed: OutOfMemoryError or timeout (0 when none did)
     */
    record Result(Optional<ChildRun> smallestOk, int largestFail) {}

    private final int floorMb;
    private final int maxMb;

    HeapSearch(int floorMb, int maxMb) {
        this.floorMb = floorMb;
        this.maxMb = maxMb;
    }

    /**
     * Searches from {@code startMb}; {@code knownOk}, when given, is a run that already completed and
     * is not repeated (the search continues below it).
     */
    Result search(ChildRun knownOk, int startMb, Attempt attempt) throws IOException, InterruptedException {
        ChildRun ok = null;
        int fail = 0;
        ChildRun first = knownOk != null ? knownOk : attempt.run(startMb);
        requireMemoryOutcome(first);
        if (first.ok()) {
            ok = first;
            while (ok.heapMb() / 2 >= floorMb) {
                ChildRun smaller = attempt.run(ok.heapMb() / 2);
                requireMemoryOutcome(smaller);
                if (!smaller.ok()) {
                    fail = smaller.heapMb();
                    break;
                }
                ok = smaller;
            }
            if (fail == 0) {
                return new Result(Optional.of(ok), 0);
            }
        } else {
            fail = startMb;
            while (ok == null) {
                int larger = fail * 2;
                if (larger > maxMb) {
                    if (fail >= maxMb) {
                        return new Result(Optional.empty(), fail);
                    }
                    larger = maxMb;
                }
                ChildRun run = attempt.run(larger);
                requireMemoryOutcome(run);
                if (run.ok()) {
                    ok = run;
                } else {
                    fail = larger;
                }
            }
        }
        while (ok.heapMb() - fail > Math.max(2, ok.heapMb() * 6 / 100)) {
            ChildRun middle = attempt.run((ok.heapMb() + fail) / 2);
            requireMemoryOutcome(middle);
            if (middle.ok()) {
                ok = middle;
            } else {
                fail = middle.heapMb();
            }
        }
        return new Result(Optional.of(ok), fail);
    }

    /**
     * Running out of memory (or collecting garbage past the timeout, which a nearly full heap can do)
     * answers the question; any other failure is a bug to look at, not a heap size to record.
     */
    private static void requireMemoryOutcome(ChildRun run) {
        if (run.outcome() == ChildRun.Outcome.FAILED) {
            throw new IllegalStateException(run.mode() + " with -Xmx" + run.heapMb() + "m ended with "
                    + run.outcome().label() + "; see " + run.log());
        }
    }
}
