package dev.sodamaven.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.ManifestReader;
import dev.sodamaven.dbt.RunResults;
import dev.sodamaven.dbt.RunResultsReader;
import dev.sodamaven.dbt.TestResult;
import dev.sodamaven.testing.EveryTest;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs both dbt artifact readers on a file, each within {@link Guard}'s time bound, and checks the
 * only two acceptable outcomes: a result that keeps the readers' promises, or one clear
 * {@link IngestException} of kind INPUT naming the file. Any other exception fails the try.
 */
final class Readers {

    static final String SETTING = "dbtArtifacts (-Dsoda.dbt.artifacts)";

    private Readers() {}

    static void readBothWays(Path file) {
        Guard.within("RunResultsReader", () -> {
            try {
                checkRunResults(new RunResultsReader().read(file, SETTING), file);
            } catch (IngestException refused) {
                checkRefusal(refused, file, IngestException.Kind.INPUT);
            }
            return null;
        });
        Guard.within("ManifestReader", () -> {
            try {
                checkManifest(new ManifestReader().read(file, EveryTest.IDS, SETTING));
            } catch (IngestException refused) {
                checkRefusal(refused, file, IngestException.Kind.INPUT);
            }
            return null;
        });
    }

    /** One message, on one line, naming the file, with a hint. */
    static void checkRefusal(IngestException refused, Path file, IngestException.Kind kind) {
        assertThat(refused.kind()).as("kind of: %s", refused.getMessage()).isEqualTo(kind);
        assertThat(refused.getMessage())
                .contains(file.toString())
                .doesNotContain("\n")
                .doesNotContain("\r")
                .hasSizeLessThan(file.toString().length() + 800);
        assertThat(refused.hint()).as("hint of: %s", refused.getMessage()).isNotBlank();
    }

    private static void checkRunResults(RunResults results, Path file) {
        assertThat(results.metadata().file()).isEqualTo(file);
        for (TestResult test : results.tests()) {
            assertThat(test.uniqueId()).startsWith("test.");
            assertThat(test.status()).isNotNull().isEqualTo(test.status().toLowerCase(Locale.ROOT));
        }
        assertThat(results.warnings()).allSatisfy(warning -> assertThat(warning).doesNotContain("\n"));
    }

    private static void checkManifest(ManifestIndex manifest) {
        manifest.tests().forEach((id, test) -> assertThat(test.uniqueId()).isEqualTo(id));
        manifest.relations().forEach((id, relation) -> {
            assertThat(relation.uniqueId()).isEqualTo(id);
            assertThat(relation.type()).isNotNull();
        });
    }
}
