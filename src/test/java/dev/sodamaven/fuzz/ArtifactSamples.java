package dev.sodamaven.fuzz;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sodamaven.testing.SharedArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real dbt artifacts to mutate: the bundled example's two files, and the corpus files of
 * {@code ../shared/dbt-artifacts} up to {@link #MAX_CORPUS_FILE} bytes (the larger ones add time, not
 * new shapes). Without the corpus only the example is used.
 */
final class ArtifactSamples {

    static final long MAX_CORPUS_FILE = 400_000;
    static final ObjectMapper JSON = new ObjectMapper();

    /** One real file: where it came from, its bytes, and (parsed on demand) its JSON tree. */
    record Sample(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A parsed sample with every place a value can be replaced at. */
    record Tree(Sample sample, JsonNode root, List<JsonPointer> places) {
        @Override
        public String toString() {
            return sample.name();
        }
    }

    private static List<Sample> all;
    private static List<Tree> trees;

    private ArtifactSamples() {}

    static synchronized List<Sample> all() {
        if (all == null) {
            List<Sample> samples = new ArrayList<>();
            Path example = SharedArtifacts.exampleArtifacts();
            samples.add(load("example/manifest.json", example.resolve("manifest.json")));
            samples.add(load("example/run_results.json", example.resolve("run_results.json")));
            Path corpus = SharedArtifacts.sharedDir().resolve("dbt-artifacts");
            if (Files.isDirectory(corpus)) {
                try (Stream<Path> files = Files.walk(corpus)) {
                    files.filter(file -> file.getFileName().toString().endsWith(".json"))
                            .filter(file -> !corpus.relativize(file).startsWith("schemas"))
                            .filter(file -> size(file) <= MAX_CORPUS_FILE)
                            .sorted()
                            .forEach(file ->
                                    samples.add(load(corpus.relativize(file).toString(), file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            all = List.copyOf(samples);
        }
        return all;
    }

    /** The samples as JSON trees; only files up to 120 kB, so that rewriting one per try stays quick. */
    static synchronized List<Tree> trees() {
        if (trees == null) {
            List<Tree> parsed = new ArrayList<>();
            for (Sample sample : all()) {
                if (sample.bytes().length > 120_000) {
                    continue;
                }
                try {
                    JsonNode root = JSON.readTree(sample.bytes());
                    List<JsonPointer> places = new ArrayList<>();
                    collectPlaces(root, JsonPointer.empty(), places);
                    parsed.add(new Tree(sample, root, List.copyOf(places)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            trees = List.copyOf(parsed);
        }
        return trees;
    }

    static void collectPlaces(JsonNode node, JsonPointer at, List<JsonPointer> places) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonPointer child = at.appendProperty(field.getKey());
                places.add(child);
                collectPlaces(field.getValue(), child, places);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                places.add(child);
                collectPlaces(node.get(i), child, places);
            }
        }
    }

    private static Sample load(String name, Path file) {
        try {
            return new Sample(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
