package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dbt artifact file to be read with Jackson's streaming parser. Every way reading it can fail
 * (missing, unreadable, not JSON, truncated, malformed, not UTF-8, beyond a limit, another kind of
 * artifact) becomes one {@link IngestException} that names the file, the place and what to do, so a
 * reader only deals with the content it understands.
 *
 * <p>The file may be any file the build user can read, given by mistake or on purpose (a file of
 * secrets, /etc/shadow): a message never quotes its content. Malformed JSON is described by
 * {@link JsonFault}, and the place inside the document (a JSON pointer made of the file's field
 * names) is only given once the file's metadata has shown it to be a dbt artifact of the kind
 * expected; before that, line and column say where.
 */
final class ArtifactFile {

    /** Reads the body of an artifact; the parser stands on the top-level {@code START_OBJECT}. */
    @FunctionalInterface
    interface Body<T> {
        T read(JsonParser parser) throws IOException, IngestException;
    }

    /** Longest text value read (skipped values are never materialised, so a huge compiled_code costs nothing). */
    private static final int MAX_STRING_LENGTH = 20_000_000;
    /** What is read from the file at a time (see {@link #parse}). */
    private static final int READ_BUFFER_BYTES = 1 << 16;

    /** Deepest nesting accepted; dbt's own files stay far below it. */
    private static final int MAX_NESTING_DEPTH = 1_000;

    /** For run results and sources: their few field names are kept in Jackson's table, each decoded once. */
    private static final JsonFactory FACTORY = factory(true);

    /**
     * For a manifest, whose field names are mostly distinct: node ids are the keys of nodes, parent_map
     * and child_map. Jackson's table of names grows its area for long names 16 KiB at a time, copying
     * all of it each time, and starts over every 16,000-odd names: on the benchmark's 1 GB manifest that
     * was 0.8 GB of int arrays, each beyond half a G1 region, so allocated outside the young generation,
     * and in a 256 MB heap also holding the run's tests it led to full collections. Without the table,
     * Jackson decodes each name as it comes, through its character parser, which skips unread values as
     * lazily: 40-65 % fewer collections, and faster runs the smaller the heap (docs/benchmarks.md).
     */
    private static final JsonFactory MANIFEST_FACTORY = factory(false);

