package dev.sodamaven.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts measured processes one at a time: a fresh JVM per {@link IngestProbe} run with the heap
 * under test (so nothing of an earlier run is left in it), or python3 for the json.load comparison.
 * Each process's console output and GC log are kept in the logs folder.
 */
final class ChildJvm {

    private static final String PYTHON_LOAD = String.join(
            "\n",
            "import json, resource, sys, time",
            "limit = int(sys.argv[2]) * 1024 * 1024",
            "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))",
            "start = time.perf_counter()",
            "with open(sys.argv[1]) as f:",
            "    manifest = json.load(f)",
            "seconds = time.perf_counter() - start",
            "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024",
            "print('BENCH-RESULT mode=python seconds=%f rssPeakBytes=%d nodes=%d python=%s'"
                    + " % (seconds, peak, len(manifest['nodes']), sys.version.split()[0]))");

    private final Path logs;
    private final Path scratch;
    private final Duration timeout;
    private final List<ChildRun> runs = new ArrayList<>();

    ChildJvm(Path logs, Path scratch, Duration timeout) throws IOException {
        this.logs = Files.createDirectories(logs);
        this.scratch = scratch;
        this.timeout = timeout;
    }

    /**
     * This JVM's java and class path running {@code main} with {@code args}, at {@code -Xmx<heapMb>m}, exiting on
     * the first OutOfMemoryError, its GC log in {@code gcLog}.
     */
    static List<String> java(int heapMb, Path gcLog, Class<?> main, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog,
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Every process run so far, in order. */
    List<ChildRun> runs() {
        return runs;
    }

    ChildRun probe(String caseLabel, String mode, int heapMb, Path artifacts) throws IOException, InterruptedException {
        String name = caseLabel + "-" + mode + "-" + heapMb + "m-" + (runs.size() + 1);
        List<String> command = java(
                heapMb,
                logs.resolve(name + ".gc.log"),
                IngestProbe.class,
                mode,
                artifacts.toString(),
                scratch.resolve(name).toString());
        try {
            return run(caseLabel, mode, heapMb, name, command);
        } finally {
            // An ingest run writes a scan-results.json of tens of MB; keep the disk use to one case's files.
            Scratch.delete(scratch.resolve(name));
        }
    }

    /** python3 json.load of the manifest, its address space capped at {@code maxMb} (MemoryError beyond). */
    ChildRun python(String caseLabel, Path manifest, int maxMb) throws IOException, InterruptedException {
        return run(
                caseLabel,
                "python",
                maxMb,
                caseLabel + "-python-" + (runs.size() + 1),
                List.of("python3", "-c", PYTHON_LOAD, manifest.toString(), String.valueOf(maxMb)));
    }

    private ChildRun run(String caseLabel, String mode, int heapMb, String name, List<String> command)
            throws IOException, InterruptedException {
        Path log = logs.resolve(name + ".log");
        System.out.printf("  %-12s %-12s %-6s ... ", caseLabel, mode, heapMb + "m");
        System.out.flush();
        String load = Environment.loadAverage().split(" ")[0];
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException notStarted) {
            Files.writeString(log, "could not start " + command.get(0) + ": " + notStarted.getMessage());
            return record(new ChildRun(caseLabel, mode, heapMb, ChildRun.Outcome.FAILED, 0, Map.of(), log, load));
        }
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(log);
        Map<String, String> values = resultValues(output);
        ChildRun.Outcome outcome;
        if (!finished) {
            outcome = ChildRun.Outcome.TIMEOUT;
        } else if (output.contains("OutOfMemoryError")
                || output.contains("MemoryError")
                || output.contains("Too small maximum heap")
                || output.contains("Too small initial heap")) {
            outcome = ChildRun.Outcome.OUT_OF_MEMORY;
        } else if (process.exitValue() == 0 && values.containsKey("seconds")) {
            outcome = ChildRun.Outcome.OK;
        } else {
            outcome = ChildRun.Outcome.FAILED;
        }
        return record(new ChildRun(caseLabel, mode, heapMb, outcome, seconds, values, log, load));
    }

    private ChildRun record(ChildRun run) {
        runs.add(run);
        if (run.ok()) {
            if (run.mode().equals("python")) {
                System.out.printf("ok  %7.2f s  peak RSS %7.1f MiB%n", run.number("seconds"), run.mib("rssPeakBytes"));
            } else {
                System.out.printf(
                        "ok  %7.2f s  peak heap %7.1f MiB  max after GC %7.1f MiB%n",
                        run.number("seconds"), run.mib("peakUsedBytes"), run.mib("maxAfterGcBytes"));
            }
        } else {
            System.out.printf("%s after %.1f s (%s)%n", run.outcome().label(), run.processSeconds(), run.log());
        }
        return run;
    }

    /** The {@code key=value} pairs of the {@code BENCH-RESULT} lines a probe printed. */
    static Map<String, String> resultValues(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("BENCH-RESULT ")) {
                for (String pair :
                        line.substring("BENCH-RESULT ".length()).trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    values.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return values;
    }
}
