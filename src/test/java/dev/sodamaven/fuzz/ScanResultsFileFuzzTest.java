package dev.sodamaven.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.soda.SavedScan;
import dev.sodamaven.soda.ScanResultsFile;
import dev.sodamaven.testing.SharedArtifacts;
import dev.sodamaven.testing.TestRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * {@code ScanResultsFile.inspect} (what {@code soda:upload} runs on a saved file before sending it) on
 * any bytes, on real scan results files damaged byte by byte, and on valid JSON with any type in any
 * place: a {@link SavedScan} or one {@link IngestException}, never another exception, never a hang.
 */
class ScanResultsFileFuzzTest {

    private static final Scratch SCRATCH = new Scratch("scan-results-fuzz");
    private static List<byte[]> savedFiles;
    private static List<ArtifactSamples.Tree> savedTrees;

    @AfterContainer
    static void removeScratch() {
        SCRATCH.delete();
    }

    @Property(seed = "20261130")
    void anyBytes(@ForAll("bytes") byte[] bytes) {
        inspect(SCRATCH.write("any.json", bytes));
    }

    @Property(seed = "20261131", edgeCases = EdgeCasesMode.NONE)
    void realScanResultsDamagedByteByByte(@ForAll("samples") byte[] sample, @ForAll("byteEdits") List<ByteEdit> edits) {
        inspect(SCRATCH.write("damaged.json", ByteEdit.applyAll(edits, sample)));
    }

    @Property(seed = "20261132", edgeCases = EdgeCasesMode.NONE)
    void validJsonWithAnyTypeInAnyPlace(
            @ForAll("trees") ArtifactSamples.Tree tree, @ForAll("jsonEdits") List<JsonEdit> edits) throws Exception {
        JsonNode changed = JsonEdit.applyAll(edits, tree.root(), tree.places());
        inspect(SCRATCH.write("changed.json", ArtifactSamples.JSON.writeValueAsBytes(changed)));
    }

    /**
     * Found by {@link #realScanResultsDamagedByteByByte} with more tries: Jackson's limit exceptions
     * (nesting deeper than 1000 levels, here) can carry no location; the message must not depend on one.
     */
    @Example
    void deeplyNestedJsonIsAClearError() {
        inspect(SCRATCH.write("deep.json", ("{\"metrics\": " + "[".repeat(1_200)).getBytes(StandardCharsets.UTF_8)));
    }

    private static void inspect(Path file) {
        Guard.within("ScanResultsFile.inspect", () -> {
            try {
                SavedScan scan = ScanResultsFile.inspect(file);
                assertThat(scan.checks()).isPositive();
                assertThat(scan.file()).isEqualTo(file);
            } catch (IngestException refused) {
                assertThat(refused.kind()).isEqualTo(IngestException.Kind.INPUT);
                assertThat(refused.getMessage()).contains(file.toString());
            }
            return null;
        });
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_048);
    }

    @Provide
    Arbitrary<byte[]> samples() {
        return Arbitraries.of(savedFiles());
    }

    @Provide
    Arbitrary<List<ByteEdit>> byteEdits() {
        return ByteEdit.some(4);
    }

    @Provide
    Arbitrary<ArtifactSamples.Tree> trees() {
        return Arbitraries.of(savedTrees());
    }

    @Provide
    Arbitrary<List<JsonEdit>> jsonEdits() {
        return JsonEdit.some(6);
    }

    /** The scan results file a dry run writes for the example, and the contract's example when present. */
    private static synchronized List<byte[]> savedFiles() {
        if (savedFiles == null) {
            List<byte[]> found = new ArrayList<>();
            try {
                found.add(Files.readAllBytes(dryRunOfTheExample()));
                Path contractExample = SharedArtifacts.sharedDir().resolve("contracts/soda-scan-results.example.json");
                if (Files.isRegularFile(contractExample)) {
                    found.add(Files.readAllBytes(contractExample));
                }
            } catch (IOException | IngestException e) {
                throw new IllegalStateException("the example must ingest", e);
            }
            savedFiles = List.copyOf(found);
        }
        return savedFiles;
    }

    private static synchronized List<ArtifactSamples.Tree> savedTrees() {
        if (savedTrees == null) {
            List<ArtifactSamples.Tree> parsed = new ArrayList<>();
            for (byte[] sample : savedFiles()) {
                try {
                    JsonNode root = ArtifactSamples.JSON.readTree(sample);
                    List<JsonPointer> places = new ArrayList<>();
                    ArtifactSamples.collectPlaces(root, JsonPointer.empty(), places);
                    parsed.add(new ArtifactSamples.Tree(
                            new ArtifactSamples.Sample("scan results", sample), root, List.copyOf(places)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            savedTrees = List.copyOf(parsed);
        }
        return savedTrees;
    }

    private static Path dryRunOfTheExample() throws IngestException {
        Path output = SCRATCH.dir().resolve("dry-run");
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T08:30:12Z"), ZoneOffset.UTC);
        Parameters parameters = Parameters.builder()
                .with(Setting.DATA_SOURCE, "jaffle_shop")
                .with(Setting.DBT_ARTIFACTS, SharedArtifacts.exampleArtifacts())
                .with(Setting.OUTPUT_DIRECTORY, output)
                .with(Setting.DRY_RUN, true)
                .build();
        new TestRun(clock).ingest(parameters);
        return output.resolve("scan-results.json");
    }
}
