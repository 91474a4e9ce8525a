package dev.sodamaven.dbt;

import static dev.sodamaven.dbt.ArtifactFiles.SETTING;
import static dev.sodamaven.dbt.ArtifactFiles.write;
import static dev.sodamaven.dbt.ArtifactFiles.writeExactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sodamaven.core.IngestException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way reading a dbt artifact file can fail gives one clear message naming the file and the place. */
class ArtifactFileProblemsTest {

    /** 50 MB: more than the reader's 20 MB limit for one value, so reading such a value would fail. */
    private static final int HUGE = 50_000_000;

    private static final String REGENERATE = "Run dbt again to regenerate it, or point the plugin at the right file.";

    /** The two readers, with a file of each kind whose one value can be replaced. */
    enum Reader {
        MANIFEST(
                "dbt manifest",
                "manifest.json",
                "{'metadata': {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/manifest/v12.json'},"
                        + " 'nodes': {'model.shop.orders': {'resource_type': 'model', 'alias': 'orders',"
                        + " 'name': %s, 'compiled_code': %s}}}"),
        RUN_RESULTS(
                "dbt run results",
                "run_results.json",
                "{'metadata': {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/run-results/v6.json'},"
                        + " 'results': [{'status': 'pass', 'failures': 0,"
                        + " 'unique_id': %s, 'compiled_code': %s}]}");

        final String label;
        final String fileName;
        /** JSON with two slots: a value that is read, and a value that is skipped. */
        final String template;

        Reader(String label, String fileName, String template) {
            this.label = label;
            this.fileName = fileName;
            this.template = template;
        }

        Object read(Path file) throws IngestException {
            return this == MANIFEST
                    ? new ManifestReader().read(file, Set.of("test.shop.a.1a2b3c4d5e"), SETTING)
                    : new RunResultsReader().read(file, SETTING);
        }

        /** Where the read slot of the template lives, as a JSON pointer. */
        String readSlot() {
            return this == MANIFEST ? "/nodes/model.shop.orders/name" : "/results/0/unique_id";
        }

        String skippedSlot() {
            return this == MANIFEST ? "/nodes/model.shop.orders/compiled_code" : "/results/0/compiled_code";
        }

