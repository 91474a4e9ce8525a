package dev.sodamaven.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.sodamaven.testing.SharedArtifacts;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The skim must accept exactly what Jackson's own skip accepts and leave the parser where Jackson's
 * leaves it (token, place, line and column), or refuse. Each document is read twice, by the same walk
 * that skips the values of fields whose name starts with "s" and reads every other token: once with
 * the skim and once with Jackson's skip, through readers that hand over a few characters at a time so
 * that values are split across refills at every place, with and without Jackson's table of names.
 */
class SkimmingJsonParserTest {

    /** Small limits, so that random documents reach them. */
    private static final int MAX_DEPTH = 12;

    private static final int MAX_NAME = 24;
    private static final int MAX_NUMBER = 12;

    /** A manifest's parser: names not kept in Jackson's table. */
    private static final JsonFactory FACTORY = smallLimits(false);

    /** The run results' parser: names kept in Jackson's table. */
    private static final JsonFactory CANONICAL = smallLimits(true);

    private static JsonFactory smallLimits(boolean canonicalizeNames) {
        return new SkimmingJsonParser.Factory(new JsonFactoryBuilder()
                .configure(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES, canonicalizeNames)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNameLength(MAX_NAME)
                        .maxNumberLength(MAX_NUMBER)
                        .build()));
    }

    /** As {@link ArtifactFile}'s for a manifest: Jackson's limits. */
    private static final JsonFactory REAL_LIMITS = new SkimmingJsonParser.Factory(
            new JsonFactoryBuilder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES));

    private static final String REFUSED = "refused";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 8192})
    void randomDocumentsAreSkimmedExactlyAsJacksonSkipsThem(int charsPerRead) throws IOException {
        Random random = new Random(20261202L + charsPerRead);
        int accepted = 0;
        int refusedByBoth = 0;
        for (int i = 0; i < 1500; i++) {
            JsonFactory factory = i % 2 == 0 ? FACTORY : CANONICAL;
            String document = document(random);
            String skimmed = walk(factory, document, true, charsPerRead);
            String jackson = walk(factory, document, false, charsPerRead);
            assertThat(skimmed)
                    .as("document %s", document)
                    .isNotEqualTo(REFUSED)
                    .isEqualTo(jackson);
            accepted++;

            String broken = mutate(document, random);
            String brokenSkimmed = walk(factory, broken, true, charsPerRead);
            String brokenJackson = walk(factory, broken, false, charsPerRead);
            if (brokenSkimmed.equals(REFUSED)) {
                // Refused: the file is read again with Jackson's skip, which must then find the fault.
                assertThat(brokenJackson).as("document %s", broken).contains("failed:");
                refusedByBoth++;
            } else {
                assertThat(brokenSkimmed).as("document %s", broken).isEqualTo(brokenJackson);
            }
        }
        assertThat(accepted).isEqualTo(1500);
        assertThat(refusedByBoth).as("broken documents the skim refused").isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[1,]",
                "{\"a\":1,}",
                "[1 2]",
                "{\"a\" 1}",
                "{\"a\":}",
                "[,1]",
                "{,}",
                "[01]",
                "[-]",
                "[1.]",
                "[1.e5]",
                "[1e]",
                "[.5]",
                "[+1]",
                "[NaN]",
                "[-Infinity]",
                "[tru]",
                "[truex]",
                "[nul]",
                "['a']",
                "{'a':1}",
                "{a:1}",
                "[\"a\\x\"]",
                "[\"\\u12g4\"]",
                "[\"a\tb\"]",
                "[\"a\u0001\"]",
                "[/* c */1]",
                "[# c\n1]",
                "{\"a\":1]",
                "[\"abc",
                "[1,",
                "{\"a\"",
                "[\u000c1]",
                "[\u00a01]",
                "[1x]",
                "[\"\\",
                "[1e+]",
                "[-01]",
                "[\"a\"\"b\"]"
            })
    void brokenJsonInASkippedValueIsRefusedAndJacksonFindsTheFault(String value) throws IOException {
        String document = "{\"skip\": " + value + ", \"after\": 1}";

        assertThat(walk(document, true, 8192)).isEqualTo(REFUSED);
        assertThat(walk(document, false, 8192)).contains("failed:");
    }

    @Test
    void limitsAreJacksonsOrBelow() throws IOException {
        // Depth: the skipped object is at depth 2 (the document's at 1), so MAX_DEPTH - 2 more levels are allowed.
        String deepest = "[".repeat(MAX_DEPTH - 2) + "]".repeat(MAX_DEPTH - 2);
        String tooDeep = "[".repeat(MAX_DEPTH - 1) + "]".repeat(MAX_DEPTH - 1);
        assertThat(walk("{\"skip\": {\"a\": " + deepest + "}}", true, 7))
                .isEqualTo(walk("{\"skip\": {\"a\": " + deepest + "}}", false, 7))
                .doesNotContain("failed:");
        assertThat(walk("{\"skip\": {\"a\": " + tooDeep + "}}", true, 7)).isEqualTo(REFUSED);
        assertThat(walk("{\"skip\": {\"a\": " + tooDeep + "}}", false, 7)).contains("failed:");

        // Names: as long as Jackson's limit is accepted, one more character refused (escapes count as one).
        String longest = "\\u0041".repeat(MAX_NAME);
        assertThat(walk("{\"skip\": {\"" + longest + "\": 1}}", true, 3)).doesNotContain("failed:", REFUSED);
        assertThat(walk("{\"skip\": {\"" + longest + "A\": 1}}", true, 3)).isEqualTo(REFUSED);
        assertThat(walk("{\"skip\": {\"" + longest + "A\": 1}}", false, 3)).contains("failed:");

        // Numbers: refused from as many digits as Jackson's limit, which Jackson may still accept.
        String shortEnough = "-" + "9".repeat(MAX_NUMBER - 1);
        String atTheLimit = "9".repeat(MAX_NUMBER);
        assertThat(walk("{\"skip\": [" + shortEnough + "]}", true, 5)).doesNotContain("failed:", REFUSED);
        assertThat(walk("{\"skip\": [" + atTheLimit + "]}", true, 5)).isEqualTo(REFUSED);
        assertThat(walk("{\"skip\": [" + atTheLimit + "]}", false, 5)).doesNotContain("failed:");
    }

    /**
     * Every artifact real dbt runs wrote (the shared corpus and the bundled example), skipping what the readers
     * skip and more: the values of every field whose name starts with one of "cdmprs" (compiled_code,
     * columns, config, depends_on, description, meta, macros, parent_map, raw_code, sources, ...).
     */
    @Test
    void realArtifactsAreSkimmedExactlyAsJacksonSkipsThem() throws IOException {
        List<Path> files;
        try (Stream<Path> found =
                Stream.concat(Files.walk(SharedArtifacts.corpus()), Files.walk(SharedArtifacts.exampleArtifacts()))) {
            files = found.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        Predicate<String> skipped = name -> !name.isEmpty() && "cdmprs".indexOf(name.charAt(0)) >= 0;
        int skimmed = 0;
        for (Path file : files) {
            String jackson =
                    walk(REAL_LIMITS, new TricklingReader(Files.newBufferedReader(file), 4096), false, skipped);
            if (jackson.contains("failed:")) {
                continue; // a corpus case that is not JSON on purpose: nothing to compare
            }
            String skim = walk(REAL_LIMITS, new TricklingReader(Files.newBufferedReader(file), 4096), true, skipped);
            assertThat(skim).as("%s", file).isEqualTo(jackson);
            skimmed++;
        }
        assertThat(skimmed).as("artifacts compared, of %s", files.size()).isGreaterThan(files.size() * 9 / 10);
    }

    /**
     * Jackson builds a name with an escape in its text buffer, and checks the buffer against the limit of
     * text as it grows: whether this name fails depends on the size of the buffer Jackson was lent (it
     * failed in one test run and not in another). The skim refuses any name beyond that limit, and Jackson
     * decides.
     */
    @Test
    void aNameLongerThanTheLimitOfTextIsRefused() throws IOException {
        JsonFactory shortText = new SkimmingJsonParser.Factory(new JsonFactoryBuilder()
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .streamReadConstraints(
                        StreamReadConstraints.builder().maxStringLength(100).build()));
        String document = "{\"skip\": {\"" + "a".repeat(1_000) + "\\n\": 1}}";

        assertThat(walk(shortText, new StringReader(document), true, name -> name.equals("skip")))
                .isEqualTo(REFUSED);
    }

    /**
     * The one difference meant (see the class): names the skim passes stay out of Jackson's table of names,
     * so its guard against colliding hashes does not count them. "Ab" and "BA" hash alike (33 * 'A' + 'b'
     * is 33 * 'B' + 'A'), so every name made of them collides, whatever the table's seed.
     */
    @Test
    void collidingNamesInASkippedValueAreNotCountedByJacksonsTableOfNames() throws IOException {
        JsonFactory canonical = new SkimmingJsonParser.Factory(new JsonFactoryBuilder());
        StringBuilder names = new StringBuilder("{");
        for (int i = 0; i < 512; i++) {
            StringBuilder name = new StringBuilder();
            for (int bit = 0; bit < 9; bit++) {
                name.append((i >> bit & 1) == 0 ? "Ab" : "BA");
            }
            names.append(i == 0 ? "" : ",").append('"').append(name).append("\":1");
        }
        String document = "{\"skip\": " + names + "}, \"after\": 1}";

        assertThat(walk(canonical, new StringReader(document), false, name -> name.equals("skip")))
                .contains("failed: Longest collision chain");
        assertThat(walk(canonical, new StringReader(document), true, name -> name.equals("skip")))
                .contains("FIELD_NAME at", "/after")
                .doesNotContain("failed:", REFUSED);
    }

    @Test
    void aSkippedStringIsPassedUnreadAndTheNextTokenFollowsIt() throws IOException {
        String document = "{\"sql\": \"select \\\"a\\\"\\n from t -- \\u00e9\", \"b\": true}";
        try (JsonParser parser = FACTORY.createParser(new StringReader(document))) {
            parser.nextToken();
            assertThat(parser.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);

            LenientJson.skip(parser);

            assertThat(parser.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
            assertThat(parser.currentName()).isEqualTo("b");
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_TRUE);
            assertThat(parser.currentTokenLocation().getColumnNr()).isEqualTo(document.indexOf("true") + 1);
        }
    }

    @Test
    void withoutTheSkimItSkipsAsJacksonDoes() throws IOException {
        try (JsonParser parser = FACTORY.createParser(new StringReader("{\"a\": [1, 2,]}"))) {
            ((SkimmingJsonParser) parser).stopSkimming();
            parser.nextToken();
            parser.nextToken();
            parser.nextToken();

            assertThatThrownBy(parser::skipChildren)
                    .isInstanceOf(JsonProcessingException.class)
                    .hasMessageStartingWith("Unexpected character (']'");
        }
    }

    /**
     * Every token of the document and where the parser stands after it, values of fields starting with "s"
     * skipped ({@link LenientJson#skip}); then how it failed, or "refused" when the skim refused.
     */
    private static String walk(String document, boolean skim, int charsPerRead) throws IOException {
        return walk(FACTORY, document, skim, charsPerRead);
    }

    private static String walk(JsonFactory factory, String document, boolean skim, int charsPerRead)
            throws IOException {
        return walk(
                factory,
                new TricklingReader(new StringReader(document), charsPerRead),
                skim,
                name -> name.startsWith("s"));
    }

    private static String walk(JsonFactory factory, Reader text, boolean skim, Predicate<String> skipped)
            throws IOException {
        StringBuilder seen = new StringBuilder();
        try (JsonParser parser = factory.createParser(text)) {
            if (!skim) {
                ((SkimmingJsonParser) parser).stopSkimming();
            }
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                boolean skip = token == JsonToken.FIELD_NAME && skipped.test(parser.currentName());
                if (skip) {
                    seen.append("skip ").append(parser.currentName()).append(' ');
                    parser.nextToken();
                    LenientJson.skip(parser);
                    token = parser.currentToken();
                }
                seen.append(token)
                        // A skipped string's text is gone.
                        .append(token.isScalarValue() && !skip ? " " + parser.getText() : "")
                        .append(" at ")
                        .append(place(parser.currentTokenLocation()))
                        // Jackson passes a skipped string on the next token, the skim at once.
                        .append(skip && token.isScalarValue() ? "" : " now " + place(parser.currentLocation()))
                        .append(' ')
                        .append(parser.getParsingContext().pathAsPointer())
                        .append('\n');
            }
        } catch (SkimmingJsonParser.Refused refused) {
            return REFUSED;
        } catch (JsonProcessingException failed) {
            seen.append("failed: ")
                    .append(failed.getOriginalMessage())
                    .append(" at ")
                    .append(place(failed.getLocation()));
        }
        return seen.toString();
    }

    private static String place(JsonLocation location) {
        return location == null
                ? "-"
                : location.getCharOffset() + "/" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /** A document of a few fields, some skipped, with values of every kind. */
    private static String document(Random random) {
        StringBuilder out = new StringBuilder("{");
        int fields = 1 + random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                out.append(',');
            }
            space(out, random);
            out.append('"').append(random.nextBoolean() ? "s" : "k").append(i).append('"');
            space(out, random);
            out.append(':');
            space(out, random);
            value(out, random, 2);
            space(out, random);
        }
        return out.append('}').toString();
    }

    private static void value(StringBuilder out, Random random, int depth) {
        int kind = random.nextInt(depth < MAX_DEPTH - 2 ? 9 : 6);
        switch (kind) {
            case 0, 1 -> string(out, random, 12);
            case 2 -> number(out, random);
            case 3 -> out.append(random.nextBoolean() ? "true" : "false");
            case 4 -> out.append("null");
            case 5 -> out.append(random.nextBoolean() ? "{}" : "[]");
            case 6, 7 -> {
                out.append('{');
                int fields = random.nextInt(4);
                for (int i = 0; i < fields; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    space(out, random);
                    string(out, random, MAX_NAME / 6);
                    space(out, random);
                    out.append(':');
                    space(out, random);
                    value(out, random, depth + 1);
                    space(out, random);
                }
                out.append('}');
            }
            default -> {
                out.append('[');
                int elements = random.nextInt(4);
                for (int i = 0; i < elements; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    space(out, random);
                    value(out, random, depth + 1);
                    space(out, random);
                }
                out.append(']');
            }
        }
    }

    private static final String[] PIECES = {
        "a",
        "Z",
        " ",
        "é",
        "中",
        "😀",
        "\\n",
        "\\\"",
        "\\\\",
        "\\/",
        "\\b",
        "\\f",
        "\\r",
        "\\t",
        "\\u00e9",
        "\\uD83D\\uDE00",
        "{",
        "]",
        ":",
        ","
    };

    private static void string(StringBuilder out, Random random, int maxPieces) {
        out.append('"');
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        out.append('"');
    }

    private static void number(StringBuilder out, Random random) {
        if (random.nextInt(4) == 0) {
            out.append('-');
        }
        if (random.nextInt(3) == 0) {
            out.append('0');
        } else {
            out.append(1 + random.nextInt(9));
            digits(out, random, 3);
        }
        if (random.nextBoolean()) {
            out.append('.');
            out.append(random.nextInt(10));
            digits(out, random, 2);
        }
        if (random.nextInt(3) == 0) {
            out.append(random.nextBoolean() ? 'e' : 'E');
            out.append(new String[] {"", "+", "-"}[random.nextInt(3)]);
            out.append(random.nextInt(10));
            digits(out, random, 1);
        }
    }

    private static void digits(StringBuilder out, Random random, int most) {
        int count = random.nextInt(most + 1);
        for (int i = 0; i < count; i++) {
            out.append(random.nextInt(10));
        }
    }

    private static void space(StringBuilder out, Random random) {
        switch (random.nextInt(8)) {
            case 0 -> out.append(' ');
            case 1 -> out.append("\n  ");
            case 2 -> out.append("\r\n");
            case 3 -> out.append('\r');
            case 4 -> out.append('\t');
            default -> {
                // none
            }
        }
    }

    /** What a broken file may hold instead: JSON's own characters and the usual mistakes. */
    private static final String DAMAGE = "{}[]:,\"\\ 0123456789.eE+-tfnlrux'/#\t\n\r\u0001\u00a0";

    /** The document with one or two characters deleted, replaced or inserted. */
    private static String mutate(String document, Random random) {
        StringBuilder out = new StringBuilder(document);
        int edits = 1 + random.nextInt(2);
        for (int i = 0; i < edits && out.length() > 1; i++) {
            int at = random.nextInt(out.length());
            char damage = DAMAGE.charAt(random.nextInt(DAMAGE.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.setCharAt(at, damage);
                default -> out.insert(at, damage);
            }
        }
        return out.toString();
    }

    /** Hands over at most a few characters per read, as a slow stream would. */
    private static final class TricklingReader extends Reader {
        private final Reader text;
        private final int most;

        TricklingReader(Reader text, int most) {
            this.text = text;
            this.most = most;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return text.read(buffer, offset, Math.min(length, most));
        }

        @Override
        public void close() throws IOException {
            text.close();
        }
    }
}
