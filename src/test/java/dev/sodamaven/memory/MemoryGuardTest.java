package dev.sodamaven.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard against loading a whole manifest into memory again: a generated ~30 MB manifest with 10,000
 * tests (and their run results) is ingested in dry run in a JVM of its own with a heap far below what a
 * tree of that manifest needs, and must produce every check. The whole ingestion of it works with
 * -Xmx14m, a tree of it (ObjectMapper.readTree) needs 128 to 160 MiB (JDK 17, G1, 2026-12-02); before
 * ids and repeated texts were shared the ingestion needed about 24 MiB. The guard's heap sits between,
 * well clear of both, and the test checks that it is still too small for a tree.
 * No timing is asserted: docs/benchmarks.md measures speed.
 */
class MemoryGuardTest {

    private static final int TESTS = 10_000;

    /** Comfortably above what streaming needs, half of what a tree of the manifest needs. */
    private static final int GUARD_HEAP_MB = 64;

    /** Too small for the 10,000 results, not for the JVM itself: the run starts and runs out while reading. */
    private static final int TOO_SMALL_HEAP_MB = 8;

    @TempDir
    static Path folder;

    private static Path artifacts;
    private static int expectedChecks;

    @BeforeAll
    static void generate() throws IOException {
        artifacts = folder.resolve("artifacts");
        expectedChecks = GuardArtifacts.write(artifacts, TESTS);
    }

    @Test
    void theManifestIsAsBigAsTheGuardSays() throws IOException {
        assertThat(Files.size(artifacts.resolve("manifest.json"))).isBetween(28_000_000L, 34_000_000L);
    }

    @Test
    void tenThousandTestsAreIngestedInASmallHeap() throws Exception {
        Child child = fork("ingest", GUARD_HEAP_MB);

        assertThat(child.output())
                .as(
                        "ingestion under -Xmx%dm (a whole manifest loaded into memory needs several times more)",
                        GUARD_HEAP_MB)
                .contains("GUARD checks=" + expectedChecks + " warnings=0");
        assertThat(child.exitCode()).isZero();
    }

    /** Shows the guard can fail: loading the whole manifest, as it must never be, does not fit in its heap. */
    @Test
    void aTreeOfTheWholeManifestDoesNotFitInTheGuardsHeap() throws Exception {
        Child child = fork("readtree", GUARD_HEAP_MB);

        assertThat(child.output()).contains("OutOfMemoryError").doesNotContain("GUARD nodes=");
    }

    @Test
    void runningOutOfHeapSaysHowFarTheReadingGot() throws Exception {
        Child child = fork("ingest", TOO_SMALL_HEAP_MB);

        assertThat(child.output())
                .containsPattern("GUARD out-of-heap while [a-z ]+, after reading [0-9,]+ test results? and [0-9,]+"
                        + " relations?")
                .doesNotContain("GUARD checks=");
        assertThat(child.exitCode()).isEqualTo(3);
    }

    private record Child(int exitCode, String output) {}

    /** Runs {@link GuardProbe} in a JVM with {@code -Xmx<heapMb>m} and this test's class path. */
    private static Child fork(String mode, int heapMb) throws IOException, InterruptedException {
        Path log = Files.createTempFile(folder, mode + "-" + heapMb + "m-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m",
                "-XX:+UseG1GC",
                "-cp",
                System.getProperty("java.class.path"),
                GuardProbe.class.getName(),
                mode,
                artifacts.toString(),
                folder.resolve("out-" + mode + "-" + heapMb).toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the forked JVM did not end within 5 minutes: " + Files.readString(log));
        }
        return new Child(process.exitValue(), Files.readString(log));
    }
}