        String readValue() {
            return this == MANIFEST ? "'orders'" : "'test.shop.a.1a2b3c4d5e'";
        }
    }

    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Reader reader, Path file) {
        return assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(IngestException.class)
                .satisfies(e -> assertThat(((IngestException) e).kind()).isEqualTo(IngestException.Kind.INPUT))
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    private static String hint(Throwable e) {
        return ((IngestException) e).hint();
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void malformedJsonNamesFileLineColumnAndPlace(Reader reader) {
        // The colon after "compiled_code" is missing; dbt's files are mostly one line, so the place matters.
        Path file = write(
                dir,
                reader.fileName,
                reader.template
                        .formatted(reader.readValue(), "'x'")
                        .replace(", 'compiled_code': ", ",\n 'compiled_code' "));

        assertRefused(reader, file)
                .hasMessage(reader.label + " " + file + " is not valid JSON at line 2, column 18 (in "
                        + reader.skippedSlot() + "): a colon after the field name is missing there.")
                .satisfies(e -> assertThat(hint(e)).isEqualTo(REGENERATE));
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void truncatedJsonSaysSo(Reader reader) {
        String whole = reader.template.formatted(reader.readValue(), "'x'").replace('\'', '"');
        String cut = whole.substring(0, whole.indexOf("\"compiled_code\": \"") + 20);
        Path file = writeExactly(dir, reader.fileName, cut);

        assertRefused(reader, file)
                .hasMessage(reader.label + " " + file + " is truncated: it ends in the middle of "
                        + "a JSON value at line 1, column " + (cut.length() + 1) + " (in " + reader.skippedSlot()
                        + ").")
                .satisfies(e -> assertThat(hint(e)).isEqualTo(REGENERATE));
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void anEmptyFileSaysSo(Reader reader) {
        Path file = writeExactly(dir, reader.fileName, " \n");

        assertRefused(reader, file)
                .hasMessage(reader.label + " " + file + " is empty.")
                .satisfies(e -> assertThat(hint(e)).isEqualTo(REGENERATE));
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void jsonThatIsNotAnObjectSaysWhatItHolds(Reader reader) {
        Path file = writeExactly(dir, reader.fileName, "[{\"unique_id\": \"x\"}]");

        assertRefused(reader, file)
                .hasMessage(reader.label + " " + file
                        + " is not a dbt artifact: it holds a JSON array, not a JSON object.");
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aDirectoryIsRefused(Reader reader) throws IOException {
        Path folder = Files.createDirectory(dir.resolve(reader.fileName));

        assertRefused(reader, folder)
                .hasMessage(reader.label + " " + folder + " is a directory, not a file.")
                .satisfies(e -> assertThat(hint(e))
                        .isEqualTo(
                                "Replace it with the " + reader.fileName + " dbt wrote, or correct " + SETTING + "."));
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aMissingFileIsRefused(Reader reader) {
        Path file = dir.resolve(reader.fileName);

        assertRefused(reader, file)
                .hasMessage(reader.label + " " + file + " does not exist.")
                .satisfies(e -> assertThat(hint(e))
                        .isEqualTo("Check " + SETTING + "; dbt writes it to its target/ folder when it runs."));
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aBrokenSymbolicLinkIsRefused(Reader reader) throws IOException {
        Path link = dir.resolve(reader.fileName);
        try {
            Files.createSymbolicLink(link, dir.resolve("gone.json"));
        } catch (UnsupportedOperationException | IOException notHere) {
            assumeTrue(false, "Skipped: symbolic links cannot be created here (" + notHere + ")");
        }

        assertRefused(reader, link).hasMessage(reader.label + " " + link + " is a broken symbolic link.");
    }

    /** Opening a named pipe for reading blocks until a writer comes; the reader must never open one. */
    @ParameterizedTest
    @EnumSource(Reader.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // only a hang reaches this
    void aNamedPipeIsRefusedWithoutOpeningIt(Reader reader) throws Exception {
        Path fifo = dir.resolve(reader.fileName);
        int exit;
        try {
            exit = new ProcessBuilder("mkfifo", fifo.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException noMkfifo) {
            exit = -1;
        }
        assumeTrue(exit == 0 && Files.exists(fifo), "Skipped: mkfifo is not available here.");

        assertRefused(reader, fifo)
                .hasMessage(reader.label + " " + fifo + " is not a regular file (a pipe or device?).")
                .satisfies(e -> assertThat(hint(e)).isEqualTo("Point " + SETTING + " at the JSON file dbt wrote."));
    }

    /**
     * A 50 MB compiled_code is skipped without being read: reading it would break the 20 MB limit
     * per value, so success proves it was never held in memory.
     */
    @ParameterizedTest
    @EnumSource(Reader.class)
    void aHugeValueInASkippedFieldIsNeverRead(Reader reader) throws Exception {
        Path file = writeWithHugeString(reader, reader.readValue(), null);

        Object read = reader.read(file);

        if (read instanceof RunResults results) {
            assertThat(results.tests()).extracting(TestResult::uniqueId).containsExactly("test.shop.a.1a2b3c4d5e");
        } else {
            assertThat(((ManifestIndex) read).relations()).containsOnlyKeys("model.shop.orders");
        }
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aHugeValueInAReadFieldIsAClearError(Reader reader) throws Exception {
        Path file = writeWithHugeString(reader, null, "'x'");

        assertRefused(reader, file)
                .hasMessageStartingWith(reader.label + " " + file
                        + " holds a text value longer than the limit of 20000000 characters at line 1, column ")
                .hasMessageEndingWith(" (in " + reader.readSlot() + ").")
                .satisfies(e -> assertThat(hint(e))
                        .isEqualTo("dbt writes no such value: check that the file is the "
                                + "dbt artifact you meant, or run dbt again to regenerate it."));
    }

    /**
     * A fault deep inside a skipped object: the skim refuses it, and the file is read again with Jackson's
     * skip, which places it as it always has, down to the array inside the object.
     */
    @ParameterizedTest
    @EnumSource(Reader.class)
    void malformedJsonInsideASkippedObjectIsPlacedAsBefore(Reader reader) {
        String skipped = "{'meta': {'owners': ['a', 'b',], 'tier': 1}}";
        String whole = reader.template.formatted(reader.readValue(), skipped).replace('\'', '"');
        Path file = writeExactly(dir, reader.fileName, whole);

        assertRefused(reader, file)
                .hasMessage(reader.label + " " + file + " is not valid JSON at line 1, column "
                        + (whole.indexOf(",]") + 2) + " (in " + reader.skippedSlot()
                        + "/meta/owners/2): a JSON value should start there.");
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void deeplyNestedJsonIsAClearError(Reader reader) {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        Path file = write(dir, reader.fileName, reader.template.formatted(reader.readValue(), deep));

        assertRefused(reader, file)
                .hasMessageStartingWith(reader.label + " " + file
                        + " nests JSON values deeper than the limit of 1000 levels at line 1, column ")
                .satisfies(e -> assertThat(e.getMessage())
                        .hasSizeLessThan(file.toString().length() + 400));
    }

    /** Writes the reader's template with a 50 MB string in the read slot (when null) or the skipped one. */
    private Path writeWithHugeString(Reader reader, String readValue, String skippedValue) throws IOException {
        String[] parts = reader.template
                .replace('\'', '"')
                .formatted(
                        readValue == null ? "@" : readValue.replace('\'', '"'),
                        skippedValue == null ? "@" : skippedValue.replace('\'', '"'))
                .split("@", -1);
        Path file = dir.resolve(reader.fileName);
        char[] chunk = "0123456789abcdef".repeat(4096).toCharArray();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(parts[0]);
            out.write('"');
            for (int written = 0; written < HUGE; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, HUGE - written));
            }
            out.write('"');
            out.write(parts[1]);
        }
        return file;
    }
}
