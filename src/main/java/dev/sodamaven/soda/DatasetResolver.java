package dev.sodamaven.soda;

import dev.sodamaven.dbt.DbtRelation;
import dev.sodamaven.dbt.DbtTest;
import dev.sodamaven.dbt.RelationType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which relation a dbt test belongs to, so that each test is sent exactly once, on the table
 * it tests. Soda Core sends a test once per node it depends on, all copies carrying one arbitrary
 * table; here the order of preference is:
 * <ol>
 *   <li>{@code attached_node} (dbt 1.5+): the node the test is defined on;</li>
 *   <li>for generic tests, the node named by {@code test_metadata.kwargs.model}
 *       ({@code ref('orders')}, {@code source('raw', 'customers')}), then by {@code file_key_name},
 *       then the node of {@code depends_on} that is not the {@code relationships} target;</li>
 *   <li>for singular tests, the relation they depend on, the first when several.</li>
 * </ol>
 */
public final class DatasetResolver {

    private static final Pattern REF =
            Pattern.compile("\\bref\\(\\s*['\"]([^'\"]+)['\"](?:\\s*,\\s*['\"]([^'\"]+)['\"])?"
                    + "(?:\\s*,\\s*v(?:ersion)?\\s*=\\s*['\"]?([^'\"\\s)]+)['\"]?)?\\s*\\)");
    private static final Pattern SOURCE =
            Pattern.compile("\\bsource\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)");

    /**
     * The outcome of resolving one test.
     *
     * @param relation the relation, when found
     * @param reason   why none was found, when not
     * @param advice   what the user can do about it, when not found
     */
    public record Resolution(Optional<DbtRelation> relation, String reason, String advice) {
        static Resolution found(DbtRelation relation) {
            return new Resolution(Optional.of(relation), null, null);
        }

        static Resolution notFound(String reason, String advice) {
            return new Resolution(Optional.empty(), reason, advice);
        }
    }

    private static final String USE_MATCHING_MANIFEST =
            "Use the manifest.json written by the same dbt invocation as the run results.";

    private final Map<String, DbtRelation> relations;

    public DatasetResolver(Map<String, DbtRelation> relations) {
        this.relations = relations;
    }

    /**
     * The relation {@code test} belongs to, or why there is none. A relation whose table name is empty
     * (absent, or nothing but quotes and brackets) does not count as found: Soda Cloud needs a table.
     */
    public Resolution resolve(DbtTest test) {
        Resolution resolution = find(test);
        if (resolution.relation().isEmpty()) {
            return resolution;
        }
        DbtRelation relation = resolution.relation().get();
        if (tableName(relation).isEmpty()) {
            String physical = relation.physicalName();
            return Resolution.notFound(
                    "the " + relation.type().label() + " it tests, " + relation.uniqueId() + ", "
                            + (physical == null
                                    ? "has no name in the manifest"
                                    : "has an empty table name once quotes and brackets are stripped (" + physical
                                            + ")"),
                    physical == null
                            ? USE_MATCHING_MANIFEST
                            : "Give the " + relation.type().label() + " a name (alias).");
        }
        return resolution;
    }

    /** The table name Soda Cloud shows for {@code relation}: its physical name with Soda's strip_quotes applied. */
    public static Optional<String> tableName(DbtRelation relation) {
        String physical = relation.physicalName();
        if (physical == null) {
            return Optional.empty();
        }
        String stripped = stripQuotes(physical);
        return stripped.isBlank() ? Optional.empty() : Optional.of(stripped);
    }

    private Resolution find(DbtTest test) {
        DbtRelation attached = test.attachedNode() == null ? null : relations.get(test.attachedNode());
        if (attached != null) {
            return Resolution.found(attached);
        }
        List<DbtRelation> candidates = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        if (test.attachedNode() != null) {
            missing.add(test.attachedNode());
        }
        for (String id : test.dependsOn()) {
            DbtRelation relation = relations.get(id);
            if (relation != null) {
                candidates.add(relation);
            } else if (isRelationId(id)) {
                missing.add(id);
            }
        }
        Optional<DbtRelation> found =
                test.isSingular() ? candidates.stream().findFirst() : forGeneric(test, candidates);
        if (found.isPresent()) {
            return Resolution.found(found.get());
        }
        if (!missing.isEmpty()) {
            return Resolution.notFound(
                    "it depends on " + String.join(", ", missing) + ", which the manifest does not define",
                    USE_MATCHING_MANIFEST);
        }
        return test.isSingular()
                ? Resolution.notFound(
                        "its SQL names no model, seed, snapshot or source through ref() or source()",
                        "Reference the tested table with ref() or source() in the test's SQL.")
                : Resolution.notFound(
                        "it depends on no model, seed, snapshot or source",
                        "Check the test's definition in its schema file.");
    }

