package dev.sodamaven.config;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.OneLine;
import java.io.StringReader;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Parses a YAML file into a node tree, and nothing more: no Java object is ever constructed from it,
 * so tags such as {@code !!javax.script.ScriptEngineManager} cannot run code (SnakeYAML's tag
 * inspector refuses global tags even before that). Aliases to lists and maps are limited, which
 * refuses "billion laughs" files; so are nesting depth and size. The file's size and line lengths
 * are checked before SnakeYAML sees it ({@link LimitedTextFile}).
 *
 * <p>Error messages give the problem and its line and column, never an excerpt of the file: the
 * excerpt SnakeYAML prints could show a secret.
 */
final class YamlComposer {

    /** Most aliases to lists and maps in one file: ordinary anchors work, a "billion laughs" file does not. */
    static final int MAX_COLLECTION_ALIASES = 20;
    /** Deepest nesting of blocks and lists; configuration.yml nests three or four levels. */
    static final int MAX_NESTING_DEPTH = 30;
    /** SnakeYAML's own size limit, in code points; {@link LimitedTextFile#MAX_BYTES} already keeps every file below it. */
    private static final int MAX_CODE_POINTS = LimitedTextFile.MAX_BYTES;

    private static final String GLOBAL_TAG_PROBLEM = "Global tag is not allowed";

    private YamlComposer() {}

    /**
     * The root node of the single YAML document in {@code path}, or null when it holds none (empty,
     * or only comments). {@code label} starts every message, e.g. "Configuration file x.yml".
     */
    static Node compose(Path path, String label) throws IngestException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMergeOnCompose(true);
        options.setAllowRecursiveKeys(false);
        // Size and line length are checked before SnakeYAML scans anything: see LimitedTextFile.
        String text = LimitedTextFile.read(path, label);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException invalid) {
            throw invalidYaml(invalid, label);
        } catch (ReaderException special) {
            throw IngestException.configuration(
                    label + " contains the character U+"
                            + String.format("%04X", special.getCodePoint()) + ", which YAML does not allow (character "
                            + (special.getPosition() + 1) + ").",
                    "Save it as a UTF-8 text file without control characters.");
        } catch (YAMLException invalid) {
            throw IngestException.configuration(
                    label + " could not be read as YAML: " + firstLine(invalid.getMessage()) + ".",
                    "Check that it is a small text YAML file without deeply nested or repeated aliases.");
        }
    }

    private static IngestException invalidYaml(MarkedYAMLException invalid, String label) {
        Mark mark = invalid.getProblemMark() != null ? invalid.getProblemMark() : invalid.getContextMark();
        String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        String problem = invalid.getProblem();
        if (problem != null && problem.startsWith(GLOBAL_TAG_PROBLEM)) {
            return IngestException.configuration(
                    label + " uses a !! type tag" + where + ", which is never allowed.",
                    "Remove the tag; quote a value that starts with !, e.g. key: '!value'.");
        }
        String context = withoutFileText(invalid.getContext());
        problem = withoutFileText(problem);
        String what = context == null ? problem : problem == null ? context : context + ", " + problem;
        return IngestException.configuration(
                label + " is not valid YAML: " + what + where + ".",
                "Fix the YAML syntax there (indentation, quotes, colons); quote values that start with a special "
                        + "character such as * & ! % @ `.");
    }

    /**
     * SnakeYAML's problem text without the bits of the file some problems quote (an alias name, a
     * tag, an escape sequence): a value written without quotes, e.g. a secret starting with *, would
     * otherwise show up. Single characters ("found character '\t'") stay.
     */
    private static String withoutFileText(String text) {
        if (text == null) {
            return null;
        }
        // SnakeYAML names the character it found ("unexpected character found \n(10)"): kept on one line.
        return OneLine.of(text.replaceFirst("(undefined (alias|tag handle)).*$", "$1")
                .replaceFirst(":\\s.*$", "")
                .trim());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown problem";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
