package dev.sodamaven.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sodamaven.IngestOutcome;
import dev.sodamaven.Ingestion;
import dev.sodamaven.Remote;
import dev.sodamaven.config.IngestSettings;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.config.SettingsResolver;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.ManifestReader;
import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.RunResultsReader;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One measured operation in a fresh JVM (started by {@link BenchmarkMain} with the heap under test).
 * Modes:
 * <ul>
 *   <li>{@code ingest}: the whole {@code soda:ingest} in dry run, as {@link Ingestion} runs it;</li>
 *   <li>{@code readers}: only {@link RunResultsReader} and {@link ManifestReader}, timed apart;</li>
 *   <li>{@code tokens}: a bare Jackson {@code nextToken()} loop over both files, the floor any
 *       streaming reader pays (tokenizing without looking at anything), with {@code new JsonFactory()}
 *       (field names interned): the baseline of the earlier numbers in docs/benchmarks.md;</li>
 *   <li>{@code tokens-plain}: the same loop with a factory built like the plugin's, field names not
 *       interned: the floor of the plugin's own parser;</li>
 *   <li>{@code readtree}: the naive way, {@code ObjectMapper.readTree} of the whole manifest;</li>
 *   <li>{@code ingest-warm} and {@code tokens-warm}: {@code ingest} and {@code tokens} {@value #WARM_RUNS} times
 *       in this one JVM, a collection between runs, each run's time in {@code runSeconds} and the median of
 *       the runs after the first {@value #WARM_UP_RUNS} in {@code warmSeconds}: the time once the JIT has compiled the code,
 *       which a fresh JVM on few cores pays for while it reads.</li>
 * </ul>
 * Prints one line {@code BENCH-RESULT key=value ...}; an OutOfMemoryError ends the JVM (the parent
 * starts it with {@code -XX:+ExitOnOutOfMemoryError}).
 */
public final class IngestProbe {

    /** Runs of a warm mode. */
    static final int WARM_RUNS = 5;

    /** The first runs of a warm mode, which warm the JIT up: not in {@code warmSeconds}. */
    static final int WARM_UP_RUNS = 2;

    private IngestProbe() {}

    /** Arguments: mode, artifacts folder (manifest.json + run_results.json), scratch folder. */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path artifacts = Path.of(args[1]);
        Path scratch = Path.of(args[2]);
        Files.createDirectories(scratch);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("mode", mode);
        HeapWatcher watcher = HeapWatcher.start();
        long start = System.nanoTime();
        Object result = switch (mode) {
            case "ingest" -> ingest(artifacts, scratch, values);
            case "readers" -> readers(artifacts, values);
            case "tokens" -> tokens(new JsonFactory(), artifacts, values);
            case "tokens-plain" -> tokens(plainFactory(), artifacts, values);
            case "readtree" -> readTree(artifacts, values);
            case "ingest-warm" -> warm(values, () -> ingest(artifacts, scratch, values));
            case "tokens-warm" -> warm(values, () -> tokens(new JsonFactory(), artifacts, values));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        long nanos = System.nanoTime() - start;
        HeapWatcher.Measurement heap = watcher.stop();
        long live = HeapWatcher.liveHeapNow();
        Reference.reachabilityFence(result);
        values.put("seconds", nanos / 1e9);
        values.put("cpuSeconds", heap.cpuNanos() / 1e9);
        values.put("peakUsedBytes", heap.peakUsedBytes());
        values.put("maxAfterGcBytes", heap.maxAfterGcBytes());
        values.put("liveAtEndBytes", live);
        values.put("collections", heap.collections());
        values.put("gcMillis", heap.gcMillis());
        values.put("rssPeakBytes", HeapWatcher.peakResidentBytes());
        values.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        values.put("gc", HeapWatcher.collectorNames());
        values.put(
                "java",
                System.getProperty("java.vm.name").replace(' ', '_') + "_" + System.getProperty("java.vm.version"));
        System.out.println("BENCH-RESULT "
                + values.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" ")));
    }

    /** One measured operation of a warm mode. */
    @FunctionalInterface
    private interface Operation {
        Object run() throws Exception;
    }

    private static Object warm(Map<String, Object> values, Operation operation) throws Exception {
        List<Double> seconds = new ArrayList<>();
        Object last = null;
        for (int run = 0; run < WARM_RUNS; run++) {
            // What the run before kept is garbage now: collected here, not inside the next run's time.
            last = null;
            System.gc();
            long start = System.nanoTime();
            last = operation.run();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        values.put("runs", WARM_RUNS);
        values.put(
                "runSeconds",
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).collect(Collectors.joining(",")));
        List<Double> warmed =
                seconds.subList(WARM_UP_RUNS, WARM_RUNS).stream().sorted().toList();
        values.put("warmSeconds", warmed.get(warmed.size() / 2));
        return last;
    }

    private static IngestOutcome ingest(Path artifacts, Path scratch, Map<String, Object> values)
            throws IngestException {
        WarningLog log = new WarningLog();
        Parameters parameters = Parameters.builder()
                .with(Setting.DATA_SOURCE, "bench_warehouse")
                .with(Setting.DBT_ARTIFACTS, artifacts)
                .with(Setting.OUTPUT_DIRECTORY, scratch.resolve("soda"))
                .with(Setting.DRY_RUN, true)
                .build();
        Clock clock = Clock.systemUTC();
        Secrets secrets = new Secrets();
        IngestSettings settings = new SettingsResolver(Map.of(), clock.instant(), secrets).resolveIngest(parameters);
        Remote remote = new Remote(List::of, duration -> {}, Duration.ofMillis(1), log, secrets);
        IngestOutcome outcome =
                new Ingestion(log, clock, remote, new Outbound(secrets, Setting::parameter)).run(settings);
        values.put("checks", outcome.checks().checks().size());
        values.put("skipped", outcome.checks().skipped().size());
        values.put("warnings", log.warnings.size());
        values.put("scanResultsBytes", fileSize(outcome.scanResultsFile()));
        if (!log.warnings.isEmpty()) {
            System.out.println("BENCH-WARNING " + log.warnings.get(0));
        }
        return outcome;
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Object[] readers(Path artifacts, Map<String, Object> values) throws IngestException {
        long start = System.nanoTime();
        RunResults results = new RunResultsReader().read(artifacts.resolve("run_results.json"), "bench");
        long middle = System.nanoTime();
        // As Ingestion does: each wanted id to itself, so the manifest's tests share the run results' ids.
        Map<String, String> wanted = new HashMap<>();
        results.tests().forEach(test -> wanted.put(test.uniqueId(), test.uniqueId()));
        ManifestIndex manifest = new ManifestReader().read(artifacts.resolve("manifest.json"), wanted, "bench", false);
        long end = System.nanoTime();
        values.put("runResultsSeconds", (middle - start) / 1e9);
        values.put("manifestSeconds", (end - middle) / 1e9);
        values.put("tests", manifest.tests().size());
        values.put("relations", manifest.relations().size());
        return new Object[] {results, manifest};
    }

    private static long[] tokens(JsonFactory factory, Path artifacts, Map<String, Object> values) throws IOException {
        long[] counts = new long[2];
        String[] files = {"run_results.json", "manifest.json"};
        for (int i = 0; i < files.length; i++) {
            long start = System.nanoTime();
            try (JsonParser parser =
                    factory.createParser(artifacts.resolve(files[i]).toFile())) {
                while (parser.nextToken() != null) {
                    counts[i]++;
                }
            }
            values.put(i == 0 ? "runResultsSeconds" : "manifestSeconds", (System.nanoTime() - start) / 1e9);
        }
        values.put("tokens", counts[0] + counts[1]);
        return counts;
    }

    /**
     * Built like ArtifactFile's factory where it matters for speed: field names not interned. Its stream
     * read constraints (nesting depth, string length) are not needed for speed: every parser checks
     * such limits (here Jackson's defaults), the plugin's only sets other values. Built inside the timed
     * part, as {@code tokens} builds its {@code new JsonFactory()}.
     */
    private static JsonFactory plainFactory() {
        return JsonFactory.builder()
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
    }

    private static JsonNode readTree(Path artifacts, Map<String, Object> values) throws Exception {
        JsonNode tree =
                new ObjectMapper().readTree(artifacts.resolve("manifest.json").toFile());
        values.put("nodes", tree.path("nodes").size());
        return tree;
    }

    /** Keeps warnings (a correct run of the synthetic project has none); drops everything else. */
    private static final class WarningLog implements IngestLog {
        final List<String> warnings = new ArrayList<>();

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    }
}
