package dev.sodamaven.dbt;

import static dev.sodamaven.dbt.ArtifactFiles.SETTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file given where a dbt artifact belongs may be anything the build user can read: a file of
 * secrets, /etc/shadow. When it is not valid JSON the message says where and what kind of thing is
 * wrong, never the text found there: neither in the message, nor the hint, nor any cause {@code -e}
 * prints.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MalformedJsonNeverQuotedTest {

    private static final String SECRET = "sk_live_abcdef123456";
    /** The secret's distinctive middle, so that a cut or reformatted quote is caught too. */
    private static final String SECRET_CORE = "abcdef123456";

    private static final String SHADOW = "root:$6$saltsalt$hash:19000:0:99999:7:::\n" + "daemon:*:19000:0:99999:7:::\n";

    @TempDir
    Path dir;

    enum Reader {
        MANIFEST,
        RUN_RESULTS;

        Object read(Path file) throws IngestException {
            return this == MANIFEST
                    ? new ManifestReader().read(file, Set.of("test.shop.a"), SETTING)
                    : new RunResultsReader().read(file, SETTING);
        }

        String label() {
            return this == MANIFEST ? "dbt manifest" : "dbt run results";
        }
    }

    /** Content that is not JSON, each kind of problem once, the secret standing where the parser stops. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a bare secret", SECRET + "\n", "an unquoted word"),
                Arguments.of("a secret after a prefix", "token=" + SECRET + "\n", "an unquoted word"),
                Arguments.of("true-like word", "{\"nodes\": t" + SECRET + "}", "an unquoted word"),
                Arguments.of("an unquoted value", "{\"nodes\": " + SECRET + "}", "an unquoted word"),
                Arguments.of("an unquoted key", "{" + SECRET + ": 1}", "a field name in double quotes"),
                Arguments.of("a single-quoted key", "{'" + SECRET + "': 1}", "a single quote"),
                Arguments.of("a number run into a word", "{\"nodes\": -" + SECRET + "}", "a malformed number"),
                Arguments.of("leading zeroes", "{\"nodes\": 0123" + SECRET + "}", "a malformed number"),
                Arguments.of("NaN", "{\"nodes\": NaN}", "NaN or Infinity"),
                Arguments.of("a bad escape", "{\"nodes\": \"\\q" + SECRET + "\"}", "escape"),
                Arguments.of("a control character", "{\"nodes\": \"" + SECRET + "\u0001\"}", "a control character"),
                Arguments.of("a missing comma", "{\"nodes\": {} \"" + SECRET + "\": 1}", "a comma or '}'"),
                Arguments.of("a missing colon", "{\"" + SECRET + "\" 1}", "a colon"),
                Arguments.of("a wrong bracket", "{\"nodes\": [1, 2}, \"" + SECRET + "\": 1}", "closing bracket"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedManifestIsDescribedNotQuoted(String name, String content, String kind) throws Exception {
        assertNeverQuoted(Reader.MANIFEST, Files.writeString(dir.resolve("manifest.json"), content), kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedRunResultsAreDescribedNotQuoted(String name, String content, String kind) throws Exception {
        assertNeverQuoted(Reader.RUN_RESULTS, Files.writeString(dir.resolve("run_results.json"), content), kind);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Reader.class)
    void aShadowLikeFileIsNotQuoted(Reader reader) throws Exception {
        Path file = Files.writeString(dir.resolve("shadow"), SHADOW);

        IngestException problem = refused(reader, file);

        assertThat(problem.getMessage())
                .isEqualTo(reader.label() + " " + file
                        + " is not valid JSON at line 1, column 1: it holds an unquoted word where a JSON value should"
                        + " be.");
        assertThat(everyText(problem)).doesNotContain("root", "salt", "hash", "19000", "daemon");
    }

    /** UTF-32 is detected from the zero bytes; four bytes beyond Unicode were shown in hexadecimal. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Reader.class)
    void invalidUtf32IsNotQuotedInHexadecimal(Reader reader) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {0, 0, 0, '{'});
        bytes.write(SECRET.getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(dir.resolve("wide.json"), bytes.toByteArray());

        IngestException problem = refused(reader, file);

        // Jackson quoted the four bytes as one number ("Invalid UTF-32 character 0x736a5f6c").
        assertThat(everyText(problem)).doesNotContainPattern("0x[0-9a-fA-F]{3,}");
        assertThat(problem.getMessage())
                .isEqualTo(reader.label() + " " + file + " is not valid UTF-32 text at line 1, column 1: it starts"
                        + " with zero bytes as UTF-32 does, then holds bytes no UTF-32 text can.");
    }

    /**
     * A byte of plain ASCII after a UTF-8 lead byte is part of the text: it is not shown either. Both
     * readers blame the lead byte, a Latin-1 letter, at its place.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Reader.class)
    void anAsciiByteInABrokenUtf8SequenceIsNotShown(Reader reader) throws Exception {
        byte[] latin1 = ("{\"nodes\": \"caf\u00e9" + SECRET + "\"}").getBytes(Charset.forName("ISO-8859-1"));
        Path file = Files.write(dir.resolve("latin1.json"), latin1);

        IngestException problem = refused(reader, file);

        assertThat(problem.getMessage())
                .contains("is not UTF-8 text at line 1, column ")
                .contains("at line 1, column 15: byte 0xe9 cannot be there in UTF-8")
                .doesNotContain("0x73");
        assertThat(everyText(problem)).doesNotContain(SECRET_CORE);
    }

    private void assertNeverQuoted(Reader reader, Path file, String kind) {
        IngestException problem = refused(reader, file);

        assertThat(problem.getMessage())
                .startsWith(reader.label() + " " + file + " is not valid JSON at line ")
                .contains(kind);
        assertThat(everyText(problem)).doesNotContain(SECRET_CORE).doesNotContain("sk_l");
    }

    private static IngestException refused(Reader reader, Path file) {
        IngestException problem = catchThrowableOfType(IngestException.class, () -> reader.read(file));
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.kind()).isEqualTo(IngestException.Kind.INPUT);
        return problem;
    }

    /** The message, the hint and every cause's message and text, as -e and -X print them. */
    static String everyText(Throwable problem) {
        StringBuilder all = new StringBuilder();
        if (problem instanceof IngestException ingest) {
            all.append(ingest.hint()).append('\n');
        }
        for (Throwable t = problem; t != null; t = t.getCause()) {
            all.append(t).append('\n').append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(suppressed).append('\n');
            }
        }
        return all.toString();
    }
}
