package dev.sodamaven.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * {@code RunResultsReader} and {@code ManifestReader} on inputs nobody would write on purpose: any
 * bytes, real artifacts damaged byte by byte, and valid JSON with values of any type in any place.
 * Each try ends with a result or one clear {@code IngestException}, never another exception, never
 * a hang. Seeds are fixed; tries come from {@code jqwik.tries.default} (junit-platform.properties,
 * or {@code -Djqwik.tries.default=N} for a longer run).
 */
class ArtifactReadersFuzzTest {

    private static final Scratch SCRATCH = new Scratch("readers-fuzz");

    @AfterContainer
    static void removeScratch() {
        SCRATCH.delete();
    }

    @Property(seed = "20261120")
    void anyBytes(@ForAll("bytes") byte[] bytes) {
        Readers.readBothWays(SCRATCH.write("any.json", bytes));
    }

    @Property(seed = "20261121")
    void realArtifactsDamagedByteByByte(
            @ForAll("samples") ArtifactSamples.Sample sample, @ForAll("byteEdits") List<ByteEdit> edits) {
        Readers.readBothWays(SCRATCH.write("damaged.json", ByteEdit.applyAll(edits, sample.bytes())));
    }

    @Property(seed = "20261122")
    void validJsonWithAnyTypeInAnyPlace(
            @ForAll("trees") ArtifactSamples.Tree tree, @ForAll("jsonEdits") List<JsonEdit> edits) throws Exception {
        JsonNode changed = JsonEdit.applyAll(edits, tree.root(), tree.places());
        Readers.readBothWays(SCRATCH.write("changed.json", ArtifactSamples.JSON.writeValueAsBytes(changed)));
    }

    @Property(seed = "20261123")
    void anyJsonValueAsTheWholeFile(@ForAll("jsonValues") JsonNode value) throws Exception {
        Readers.readBothWays(SCRATCH.write("value.json", ArtifactSamples.JSON.writeValueAsBytes(value)));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        // Plain random bytes rarely get past the first one; half the tries start like a JSON object.
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_048);
        return Arbitraries.oneOf(random, random.map(ArtifactReadersFuzzTest::startAsObject));
    }

    @Provide
    Arbitrary<ArtifactSamples.Sample> samples() {
        return Arbitraries.of(ArtifactSamples.all());
    }

    @Provide
    Arbitrary<List<ByteEdit>> byteEdits() {
        return ByteEdit.some(4);
    }

    @Provide
    Arbitrary<ArtifactSamples.Tree> trees() {
        return Arbitraries.of(ArtifactSamples.trees());
    }

    @Provide
    Arbitrary<List<JsonEdit>> jsonEdits() {
        return JsonEdit.some(8);
    }

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        return JsonEdit.values();
    }

    private static byte[] startAsObject(byte[] tail) {
        byte[] bytes = new byte[tail.length + 1];
        bytes[0] = '{';
        System.arraycopy(tail, 0, bytes, 1, tail.length);
        return bytes;
    }
}
