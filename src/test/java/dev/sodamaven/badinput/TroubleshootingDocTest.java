package dev.sodamaven.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.sodamaven.badinput.BadInputCatalogue.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/troubleshooting.md} shows the bad-input catalogue as it is: each generated table equals
 * what {@link TroubleshootingDoc} renders from {@link BadInputCatalogue}, so a message is written once,
 * in the code and the catalogue case that tests it.
 *
 * <p>The test only reads the file. To rewrite its generated tables after changing the catalogue, run it
 * with {@value #WRITE}=true (see {@link #REGENERATE}); the hand-written parts are left as they are.
 */
class TroubleshootingDocTest {

    /** The system property that lets the test rewrite the generated tables in place. */
    static final String WRITE = "soda.docs.write";

    static final String REGENERATE = "./mvnw test -Dinvoker.skip -Dtest=TroubleshootingDocTest -D" + WRITE + "=true";

    @Test
    void generatedTablesAreTheCatalogue() throws IOException {
        assertThat(TroubleshootingDoc.FILE).as("the troubleshooting guide").isRegularFile();
        // A checkout with CRLF line ends is the same text.
        String doc = Files.readString(TroubleshootingDoc.FILE, StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
        List<TroubleshootingDoc.Block> stale = TroubleshootingDoc.blocks(doc).stream()
                .filter(block -> !block.upToDate())
                .toList();
        if (stale.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(TroubleshootingDoc.FILE, TroubleshootingDoc.regenerate(doc), StandardCharsets.UTF_8);
            System.out.println("Rewrote the generated tables of " + TroubleshootingDoc.FILE + " (sections "
                    + String.join(
                            ", ",
                            stale.stream().map(block -> block.section().id()).toList())
                    + "); review and commit it.");
            return;
        }
        List<String> differences = new ArrayList<>();
        for (TroubleshootingDoc.Block block : stale) {
            differences.add(difference(block));
        }
        fail(
                "%s does not show the bad-input catalogue as it is:%n%s%nIts tables between the markers "
                        + "'<!-- generated from BadInputCatalogue ... -->' and '%s' are generated from "
                        + "src/test/java/dev/sodamaven/badinput/BadInputCatalogue.java: do not edit them by hand. "
                        + "After changing the catalogue, rewrite them with%n    %s%nthen review and commit %s.",
                TroubleshootingDoc.FILE,
                String.join(System.lineSeparator(), differences),
                TroubleshootingDoc.END,
                REGENERATE,
                TroubleshootingDoc.FILE);
    }

    /** The first line where a section's table differs from the catalogue. */
    private static String difference(TroubleshootingDoc.Block block) {
        String[] current = block.current().split("\n", -1);
        String[] expected = block.expected().split("\n", -1);
        int i = 0;
        while (i < current.length && i < expected.length && current[i].equals(expected[i])) {
            i++;
        }
        String has = i < current.length && !current[i].isEmpty() ? current[i] : "(the end of the table)";
        String should = i < expected.length && !expected[i].isEmpty() ? expected[i] : "(the end of the table)";
        return "  section '" + block.section().id() + "', line " + (block.line() + 1 + i) + ":"
                + System.lineSeparator() + "    file:      " + has
                + System.lineSeparator() + "    catalogue: " + should;
    }

    @Test
    void handWrittenPartsQuoteNoMessage() throws IOException {
        String doc = Files.readString(TroubleshootingDoc.FILE, StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
        String handWritten = doc.replaceAll(
                "(?s)<!-- generated from BadInputCatalogue.*?" + java.util.regex.Pattern.quote(TroubleshootingDoc.END),
                "");
        for (BadInput input : BadInputCatalogue.CASES) {
            for (String message : messages(input)) {
                assertThat(handWritten)
                        .as(
                                "the hand-written parts of %s: they describe, the tables quote (case '%s')",
                                TroubleshootingDoc.FILE, input.name())
                        .doesNotContain(message);
            }
        }
    }

    private static List<String> messages(BadInput input) {
        if (input.expected() instanceof BadInput.Refused refused) {
            return List.of(TroubleshootingDoc.readable(refused.message()));
        }
        if (input.expected() instanceof BadInput.Failed failed) {
            return List.of(TroubleshootingDoc.readable(failed.message()));
        }
        return ((BadInput.Ingested) input.expected())
                .warnings().stream().map(TroubleshootingDoc::readable).toList();
    }

    @Test
    void everySectionHasCasesAndEveryPlaceholderAReadableForm() {
        for (Section section : Section.values()) {
            assertThat(BadInputCatalogue.SECTIONS.get(section))
                    .as("cases of section %s", section)
                    .isNotEmpty();
        }
        assertThat(TroubleshootingDoc.READABLE.keySet()).containsExactlyInAnyOrderElementsOf(Workspace.PLACEHOLDERS);
    }

    @Test
    void codeSpansShowTheirTextExactly() {
        assertThat(TroubleshootingDoc.code("plain")).isEqualTo("`plain`");
        assertThat(TroubleshootingDoc.code("written by `dbt compile` here"))
                .isEqualTo("``written by `dbt compile` here``");
        assertThat(TroubleshootingDoc.code("`edge`")).isEqualTo("`` `edge` ``");
        assertThat(TroubleshootingDoc.code("a ``double`` run")).isEqualTo("```a ``double`` run```");
        assertThat(TroubleshootingDoc.code("a|b")).isEqualTo("`a\\|b`");
        assertThat(TroubleshootingDoc.code(" both ")).isEqualTo("`  both  `");
    }

    @Test
    void textIsEscapedAndBacktickPairsAreCode() {
        assertThat(TroubleshootingDoc.text("Ingest `dbt test` or `dbt build`."))
                .isEqualTo("Ingest `dbt test` or `dbt build`.");
        assertThat(TroubleshootingDoc.text("a <server> in *settings* | [x] & $HOME ~~"))
                .isEqualTo("a \\<server\\> in \\*settings\\* \\| \\[x\\] \\& \\$HOME \\~\\~");
        assertThat(TroubleshootingDoc.text("such as * & ! % @ `.")).isEqualTo("such as \\* \\& ! % @ \\`.");
        assertThat(TroubleshootingDoc.text("soda_cloud.api_key_id, _x_ and a__b_"))
                .isEqualTo("soda_cloud.api_key_id, \\_x\\_ and a\\_\\_b\\_");
        assertThat(TroubleshootingDoc.text("`a|b` and `c`")).isEqualTo("`a\\|b` and `c`");
        assertThat(TroubleshootingDoc.text("an empty `` pair")).isEqualTo("an empty \\`\\` pair");
        assertThatThrownBy(() -> TroubleshootingDoc.text("two\nlines")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void placeholdersAreShownShort() {
        assertThat(TroubleshootingDoc.readable("dbt manifest {manifest} and {root}/traget at 127.0.0.1:{port}"))
                .isEqualTo("dbt manifest target/manifest.json and …/traget at 127.0.0.1:<port>");
    }

    @Test
    void aBrokenStructureIsNamedNotRewritten() {
        String table = TroubleshootingDoc.start(Section.SETTINGS) + "\n| x |\n" + TroubleshootingDoc.END;
        assertThatThrownBy(() -> TroubleshootingDoc.blocks(table + "\n" + table))
                .hasMessageContaining("section 'settings' is generated a second time");
        assertThatThrownBy(() -> TroubleshootingDoc.blocks(""))
                .hasMessageContaining("section 'which-artifacts' has no generated table");
        assertThatThrownBy(() -> TroubleshootingDoc.blocks(TroubleshootingDoc.start(Section.SETTINGS) + "\n| x |\n"))
                .hasMessageContaining("has no " + TroubleshootingDoc.END);
        assertThatThrownBy(() -> TroubleshootingDoc.blocks(table.replace("settings", "setting")))
                .hasMessageContaining("there is no section 'setting'");
    }
}
