package dev.sodamaven.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole {@code mvn soda:ingest} in a real Maven build, under {@code MAVEN_OPTS=-Xmx…}: the plugin as
 * compiled by this build (target/classes, with its plugin.xml) is put as a jar into a scratch local
 * repository, its dependencies come from the developer's own (~/.m2, as the integration tests do), and
 * the project's Maven wrapper runs the goal in dry run on an empty project. Started when the property
 * {@code bench.mavenHeaps} lists heaps in MiB (e.g. {@code 256,128}).
 */
final class MavenBuild {

    private static final Pattern TOTAL_TIME = Pattern.compile("Total time:\\s+([0-9:.]+) (s|min)");
    private static final Pattern CHECKS = Pattern.compile("\\[INFO\\] Checks: (\\d+)");

    /** One build: its heap, outcome, Maven's total time, the checks it reported, and its out-of-memory line. */
    record Result(int heapMb, String outcome, String totalTime, String checks, String load, String failure) {}

    private final Path scratch;
    private final Path logs;
    private final String coordinates;
    private final List<Integer> heaps;

    private MavenBuild(Path scratch, Path logs, String coordinates, List<Integer> heaps) {
        this.scratch = scratch;
        this.logs = logs;
        this.coordinates = coordinates;
        this.heaps = heaps;
    }

    /** Prepares the scratch repository and project for builds at {@code heaps} (MiB); null when there are none. */
    static MavenBuild prepareIfAsked(Path directory, List<Integer> heaps) throws IOException {
        if (heaps.isEmpty()) {
            return null;
        }
        Path classes = Path.of("target", "classes");
        String descriptor = Files.readString(classes.resolve("META-INF/maven/plugin.xml"));
        String groupId = first(descriptor, "groupId");
        String artifactId = first(descriptor, "artifactId");
        String version = first(descriptor, "version");
        Path scratch = directory.resolve("maven");
        Scratch.delete(scratch);
        Path artifactDir = scratch.resolve("repo")
                .resolve(groupId.replace('.', '/'))
                .resolve(artifactId)
                .resolve(version);
        Files.createDirectories(artifactDir);
        jar(classes, artifactDir.resolve(artifactId + "-" + version + ".jar"));
        Files.copy(Path.of("pom.xml"), artifactDir.resolve(artifactId + "-" + version + ".pom"));
        String ownRepository = Path.of(System.getProperty("user.home"), ".m2", "repository")
                .toUri()
                .toString();
        Files.writeString(
                scratch.resolve("settings.xml"),
                Files.readString(Path.of("src", "it", "settings.xml")).replace("@localRepositoryUrl@", ownRepository));
        Path project = Files.createDirectories(scratch.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>dbt-project</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                </project>
                """);
        return new MavenBuild(
                scratch,
                Files.createDirectories(directory.resolve("logs")),
                groupId + ":" + artifactId + ":" + version + ":ingest",
                List.copyOf(heaps));
    }

    /**
     * Runs the goal once per heap on {@code artifacts}; the first build also copies the plugin's
     * dependencies into the scratch repository, so it is run once more unmeasured before the others.
     */
    List<Result> run(String caseLabel, Path artifacts) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        build(caseLabel + "-maven-warmup", 512, artifacts);
        for (int heap : heaps) {
            results.add(build(caseLabel + "-maven-" + heap + "m", heap, artifacts));
        }
        return results;
    }

    private Result build(String name, int heapMb, Path artifacts) throws IOException, InterruptedException {
        Path log = logs.resolve(name + ".log");
        Path project = scratch.resolve("project");
        System.out.printf("  %-12s %-12s %-6s ... ", name.substring(0, name.indexOf("-maven")), "maven", heapMb + "m");
        System.out.flush();
        String load = Environment.loadAverage().split(" ")[0];
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of("mvnw").toAbsolutePath().toString(),
                        "-B",
                        "-s",
                        scratch.resolve("settings.xml").toString(),
                        "-Dmaven.repo.local=" + scratch.resolve("repo"),
                        coordinates,
                        "-Dsoda.dbt.artifacts=" + artifacts.toAbsolutePath(),
                        "-Dsoda.dryRun=true",
                        "-Dsoda.dataSource=bench_warehouse",
                        "-Dsoda.ledger=" + scratch.resolve("ledger.json"))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MAVEN_OPTS", "-Xmx" + heapMb + "m");
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        String outcome = output.contains("BUILD SUCCESS") ? "BUILD SUCCESS" : "BUILD FAILURE";
        String total = find(TOTAL_TIME, output, 1) + " " + find(TOTAL_TIME, output, 2);
        String checks = find(CHECKS, output, 1);
        String failure = output.lines()
                .filter(line -> line.contains("ran out of memory") || line.contains("Java heap space"))
                .findFirst()
                .map(line -> line.replaceFirst(".*?(The Soda ingestion|Java heap space)", "$1")
                        .replaceFirst(" -> \\[Help 1\\]$", ""))
                .orElse("");
        System.out.printf("%s, %s, checks %s%n", outcome, total, checks);
        Scratch.delete(project.resolve("target"));
        return new Result(heapMb, outcome, total, checks, load, failure);
    }

    /** The results as a Markdown section of results.md. */
    static String render(String caseLabel, List<Result> results) {
        StringBuilder md = new StringBuilder(String.format(
                Locale.ROOT,
                "%n## mvn soda:ingest in a Maven build (%s)%n%n"
                        + "The plugin of this build in a scratch local repository, the goal run in dry run on an empty"
                        + " project by the project's Maven wrapper with MAVEN_OPTS=-Xmx…; the time is Maven's"
                        + " \"Total time\" (dependency resolution was done by an unmeasured first build).%n%n"
                        + "| MAVEN_OPTS | load before | outcome | Maven total time | checks | out of memory |%n"
                        + "|---|---:|---|---:|---:|---|%n",
                caseLabel));
        for (Result result : results) {
            md.append(String.format(
                    Locale.ROOT,
                    "| -Xmx%dm | %s | %s | %s | %s | %s |%n",
                    result.heapMb(),
                    result.load(),
                    result.outcome(),
                    result.totalTime(),
                    result.checks(),
                    result.failure().replace("|", "\\|")));
        }
        return md.toString();
    }

    private static String find(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(group) : "";
    }

    private static String first(String xml, String element) {
        Matcher matcher =
                Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        if (!matcher.find()) {
            throw new IllegalStateException("target/classes/META-INF/maven/plugin.xml has no <" + element + ">");
        }
        return matcher.group(1).trim();
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
