package dev.sodamaven.config;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a Soda configuration.yml: {@code data_source <name>:} headers, the {@code soda_cloud:} and
 * {@code dbt_cloud:} blocks (contracts/mapping.md §7). The YAML is only composed into nodes — no
 * object of any type is ever constructed from it — and {@code ${...}} placeholders are substituted
 * in the values read, after parsing. The content of {@code data_source} blocks is not read.
 */
public final class ConfigurationFileReader {

    /** Keys of Soda's configuration.yml are short words; a key that is not one is not repeated. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_. -]{1,40}");

    /** Soda's rule for data source names. */
    public static final Pattern DATA_SOURCE_NAME = Pattern.compile("^[a-z_][a-z_0-9]+$");

    static final Set<String> SODA_CLOUD_KEYS = keysOf("soda_cloud");
    static final Set<String> DBT_CLOUD_KEYS = keysOf("dbt_cloud");
    private static final String DATA_SOURCE = "data_source";
    /**
     * Tags YAML gives plain values; a value is used as the text written, whatever its tag. Any other
     * tag (!!binary, !local ...) can only have been written on purpose and is refused.
     */
    private static final Set<Tag> VALUE_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

    private final VariableSubstitution substitution;

    public ConfigurationFileReader(VariableSubstitution substitution) {
        this.substitution = substitution;
    }

