package dev.sodamaven.maven;

import static dev.sodamaven.maven.MavenWorld.set;
import static dev.sodamaven.maven.MavenWorld.wiredUpload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sodamaven.HeapExhausted;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A goal that runs out of heap ends with one line saying how big Maven's heap was, what had been read
 * and which {@code MAVEN_OPTS} gives it more, not with Maven's bare "Java heap space". The failure is
 * injected into the goal's run; {@code MemoryGuardTest} runs the real ingestion out of heap in a small JVM.
 */
class OutOfMemoryGoalTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path project;

    private final RecordingMavenLog log = new RecordingMavenLog();

    /** The upload goal as Maven hands it over, with a run that fails as given and a heap of 256 MiB. */
    private UploadMojo goalFailingWith(RuntimeException failure, Error error) throws Exception {
        UploadMojo goal = new UploadMojo() {
            @Override
            void run(Context context) {
                if (error != null) {
                    throw error;
                }
                throw failure;
            }

            @Override
            long maxHeap() {
                return 256 * MIB;
            }
        };
        return wiredUpload(goal, log, null, project);
    }

    @Test
    void aRunOutOfHeapSaysWhatItHadReadAndHowToGiveMavenMore() throws Exception {
        UploadMojo goal = goalFailingWith(
                new HeapExhausted(12_345, 2_000, "reading the manifest", new OutOfMemoryError("Java heap space")),
                null);

        Throwable thrown = catchThrowable(goal::execute);

        assertThat(thrown)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("The Soda upload ran out of memory (Java heap space) in Maven's heap of 256 MiB while "
                        + "reading the manifest, after reading 12,345 test results and 2,000 relations. Give Maven "
                        + "more heap, e.g. MAVEN_OPTS=-Xmx512m in the environment (or -Xmx512m in the project's "
                        + ".mvn/jvm.config), and run again.");
    }

    @Test
    void aBareOutOfMemoryErrorGetsTheAdviceToo() throws Exception {
        UploadMojo goal = goalFailingWith(null, new OutOfMemoryError("Java heap space"));

        Throwable thrown = catchThrowable(goal::execute);

        assertThat(thrown)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("The Soda upload ran out of memory (Java heap space) in Maven's heap of 256 MiB. Give "
                        + "Maven more heap, e.g. MAVEN_OPTS=-Xmx512m in the environment (or -Xmx512m in the "
                        + "project's .mvn/jvm.config), and run again.");
    }

    @Test
    void withFailOnErrorFalseItIsAWarning() throws Exception {
        UploadMojo goal = goalFailingWith(
                new HeapExhausted(1, 1, "reading the dbt results", new OutOfMemoryError("Java heap space")), null);
        set(goal, "failOnError", false);

        assertThatCode(goal::execute).doesNotThrowAnyException();

        assertThat(log.at("WARN").get(0))
                .startsWith("The Soda upload ran out of memory")
                .contains("after reading 1 test result and 1 relation")
                .contains("MAVEN_OPTS=-Xmx512m");
    }

    @Test
    void theMessageSaysWhichMemoryRanOut() throws Exception {
        UploadMojo goal = goalFailingWith(null, new OutOfMemoryError("GC overhead limit exceeded"));

        Throwable thrown = catchThrowable(goal::execute);

        assertThat(thrown).hasMessageStartingWith("The Soda upload ran out of memory (GC overhead limit exceeded)");
    }

    @Test
    void theSuggestionIsTwiceTheHeapRoundedUpTo64MiB() {
        assertThat(HeapAdvice.suggestedMib(256 * MIB)).isEqualTo(512);
        assertThat(HeapAdvice.suggestedMib(100 * MIB)).isEqualTo(256);
        assertThat(HeapAdvice.suggestedMib(245 * MIB + 12_345)).isEqualTo(512);
        assertThat(HeapAdvice.suggestedMib(4096 * MIB)).isEqualTo(8192);
    }
}
