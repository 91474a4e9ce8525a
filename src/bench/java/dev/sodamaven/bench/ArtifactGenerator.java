package dev.sodamaven.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes a synthetic manifest.json of about a wanted size plus the matching run_results.json into a
 * folder, or reuses the files a previous run wrote there with the same parameters.
 *
 * <p>The number of test results is fixed by the caller; 85 % of the manifest's tests ran (a real
 * build rarely runs all). The number of models is then chosen so that the manifest reaches the wanted
 * size: two small trial plans are written to a byte counter, the size per model is read off them.
 */
final class ArtifactGenerator {

    /** Bump when the generated files change, so stale ones are not reused. */
    private static final int GENERATOR_VERSION = 1;

    private static final double EXECUTED_SHARE = 0.85;
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * What was generated.
     *
     * @param statuses test results by dbt status
     * @param seconds  time spent writing (0 when reused)
     */
    record Generated(
            Path manifest,
            Path runResults,
            long manifestBytes,
            long runResultsBytes,
            int models,
            int seeds,
            int sources,
            int testsInManifest,
            int testResults,
            Map<String, Integer> statuses,
            double seconds,
            boolean reused) {

        /** The checks an ingestion must produce: every executed test but the skipped ones. */
        int expectedChecks() {
            return testResults - statuses.getOrDefault("skipped", 0);
        }
    }

    private ArtifactGenerator() {}

    static Generated generate(Path directory, long targetBytes, int testResults, long seed) throws IOException {
        Files.createDirectories(directory);
        Path manifest = directory.resolve("manifest.json");
        Path runResults = directory.resolve("run_results.json");
        Path description = directory.resolve("generated.properties");
        Properties wanted = new Properties();
        wanted.setProperty("generator", String.valueOf(GENERATOR_VERSION));
        wanted.setProperty("targetBytes", String.valueOf(targetBytes));
        wanted.setProperty("testResults", String.valueOf(testResults));
        wanted.setProperty("seed", String.valueOf(seed));
        Properties existing = load(description);
        if (existing != null
                && sameParameters(existing, wanted)
                && Files.isRegularFile(manifest)
                && Files.isRegularFile(runResults)
                && String.valueOf(Files.size(manifest)).equals(existing.getProperty("manifestBytes"))
                && String.valueOf(Files.size(runResults)).equals(existing.getProperty("runResultsBytes"))) {
            return describe(manifest, runResults, plan(existing), 0, true);
        }
        Files.deleteIfExists(description);
        long start = System.nanoTime();
        int tests = (int) Math.round(testResults / EXECUTED_SHARE);
        int models = modelsFor(targetBytes, tests, testResults, seed);
        ProjectPlan plan = new ProjectPlan(models, tests, testResults, seed);
        RunIdentity run = RunIdentity.of(plan);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(manifest), 1 << 16);
                JsonGenerator g = generator(out)) {
            new ManifestWriter(plan, run, g).write();
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(runResults), 1 << 16);
                JsonGenerator g = generator(out)) {
            new RunResultsWriter(plan, run, g).write();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        wanted.setProperty("models", String.valueOf(models));
        wanted.setProperty("tests", String.valueOf(tests));
        wanted.setProperty("manifestBytes", String.valueOf(Files.size(manifest)));
        wanted.setProperty("runResultsBytes", String.valueOf(Files.size(runResults)));
        try (OutputStream out = Files.newOutputStream(description)) {
            wanted.store(out, "synthetic dbt artifacts for the soda-maven-plugin benchmark");
        }
        return describe(manifest, runResults, plan, seconds, false);
    }

    private static ProjectPlan plan(Properties description) {
        return new ProjectPlan(
                Integer.parseInt(description.getProperty("models")),
                Integer.parseInt(description.getProperty("tests")),
                Integer.parseInt(description.getProperty("testResults")),
                Long.parseLong(description.getProperty("seed")));
    }

    private static Generated describe(Path manifest, Path runResults, ProjectPlan plan, double seconds, boolean reused)
            throws IOException {
        Map<String, Integer> statuses = new TreeMap<>();
        for (int t = 0; t < plan.tests; t++) {
            String status = plan.status(t);
            if (status != null) {
                statuses.merge(status, 1, Integer::sum);
            }
        }
        return new Generated(
                manifest,
                runResults,
                Files.size(manifest),
                Files.size(runResults),
                plan.models,
                plan.seeds,
                plan.sources,
                plan.tests,
                plan.executedTests,
                statuses,
                seconds,
                reused);
    }

    private static boolean sameParameters(Properties existing, Properties wanted) {
        return wanted.stringPropertyNames().stream()
                .allMatch(key -> wanted.getProperty(key).equals(existing.getProperty(key)));
    }

    private static Properties load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    /** The number of models that brings the manifest to {@code targetBytes}, from two trial sizes. */
    private static int modelsFor(long targetBytes, int tests, int executed, long seed) throws IOException {
        int small = 200;
        int large = 1_000;
        long smallBytes = manifestBytes(new ProjectPlan(small, tests, executed, seed));
        long largeBytes = manifestBytes(new ProjectPlan(large, tests, executed, seed));
        double perModel = (largeBytes - smallBytes) / (double) (large - small);
        double fixed = smallBytes - perModel * small;
        long models = Math.round((targetBytes - fixed) / perModel);
        if (models < 10) {
            throw new IllegalArgumentException(String.format(
                    "%d test results alone make a manifest of %.0f MiB; ask for a larger size or fewer tests",
                    executed, fixed / (1 << 20)));
        }
        return Math.toIntExact(models);
    }

    private static long manifestBytes(ProjectPlan plan) throws IOException {
        CountingStream counter = new CountingStream();
        try (JsonGenerator g = generator(counter)) {
            new ManifestWriter(plan, RunIdentity.of(plan), g).write();
        }
        return counter.count;
    }

    private static JsonGenerator generator(OutputStream out) {
        try {
            JsonGenerator g = JSON.createGenerator(out);
            g.setPrettyPrinter(new PythonStylePrinter());
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts bytes and drops them. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream() {
            super(OutputStream.nullOutputStream());
        }

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
