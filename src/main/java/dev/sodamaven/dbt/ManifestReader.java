package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sodamaven.core.IngestException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Streams a manifest.json (schema v1 to v12, dbt 0.19 to 1.12 and Fusion) and keeps only the test
 * nodes that have a result, plus a compact record (names, database, schema) of every model, seed,
 * snapshot and source — all of them, because a test may come before or after the node it tests in
 * the file. Everything else (macros, docs, compiled SQL, columns, the parent and child maps) is
 * skipped without being materialised, so memory grows with the number of tests and relations, not
 * with the size of the file (docs/benchmarks.md measures it).
 */
public final class ManifestReader {

    /** The newest manifest schema this reader was written against. */
    static final int NEWEST_KNOWN_SCHEMA = 12;

    private static final String LABEL = "dbt manifest";

    private final ReadProgress progress;

    /** A reader whose progress nobody asks for. */
    public ManifestReader() {
        this(new ReadProgress());
    }

    /** A reader counting the relations it keeps into {@code progress}. */
    public ManifestReader(ReadProgress progress) {
        this.progress = progress;
    }

    /**
     * Reads {@code file}, keeping the test nodes whose unique_id is in {@code wantedTests}.
     * {@code setting} names where the user configured the file, for messages.
     */
    public ManifestIndex read(Path file, Set<String> wantedTests, String setting) throws IngestException {
        return read(file, wantedTests, setting, false);
    }

    /**
     * As {@link #read(Path, Set, String)}; with {@code forSelection} it also keeps what dbt's selector
     * methods look at (tags, package, fqn, paths) of the wanted tests and of every relation.
     */
    public ManifestIndex read(Path file, Set<String> wantedTests, String setting, boolean forSelection)
            throws IngestException {
        return read(file, new EachIdToItself(wantedTests), setting, forSelection);
    }

    /** A set of ids seen as the map of each id to itself, asked by {@code contains} (a test may pass any set). */
    private static final class EachIdToItself extends AbstractMap<String, String> {
        private final Set<String> ids;

        EachIdToItself(Set<String> ids) {
            this.ids = ids;
        }

        @Override
        public String get(Object id) {
            return id instanceof String text && ids.contains(text) ? text : null;
        }

        @Override
        public Set<String> keySet() {
            return ids;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Set<Entry<String, String>> entries = new HashSet<>();
            ids.forEach(id -> entries.add(new SimpleImmutableEntry<>(id, id)));
            return entries;
        }
    }

    /**
     * As {@link #read(Path, Set, String, boolean)}, with the wanted test ids as a map of each id to itself: a
     * test kept is keyed by the caller's copy of its id (the run results'), so that each id is held once.
     */
    public ManifestIndex read(Path file, Map<String, String> wantedTests, String setting, boolean forSelection)
            throws IngestException {
        return read(file, () -> wantedTests, setting, forSelection);
    }

    /**
     * As {@link #read(Path, Map, String, boolean)}, with the wanted tests asked of {@code wantedTests} only
     * when the first test node is met: dbt writes models, seeds and snapshots before tests, so a caller can
     * start this read while it is still reading the run results, and have the supplier wait for them.
     */
    public ManifestIndex read(
            Path file, Supplier<Map<String, String>> wantedTests, String setting, boolean forSelection)
            throws IngestException {
        ArtifactFile artifact = new ArtifactFile(file, "manifest", LABEL, setting);
        Wanted wanted = new Wanted(wantedTests);
        long before = progress.relations();
        return artifact.read(parser -> {
            progress.relationsBackTo(before);
            return readBody(artifact, wanted, forSelection, parser);
        });
    }

    /** The tests to keep, asked for once, when first needed. */
    private static final class Wanted {
        private final Supplier<Map<String, String>> source;
        private Map<String, String> ids;
        private boolean anyUnitTest;

        Wanted(Supplier<Map<String, String>> source) {
            this.source = source;
        }

        /** A wanted test's id as the caller holds it, or null for a test not wanted. */
        String canonical(String id) {
            return ids().get(id);
        }

        /** Whether a unit test is among them. */
        boolean anyUnitTest() {
            ids();
            return anyUnitTest;
        }

        private Map<String, String> ids() {
            if (ids == null) {
                ids = source.get();
                anyUnitTest = hasUnitTest(ids.keySet());
            }
            return ids;
        }
    }

    private static boolean hasUnitTest(Set<String> ids) {
        return ids.stream().anyMatch(ManifestReader::isUnitTestId);
    }