    /** Reads and checks {@code path}; problems a user can fix are {@link IngestException}s naming the line. */
    public ConfigurationFile read(Path path) throws IngestException {
        String label = "Configuration file " + path;
        if (Files.isDirectory(path)) {
            throw IngestException.configuration(
                    label + " is a directory.",
                    "Set " + Setting.CONFIGURATION.ref() + " to the configuration.yml file itself.");
        }
        if (!Files.exists(path)) {
            throw IngestException.configuration(
                    label + " does not exist.",
                    "Check " + Setting.CONFIGURATION.ref()
                            + ", or leave it unset and give the settings as plugin parameters.");
        }
        if (!Files.isRegularFile(path)) {
            throw IngestException.configuration(
                    label + " is not a regular file.",
                    "Set " + Setting.CONFIGURATION.ref() + " to the configuration.yml file itself.");
        }
        Node root = YamlComposer.compose(path, label);
        Set<String> dataSources = new LinkedHashSet<>();
        Map<String, ConfigValue> sodaCloud = new LinkedHashMap<>();
        Map<String, ConfigValue> dbtCloud = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (root == null || isNull(root)) {
            warnings.add(label + " is empty: it declares no data source and no soda_cloud or dbt_cloud settings.");
        } else if (!(root instanceof MappingNode mapping)) {
            throw IngestException.configuration(
                    label + " is not a YAML mapping of sections (line " + line(root) + ").",
                    "It should hold `data_source <name>:`, `soda_cloud:` and `dbt_cloud:` blocks.");
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyOf(tuple, label);
                int line = line(tuple.getKeyNode());
                String section = key.startsWith(DATA_SOURCE + " ") ? DATA_SOURCE + " " + name(key) : key;
                if (!seen.add(section)) {
                    throw IngestException.configuration(
                            label + " declares " + shownKey(section) + " twice (the second at line " + line + ").",
                            "Keep one of them.");
                }
                if (key.startsWith(DATA_SOURCE + " ")) {
                    dataSources.add(dataSourceName(name(key), label, line));
                } else if (key.equals(DATA_SOURCE)) {
                    throw IngestException.configuration(
                            label + " has a `data_source` header without a name (line " + line + ").",
                            "Write it as `data_source <name>:`, e.g. `data_source jaffle_shop:`.");
                } else if (key.equals("soda_cloud")) {
                    readBlock(tuple.getValueNode(), "soda_cloud", SODA_CLOUD_KEYS, label, sodaCloud, warnings);
                } else if (key.equals("dbt_cloud")) {
                    readBlock(tuple.getValueNode(), "dbt_cloud", DBT_CLOUD_KEYS, label, dbtCloud, warnings);
                } else {
                    throw IngestException.configuration(
                            label + " has an unknown top-level key " + shownKey(key) + " (line " + line + ").",
                            "Expected `data_source <name>`, `soda_cloud` or `dbt_cloud`, as in Soda's "
                                    + "configuration.yml.");
                }
            }
        }
        for (ConfigValue value : concat(sodaCloud, dbtCloud)) {
            for (String variable : value.unsetVariables()) {
                warnings.add(label + ": " + value.key() + " (line " + value.line() + ") refers to ${" + variable
                        + "}, which is not set; it counts as empty.");
            }
        }
        return new ConfigurationFile(path, dataSources, sodaCloud, dbtCloud, warnings);
    }

    /** The keys of a block that settings are read from, by the catalogue. */
    private static Set<String> keysOf(String block) {
        return Arrays.stream(Setting.values())
                .flatMap(setting -> setting.configurationKey().stream())
                .filter(key -> key.startsWith(block + "."))
                .map(key -> key.substring(block.length() + 1))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String name(String header) {
        return header.substring(DATA_SOURCE.length()).trim();
    }

    private static String dataSourceName(String name, String label, int line) throws IngestException {
        if (!DATA_SOURCE_NAME.matcher(name).matches()) {
            throw IngestException.configuration(
                    label + " declares data source " + shown(name, "'") + " (line " + line
                            + "), which is not a valid Soda data source name.",
                    "Use at least two lower-case letters, digits and underscores, starting with a letter or underscore.");
        }
        return name;
    }

    private static List<ConfigValue> concat(Map<String, ConfigValue> a, Map<String, ConfigValue> b) {
        List<ConfigValue> all = new ArrayList<>(a.values());
        all.addAll(b.values());
        return all;
    }

    private void readBlock(
            Node node,
            String block,
            Set<String> knownKeys,
            String label,
            Map<String, ConfigValue> into,
            List<String> warnings)
            throws IngestException {
        if (isNull(node)) {
            return; // "soda_cloud:" with nothing under it
        }
        if (!(node instanceof MappingNode mapping)) {
            throw IngestException.configuration(
                    label + ": `" + block + "` (line " + line(node) + ") must be a block of keys.",
                    "Write its keys indented below it, e.g. `  host: cloud.soda.io`.");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyOf(tuple, label);
            String path = block + "." + key;
            String shownPath = block + "." + shown(key, "");
            int line = line(tuple.getKeyNode());
            if (!seen.add(key)) {
                throw IngestException.configuration(
                        label + " sets " + shownPath + " twice (the second at line " + line + ").",
                        "Keep one of them.");
            }
            if (block.equals("dbt_cloud") && key.equals("api_url")) {
                if (isNull(tuple.getValueNode())) {
                    warnings.add(label + ": " + path + " (line " + line + ") is empty and was ignored; Soda Core "
                            + "replaced it with dbt_cloud.access_url.");
                    continue;
                }
                throw IngestException.configuration(
                        label + ": " + path + " (line " + line + ") is no longer supported.",
                        "As in Soda Core: to use another host than cloud.getdbt.com, set dbt_cloud.access_url to the "
                                + "host instead (see https://go.soda.io/access-url).");
            }
            if (!knownKeys.contains(key)) {
                warnings.add(
                        label + ": " + shownPath + " (line " + line + ") is not a key ingestion uses; it was ignored"
                                + " (known keys: "
                                + String.join(", ", knownKeys.stream().sorted().toList()) + ").");
                continue;
            }
            String where = label + ": " + path + " (line " + line + ")";
            String raw = scalarValue(tuple.getValueNode(), where, key);
            boolean secret = ConfigValue.SECRET_KEYS.contains(path);
            VariableSubstitution.Result result = substitution.substitute(raw, where, secret);
            into.put(key, new ConfigValue(path, result.value().trim(), line, result.unsetVariables()));
        }
    }

    /**
     * A key from the file as a message shows it: a plain name as written, anything else not at all. A
     * file that is not a configuration.yml (a key file, /etc/shadow) must not be quoted into the log.
     */
    static String shownKey(String key) {
        return shown(key, "`");
    }

    private static String shown(String name, String quote) {
        return PLAIN_KEY.matcher(name).matches() ? quote + name + quote : "(not shown: not a plain name)";
    }

    /** The text of a plain value; null (~, null or nothing) is empty. */
    private static String scalarValue(Node node, String where, String key) throws IngestException {
        if (!(node instanceof ScalarNode scalar)) {
            throw IngestException.configuration(
                    where + " must be a single value, not a list or a block.", "Write it as `" + key + ": value`.");
        }
        if (!VALUE_TAGS.contains(scalar.getTag())) {
            // The tag is not repeated: an unquoted secret starting with ! is read as one.
            throw IngestException.configuration(
                    where + " has a YAML tag (a value starting with ! is read as one), "
                            + "which a setting cannot have.",
                    "Quote the value, e.g. `" + key + ": '!value'`, or remove the tag.");
        }
        return isNull(scalar) ? "" : scalar.getValue();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar
                && (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isEmpty());
    }

    private static String keyOf(NodeTuple tuple, String label) throws IngestException {
        if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
            throw IngestException.configuration(
                    label + " has a list or block as a key at line " + line(tuple.getKeyNode()) + ".",
                    "Keys must be plain names.");
        }
        return scalar.getValue().trim();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
