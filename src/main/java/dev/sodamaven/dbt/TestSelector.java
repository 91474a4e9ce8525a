package dev.sodamaven.dbt;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One selector word of {@code select} or {@code exclude}, in dbt's node selection syntax, and which
 * tests it selects. As in dbt (eager indirect selection, dbt's default) a selector selects the tests
 * it matches itself and every test on a node it matches: {@code orders} selects the tests on the model
 * {@code orders}, {@code tag:nightly} the tests tagged nightly and the tests on nodes tagged nightly.
 * Only methods that can be answered from the manifest are offered; graph operators ({@code +},
 * {@code @}) need dbt's whole graph, which the manifest reader does not keep.
 */
public final class TestSelector {

    private static final String SUPPORTED = "tag:, package:, path:, file:, source:, test_type:, test_name:, fqn: "
            + "or a bare name (a model, seed, snapshot or test, wildcards allowed)";

    private static final Pattern GRAPH_OPERATOR = Pattern.compile("^(\\d*\\+|@).*|.*\\+\\d*$");

    private enum Method {
        DEFAULT,
        FQN,
        TAG,
        PACKAGE,
        PATH,
        FILE,
        SOURCE,
        TEST_TYPE,
        TEST_NAME
    }

    private final String text;
    private final Method method;
    private final String value;
    private final Glob nameGlob;
    private final FqnMatch fqnMatch;
    private final Glob pathGlob;
    private final Glob[] sourceParts;
    private final List<SelectableNode.Kind> testKinds;

    private TestSelector(String text, Method method, String value) {
        this.text = text;
        this.method = method;
        this.value = value;
        this.nameGlob = Glob.name(value);
        this.fqnMatch = new FqnMatch(value);
        this.pathGlob = method == Method.PATH ? Glob.path(normalizePath(value)) : null;
        this.sourceParts = method == Method.SOURCE ? sourceParts(value) : null;
        this.testKinds = method == Method.TEST_TYPE ? testKinds(value) : List.of();
    }

    /**
     * Reads one selector word as the user wrote it in {@code setting} ({@code select} or {@code exclude}).
     * A word without a method is a path when it has a slash, a file name when it ends in {@code .sql},
     * {@code .py} or {@code .csv}, else a name: the rules dbt applies.
     */
    public static TestSelector parse(String word, Setting setting) throws IngestException {
        String text = word.strip();
        if (GRAPH_OPERATOR.matcher(text).matches()) {
            throw IngestException.configuration(
                    setting.ref() + " has '" + text + "', which uses a graph operator (+ or @): it needs dbt's "
                            + "whole graph, and the plugin selects among the tests of a finished run.",
                    "Name the nodes themselves, e.g. with tag:, path: or their names; supported: " + SUPPORTED + ".");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new TestSelector(text, defaultMethod(text), text);
        }
        String methodName = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1);
        Method method = methodNamed(methodName);
        if (method == null) {
            throw IngestException.configuration(
                    setting.ref() + " has '" + text + "', whose method '" + methodName
                            + "' is not one the plugin can apply to the test results of a finished dbt run.",
                    "Use " + SUPPORTED + ". Methods such as state:, result: or config. need the dbt project or "
                            + "an earlier run: select with them in dbt itself.");
        }
        if (value.isEmpty()) {
            throw IngestException.configuration(
                    setting.ref() + " has '" + text + "' with nothing after the colon.",
                    "Write the value to match, e.g. " + methodName + ":nightly.");
        }
        if (method == Method.TEST_TYPE && testKinds(value).isEmpty()) {
            throw IngestException.configuration(
                    setting.ref() + " has '" + text + "', but dbt's test types are generic, singular, data "
                            + "(generic and singular) and unit.",
                    "Write test_type:generic, test_type:singular, test_type:data or test_type:unit.");
        }
        if (method == Method.SOURCE && value.split("\\.", -1).length > 3) {
            throw IngestException.configuration(
                    setting.ref() + " has '" + text + "', but a source selector is source_name, "
                            + "source_name.table_name or package_name.source_name.table_name.",
                    "Write e.g. source:raw or source:raw.orders.");
        }
        return new TestSelector(text, method, value);
    }

    /** The selector as the user wrote it. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Whether this selects {@code test}: it matches the test itself, or a node the test depends on
     * ({@code nodes} holds them by unique_id; one it lacks matches nothing).
     */
    public boolean selects(SelectableNode test, Map<String, SelectableNode> nodes) {
        if (matches(test)) {
            return true;
        }
        for (String parent : test.dependsOn()) {
            SelectableNode node = nodes.get(parent);
            if (node != null && !node.kind().isTest() && matches(node)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the node itself matches, before any test on it is considered. */
    boolean matches(SelectableNode node) {
        return switch (method) {
            case DEFAULT -> matchesFqn(node) || matchesNameGlob(node);
            case FQN -> matchesFqn(node);
            case TAG -> node.tags().stream().anyMatch(nameGlob::matches);
            case PACKAGE -> nameGlob.matches(node.packageName());
            case PATH -> matchesPath(node.originalFilePath()) || matchesPath(node.patchPath());
            case FILE -> nameGlob.matches(fileName(node.originalFilePath()));
            case SOURCE ->
                node.kind() == SelectableNode.Kind.SOURCE
                        && sourceParts[0].matches(node.packageName())
                        && sourceParts[1].matches(node.sourceName())
                        && sourceParts[2].matches(node.name());
            case TEST_TYPE -> testKinds.contains(node.kind());
            case TEST_NAME -> node.kind() == SelectableNode.Kind.GENERIC_TEST && nameGlob.matches(node.testName());
        };
    }

    /** dbt's fqn method: models, seeds, snapshots and tests (not sources), with or without the package. */
    private boolean matchesFqn(SelectableNode node) {
        if (node.kind() == SelectableNode.Kind.SOURCE || node.fqn().isEmpty()) {
            return false;
        }
        List<String> fqn = node.fqn();
        return fqnMatch.matches(fqn, node.versioned())
                || (fqn.size() > 1 && fqnMatch.matches(fqn.subList(1, fqn.size()), node.versioned()));
    }

    /** The plugin's addition to dbt: a bare word with wildcards also matches node names, e.g. {@code unique_*}. */
    private boolean matchesNameGlob(SelectableNode node) {
        return node.kind() != SelectableNode.Kind.SOURCE && nameGlob.matches(node.name());
    }

    /** As dbt's path method: the file itself or any folder above it. */
    private boolean matchesPath(String file) {
        if (file == null || file.isBlank()) {
            return false;
        }
        String path = normalizePath(file);
        while (!path.isEmpty()) {
            if (pathGlob.matches(path)) {
                return true;
            }
            int slash = path.lastIndexOf('/');
            path = slash < 0 ? "" : path.substring(0, slash);
        }
        return false;
    }

    private static String fileName(String file) {
        if (file == null) {
            return null;
        }
        String path = normalizePath(file);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Forward slashes, no leading {@code ./}, no trailing slash: dbt on Windows writes backslashes. */
    private static String normalizePath(String path) {
        String normal = path.replace('\\', '/');
        while (normal.startsWith("./")) {
            normal = normal.substring(2);
        }
        while (normal.endsWith("/") && normal.length() > 1) {
            normal = normal.substring(0, normal.length() - 1);
        }
        return normal;
    }

    private static Method defaultMethod(String text) {
        if (text.contains("/") || text.contains("\\")) {
            return Method.PATH;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sql") || lower.endsWith(".py") || lower.endsWith(".csv")) {
            return Method.FILE;
        }
        return Method.DEFAULT;
    }

    private static Method methodNamed(String name) {
        return switch (name) {
            case "fqn" -> Method.FQN;
            case "tag" -> Method.TAG;
            case "package" -> Method.PACKAGE;
            case "path" -> Method.PATH;
            case "file" -> Method.FILE;
            case "source" -> Method.SOURCE;
            case "test_type" -> Method.TEST_TYPE;
            case "test_name" -> Method.TEST_NAME;
            default -> null;
        };
    }

    /** source, source.table or package.source.table; the missing parts match anything. */
    private static Glob[] sourceParts(String value) {
        String[] parts = value.split("\\.", -1);
        List<String> padded = new ArrayList<>(List.of(parts));
        if (padded.size() == 1) {
            padded.add("*");
        }
        if (padded.size() == 2) {
            padded.add(0, "*");
        }
        return new Glob[] {Glob.name(padded.get(0)), Glob.name(padded.get(1)), Glob.name(padded.get(2))};
    }

    private static List<SelectableNode.Kind> testKinds(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "generic", "schema" -> List.of(SelectableNode.Kind.GENERIC_TEST);
            case "singular" -> List.of(SelectableNode.Kind.SINGULAR_TEST);
            case "data" -> List.of(SelectableNode.Kind.GENERIC_TEST, SelectableNode.Kind.SINGULAR_TEST);
            case "unit" -> List.of(SelectableNode.Kind.UNIT_TEST);
            default -> List.of();
        };
    }
}
