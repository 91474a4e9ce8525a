package dev.sodamaven.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sodamaven.IngestOutcome;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.testing.FakeCloud;
import dev.sodamaven.testing.RecordingLog;
import dev.sodamaven.testing.SharedArtifacts;
import dev.sodamaven.testing.TestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue ({@link BadInputCatalogue}) end to end: settings resolution and the real
 * ingestion against a running fake Soda Cloud that accepts the key, not in a dry run. A bad input
 * gives one {@link IngestException} with its exact message and hint, and nothing reaches Soda Cloud
 * (not even a login) and no scan results file is left behind; an odd input that is still ingested
 * gives exactly its warnings and uploads what it should; a remote service that refuses or fails gives one
 * {@link IngestException} with its exact message and hint, stores nothing, and keeps the scan results file
 * when it was written. The API key secret is never shown.
 */
class BadInputCatalogueTest {

    private static final String UPLOAD = "sodaCoreInsertScanResults";

    @TempDir
    Path root;

    private FakeCloud cloud;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T08:30:12.345Z"), ZoneOffset.UTC);
    private RecordingLog log;

    @BeforeEach
    void startCloud() throws IOException {
        cloud = FakeCloud.start(SharedArtifacts.sharedDir().resolve("contracts/soda-scan-results.schema.json"))
                .withApiKey(Workspace.KEY_ID, Workspace.KEY_SECRET);
    }

    @AfterEach
    void stopCloud() {
        cloud.close();
    }

    static Stream<BadInput> catalogue() {
        return BadInputCatalogue.CASES.stream();
    }

    @Test
    void theCatalogueHoldsAtLeastThirtyDistinctCases() {
        List<String> names =
                BadInputCatalogue.CASES.stream().map(BadInput::name).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void badInputGivesOneClearMessageAndNeverHalfUploads(BadInput input) throws Exception {
        Workspace workspace = new Workspace(root, cloud);
        Parameters parameters = input.arrange().apply(workspace).build();

        TestRun run = new TestRun(clock, workspace.environment);
        log = run.log();
        IngestOutcome outcome = null;
        IngestException problem = null;
        try {
            outcome = run.ingest(parameters);
        } catch (IngestException refused) {
            problem = refused;
        }

        if (input.expected() instanceof BadInput.Refused refused) {
            if (problem == null) {
                fail("'%s' was ingested, with the warnings %s", input.name(), outcome.warnings());
            }
            assertThat(problem.getMessage()).as("message").isEqualTo(workspace.expand(refused.message()));
            assertThat(problem.hint()).as("hint").isEqualTo(workspace.expand(refused.hint()));
            assertThat(problem.kind()).as("kind").isEqualTo(refused.kind());
            assertThat(problem.keptScanResults())
                    .as("a scan results file to re-send")
                    .isEmpty();
            assertThat(problem.describe()).as("message and hint").doesNotContain(Workspace.KEY_SECRET);
            assertThat(cloud.requests()).as("requests to Soda Cloud").isEmpty();
            assertThat(workspace.output.resolve("scan-results.json"))
                    .as("scan results file")
                    .doesNotExist();
        } else if (input.expected() instanceof BadInput.Failed failed) {
            if (problem == null) {
                fail("'%s' was ingested, with the warnings %s", input.name(), outcome.warnings());
            }
            assertThat(problem.getMessage()).as("message").isEqualTo(workspace.expand(failed.message()));
            assertThat(problem.hint()).as("hint").isEqualTo(workspace.expand(failed.hint()));
            assertThat(problem.kind()).as("kind").isEqualTo(failed.kind());
            assertThat(problem.describe()).as("message and hint").doesNotContain(Workspace.KEY_SECRET);
            assertThat(cloud.acceptedScans()).as("scans Soda Cloud stored").isEmpty();
            Path scanResults = workspace.output.resolve("scan-results.json");
            if (failed.scanResultsKept()) {
                assertThat(problem.keptScanResults())
                        .as("the scan results file to re-send")
                        .contains(scanResults);
                assertThat(scanResults).as("scan results file").isRegularFile();
            } else {
                assertThat(problem.keptScanResults())
                        .as("a scan results file to re-send")
                        .isEmpty();
                assertThat(scanResults).as("scan results file").doesNotExist();
            }
        } else {
            BadInput.Ingested ingested = (BadInput.Ingested) input.expected();
            if (problem != null) {
                fail("'%s' was refused: %s", input.name(), problem.describe());
            }
            List<String> warnings =
                    ingested.warnings().stream().map(workspace::expand).toList();
            assertThat(run.shown(outcome.warnings())).as("warnings").containsExactlyElementsOf(warnings);
            assertThat(log.warnings()).as("warnings in the build log").containsExactlyElementsOf(warnings);
            ingested.upload().verify(cloud.acceptedScans());
            assertThat(cloud.commands(UPLOAD)).as("upload requests").hasSameSizeAs(cloud.acceptedScans());
            assertThat(cloud.schemaErrors())
                    .as("upload body against the contract's schema")
                    .isEmpty();
            assertThat(Files.readString(outcome.scanResultsFile())).doesNotContain(Workspace.KEY_SECRET);
        }
        assertThat(log.text()).as("build log").doesNotContain(Workspace.KEY_SECRET);
        assertNoSecretInOutputFiles(workspace.output);
    }

    private static void assertNoSecretInOutputFiles(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return;
        }
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as("%s", file).doesNotContain(Workspace.KEY_SECRET);
            }
        }
    }
}
