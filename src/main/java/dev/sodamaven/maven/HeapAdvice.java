package dev.sodamaven.maven;

import dev.sodamaven.core.IngestException;
import java.util.Locale;

/**
 * A goal that ran out of heap, said in one line instead of Maven's bare "Java heap space": how big
 * Maven's heap was, what the run had got through, and the {@code MAVEN_OPTS} that gives it twice as
 * much. The heap is the build's own configuration, so the problem is a configuration problem.
 */
final class HeapAdvice {

    private static final long MIB = 1024 * 1024;
    /** Suggestions are rounded up to a multiple of this, so they read like values people set. */
    private static final long STEP_MIB = 64;

    private HeapAdvice() {}

    /**
     * @param goal          what ran out, as the skip message names it, e.g. "the Soda ingestion"
     * @param full          the JVM's error, whose message says which memory ran out ("Java heap space")
     * @param whatWasRead   what the run had done, e.g. "while reading the manifest, after reading …"; or null
     * @param maxHeapBytes  {@link Runtime#maxMemory()} of Maven's JVM
     */
    static IngestException problem(String goal, Throwable full, String whatWasRead, long maxHeapBytes) {
        boolean bounded = maxHeapBytes > 0 && maxHeapBytes < Long.MAX_VALUE;
        String heap = bounded ? " in Maven's heap of " + mib(maxHeapBytes) : "";
        String which =
                full == null || full.getMessage() == null || full.getMessage().isBlank()
                        ? "Java heap space"
                        : full.getMessage();
        String message = capitalised(goal) + " ran out of memory (" + which + ")" + heap
                + (whatWasRead == null ? "" : " " + whatWasRead) + ".";
        String more = bounded ? "-Xmx" + suggestedMib(maxHeapBytes) + "m" : "-Xmx1g";
        String hint = "Give Maven more heap, e.g. MAVEN_OPTS=" + more + " in the environment (or " + more
                + " in the project's .mvn/jvm.config), and run again.";
        return IngestException.configuration(message, hint);
    }

    /** Twice the heap there was, rounded up to a multiple of 64 MiB. */
    static long suggestedMib(long maxHeapBytes) {
        long doubled = (2 * maxHeapBytes + MIB - 1) / MIB;
        return (doubled + STEP_MIB - 1) / STEP_MIB * STEP_MIB;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", (bytes + MIB - 1) / MIB);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
