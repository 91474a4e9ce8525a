package dev.sodamaven.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the memory and speed benchmark of soda:ingest (see docs/benchmarks.md). Started by
 * {@code ./mvnw -Pbenchmark process-test-classes}; options are system properties:
 * <ul>
 *   <li>{@code bench.cases} SIZE:TESTS list, e.g. {@code 100MB:5000,1GB:50000};</li>
 *   <li>{@code bench.heaps} -Xmx values in MiB for the timed ingest runs, the first one repeated
 *       {@code bench.repeats} times;</li>
 *   <li>{@code bench.readTree} also measure ObjectMapper.readTree, up to {@code bench.readTreeMaxHeap} MiB;</li>
 *   <li>{@code bench.python} also measure python3's json.load, its address space limited to
 *       {@code bench.pythonMaxMemory} MiB;</li>
 *   <li>{@code bench.warm} also run the ingestion and the {@code tokens} scan several times in one JVM
 *       each ({@link IngestProbe}'s warm modes), for their times once the JIT has compiled the code;</li>
 *   <li>{@code bench.keep} keep the generated artifacts (they are reused by the next run with the same case);</li>
 *   <li>{@code bench.mavenHeaps} MAVEN_OPTS -Xmx values in MiB of whole {@code mvn soda:ingest} builds
 *       ({@link MavenBuild}); empty, the default, runs none;</li>
 *   <li>{@code bench.directory}, {@code bench.timeoutMinutes}, {@code bench.seed}.</li>
 * </ul>
 * Each measurement runs in a fresh JVM, one after the other; results go to the console and to
 * {@code target/benchmark/results.md}.
 */
public final class BenchmarkMain {

    private static final int INGEST_FLOOR_MB = 4;
    private static final int READ_TREE_FLOOR_MB = 16;

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(System.getProperty("bench.directory", "target/benchmark"));
        String caseList = System.getProperty("bench.cases", "100MB:5000");
        List<BenchCase> cases =
                Arrays.stream(caseList.split(",")).map(BenchCase::parse).toList();
        int[] heaps = Arrays.stream(
                        System.getProperty("bench.heaps", "256,128,64").split(","))
                .mapToInt(h -> Integer.parseInt(h.trim()))
                .toArray();
        int repeats = Integer.getInteger("bench.repeats", 5);
        boolean readTree = Boolean.parseBoolean(System.getProperty("bench.readTree", "true"));
        int readTreeMax = Integer.getInteger("bench.readTreeMaxHeap", 12_288);
        boolean python = Boolean.parseBoolean(System.getProperty("bench.python", "true"));
        int pythonMax = Integer.getInteger("bench.pythonMaxMemory", 12_288);
        boolean keep = Boolean.parseBoolean(System.getProperty("bench.keep", "false"));
        boolean warm = Boolean.parseBoolean(System.getProperty("bench.warm", "false"));
        long seed = Long.getLong("bench.seed", 42);
        Duration timeout = Duration.ofMinutes(Integer.getInteger("bench.timeoutMinutes", 20));
        List<Integer> mavenHeaps = Arrays.stream(
                        System.getProperty("bench.mavenHeaps", "").split(","))
                .filter(h -> !h.isBlank())
                .map(h -> Integer.valueOf(h.trim()))
                .toList();
        String settings = "cases=" + caseList + " heaps=" + Arrays.toString(heaps)
                + " repeats=" + repeats + " readTree=" + readTree + " readTreeMaxHeap=" + readTreeMax + " python="
                + python + " pythonMaxMemory=" + pythonMax + " seed=" + seed + " mavenHeaps=" + mavenHeaps + " warm="
                + warm;

        List<String> environment = Environment.describe();
        environment.forEach(System.out::println);
        Path results = directory.resolve("results.md");
        ChildJvm children = new ChildJvm(directory.resolve("logs"), directory.resolve("scratch"), timeout);
        List<CaseResult> done = new ArrayList<>();
        MavenBuild maven = MavenBuild.prepareIfAsked(directory, mavenHeaps);
        StringBuilder mavenResults = new StringBuilder();
        for (BenchCase benchCase : cases) {
            System.out.printf(
                    "%n== %s: manifest ~%d MiB, %,d test results%n",
                    benchCase.label(), benchCase.manifestBytes() >> 20, benchCase.testResults());
            Path artifacts = directory.resolve("artifacts").resolve(benchCase.label());
            ArtifactGenerator.Generated generated =
                    ArtifactGenerator.generate(artifacts, benchCase.manifestBytes(), benchCase.testResults(), seed);
            System.out.printf(
                    "  artifacts %s: manifest %.1f MiB, run_results %.1f MiB, %,d models, %,d tests%n",
                    generated.reused() ? "reused" : Report.fmt("generated in %.0f s", generated.seconds()),
                    generated.manifestBytes() / 1048576.0,
                    generated.runResultsBytes() / 1048576.0,
                    generated.models(),
                    generated.testsInManifest());
            CaseResult result = new CaseResult(benchCase, generated);
            done.add(result);
            result.loadBefore = Environment.loadAverage();
            measure(result, artifacts, children, heaps, repeats, readTree, readTreeMax, python, pythonMax);
            if (warm) {
                result.ingestWarm = children.probe(benchCase.label(), "ingest-warm", heaps[0], artifacts);
                result.tokensWarm = children.probe(benchCase.label(), "tokens-warm", heaps[0], artifacts);
            }
            System.out.println("  " + FloorRatios.times(result));
            FloorRatios.lines(result).forEach(line -> System.out.println("  " + line));
            if (maven != null) {
                mavenResults.append(MavenBuild.render(benchCase.label(), maven.run(benchCase.label(), artifacts)));
            }
            result.loadAfter = Environment.loadAverage();
            write(results, new Report(environment, settings, done, children.runs()).render() + mavenResults);
            if (!keep) {
                Scratch.delete(artifacts);
            }
        }
        Scratch.delete(directory.resolve("scratch"));
        System.out.println();
        System.out.println(Files.readString(results));
        System.out.println("Written to " + results);
    }

    private static void measure(
            CaseResult result,
            Path artifacts,
            ChildJvm children,
            int[] heaps,
            int repeats,
            boolean readTree,
            int readTreeMax,
            boolean python,
            int pythonMax)
            throws Exception {
        String label = result.benchCase.label();
        ChildRun smallestOk = null;
        for (int i = 0; i < heaps.length; i++) {
            for (int r = 0; r < (i == 0 ? repeats : 1); r++) {
                ChildRun run = children.probe(label, "ingest", heaps[i], artifacts);
                result.timing.add(run);
                if (i == 0) {
                    // Each ingestion run next to the readers alone and a bare scan of each kind: the ratios compare
                    // medians taken over the same stretch of time, not five runs with one (a lone fresh-JVM scan
                    // here varied 3.7-6.2 s).
                    result.readersRuns.add(children.probe(label, "readers", heaps[0], artifacts));
                    result.tokensRuns.add(children.probe(label, "tokens", heaps[0], artifacts));
                    result.tokensPlainRuns.add(children.probe(label, "tokens-plain", heaps[0], artifacts));
                }
                if (run.ok() && !result.correct(run)) {
                    System.out.println("  WARNING: the ingestion did not produce the planted checks; see " + run.log());
                }
                if (run.ok() && result.correct(run) && (smallestOk == null || heaps[i] < smallestOk.heapMb())) {
                    smallestOk = run;
                }
            }
        }
        result.readers = CaseResult.medianRun(result.readersRuns);
        result.tokens = CaseResult.medianRun(result.tokensRuns);
        result.tokensPlain = CaseResult.medianRun(result.tokensPlainRuns);
        result.ingestMinimum = new HeapSearch(INGEST_FLOOR_MB, 4_096)
                .search(smallestOk, heaps[heaps.length - 1], heap -> children.probe(label, "ingest", heap, artifacts));
        if (readTree) {
            // A tree of a JSON file takes a few times the file's size; start the search near that.
            int guess = Math.min(readTreeMax, Math.max(256, Integer.highestOneBit((int)
                    Math.max(1, result.manifestMib() * 2))));
            result.readTreeMinimum = new HeapSearch(READ_TREE_FLOOR_MB, readTreeMax)
                    .search(null, guess, heap -> children.probe(label, "readtree", heap, artifacts));
        }
        if (python) {
            result.python = children.python(label, result.artifacts.manifest(), pythonMax);
        }
    }

    private static void write(Path file, String report) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }
}
