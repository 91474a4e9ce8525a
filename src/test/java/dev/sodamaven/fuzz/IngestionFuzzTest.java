package dev.sodamaven.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.sodamaven.IngestOutcome;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.soda.ScanResultsFile;
import dev.sodamaven.soda.SodaCheck;
import dev.sodamaven.testing.SharedArtifacts;
import dev.sodamaven.testing.TestRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The whole ingestion (dry run) on real manifest + run_results pairs whose JSON got values of any
 * type in the places the ingestion reads: mapping, dataset resolution, the scan results file and the
 * reports must cope. Each try ends with an outcome whose scan results file can be sent as it is
 * (and matches the contract's schema when ../shared is there), or with one {@link IngestException}.
 */
class IngestionFuzzTest {

    /** Subtrees the ingestion never reads; edits there prove nothing new. */
    private static final List<String> SKIPPED = List.of(
            "/macros/",
            "/docs/",
            "/parent_map",
            "/child_map",
            "/compiled_code",
            "/raw_code",
            "/compiled_sql",
            "/raw_sql",
            "/columns/",
            "/timing",
            "/adapter_response",
            "/fqn",
            "/exposures",
            "/metrics",
            "/disabled",
            "/semantic_models",
            "/saved_queries",
            "/selectors",
            "/groups",
            "/group_map",
            "/env");
    /** Larger manifests make each try slower without adding shapes the smaller ones lack. */
    private static final long MAX_MANIFEST = 200_000;

    private static final Scratch SCRATCH = new Scratch("ingestion-fuzz");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T08:30:12Z"), ZoneOffset.UTC);
    private static List<Pair> pairs;
    private static JsonSchema schema;
    private static boolean schemaLooked;

    /** A manifest and run results of one dbt invocation, parsed, with the places worth changing. */
    record Pair(String name, ArtifactSamples.Tree manifest, ArtifactSamples.Tree runResults) {
        @Override
        public String toString() {
            return name;
        }
    }

    @AfterContainer
    static void removeScratch() {
        SCRATCH.delete();
    }

    @Property(seed = "20261150", edgeCases = EdgeCasesMode.NONE)
    void anyTypeInThePlacesIngestionReads(
            @ForAll("pairs") Pair pair,
            @ForAll("jsonEdits") List<JsonEdit> manifestEdits,
            @ForAll("jsonEdits") List<JsonEdit> runResultsEdits,
            @ForAll boolean dbtTimestamp)
            throws Exception {
        Path target = Files.createDirectories(SCRATCH.dir().resolve("target"));
        Files.write(
                target.resolve("manifest.json"),
                ArtifactSamples.JSON.writeValueAsBytes(JsonEdit.applyAll(
                        manifestEdits, pair.manifest().root(), pair.manifest().places())));
        Files.write(
                target.resolve("run_results.json"),
                ArtifactSamples.JSON.writeValueAsBytes(JsonEdit.applyAll(
                        runResultsEdits,
                        pair.runResults().root(),
                        pair.runResults().places())));
        Path output = SCRATCH.dir().resolve("soda");
        Parameters parameters = Parameters.builder()
                .with(Setting.DATA_SOURCE, "fuzz_source")
                .with(Setting.DBT_ARTIFACTS, target)
                .with(Setting.OUTPUT_DIRECTORY, output)
                .with(Setting.DRY_RUN, true)
                .with(Setting.DATA_TIMESTAMP, dbtTimestamp ? "dbt" : "ingestion")
                .build();

        Guard.within("the ingestion", () -> {
            try {
                IngestOutcome outcome = new TestRun(CLOCK).ingest(parameters);
                checkOutcome(outcome);
            } catch (IngestException refused) {
                assertThat(refused.kind()).isEqualTo(IngestException.Kind.INPUT);
                assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n");
                assertThat(refused.hint()).isNotBlank();
            }
            return null;
        });
    }

    private static void checkOutcome(IngestOutcome outcome) throws Exception {
        for (SodaCheck check : outcome.checks().checks()) {
            assertThat(check.dataset().table()).isNotBlank();
            assertThat(check.identity()).startsWith("test.");
        }
        Path file = outcome.scanResultsFile();
        assertThat(file).exists();
        JsonNode written = ArtifactSamples.JSON.readTree(file.toFile());
        assertThat(written.path("checks")).hasSize(outcome.checks().checks().size());
        if (outcome.checks().checks().isEmpty()) {
            return; // nothing to send: the ingestion says so and sends nothing
        }
        // What a dry run wrote can be sent later with soda:upload as it is.
        assertThat(ScanResultsFile.inspect(file).checks())
                .isEqualTo(outcome.checks().checks().size());
        JsonSchema contract = schema();
        if (contract != null) {
            // The upload body is the file plus the token, which the schema requires: add a placeholder.
            ((ObjectNode) written).put("token", "placeholder");
            assertThat(contract.validate(written))
                    .as("upload body against the contract's schema")
                    .isEmpty();
        }
    }

    /** Half the tries on the small example, which keeps the default run short; half on the corpus. */
    @Provide
    Arbitrary<Pair> pairs() {
        List<Pair> all = loadPairs();
        if (all.size() == 1) {
            return Arbitraries.just(all.get(0));
        }
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(all.get(0))), Tuple.of(1, Arbitraries.of(all.subList(1, all.size()))));
    }

    @Provide
    Arbitrary<List<JsonEdit>> jsonEdits() {
        return JsonEdit.some(0, 4);
    }

    /** The example pair, and the corpus pairs with a manifest up to {@link #MAX_MANIFEST} bytes. */
    private static synchronized List<Pair> loadPairs() {
        if (pairs == null) {
            List<Pair> found = new ArrayList<>();
            found.add(pair("example", SharedArtifacts.exampleArtifacts()));
            Path corpus = SharedArtifacts.sharedDir().resolve("dbt-artifacts");
            if (Files.isDirectory(corpus)) {
                try (Stream<Path> folders = Files.list(corpus)) {
                    folders.filter(folder -> Files.isRegularFile(folder.resolve("manifest.json"))
                                    && Files.isRegularFile(folder.resolve("run_results.json")))
                            .filter(folder -> size(folder.resolve("manifest.json")) <= MAX_MANIFEST)
                            .sorted()
                            .forEach(folder ->
                                    found.add(pair(folder.getFileName().toString(), folder)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            pairs = List.copyOf(found);
        }
        return pairs;
    }

    private static Pair pair(String name, Path folder) {
        return new Pair(name, tree(folder.resolve("manifest.json")), tree(folder.resolve("run_results.json")));
    }

    private static ArtifactSamples.Tree tree(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode root = ArtifactSamples.JSON.readTree(bytes);
            List<JsonPointer> places = new ArrayList<>();
            ArtifactSamples.collectPlaces(root, JsonPointer.empty(), places);
            List<JsonPointer> read = places.stream()
                    .filter(place -> SKIPPED.stream()
                            .noneMatch(skipped -> place.toString().contains(skipped)))
                    .toList();
            return new ArtifactSamples.Tree(new ArtifactSamples.Sample(file.toString(), bytes), root, read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized JsonSchema schema() throws IOException {
        if (!schemaLooked) {
            schemaLooked = true;
            Path file = SharedArtifacts.sharedDir().resolve("contracts/soda-scan-results.schema.json");
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                            .getSchema(in);
                }
            }
        }
        return schema;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