    /** False for ids of nodes that cannot be the table a test is on: macros, other tests, hooks, functions. */
    private static boolean isRelationId(String id) {
        return !id.startsWith("macro.")
                && !id.startsWith("test.")
                && !id.startsWith("operation.")
                && !id.startsWith("function.");
    }

    private Optional<DbtRelation> forGeneric(DbtTest test, List<DbtRelation> candidates) {
        Optional<DbtRelation> named = matchReference(test.modelArgument(), candidates);
        if (named.isPresent()) {
            return named;
        }
        Optional<DbtRelation> byFileKey = matchFileKey(test.fileKeyName(), candidates);
        if (byFileKey.isPresent()) {
            return byFileKey;
        }
        Optional<DbtRelation> target = matchReference(test.toArgument(), candidates);
        List<DbtRelation> tested = candidates.stream()
                .filter(c -> target.isEmpty() || c != target.get())
                .toList();
        // dbt records the relationships target first and the tested model last (0.19 to 1.12).
        List<DbtRelation> pool = tested.isEmpty() ? candidates : tested;
        return pool.isEmpty() ? Optional.empty() : Optional.of(pool.get(pool.size() - 1));
    }

    /** The candidate a Jinja expression such as {@code {{ get_where_subquery(ref('orders')) }}} names. */
    static Optional<DbtRelation> matchReference(String expression, List<DbtRelation> candidates) {
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        Matcher source = SOURCE.matcher(expression);
        if (source.find()) {
            String sourceName = source.group(1);
            String table = source.group(2);
            return candidates.stream()
                    .filter(c -> c.type() == RelationType.SOURCE)
                    .filter(c -> sourceName.equals(c.sourceName()) && table.equals(c.name()))
                    .findFirst();
        }
        Matcher ref = REF.matcher(expression);
        if (ref.find()) {
            // ref('package', 'name') puts the name second.
            String name = ref.group(2) != null ? ref.group(2) : ref.group(1);
            String version = ref.group(3);
            List<DbtRelation> byName = candidates.stream()
                    .filter(c -> c.type() != RelationType.SOURCE && name.equals(c.name()))
                    .toList();
            if (version != null) {
                Optional<DbtRelation> versioned =
                        byName.stream().filter(c -> version.equals(c.version())).findFirst();
                if (versioned.isPresent()) {
                    return versioned;
                }
            }
            return byName.stream().findFirst();
        }
        return Optional.empty();
    }

    /** The candidate {@code file_key_name} names: {@code models.orders}, {@code sources.raw}, {@code seeds.x}. */
    static Optional<DbtRelation> matchFileKey(String fileKeyName, List<DbtRelation> candidates) {
        if (fileKeyName == null || !fileKeyName.contains(".")) {
            return Optional.empty();
        }
        String kind = fileKeyName.substring(0, fileKeyName.indexOf('.'));
        String name = fileKeyName.substring(fileKeyName.indexOf('.') + 1);
        List<DbtRelation> matches = candidates.stream()
                .filter(c -> switch (kind) {
                    case "models" -> c.type() == RelationType.MODEL && name.equals(c.name());
                    case "seeds" -> c.type() == RelationType.SEED && name.equals(c.name());
                    case "snapshots" -> c.type() == RelationType.SNAPSHOT && name.equals(c.name());
                    case "sources" -> c.type() == RelationType.SOURCE && name.equals(c.sourceName());
                    default -> false;
                })
                .distinct()
                .toList();
        // A sources.<name> key names a whole source; it only decides when one of its tables is involved.
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Soda's {@code strip_quotes}: surrounding quotes, then surrounding brackets. */
    public static String stripQuotes(String name) {
        Objects.requireNonNull(name, "name");
        String stripped = strip(name, "\"'");
        return strip(stripped, "[]");
    }

    private static String strip(String value, String characters) {
        int start = 0;
        int end = value.length();
        while (start < end && characters.indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && characters.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }
}
