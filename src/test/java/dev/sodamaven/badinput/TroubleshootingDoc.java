package dev.sodamaven.badinput;

import dev.sodamaven.badinput.BadInputCatalogue.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The generated parts of {@code docs/troubleshooting.md}: for each {@link Section} of the
 * {@link BadInputCatalogue}, one Markdown table between the lines
 * {@code <!-- generated from BadInputCatalogue (section <id>): do not edit -->} and
 * {@code <!-- end generated -->}. Everything else in the file is written by hand.
 *
 * <p>Every text of a table comes from the catalogue, whole: the case's name, its message (as a code span,
 * as the build log shows it) and its hint, or the warnings and the upload of an ingestion that goes on.
 * Only the placeholders of {@link Workspace#expand} become short readable forms ({@link #READABLE}).
 * Names and hints are Markdown text in which a pair of backticks makes a code span, as they are
 * written; any other character that means something in Markdown is escaped.
 */
final class TroubleshootingDoc {

    /** The file, relative to the project directory (the tests' working directory). */
    static final Path FILE = Path.of("docs", "troubleshooting.md");

    static final String END = "<!-- end generated -->";
    private static final String START_PREFIX = "<!-- generated from BadInputCatalogue";
    private static final Pattern BLOCK = Pattern.compile(
            Pattern.quote(START_PREFIX) + " \\(section ([^)\\n]*)\\): do not edit -->\\n(.*?)" + Pattern.quote(END),
            Pattern.DOTALL);

    /** How the placeholders of the expected texts are shown: short, and without the test's temporary folders. */
    static final Map<String, String> READABLE = readable();

    private TroubleshootingDoc() {}

    private static Map<String, String> readable() {
        Map<String, String> readable = new LinkedHashMap<>();
        readable.put("{manifest}", "target/manifest.json");
        readable.put("{runResults}", "target/run_results.json");
        readable.put("{config}", "configuration.yml");
        readable.put("{target}", "target");
        readable.put("{output}", "target/soda");
        readable.put("{root}", "…");
        readable.put("{port}", "<port>");
        readable.put("{closedPort}", "<port>");
        return readable;
    }

    /** The start marker of a section's table. */
    static String start(Section section) {
        return START_PREFIX + " (section " + section.id() + "): do not edit -->";
    }

    /** One generated part of the file: where it is, what it holds, and what it should hold. */
    record Block(Section section, int line, String current, String expected) {
        boolean upToDate() {
            return current.equals(expected);
        }
    }

    /**
     * The generated parts of {@code doc}, one per section in the order of the file.
     *
     * @throws IllegalStateException when a marker is malformed or has no end, a section is missing or
     *                               appears twice, or a section is unknown: the file must then be fixed by hand
     */
    static List<Block> blocks(String doc) {
        List<String> problems = new ArrayList<>();
        Map<Section, Block> found = new EnumMap<>(Section.class);
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(doc);
        int matches = 0;
        while (matcher.find()) {
            matches++;
            String id = matcher.group(1);
            int line = lineOf(doc, matcher.start());
            Section section = section(id);
            if (section == null) {
                problems.add("line " + line + ": there is no section '" + id + "' (the sections are " + ids() + ")");
                continue;
            }
            Block block = new Block(section, line, matcher.group(2), table(BadInputCatalogue.SECTIONS.get(section)));
            if (found.putIfAbsent(section, block) != null) {
                problems.add("line " + line + ": section '" + id + "' is generated a second time (first at line "
                        + found.get(section).line() + ")");
                continue;
            }
            blocks.add(block);
        }
        if (count(doc, START_PREFIX) != matches || count(doc, END) != matches) {
            problems.add("a marker is malformed, or a start marker has no " + END + " after it (found "
                    + count(doc, START_PREFIX) + " start and " + count(doc, END) + " end markers, " + matches
                    + " well-formed pairs; a start marker reads: " + start(Section.values()[0]) + ")");
        }
        for (Section section : Section.values()) {
            if (!found.containsKey(section)) {
                problems.add("section '" + section.id() + "' has no generated table: add the lines " + start(section)
                        + " and " + END + " where it belongs");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(FILE + ": " + String.join("; ", problems) + ".");
        }
        return blocks;
    }

    /** {@code doc} with every generated table as the catalogue says (see {@link #blocks} for what it refuses). */
    static String regenerate(String doc) {
        blocks(doc);
        Matcher matcher = BLOCK.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Section section = section(matcher.group(1));
            matcher.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            start(section) + "\n" + table(BadInputCatalogue.SECTIONS.get(section)) + END));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The Markdown table of a section's cases, each line ending in a line break. */
    static String table(List<BadInput> cases) {
        long ingested = cases.stream()
                .filter(c -> c.expected() instanceof BadInput.Ingested)
                .count();
        if (ingested != 0 && ingested != cases.size()) {
            throw new IllegalStateException("A section holds either only cases that are ingested or none: " + cases);
        }
        StringBuilder out = new StringBuilder();
        if (ingested > 0) {
            out.append("| what is odd | what you see | what is sent to Soda Cloud |\n");
        } else {
            out.append("| what is wrong | what you see | what to do |\n");
        }
        out.append("|---|---|---|\n");
        for (BadInput input : cases) {
            out.append("| ").append(text(readable(input.name()))).append(" | ");
            if (input.expected() instanceof BadInput.Refused refused) {
                out.append(code(readable(refused.message()))).append(" | ").append(text(readable(refused.hint())));
            } else if (input.expected() instanceof BadInput.Failed failed) {
                out.append(code(readable(failed.message()))).append(" | ").append(text(readable(failed.hint())));
                if (failed.scanResultsKept()) {
                    out.append("<br>The scan results file is kept: the line ends with where it is and the ")
                            .append(code("mvn soda:upload"))
                            .append(" command that sends it again.");
                }
            } else {
                BadInput.Ingested ok = (BadInput.Ingested) input.expected();
                out.append(
                                ok.warnings().isEmpty()
                                        ? "no warning"
                                        : ok.warnings().stream()
                                                .map(w -> code(readable(w)))
                                                .collect(Collectors.joining("<br>")))
                        .append(" | ")
                        .append(text(readable(ok.upload().description())));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    /** {@code text} with its placeholders in their {@link #READABLE} forms. */
    static String readable(String text) {
        String shown = text;
        for (Map.Entry<String, String> placeholder : READABLE.entrySet()) {
            shown = shown.replace(placeholder.getKey(), placeholder.getValue());
        }
        return shown;
    }

    /**
     * {@code text} as a code span in a table cell: shown exactly, whatever backticks it holds; its pipes
     * escaped, as a table needs even inside a code span.
     */
    static String code(String text) {
        requireOneLine(text);
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        // A space on each side keeps a backtick at the edge apart from the fence; one space is taken away.
        boolean pad = text.startsWith("`")
                || text.endsWith("`")
                || (text.length() > 1 && text.startsWith(" ") && text.endsWith(" ") && !text.isBlank());
        String padding = pad ? " " : "";
        return fence + padding + text.replace("|", "\\|") + padding + fence;
    }

    /**
     * {@code text} as Markdown text in a table cell: a pair of backticks makes a code span (as names and hints
     * are written, e.g. {@code `dbt build`}); with an odd number of backticks, or an empty pair, every backtick
     * is shown as it is. Anything else that means something in Markdown is escaped.
     */
    static String text(String text) {
        requireOneLine(text);
        String[] parts = text.split("`", -1);
        boolean paired = parts.length % 2 == 1;
        for (int i = 1; i < parts.length && paired; i += 2) {
            paired = !parts[i].isEmpty();
        }
        if (!paired) {
            return escape(text);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 0 ? escape(parts[i]) : code(parts[i]));
        }
        return out.toString();
    }

    /** Plain text, with every character that could start Markdown (or end a table cell) escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '[', ']', '<', '>', '|', '&', '~', '$' ->
                    out.append('\\').append(c);
                // Between two letters or digits an underscore cannot start or end emphasis.
                case '_' ->
                    out.append(
                            i > 0
                                            && i + 1 < text.length()
                                            && Character.isLetterOrDigit(text.charAt(i - 1))
                                            && Character.isLetterOrDigit(text.charAt(i + 1))
                                    ? "_"
                                    : "\\_");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void requireOneLine(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalStateException("A table cell cannot hold a line break: " + text);
        }
    }

    private static Section section(String id) {
        for (Section section : Section.values()) {
            if (section.id().equals(id)) {
                return section;
            }
        }
        return null;
    }

    private static String ids() {
        List<String> ids = new ArrayList<>();
        for (Section section : Section.values()) {
            ids.add(section.id());
        }
        return String.join(", ", ids);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
