package dev.sodamaven.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * One measured process: its outcome, the values it printed and where its output went.
 *
 * @param caseLabel     the benchmark case
 * @param mode          what it did ({@code ingest}, {@code readers}, {@code tokens}, {@code tokens-plain},
 *                      {@code ingest-warm}, {@code tokens-warm},
 *                      {@code readtree}, {@code python})
 * @param heapMb        its -Xmx in MiB (python: its address-space limit in MiB)
 * @param outcome       how it ended
 * @param processSeconds wall time of the whole process, JVM start included
 * @param values        the {@code BENCH-RESULT} values
 * @param log           its console output
 * @param loadBefore    the 1-minute load average when it started (other work on the machine)
 */
record ChildRun(
        String caseLabel,
        String mode,
        int heapMb,
        Outcome outcome,
        double processSeconds,
        Map<String, String> values,
        Path log,
        String loadBefore) {

    enum Outcome {
        OK,
        OUT_OF_MEMORY,
        TIMEOUT,
        FAILED;

        String label() {
            return switch (this) {
                case OK -> "ok";
                case OUT_OF_MEMORY -> "OutOfMemoryError";
                case TIMEOUT -> "timeout";
                case FAILED -> "failed";
            };
        }
    }

    boolean ok() {
        return outcome == Outcome.OK;
    }

    double number(String key) {
        String value = values.get(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    double mib(String key) {
        return number(key) / (1 << 20);
    }
}