    private ManifestIndex readBody(ArtifactFile artifact, Wanted wantedTests, boolean forSelection, JsonParser parser)
            throws IOException, IngestException {
        Path file = artifact.path();
        Accumulator acc = new Accumulator(file, forSelection, progress);
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "metadata" -> {
                    acc.metadata = MetadataReader.read(file, p);
                    artifact.requireKind(acc.metadata);
                    // Told by its dbt_version: what a manifest before 0.19 holds was never checked.
                    OldArtifactGuard.refuseIfOlderThan019("dbt manifest", file, acc.metadata, false, "");
                }
                case "nodes" -> {
                    acc.sawNodes = true;
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        acc.warnings.add(file + " has \"nodes\": " + describeNonObject(p)
                                + "; it defines no test, model, seed or snapshot.");
                    }
                    readNodeMap(p, forSelection, wantedTests, acc);
                }
                case "sources" -> {
                    Wanted none = new Wanted(Map::of);
                    readNodeMap(p, forSelection, none, acc);
                }
                // dbt 1.8+: unit tests live apart from the nodes; read for a selection, or when sent.
                case "unit_tests" -> {
                    if (forSelection || wantedTests.anyUnitTest()) {
                        readNodeMap(p, forSelection, wantedTests, acc);
                    } else {
                        LenientJson.skip(p);
                    }
                }
                case "results" -> {
                    acc.sawResults = true;
                    LenientJson.skip(p);
                }
                default -> LenientJson.skip(p);
            }
        });
        if (acc.metadata == null) {
            acc.metadata = ArtifactMetadata.absent(file);
        }
        if (!acc.sawNodes) {
            String looksLike = acc.sawResults ? " It looks like a run_results.json." : "";
            throw IngestException.input(
                    LABEL + " " + file + " is not a dbt manifest.json: it has no \"nodes\"." + looksLike,
                    "Check " + artifact.setting() + ": the two files may have been swapped.");
        }
        int version = acc.metadata.schemaVersion();
        if (version > NEWEST_KNOWN_SCHEMA) {
            acc.warnings.add(file + " uses manifest schema v" + version + ", newer than the newest known (v"
                    + NEWEST_KNOWN_SCHEMA + "); it was read on a best-effort basis.");
        }
        return new ManifestIndex(acc.metadata, acc.tests, acc.relations, acc.warnings, acc.selectable);
    }

    private static void keepNode(NodeFields node, Wanted wantedTests, Accumulator acc) {
        if ("test".equals(node.resourceType)) {
            String id = wantedTests.canonical(node.uniqueId);
            if (id != null) {
                node.uniqueId = id;
                if (acc.tests.put(id, node.toTest(acc::once)) != null) {
                    acc.duplicate(node.uniqueId);
                }
                acc.selectable(node, node.testKind());
            }
            return;
        }
        if ("unit_test".equals(node.resourceType)) {
            // Not a data test: kept only when its result is wanted (sendUnitTests, or a selection).
            String id = wantedTests.canonical(node.uniqueId);
            if (id != null) {
                node.uniqueId = id;
                if (acc.tests.put(id, node.toUnitTest()) != null) {
                    acc.duplicate(node.uniqueId);
                }
                acc.selectable(node, SelectableNode.Kind.UNIT_TEST);
            }
            return;
        }
        Optional<RelationType> type = RelationType.fromResourceType(node.resourceType);
        if (type.isPresent()) {
            DbtRelation relation = node.toRelation(type.get(), acc::once);
            if (acc.relations.put(relation.uniqueId(), relation) != null) {
                acc.duplicate(node.uniqueId);
            } else {
                acc.progress.relation();
            }
            acc.selectable(node, SelectableNode.Kind.valueOf(type.get().name()));
        }
    }

    private static boolean isUnitTestId(String uniqueId) {
        return uniqueId.startsWith(DbtTest.UNIT_TEST_PREFIX);
    }

    /** Reads a map of unique_id → node ({@code nodes}, {@code sources}, {@code unit_tests}) into {@code acc}. */
    private static void readNodeMap(JsonParser parser, boolean forSelection, Wanted wantedTests, Accumulator acc)
            throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            LenientJson.text(parser);
            return;
        }
        for (String key; (key = LenientJson.nextField(parser)) != null; LenientJson.endField(parser)) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                LenientJson.text(parser);
                continue;
            }
            NodeFields node = readNode(parser, forSelection);
            if (node.uniqueId == null || node.uniqueId.isBlank()) {
                node.uniqueId = key;
            }
            // Called directly: through a callback per map the JIT recompiled this loop each time the next map began.
            keepNode(node, wantedTests, acc);
        }
    }

    private static String describeNonObject(JsonParser parser) {
        JsonToken token = parser.currentToken();
        return token == JsonToken.VALUE_NULL ? "null" : token == JsonToken.START_ARRAY ? "an array" : "a single value";
    }

    /** One node; what only dbt's selector methods look at (package, fqn, tags, patch) is read for a selection. */
    private static NodeFields readNode(JsonParser parser, boolean forSelection) throws IOException, IngestException {
        NodeFields node = new NodeFields();
        // A loop, not a handler: the JIT then compiles the hottest code once (see LenientJson.nextField).
        for (String name; (name = LenientJson.nextField(parser)) != null; LenientJson.endField(parser)) {
            switch (name) {
                case "unique_id" -> node.uniqueId = LenientJson.text(parser);
                case "resource_type" -> node.resourceType = LenientJson.text(parser);
                case "name" -> node.name = LenientJson.text(parser);
                case "alias" -> node.alias = LenientJson.text(parser);
                case "identifier" -> node.identifier = LenientJson.text(parser);
                case "source_name" -> node.sourceName = LenientJson.text(parser);
                case "database" -> node.database = LenientJson.text(parser);
                case "schema" -> node.schema = LenientJson.text(parser);
                case "version" -> node.version = LenientJson.text(parser);
                case "original_file_path" -> node.originalFilePath = LenientJson.text(parser);
                case "column_name" -> node.columnName = LenientJson.text(parser);
                case "attached_node" -> node.attachedNode = LenientJson.text(parser);
                case "file_key_name" -> node.fileKeyName = LenientJson.text(parser);
                case "depends_on" -> readDependsOn(parser, node);
                case "package_name", "fqn", "tags", "patch_path" -> {
                    if (forSelection) {
                        readSelectorField(name, parser, node);
                    }
                }
                case "test_metadata" -> readTestMetadata(parser, node);
                case "model" -> node.testedModel = LenientJson.text(parser);
                case "loaded_at_field" -> node.loadedAtField = LenientJson.text(parser);
                case "loaded_at_query" -> node.loadedAtQuery = LenientJson.text(parser);
                default -> LenientJson.skip(parser);
            }
        }
        return node;
    }

    /** A field only dbt's selector methods look at; left unread (and skipped) without a selection. */
    private static void readSelectorField(String name, JsonParser parser, NodeFields node)
            throws IOException, IngestException {
        switch (name) {
            case "package_name" -> node.packageName = LenientJson.text(parser);
            case "fqn" -> node.fqn = LenientJson.strings(parser);
            case "tags" -> node.tags = LenientJson.strings(parser);
            default -> node.patchPath = LenientJson.text(parser);
        }
    }

    private static void readDependsOn(JsonParser parser, NodeFields node) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            LenientJson.text(parser);
            return;
        }
        LenientJson.readObject(parser, (name, p) -> {
            if ("nodes".equals(name)) {
                node.dependsOn = LenientJson.strings(p);
            } else {
                LenientJson.skip(p);
            }
        });
    }

    private static void readTestMetadata(JsonParser parser, NodeFields node) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            LenientJson.text(parser); // null on singular tests of some versions
            return;
        }
        node.hasTestMetadata = true;
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "name" -> node.genericName = LenientJson.text(p);
                case "kwargs" -> readKwargs(p, node);
                default -> LenientJson.skip(p);
            }
        });
    }

    private static void readKwargs(JsonParser parser, NodeFields node) throws IOException, IngestException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            LenientJson.text(parser);
            return;
        }
        LenientJson.readObject(parser, (name, p) -> {
            switch (name) {
                case "model" -> node.modelArgument = LenientJson.text(p);
                case "to" -> node.toArgument = LenientJson.text(p);
                default -> LenientJson.skip(p);
            }
        });
    }

    /** The fields of one node while it is being read; turned into a record or dropped right after. */
    private static final class NodeFields {
        String uniqueId;
        String resourceType;
        String name;
        String alias;
        String identifier;
        String sourceName;
        String database;
        String schema;
        String version;
        String originalFilePath;
        String columnName;
        String attachedNode;
        String fileKeyName;
        String packageName;
        List<String> fqn = List.of();
        List<String> tags = List.of();
        String patchPath;
        List<String> dependsOn = List.of();
        boolean hasTestMetadata;
        String genericName;
        String modelArgument;
        String toArgument;
        /** A unit test's {@code model}: the name of the model it tests. */
        String testedModel;

        String loadedAtField;
        String loadedAtQuery;

        /**
         * The test, its repeated texts (files, columns, the relations it names) taken from {@code once} so that
         * each is held once however many tests repeat it: a large project has a hundred thousand of them.
         */
        DbtTest toTest(UnaryOperator<String> once) {
            // A generic test whose test_metadata has no name is still generic; keep it apart from singular ones.
            String generic = hasTestMetadata ? (genericName == null ? "generic" : genericName) : null;
            // Soda Cloud refuses a check without a name: an empty one falls back to the unique_id too.
            String shownName = name == null || name.isBlank() ? uniqueId : name;
            return new DbtTest(
                    uniqueId,
                    shownName,
                    once.apply(originalFilePath),
                    once.apply(columnName),
                    once.apply(generic),
                    once.apply(modelArgument),
                    once.apply(toArgument),
                    once.apply(attachedNode),
                    once.apply(fileKeyName),
                    dependsOn.stream().map(once).toList());
        }

        /**
         * A unit test as a test of the model it tests: that model is its attached node, found among
         * {@code depends_on.nodes} by the name in {@code model} (a versioned model's id ends in its version);
         * without one, the resolver falls back to the first relation it depends on, as for a singular test.
         */
        DbtTest toUnitTest() {
            String shownName = name == null || name.isBlank() ? uniqueId : name;
            String attached = dependsOn.stream()
                    .filter(id -> id.startsWith("model."))
                    .filter(id -> testedModel != null
                            && id.split("\\.").length >= 3
                            && id.split("\\.")[2].equals(testedModel))
                    .findFirst()
                    .orElse(null);
            return new DbtTest(
                    uniqueId, shownName, originalFilePath, null, null, null, null, attached, null, dependsOn);
        }

        SelectableNode.Kind testKind() {
            return hasTestMetadata ? SelectableNode.Kind.GENERIC_TEST : SelectableNode.Kind.SINGULAR_TEST;
        }

        /** The relation, its id and repeated texts (database, schema, source) taken from {@code once}. */
        DbtRelation toRelation(RelationType type, UnaryOperator<String> once) {
            String physical = type == RelationType.SOURCE ? identifier : alias;
            // Most aliases and identifiers are the name again: one copy of it does.
            if (physical != null && physical.equals(name)) {
                physical = name;
            }
            return new DbtRelation(
                    once.apply(uniqueId),
                    type,
                    name,
                    type == RelationType.SOURCE ? null : physical,
                    type == RelationType.SOURCE ? physical : null,
                    once.apply(sourceName),
                    once.apply(database),
                    once.apply(schema),
                    once.apply(version),
                    type == RelationType.SOURCE ? once.apply(loadedAt()) : null,
                    type == RelationType.SOURCE ? once.apply(originalFilePath) : null);
        }

        /** What a source's freshness is measured on, in words; a field wins, as in dbt. */
        private String loadedAt() {
            if (loadedAtField != null && !loadedAtField.isBlank()) {
                return loadedAtField;
            }
            return loadedAtQuery == null || loadedAtQuery.isBlank() ? null : "query: " + loadedAtQuery.strip();
        }
    }

    /** State of one read. */
    private static final class Accumulator {
        final Path file;
        final ReadProgress progress;
        ArtifactMetadata metadata;
        boolean sawNodes;
        boolean sawResults;
        final Map<String, DbtTest> tests = new HashMap<>();
        final Map<String, DbtRelation> relations = new HashMap<>();
        final List<String> warnings = new ArrayList<>();
        final boolean forSelection;
        final Map<String, SelectableNode> selectable = new HashMap<>();
        /**
         * Ids, files, schemas, packages, tags and folders repeat across thousands of nodes: each distinct text
         * is kept once. Dropped with the accumulator when the read ends.
         */
        private final Map<String, String> texts = new HashMap<>();

        Accumulator(Path file, boolean forSelection, ReadProgress progress) {
            this.file = file;
            this.progress = progress;
            this.forSelection = forSelection;
        }

        void selectable(NodeFields node, SelectableNode.Kind kind) {
            if (!forSelection) {
                return;
            }
            String packageName = node.packageName == null ? packageOf(node.uniqueId) : node.packageName;
            List<String> fqn = node.fqn.isEmpty() && packageName != null && node.name != null
                    ? List.of(packageName, node.name)
                    : node.fqn;
            String patchPath = node.patchPath;
            if (patchPath != null && patchPath.contains("://")) {
                patchPath = patchPath.substring(patchPath.indexOf("://") + 3);
            }
            selectable.put(
                    node.uniqueId,
                    new SelectableNode(
                            node.uniqueId,
                            kind,
                            node.name,
                            once(packageName),
                            fqn.stream().map(this::once).toList(),
                            node.tags.stream().map(this::once).toList(),
                            node.originalFilePath,
                            patchPath,
                            once(node.sourceName),
                            once(node.genericName),
                            node.version != null && !node.version.isBlank(),
                            kind.isTest() ? node.dependsOn : List.of()));
        }

        String once(String text) {
            return text == null ? null : texts.computeIfAbsent(text, t -> t);
        }

        /** The package of a unique_id such as {@code test.jaffle_shop.unique_orders_id.abc}, for manifests without one. */
        private static String packageOf(String uniqueId) {
            String[] parts = uniqueId.split("\\.", 3);
            return parts.length >= 2 ? parts[1] : null;
        }

        void duplicate(String uniqueId) {
            warnings.add(file + " defines " + uniqueId + " more than once; the last definition was used.");
        }
    }
}
