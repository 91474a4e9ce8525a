package dev.sodamaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * configuration.yml is refused by its size and line lengths before SnakeYAML scans it: its scanner
 * takes time that grows with the square of a token's length (a 50 MB comment line ran for over five
 * minutes, a 20 MB quoted value for a minute), and its own limit was only checked after the token.
 * The timeouts run in a separate thread, so that a scan that never ends still fails the test.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ConfigurationFileReaderLimitsTest {

    private static final int MB = 1_000_000;
    private static final String HINT = "Check that it is the configuration.yml you meant: Soda's configuration files"
            + " are a few kilobytes of short lines.";

    @TempDir
    Path dir;

    private static ConfigurationFile read(Path file) throws IngestException {
        return new ConfigurationFileReader(new VariableSubstitution(Map.of(), Instant.parse("2026-11-20T08:30:12Z")))
                .read(file);
    }

    private static IngestException refused(Path file) {
        IngestException problem = catchThrowableOfType(IngestException.class, () -> read(file));
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(problem.hint()).isEqualTo(HINT);
        assertThat(problem.getCause()).isNull();
        return problem;
    }

    /** Writes {@code before}, then {@code count} times {@code c}, then {@code after}. */
    private Path write(String before, char c, int count, String after) throws IOException {
        Path file = dir.resolve("configuration.yml");
        char[] chunk = new char[64 * 1024];
        Arrays.fill(chunk, c);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(before);
            for (int written = 0; written < count; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, count - written));
            }
            out.write(after);
        }
        return file;
    }

    @Test
    void aFiftyMegabyteCommentLineIsRefusedBeforeParsing() throws Exception {
        Path file = write("soda_cloud:\n  host: cloud.soda.io\n# ", 'x', 50 * MB, "\n");

        assertThat(refused(file).getMessage())
                .isEqualTo("Configuration file " + file
                        + " is larger than the limit of 1048576 bytes (1 MiB) for a configuration file.");
    }

    @Test
    void aTwentyMegabyteQuotedValueIsRefusedBeforeParsing() throws Exception {
        Path file = write("soda_cloud:\n  host: \"", 'x', 20 * MB, "\"\n");

        assertThat(refused(file).getMessage())
                .isEqualTo("Configuration file " + file
                        + " is larger than the limit of 1048576 bytes (1 MiB) for a configuration file.");
    }

    @Test
    void aLongCommentLineIsRefusedByItsNumber() throws Exception {
        Path file = write("soda_cloud:\n  host: cloud.soda.io\n# ", 'x', 900_000, "\n");

        assertThat(refused(file).getMessage())
                .isEqualTo("Configuration file " + file
                        + " has a line longer than the limit of 65536 characters (line 3).");
    }

    @Test
    void aLongQuotedValueIsRefusedByItsNumber() throws Exception {
        Path file = write("# Soda\r\nsoda_cloud:\r\n  host: cloud.soda.io\r\n  api_key_id: '", 'k', 900_000, "'\r\n");

        assertThat(refused(file).getMessage()).endsWith(" characters (line 4).");
    }

    /** Exactly the limits: a file of 1 MiB whose longest lines have 65,536 characters is read (in about a second). */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD) // a bound, not a speed test
    void aFileJustWithinTheLimitsIsRead() throws Exception {
        String yaml = "soda_cloud:\n  host: cloud.soda.io\n  api_key_id: '"
                + "k".repeat(LimitedTextFile.MAX_LINE_LENGTH - 16) + "'\n";
        StringBuilder text = new StringBuilder(yaml);
        String comment = "#" + "c".repeat(LimitedTextFile.MAX_LINE_LENGTH - 1) + "\n";
        while (text.length() + comment.length() <= LimitedTextFile.MAX_BYTES) {
            text.append(comment);
        }
        text.append("#".repeat(LimitedTextFile.MAX_BYTES - text.length()));
        Path file = Files.writeString(dir.resolve("configuration.yml"), text, StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isEqualTo(LimitedTextFile.MAX_BYTES);

        ConfigurationFile read = read(file);

        assertThat(read.sodaCloud("api_key_id").orElseThrow().value()).hasSize(LimitedTextFile.MAX_LINE_LENGTH - 16);
    }

    @Test
    void oneByteMoreIsRefused() throws Exception {
        Path file = write("soda_cloud:\n  host: cloud.soda.io\n", '#', LimitedTextFile.MAX_BYTES - 34, "\n");
        assertThat(Files.size(file)).isEqualTo(LimitedTextFile.MAX_BYTES + 1);

        assertThat(refused(file).getMessage()).contains(" is larger than the limit of 1048576 bytes");
    }
}