    private static JsonFactory factory(boolean canonicalizeNames) {
        return new SkimmingJsonParser.Factory(new JsonFactoryBuilder()
                // The readers compare names with equals, never by identity: interning would buy nothing, and it
                // cost 10-15 % of a manifest read when manifests still went through the table (a UTF-16 one does).
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .configure(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES, canonicalizeNames)
                // Every result's execution_time is a double: the JDK's parser showed in profiles of large runs.
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build()));
    }

    /** Longest text taken from the file into a message (a place, a schema URL). */
    private static final int MAX_SHOWN_LENGTH = 100;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** A schema URL as dbt writes it, e.g. https://schemas.getdbt.com/dbt/manifest/v12.json. */
    private static final Pattern DBT_SCHEMA_URL =
            Pattern.compile("https://schemas\\.getdbt\\.com/dbt/[a-z-]{1,30}/v\\d{1,4}\\.json");

    /** One byte in Jackson's words, "0xdf"; a longer number (a surrogate code) is not a byte. */
    private static final Pattern HEX_BYTE = Pattern.compile("0x[0-9a-fA-F]{2}(?![0-9a-fA-F])");
    /** The two artifacts ingestion reads: finding one where the other belongs means they were swapped. */
    private static final Set<String> INGESTED_KINDS = Set.of("manifest", "run-results");

    private static final String REGENERATE = "Run dbt again to regenerate it, or point the plugin at the right file.";
    private static final String UTF8_HINT =
            "dbt writes UTF-8: run dbt again to regenerate it, or convert the file to UTF-8.";

    private final Path path;
    private final String kind;
    private final String label;
    private final String setting;
    /** Whether its field names are mostly distinct, as a manifest's are: see {@link #MANIFEST_FACTORY}. */
    private final boolean distinctNames;
    /** Whether the metadata named this file's kind: from then on its field names are dbt's, and may be shown. */
    private boolean identified;

    /**
     * @param path    the file
     * @param kind    the artifact kind its schema URL should name: {@code manifest} or {@code run-results}
     * @param label   how messages name it, e.g. "dbt manifest"
     * @param setting where the user configured it: a {@link dev.sodamaven.core.Setting#ref() mention} of the setting, or words
     */
    ArtifactFile(Path path, String kind, String label, String setting) {
        this.path = path;
        this.kind = kind;
        this.label = label;
        this.setting = setting;
        this.distinctNames = "manifest".equals(kind);
    }

    Path path() {
        return path;
    }

    String setting() {
        return setting;
    }

    /** The name dbt gives a file of this kind, e.g. manifest.json. */
    String fileName() {
        return SchemaVersion.fileName(kind);
    }

    /**
     * Parses the file with {@code body}, which gets the parser on the top-level object; anything but
     * one complete JSON object in a readable regular file (missing, a directory, empty, binary,
     * truncated, malformed, not UTF-8, two objects in one file) is one {@link IngestException} naming
     * the file and the place. A fault in what the file holds, the body's own included, is a
     * {@link ContentFault}; a file that cannot be read is not.
     *
     * <p>{@code body} may be run twice, from the start of the file each time: when the skim of a skipped
     * value refuses it (see {@link SkimmingJsonParser}). It must build its result afresh on each run.
     */
    <T> T read(Body<T> body) throws IngestException {
        requireReadableFile();
        try {
            return parse(body, true);
        } catch (SkimmingJsonParser.Refused refused) {
            // Something in a skipped value the skim does not vouch for, most likely broken JSON: Jackson's
            // own skip reads it again from the start, and accepts it or says what is wrong and where.
            return parse(body, false);
        }
    }

    /**
     * Refuses the file when its metadata says it is another kind of dbt artifact; called as soon as
     * the metadata is read, before reading a possibly huge rest.
     */
    void requireKind(ArtifactMetadata metadata) throws IngestException {
        String found = metadata.schemaKind();
        if (kind.equals(found)) {
            identified = true;
        }
        if (found != null && !found.equals(kind)) {
            throw IngestException.input(
                    named() + " is a dbt " + SchemaVersion.fileName(found) + " (" + schemaShown(metadata) + "), not a "
                            + fileName() + ".",
                    hintForKind(found));
        }
    }

    /** What to do about a file of kind {@code found} where this kind belongs. */
    private String hintForKind(String found) {
        if (INGESTED_KINDS.contains(found) && INGESTED_KINDS.contains(kind)) {
            return "Check " + setting + ": the two files may have been swapped.";
        }
        String ingestedBy = switch (found) {
            case "manifest" -> Setting.DBT_MANIFEST.ref();
            case "run-results" -> Setting.DBT_RUN_RESULTS.ref();
            case "sources" -> Setting.DBT_SOURCES.ref();
            default -> null;
        };
        return "Check " + setting + ": it must lead to the " + fileName() + " dbt wrote; a "
                + SchemaVersion.fileName(found)
                + (ingestedBy == null ? " is not ingested." : " is read from " + ingestedBy + ".");
    }

    private void requireReadableFile() throws IngestException {
        if (Files.isDirectory(path)) {
            // A folder holding the file is a folder given where the file was expected; else the file itself is one.
            throw IngestException.input(
                    named() + " is a directory, not a file.",
                    Files.isRegularFile(path.resolve(fileName()))
                            ? "Point " + setting + " at the " + fileName() + " inside it."
                            : "Replace it with the " + fileName() + " dbt wrote, or correct " + setting + ".");
        }
        if (!Files.exists(path)) {
            String why =
                    Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? " is a broken symbolic link." : " does not exist.";
            throw IngestException.input(
                    named() + why, "Check " + setting + "; dbt writes it to its target/ folder when it runs.");
        }
        if (!Files.isRegularFile(path)) {
            throw IngestException.input(
                    named() + " is not a regular file (a pipe or device?).",
                    "Point " + setting + " at the JSON file dbt wrote.");
        }
        if (!Files.isReadable(path)) {
            throw IngestException.input(
                    named() + " cannot be read: permission denied.", "Give the build user read access to it.");
        }
    }

    /** Parses the file with {@code body}; {@code skim}: skip values with {@link SkimmingJsonParser}'s skim. */
    private <T> T parse(Body<T> body, boolean skim) throws IngestException {
        // Jackson asks for 8,000 bytes at a time: behind the default 8 KiB buffer it got 8,000 bytes, then the
        // 192 left, and so on, twice the refills and tokens split across them. 64 KiB made the readers of
        // the benchmark's 100,000-test case 15 to 30 % faster (docs/benchmarks.md).
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), READ_BUFFER_BYTES)) {
            in.mark(NonJsonContent.HEAD_LENGTH);
            byte[] head = new byte[NonJsonContent.HEAD_LENGTH];
            int length = in.readNBytes(head, 0, head.length);
            NonJsonContent.refuse(head, length, path, label, fileName(), REGENERATE);
            in.reset();
            try (JsonParser parser = createParser(in, head, length)) {
                if (!skim && parser instanceof SkimmingJsonParser skimming) {
                    skimming.stopSkimming();
                }
                return parseJson(parser, body);
            }
        } catch (IngestException content) {
            // The bytes were read: what they hold is at fault, not the file's access or the disk.
            throw ContentFault.of(content);
        } catch (CharConversionException | JsonProcessingException malformed) {
            // Before the parser exists (detecting the encoding) or while closing it: no place to give.
            throw ContentFault.of(malformed(null, malformed));
        } catch (AccessDeniedException denied) {
            throw IngestException.input(
                    named() + " cannot be read: permission denied.", "Give the build user read access to it.");
        } catch (IOException io) {
            String reason = io instanceof FileSystemException fileProblem && fileProblem.getReason() != null
                    ? fileProblem.getReason()
                    : io.getMessage() != null ? io.getMessage() : io.getClass().getSimpleName();
            throw IngestException.input(
                    named() + " could not be read: " + reason + ".",
                    "Check the file and the disk it is on, then run the build again.",
                    io);
        }
    }

    /**
     * The parser for the file: UTF-8 goes to Jackson's character parser through a {@link StrictUtf8Reader}
     * (Jackson's own reader for it would replace bytes that are not UTF-8), anything else to its stream
     * parser, which detects UTF-16 and UTF-32 too. The run results take the character parser as the
     * manifest does: the two are read side by side, and the JIT then compiles one parser class instead
     * of two (about a CPU second less at 100,000 results, docs/benchmarks.md).
     */
    private JsonParser createParser(InputStream in, byte[] head, int length) throws IOException {
        if (!isUtf8(head, length)) {
            return FACTORY.createParser(in);
        }
        return (distinctNames ? MANIFEST_FACTORY : FACTORY).createParser(new StrictUtf8Reader(in, READ_BUFFER_BYTES));
    }

    /**
     * Whether the file starts as UTF-8 does, as far as Jackson's encoding detection can tell: no zero
     * byte among the first four (UTF-16 and UTF-32 have one in every code unit of ASCII text) and no
     * UTF-16 byte order mark.
     */
    private static boolean isUtf8(byte[] head, int length) {
        if (length >= 2 && ((head[0] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFF)) {
            return false;
        }
        for (int i = 0; i < Math.min(length, 4); i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private <T> T parseJson(JsonParser parser, Body<T> body) throws IOException, IngestException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw IngestException.input(named() + " is empty.", REGENERATE);
            }
            if (first != JsonToken.START_OBJECT) {
                throw IngestException.input(
                        named() + " is not a dbt artifact: it holds a JSON " + describe(first) + ", not a JSON object.",
                        REGENERATE);
            }
            T result = body.read(parser);
            requireEnd(parser);
            return result;
        } catch (StreamConstraintsException tooBig) {
            throw IngestException.input(
                    named() + " " + describeLimit(tooBig.getOriginalMessage())
                            // Where the value starts: where inside a huge value the limit hit depends on buffering.
                            + at(
                                    parser.currentTokenLocation() != null
                                            ? parser.currentTokenLocation()
                                            : tooBig.getLocation())
                            + place(parser) + ".",
                    "dbt writes no such value: check that the file is the dbt artifact you meant, "
                            + "or run dbt again to regenerate it.");
        } catch (CharConversionException | JsonProcessingException malformed) {
            throw malformed(parser, malformed);
        }
    }

    /** After the top-level object only white space may follow: more is a second document or damage. */
    private void requireEnd(JsonParser parser) throws IngestException {
        JsonLocation where;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            where = parser.currentTokenLocation();
        } catch (IOException unreadable) {
            where = unreadable instanceof JsonProcessingException json ? json.getLocation() : parser.currentLocation();
        }
        throw IngestException.input(
                named() + " goes on after the end of its JSON object" + at(where)
                        + ": it may hold two files in one, or be damaged.",
                REGENERATE);
    }

    /** Malformed JSON in the reader's words (see {@link JsonFault}); the exception is not kept, its message quotes the file. */
    private IngestException malformed(JsonParser parser, IOException malformed) {
        JsonLocation location = malformed instanceof JsonProcessingException json && json.getLocation() != null
                ? json.getLocation()
                : malformed instanceof StrictUtf8Reader.NotUtf8 notUtf8
                        ? locationOf(notUtf8, parser)
                        : parser == null ? null : parser.currentLocation();
        String where = at(location) + place(parser);
        JsonFault fault = JsonFault.of(malformed);
        return switch (fault) {
            case END_OF_INPUT ->
                IngestException.input(
                        named() + " is truncated: it ends in the middle of a JSON value" + where + ".", REGENERATE);
            case NOT_UTF8 ->
                IngestException.input(
                        named() + " is not UTF-8 text" + where + ": " + badByte(malformed)
                                + " cannot be there in UTF-8, so the file was probably saved in another encoding (such"
                                + " as Latin-1 or Windows-1252).",
                        UTF8_HINT);
            case NOT_UTF32 ->
                IngestException.input(
                        named() + " is not valid UTF-32 text" + where + ": it starts with zero bytes as UTF-32 does,"
                                + " then holds bytes no UTF-32 text can.",
                        UTF8_HINT);
            default ->
                IngestException.input(named() + " is not valid JSON" + where + ": " + fault.text() + ".", REGENERATE);
        };
    }

    private JsonLocation locationOf(StrictUtf8Reader.NotUtf8 notUtf8, JsonParser parser) {
        try {
            return notUtf8.locationIn(path);
        } catch (IOException unreadable) {
            return parser == null ? null : parser.currentTokenLocation();
        }
    }

    /**
     * The byte UTF-8 refused when it cannot be a letter of plain ASCII text (0x80 and above: a Latin-1
     * letter, a stray continuation byte); else "a byte", since an ASCII byte would be a character of
     * the file.
     */
    private static String badByte(IOException malformed) {
        String problem = malformed instanceof JsonProcessingException json
                ? json.getOriginalMessage()
                : malformed instanceof StrictUtf8Reader.NotUtf8 ? malformed.getMessage() : null;
        Matcher bad = HEX_BYTE.matcher(problem == null ? "" : problem);
        if (bad.find() && Integer.parseInt(bad.group().substring(2), 16) >= 0x80) {
            return "byte " + bad.group().toLowerCase(Locale.ROOT);
        }
        return "a byte";
    }

    /** How every message starts, e.g. "dbt manifest target/manifest.json". */
    private String named() {
        return label + " " + path;
    }

    /**
     * The schema URL as written when it is dbt's own form; else rebuilt from what was recognised in it,
     * so that no other text of the file is shown.
     */
    private static String schemaShown(ArtifactMetadata metadata) {
        String url = metadata.schemaUrl();
        if (DBT_SCHEMA_URL.matcher(url).matches()) {
            return url;
        }
        return "dbt_schema_version .../dbt/" + metadata.schemaKind() + "/v" + metadata.schemaVersion() + ".json";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * Where in the document the parser stood, as a JSON pointer such as {@code /nodes/model.shop.orders/name};
     * nothing until the file is known to be a dbt artifact, as the pointer is made of the file's text.
     */
    private String place(JsonParser parser) {
        if (!identified || parser == null) {
            return "";
        }
        String pointer;
        try {
            pointer = parser.getParsingContext().pathAsPointer().toString();
        } catch (RuntimeException unavailable) {
            return "";
        }
        if (pointer.isEmpty()) {
            return "";
        }
        if (pointer.length() > MAX_SHOWN_LENGTH) {
            // Cut at a segment: a thousand "/0" of deep nesting say no more than the first few.
            int cut = pointer.lastIndexOf('/', MAX_SHOWN_LENGTH);
            pointer = pointer.substring(0, cut > 0 ? cut : MAX_SHOWN_LENGTH) + "/...";
        }
        // In a damaged file any text can stand where a field name should: keep the message on one line.
        return " (in " + CONTROL.matcher(pointer).replaceAll(" ") + ")";
    }

    /** Jackson's limit messages in the user's words; the limits are this reader's own settings. */
    private static String describeLimit(String problem) {
        String text = problem == null ? "" : problem;
        if (text.startsWith("String value length")) {
            return "holds a text value longer than the limit of " + MAX_STRING_LENGTH + " characters";
        }
        if (text.startsWith("Document nesting depth")) {
            return "nests JSON values deeper than the limit of " + MAX_NESTING_DEPTH + " levels";
        }
        if (text.startsWith("Number value length")) {
            return "holds a number with more digits than the JSON reader accepts";
        }
        if (text.startsWith("Name length")) {
            return "holds a field name longer than the JSON reader accepts";
        }
        return "exceeds a limit of the JSON reader";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
