package dev.sodamaven.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonLocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8ReaderTest {

    private static final String TEXT = "{\"caf\u00e9\": \"\u20ac \ud83d\ude00 \u00fc\", \"ascii\": \"plain\"}\n";

    @TempDir
    Path dir;

    /** Characters of up to four bytes come out whole wherever a read of the stream cuts them. */
    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 7, 8, 13, 64, 65_536})
    void decodesUtf8WhereverAReadCutsIt(int bufferBytes) throws IOException {
        assertThat(readAll(TEXT.getBytes(StandardCharsets.UTF_8), bufferBytes, 3))
                .isEqualTo(TEXT);
    }

    @Test
    void skipsAByteOrderMarkAtTheStartOnly() throws IOException {
        String text = "\ufeff{\"a\": \"\ufeff\"}";

        assertThat(readAll(text.getBytes(StandardCharsets.UTF_8), 16, 5)).isEqualTo("{\"a\": \"\ufeff\"}");
    }

    @Test
    void anEmptyStreamEndsAtOnce() throws IOException {
        try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(new byte[0]), 8)) {
            assertThat(reader.read(new char[4], 0, 4)).isEqualTo(-1);
        }
    }

    /**
     * Every character before a bad byte is read, then the failure comes, and again on every later
     * read: the parser stands on the bad byte when it fails.
     */
    @Test
    void readsEveryCharacterBeforeABadByteThenRefuses() throws IOException {
        byte[] bytes = latin1After("{\"k\": \"ok \u20ac\",\r\n \"n\": \"gr", "\u00f6\u00dfe\"}");
        StringBuilder read = new StringBuilder();
        try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes), 8)) {
            char[] buffer = new char[5];
            StrictUtf8Reader.NotUtf8 failure = catchThrowableOfType(StrictUtf8Reader.NotUtf8.class, () -> {
                int n;
                while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                    read.append(buffer, 0, n);
                }
            });

            assertThat(read).hasToString("{\"k\": \"ok \u20ac\",\r\n \"n\": \"gr");
            assertThat(failure).hasMessage("Invalid UTF-8 byte 0xf6");
            assertThat(failure.locationIn(Files.write(dir.resolve("run.json"), bytes))
                            .getByteOffset())
                    .isEqualTo(bytes.length - 5);
            assertThatThrownBy(() -> reader.read(buffer, 0, 1)).isSameAs(failure);
        }
    }

    /** Lines and columns as Jackson counts them: CR LF, LF and CR each end a line; a character is one column. */
    @Test
    void placesTheBadByteByLineAndColumn() throws IOException {
        byte[] bytes = latin1After("\ufeff{\"a\": 1,\r\n \"b\": 2,\r \"c\":\n  \"\u20ac\u00e9x", "\u00e9\"}");
        Path file = Files.write(dir.resolve("manifest.json"), bytes);

        StrictUtf8Reader.NotUtf8 failure =
                catchThrowableOfType(StrictUtf8Reader.NotUtf8.class, () -> readAll(Files.readAllBytes(file), 64, 64));
        JsonLocation location = failure.locationIn(file);

        assertThat(location.getLineNr()).isEqualTo(4);
        assertThat(location.getColumnNr()).isEqualTo(7);
        assertThat(location.getByteOffset()).isEqualTo(bytes.length - 3);
    }

    @Test
    void aCharacterCutByTheEndOfTheFileIsRefused() {
        byte[] euro = "x\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(euro, euro.length - 1);

        assertThatThrownBy(() -> readAll(cut, 8, 8))
                .isInstanceOf(StrictUtf8Reader.NotUtf8.class)
                .hasMessage("Invalid UTF-8 byte 0xe2");
    }

    @Test
    void aBufferTooSmallForOneCharacterIsRefused() {
        assertThatThrownBy(() -> new StrictUtf8Reader(new ByteArrayInputStream(new byte[0]), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] latin1After(String utf8, String latin1) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(utf8.getBytes(StandardCharsets.UTF_8));
        bytes.write(latin1.getBytes(StandardCharsets.ISO_8859_1));
        return bytes.toByteArray();
    }

    private static String readAll(byte[] bytes, int bufferBytes, int charsAtATime) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes), bufferBytes)) {
            char[] buffer = new char[charsAtATime];
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                text.append(buffer, 0, n);
            }
        }
        return text.toString();
    }
}
