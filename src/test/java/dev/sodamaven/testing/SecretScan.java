package dev.sodamaven.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Searches what the integration tests' builds wrote — each test's {@code build.log} and every file
 * under its {@code target/} — for {@link ItCloud#MARKER}, which every secret the tests use and every
 * login token the fake Soda Cloud issues contains. Used by src/it/zz-secrets-never-leak, which runs
 * after all other integration tests. The tests' own input files (pom.xml, invoker.properties,
 * settings files, configuration.yml, scripts) hold secrets on purpose and are not searched.
 */
public final class SecretScan {

    /** A secret-looking word: the marker and the letters, digits and dashes around it. */
    private static final Pattern SECRET =
            Pattern.compile("[A-Za-z0-9_-]*" + Pattern.quote(ItCloud.MARKER) + "[A-Za-z0-9_-]*");

    /**
     * What the scan found.
     *
     * @param tests      integration tests looked at
     * @param buildLogs  build logs searched
     * @param debugLogs  of those, logs of builds that ran with {@code mvn -X}
     * @param files      other files searched (under the tests' target folders)
     * @param leaks      one line per secret found: where, and the secret with its value cut off
     * @param notDebug   tests whose invoker.properties asks for {@code mvn -X} but whose log has no debug output
     */
    public record Report(
            int tests, int buildLogs, int debugLogs, int files, List<String> leaks, List<String> notDebug) {
        public String summary() {
            return "Searched " + buildLogs + " build logs (" + debugLogs + " of builds run with mvn -X) and " + files
                    + " output files of " + tests + " integration tests for secrets: "
                    + (leaks.isEmpty() ? "none found." : leaks.size() + " found.");
        }
    }

    private SecretScan() {}

    /** Scans every integration test folder in {@code itRoot} except {@code self}. */
    public static Report scan(File itRoot, String self) throws IOException {
        List<Path> tests;
        try (Stream<Path> children = Files.list(itRoot.toPath())) {
            tests = children.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().equals(self))
                    .filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .sorted()
                    .toList();
        }
        int buildLogs = 0;
        int debugLogs = 0;
        int files = 0;
        List<String> leaks = new ArrayList<>();
        List<String> notDebug = new ArrayList<>();
        for (Path test : tests) {
            Path log = test.resolve("build.log");
            if (Files.isRegularFile(log)) {
                buildLogs++;
                boolean debug = BuildLog.of(test.toFile()).isDebug();
                if (debug) {
                    debugLogs++;
                } else if (asksForDebug(test)) {
                    notDebug.add(test.getFileName().toString());
                }
                search(itRoot.toPath(), log, leaks);
            }
            Path target = test.resolve("target");
            if (Files.isDirectory(target)) {
                List<Path> outputs;
                try (Stream<Path> walk = Files.walk(target)) {
                    outputs = walk.filter(Files::isRegularFile)
                            .sorted(Comparator.naturalOrder())
                            .toList();
                }
                for (Path output : outputs) {
                    files++;
                    search(itRoot.toPath(), output, leaks);
                }
            }
        }
        return new Report(tests.size(), buildLogs, debugLogs, files, List.copyOf(leaks), List.copyOf(notDebug));
    }

    private static boolean asksForDebug(Path test) throws IOException {
        Path file = test.resolve("invoker.properties");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return Boolean.parseBoolean(
                properties.getProperty("invoker.debug", "false").trim());
    }

    private static void search(Path root, Path file, List<String> leaks) throws IOException {
        // ISO-8859-1 reads any byte sequence; the marker is ASCII either way.
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (!text.contains(ItCloud.MARKER)) {
            return;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = SECRET.matcher(lines[i]);
            while (matcher.find()) {
                leaks.add(root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ": "
                        + cutOff(matcher.group()));
            }
        }
    }

    /** "it-key-secret-SECRET-9b27" becomes "it-key-secret-SECRET-…": enough to tell which secret it is. */
    private static String cutOff(String secret) {
        int marker = secret.indexOf(ItCloud.MARKER);
        return secret.substring(0, marker + ItCloud.MARKER.length()) + "…";
    }
}
