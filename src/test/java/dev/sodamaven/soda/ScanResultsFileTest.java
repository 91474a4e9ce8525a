package dev.sodamaven.soda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved scan results file is checked before anything is sent. */
class ScanResultsFileTest {

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path file = dir.resolve("scan-results.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static IngestException refused(Path file) {
        IngestException error = catchThrowableOfType(IngestException.class, () -> ScanResultsFile.inspect(file));
        assertThat(error).as("inspect(%s) refuses", file).isNotNull();
        assertThat(error.kind()).isEqualTo(IngestException.Kind.INPUT);
        assertThat(error.getMessage()).contains(file.toString());
        assertThat(error.hint()).isNotBlank();
        return error;
    }

    @Test
    void acceptsAFileTheWriterWrote() throws Exception {
        Path file = dir.resolve("scan-results.json");
        new ScanResultsWriter().write(SampleScans.varied(), file);

        SavedScan scan = ScanResultsFile.inspect(file);

        assertThat(scan.file()).isEqualTo(file);
        assertThat(scan.checks()).isEqualTo(5);
        assertThat(scan.bodyStart()).isZero();
    }

    @Test
    void findsTheOpeningBraceAfterLeadingWhitespace() throws Exception {
        Path file = file("\n  {\"definitionName\":\"d\",\"defaultDataSource\":\"s\",\"checks\":[{}],"
                + "\"type\":\"sodaCoreInsertScanResults\"}\n");

        assertThat(ScanResultsFile.inspect(file).bodyStart()).isEqualTo(3);
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws Exception {
        Path file = file("\uFEFF{\"definitionName\":\"d\",\"defaultDataSource\":\"s\",\"checks\":[{}],"
                + "\"type\":\"sodaCoreInsertScanResults\"}");

        assertThat(ScanResultsFile.inspect(file).bodyStart()).isEqualTo(3);
    }

    @Test
    void refusesAMissingFile() {
        IngestException error = refused(dir.resolve("nope/scan-results.json"));

        assertThat(error.getMessage()).endsWith("does not exist.");
        assertThat(error.hint()).contains("Run " + Setting.Goal.INGEST.ref() + " first", Setting.SCAN_RESULTS.ref());
    }

    @Test
    void refusesADirectory() {
        IngestException error = refused(dir);

        assertThat(error.getMessage()).endsWith("is a directory.");
        assertThat(error.hint()).contains(Setting.SCAN_RESULTS.ref());
    }

    @Test
    void refusesAFileThatIsNotJson() throws Exception {
        IngestException error = refused(file("{\"definitionName\": \"d\", oops"));

        assertThat(error.getMessage()).contains("is not valid JSON").contains("line 1");
    }

    @Test
    void refusesATruncatedFile() throws Exception {
        assertThat(refused(file("{\"definitionName\":\"d\",\"checks\":[{}")).getMessage())
                .contains("is not valid JSON");
    }

    @Test
    void refusesJsonThatIsNotAScan() throws Exception {
        assertThat(refused(file("[1,2]")).getMessage())
                .endsWith("is not a Soda scan results file: it is not a JSON object.");
        assertThat(refused(file("{\"metadata\":{},\"nodes\":{}}")).getMessage())
                .contains("it lacks \"type\": \"sodaCoreInsertScanResults\"");
        assertThat(refused(file("{\"definitionName\":\"d\",\"defaultDataSource\":\"s\",\"checks\":{},"
                                + "\"type\":\"sodaCoreInsertScanResults\"}"))
                        .getMessage())
                .contains("its \"checks\" is not an array");
        assertThat(refused(file("{\"definitionName\":\"d\",\"defaultDataSource\":\"s\",\"checks\":[1],"
                                + "\"type\":\"sodaCoreInsertScanResults\"}"))
                        .getMessage())
                .contains("other than check objects");
    }

    @Test
    void refusesAFileHoldingAToken() throws Exception {
        IngestException error =
                refused(file("{\"token\":\"tok-123\",\"definitionName\":\"d\",\"defaultDataSource\":\"s\","
                        + "\"checks\":[{}],\"type\":\"sodaCoreInsertScanResults\"}"));

        assertThat(error.getMessage()).contains("it holds a session token").doesNotContain("tok-123");
    }

    @Test
    void refusesAScanWithoutChecks() throws Exception {
        IngestException error = refused(file("{\"definitionName\":\"d\",\"defaultDataSource\":\"s\",\"checks\":[],"
                + "\"type\":\"sodaCoreInsertScanResults\"}"));

        assertThat(error.getMessage()).endsWith("holds no check, so there is nothing to send.");
    }

    @Test
    void refusesSomethingAfterTheObject() throws Exception {
        String scan = "{\"definitionName\":\"d\",\"defaultDataSource\":\"s\",\"checks\":[{}],"
                + "\"type\":\"sodaCoreInsertScanResults\"}";

        assertThat(refused(file(scan + scan)).getMessage()).contains("something follows the JSON object");
        assertThat(refused(file(scan + " ]")).getMessage()).contains("is not valid JSON");
    }

    @Test
    void refusesAFileInAnotherEncodingThanUtf8() throws Exception {
        Path file = dir.resolve("scan-results.json");
        Files.writeString(
                file,
                "{\"definitionName\":\"d\",\"defaultDataSource\":\"s\",\"checks\":[{}],"
                        + "\"type\":\"sodaCoreInsertScanResults\"}",
                StandardCharsets.UTF_16LE);

        assertThat(refused(file).getMessage())
                .isEqualTo("Scan results file " + file + " is not a Soda scan results file: it is not UTF-8 encoded.");
    }

    private static final String SECRET = "sk_live_abcdef123456";
    private static final String VALID_REST =
            "\"definitionName\":\"d\",\"defaultDataSource\":\"s\",\"checks\":[{}],\"type\":\"sodaCoreInsertScanResults\"";

    /** A login command before the real type: the check took the last "type", a server could take the first. */
    @Test
    void refusesATypeGivenTwice() throws Exception {
        Path file = file("{\"type\":\"login\"," + VALID_REST + "}");

        IngestException error = refused(file);

        assertThat(error.getMessage())
                .isEqualTo("Scan results file " + file + " is not a Soda scan results file: it holds the key \"type\""
                        + " twice (line 1, column 82), and the server might read another value than the one checked"
                        + " here.");
        assertThat(error.getCause()).isNull();
    }

    @Test
    void refusesAnyOtherKeyGivenTwiceWithoutNamingIt() throws Exception {
        Path file = file("{\"" + SECRET + "\":1,\n\"" + SECRET + "\":2," + VALID_REST + "}");

        IngestException error = refused(file);

        assertThat(error.getMessage()).contains("it holds a key repeated in one object (line 2, column ");
        assertThat(everyText(error)).doesNotContain("abcdef123456");
    }

    @Test
    void refusesAKeyGivenTwiceInsideACheck() throws Exception {
        Path file = file("{\"definitionName\":\"d\",\"defaultDataSource\":\"s\",\"type\":\"sodaCoreInsertScanResults\","
                + "\"checks\":[{\"name\":\"a\",\"outcome\":\"pass\",\"outcome\":\"fail\"}]}");

        assertThat(refused(file).getMessage()).contains("it holds a key repeated in one object (line 1, column ");
    }

    @Test
    void aFileHoldingABareSecretIsNotQuoted() throws Exception {
        Path file = file(SECRET + "\n");

        IngestException error = refused(file);

        assertThat(error.getMessage())
                .isEqualTo("Scan results file " + file + " is not valid JSON: it holds an unquoted word where a JSON"
                        + " value should be (line 1, column 1).");
        assertThat(everyText(error)).doesNotContain("abcdef123456").doesNotContain("sk_l");
    }

    @Test
    void aShadowLikeFileIsNotQuoted() throws Exception {
        Path file = file("root:$6$saltsalt$hash:19000:0:99999:7:::\n");

        assertThat(everyText(refused(file))).doesNotContain("root", "salt", "hash", "19000");
    }

    @Test
    void malformedValuesAreDescribedNotQuoted() throws Exception {
        for (String value : new String[] {SECRET, "-" + SECRET, "\"\\q" + SECRET + "\"", "\"" + SECRET + "\u0001\""}) {
            IngestException error = refused(file("{\"definitionName\": " + value + "}"));

            assertThat(error.getMessage()).contains("is not valid JSON: it holds ");
            assertThat(everyText(error)).as(value).doesNotContain("abcdef123456");
        }
    }

    /** Jackson's UTF-32 reader quoted four bytes of the file as one hexadecimal number. */
    @Test
    void invalidUtf32IsNotQuotedInHexadecimal() throws Exception {
        Path file = dir.resolve("scan-results.json");
        Files.write(file, ("\u0000\u0000\u0000{" + SECRET).getBytes(StandardCharsets.ISO_8859_1));

        IngestException error = refused(file);

        assertThat(error.getMessage()).contains("is not valid JSON: it holds bytes that are not valid in the UTF-32");
        assertThat(everyText(error)).doesNotContainPattern("0x[0-9a-fA-F]{3,}");
    }

    /** The message, the hint and every cause, as -e and -X print them. */
    private static String everyText(IngestException error) {
        StringBuilder all = new StringBuilder(error.hint()).append('\n');
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
