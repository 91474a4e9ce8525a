package dev.sodamaven.config;

import dev.sodamaven.IngestException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a Soda configuration.yml: {@code data_source <name>:} headers, the {@code soda_cloud:} and
 * {@code dbt_cloud:} blocks (contracts/mapping.md §7). The YAML is only composed into nodes — no
 * object of any type is ever constructed from it — and values are substituted after parsing.
 */
public final class ConfigurationFileReader {

    /** Soda's rule for data source names. */
    public static final Pattern DATA_SOURCE_NAME = Pattern.compile("^[a-z_][a-z_0-9]+$");

    static final Set<String> SODA_CLOUD_KEYS = Set.of("host", "port", "scheme", "api_key_id", "api_key_secret");
    static final Set<String> DBT_CLOUD_KEYS = Set.of("api_token", "account_id", "access_url");

    private final VariableSubstitution substitution;

    public ConfigurationFileReader(VariableSubstitution substitution) {
        this.substitution = substitution;
    }

    public ConfigurationFile read(Path path) throws IngestException {
        String label = "Configuration file " + path;
        if (Files.isDirectory(path)) {
            throw IngestException.configuration(label + " is a directory.",
                    "Set configuration / -Dsoda.configuration to the configuration.yml file itself.");
        }
        if (!Files.isRegularFile(path)) {
            throw IngestException.configuration(label + " does not exist.",
                    "Check configuration / -Dsoda.configuration, or leave it unset and configure the plugin in the POM.");
        }
        Node root = compose(path, label);
        Set<String> dataSources = new LinkedHashSet<>();
        Map<String, ConfigValue> sodaCloud = new LinkedHashMap<>();
        Map<String, ConfigValue> dbtCloud = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (root != null) {
            if (!(root instanceof MappingNode mapping)) {
                throw IngestException.configuration(label + " is not a YAML mapping of sections.",
                        "It should hold `data_source <name>:`, `soda_cloud:` and `dbt_cloud:` blocks.");
            }
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyOf(tuple, label);
                int line = line(tuple.getKeyNode());
                if (!seen.add(key)) {
                    throw IngestException.configuration(label + " declares `" + key + "` twice (line " + line + ").",
                            "Keep one of them.");
                }
                if (key.startsWith("data_source ")) {
                    String name = key.substring("data_source ".length()).trim();
                    if (!DATA_SOURCE_NAME.matcher(name).matches()) {
                        throw IngestException.configuration(label + " declares data source '" + name + "' (line " + line
                                + "), which is not a valid Soda data source name.",
                                "Use lower-case letters, digits and underscores, starting with a letter or underscore.");
                    }
                    dataSources.add(name);
                } else if (key.equals("soda_cloud")) {
                    readBlock(tuple.getValueNode(), "soda_cloud", SODA_CLOUD_KEYS, label, sodaCloud, warnings);
                } else if (key.equals("dbt_cloud")) {
                    readBlock(tuple.getValueNode(), "dbt_cloud", DBT_CLOUD_KEYS, label, dbtCloud, warnings);
                } else {
                    throw IngestException.configuration(label + " has an unknown top-level key `" + key + "` (line " + line
                            + ").", "Expected `data_source <name>`, `soda_cloud` or `dbt_cloud`, as in Soda's configuration.yml.");
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

    private static List<ConfigValue> concat(Map<String, ConfigValue> a, Map<String, ConfigValue> b) {
        List<ConfigValue> all = new ArrayList<>(a.values());
        all.addAll(b.values());
        return all;
    }

    private static Node compose(Path path, String label) throws IngestException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1024 * 1024);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException invalid) {
            // The problem and its place only: the YAML excerpt Snakeyaml adds could show a secret.
            Mark mark = invalid.getProblemMark() != null ? invalid.getProblemMark() : invalid.getContextMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            String problem = invalid.getProblem() != null ? invalid.getProblem() : invalid.getContext();
            throw IngestException.configuration(label + " is not valid YAML: " + problem + where + ".",
                    "Fix the YAML syntax (indentation, quotes, colons).");
        } catch (YAMLException invalid) {
            if (invalid.getCause() instanceof CharacterCodingException) {
                throw IngestException.configuration(label + " is not UTF-8 text.", "Save it as UTF-8.");
            }
            throw IngestException.configuration(label + " could not be read as YAML: "
                    + firstLine(invalid.getMessage()) + ".", "Check that it is a text YAML file.");
        } catch (CharacterCodingException notUtf8) {
            throw IngestException.configuration(label + " is not UTF-8 text.", "Save it as UTF-8.");
        } catch (IOException io) {
            throw IngestException.configuration(label + " could not be read: " + io.getMessage(),
                    "Check the file's permissions.");
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown problem";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private void readBlock(Node node, String block, Set<String> knownKeys, String label,
                           Map<String, ConfigValue> into, List<String> warnings) throws IngestException {
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            return; // "soda_cloud:" with nothing under it
        }
        if (!(node instanceof MappingNode mapping)) {
            throw IngestException.configuration(label + ": `" + block + "` (line " + line(node) + ") must be a block of keys.",
                    "Write its keys indented below it, e.g. `  host: cloud.soda.io`.");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyOf(tuple, label);
            String path = block + "." + key;
            int line = line(tuple.getKeyNode());
            if (block.equals("dbt_cloud") && key.equals("api_url")) {
                throw IngestException.configuration(label + ": " + path + " (line " + line + ") is no longer supported.",
                        "As in Soda Core: to use another host than cloud.getdbt.com, set dbt_cloud.access_url to the "
                                + "host instead (see https://go.soda.io/access-url).");
            }
            if (!knownKeys.contains(key)) {
                warnings.add(label + ": " + path + " (line " + line + ") is not a key ingestion uses; it was ignored.");
                continue;
            }
            if (into.containsKey(key)) {
                throw IngestException.configuration(label + " sets " + path + " twice (line " + line + ").", "Keep one.");
            }
            if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
                throw IngestException.configuration(label + ": " + path + " (line " + line + ") must be a single value.",
                        "Write it as `" + key + ": value`.");
            }
            VariableSubstitution.Result result =
                    substitution.substitute(scalar.getValue(), label + ": " + path + " (line " + line + ")");
            into.put(key, new ConfigValue(path, result.value() == null ? "" : result.value().trim(), line,
                    result.unsetVariables()));
        }
    }

    private static String keyOf(NodeTuple tuple, String label) throws IngestException {
        if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
            throw IngestException.configuration(label + " has a complex key at line " + line(tuple.getKeyNode()) + ".",
                    "Keys must be plain names.");
        }
        return scalar.getValue().trim();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
