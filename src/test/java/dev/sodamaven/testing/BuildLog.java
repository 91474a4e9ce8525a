package dev.sodamaven.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code build.log} an integration test's Maven build wrote, for its verify.groovy: what the
 * plugin said at which level, and whether anything looks like a stack trace.
 */
public final class BuildLog {

    /** "\tat a.b.C.m(C.java:12)", "Caused by: ...", "... 12 more": the shapes of a printed stack trace. */
    private static final Pattern STACK_TRACE =
            Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)\\s*$|^(\\[\\w+] )?Caused by: |^\\s+\\.\\.\\. \\d+ more\\s*$");

    private final Path file;
    private final List<String> lines;

    private BuildLog(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * The lines from the plugin's first execution on: what Maven logged before it (resolving plugins
     * and dependencies into a fresh local repository, with its own warnings) is not the plugin's.
     */
    private List<String> pluginLines() {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("[INFO] --- soda:")
                    || lines.get(i).startsWith("[INFO] --- soda-maven-plugin:")) {
                return lines.subList(i, lines.size());
            }
        }
        return lines;
    }

    /** The build.log in the test's folder. */
    public static BuildLog of(File basedir) throws IOException {
        Path file = basedir.toPath().resolve("build.log");
        return new BuildLog(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public String text() {
        return String.join("\n", lines);
    }

    public boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    /**
     * Lines logged at {@code level} ("INFO", "WARNING", "ERROR", "DEBUG") from the plugin's execution on,
     * without the level prefix.
     */
    public List<String> at(String level) {
        String prefix = "[" + level + "] ";
        return pluginLines().stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .toList();
    }

    /** Lines at {@code level} that contain {@code text}. */
    public List<String> at(String level, String text) {
        return at(level).stream().filter(line -> line.contains(text)).toList();
    }

    /** Lines that look like part of a stack trace. */
    public List<String> stackTraceLines() {
        return pluginLines().stream()
                .filter(line -> STACK_TRACE.matcher(line).find())
                .toList();
    }

    /** Whether Maven ran with debug output ({@code mvn -X}, {@code invoker.debug = true}). */
    public boolean isDebug() {
        return lines.stream().anyMatch(line -> line.startsWith("[DEBUG] "));
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
