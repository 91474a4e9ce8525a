package dev.sodamaven.badinput;

import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import dev.sodamaven.testing.FakeCloud;
import dev.sodamaven.testing.SharedArtifacts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The world one bad-input case runs in: a copy of the bundled example's dbt artifacts in
 * {@code <root>/target} that the case may damage, an output folder, the environment variables, and
 * a running {@link FakeCloud} that accepts {@link #KEY_ID} / {@link #KEY_SECRET}. By default the
 * parameters are those of a correct, uploading (not dry) run.
 */
final class Workspace {

    static final String KEY_ID = "bad-input-key-id";
    /** Longer than the 24 characters a setting's value is shown with, like a real secret. */
    static final String KEY_SECRET = "Sx9-bad-input-secret-never-shown-7Qp";
    /** The dbt Cloud account of the fake cloud's runs. */
    static final String DBT_ACCOUNT = "70403";
    /** The placeholders an expected text may hold; {@link #expand} replaces them. */
    static final List<String> PLACEHOLDERS = List.of(
            "{manifest}", "{runResults}", "{config}", "{target}", "{output}", "{root}", "{port}", "{closedPort}");

    final Path root;
    final Path target;
    final Path output;
    final FakeCloud cloud;
    final Map<String, String> environment = new HashMap<>();
    private int closedPort;

    Workspace(Path root, FakeCloud cloud) throws IOException {
        this.root = root;
        this.cloud = cloud;
        this.target = Files.createDirectories(root.resolve("target"));
        this.output = root.resolve("soda");
        Path example = SharedArtifacts.exampleArtifacts();
        Files.copy(example.resolve("manifest.json"), manifest());
        Files.copy(example.resolve("run_results.json"), runResults());
    }

    Path manifest() {
        return target.resolve("manifest.json");
    }

    Path runResults() {
        return target.resolve("run_results.json");
    }

    Path config() {
        return root.resolve("configuration.yml");
    }

    /** Parameters of a correct run: the example artifacts, uploaded to the fake Soda Cloud with a valid key. */
    Parameters.Builder parameters() {
        return Parameters.builder()
                .with(Setting.DATA_SOURCE, "jaffle_shop")
                .with(Setting.DBT_ARTIFACTS, target)
                .with(Setting.SODA_CLOUD_HOST, "127.0.0.1")
                .with(Setting.SODA_CLOUD_PORT, String.valueOf(cloud.port()))
                .with(Setting.SODA_CLOUD_SCHEME, "http")
                .with(Setting.API_KEY_ID, Secret.of(KEY_ID))
                .with(Setting.API_KEY_SECRET, Secret.of(KEY_SECRET))
                .with(Setting.OUTPUT_DIRECTORY, output);
    }

    /**
     * Parameters of a run that ingests dbt Cloud run {@code runId} of account {@link #DBT_ACCOUNT} from the fake
     * cloud, with {@link #KEY_SECRET} as the dbt Cloud API token (which the fake accepts only after
     * {@code cloud.withDbtCloud(DBT_ACCOUNT, KEY_SECRET)}).
     */
    Parameters.Builder dbtCloudRun(long runId) {
        return parameters()
                .with(Setting.DBT_ARTIFACTS, null)
                .with(Setting.DBT_CLOUD_RUN_ID, String.valueOf(runId))
                .with(Setting.DBT_CLOUD_ACCOUNT_ID, DBT_ACCOUNT)
                .with(Setting.DBT_CLOUD_API_TOKEN, Secret.of(KEY_SECRET))
                .with(Setting.DBT_CLOUD_ACCESS_URL, cloud.url());
    }

    /**
     * A port on 127.0.0.1 where nothing listens (it was free a moment ago), the same for the whole case: the
     * address of a Soda Cloud that cannot be reached.
     */
    int closedPort() throws IOException {
        if (closedPort == 0) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
        }
        return closedPort;
    }

    /** The same run with the Soda Cloud address and key left to configuration.yml. */
    Parameters.Builder parametersWithoutCloud() {
        return parameters()
                .with(Setting.SODA_CLOUD_HOST, null)
                .with(Setting.SODA_CLOUD_PORT, null)
                .with(Setting.SODA_CLOUD_SCHEME, null)
                .with(Setting.API_KEY_ID, null)
                .with(Setting.API_KEY_SECRET, null)
                .with(Setting.CONFIGURATION, config());
    }

    /** Writes configuration.yml; {port} in {@code yaml} becomes the fake Soda Cloud's port. */
    Path writeConfig(String yaml) throws IOException {
        return Files.writeString(
                config(), yaml.replace("{port}", String.valueOf(cloud.port())), StandardCharsets.UTF_8);
    }

    String manifestText() throws IOException {
        return Files.readString(manifest());
    }

    String runResultsText() throws IOException {
        return Files.readString(runResults());
    }

    void writeManifest(String text) throws IOException {
        Files.writeString(manifest(), text, StandardCharsets.UTF_8);
    }

    void writeRunResults(String text) throws IOException {
        Files.writeString(runResults(), text, StandardCharsets.UTF_8);
    }

    /** Replaces {@code find} (which must occur exactly once) in the manifest, so a case cannot miss its edit. */
    void editManifest(String find, String replacement) throws IOException {
        writeManifest(replaceOnce(manifestText(), find, replacement));
    }

    void editRunResults(String find, String replacement) throws IOException {
        writeRunResults(replaceOnce(runResultsText(), find, replacement));
    }

    static String replaceOnce(String text, String find, String replacement) {
        int at = text.indexOf(find);
        if (at < 0 || text.indexOf(find, at + 1) >= 0) {
            throw new IllegalStateException("the example artifact must hold exactly one '" + find + "'");
        }
        return text.substring(0, at) + replacement + text.substring(at + find.length());
    }

    /**
     * Replaces every {@code find} (at least one must occur) inside the node {@code uniqueId} of a
     * pretty-printed manifest, leaving the other nodes alone.
     */
    static String editNode(String manifest, String uniqueId, String find, String replacement) {
        String header = "\"" + uniqueId + "\": {";
        int start = manifest.indexOf(header);
        if (start < 0) {
            throw new IllegalStateException("the example manifest has no node " + uniqueId);
        }
        start += header.length();
        int end = manifest.indexOf("\n    }", start);
        String node = manifest.substring(start, end);
        if (!node.contains(find)) {
            throw new IllegalStateException("node " + uniqueId + " holds no '" + find + "'");
        }
        return manifest.substring(0, start) + node.replace(find, replacement) + manifest.substring(end);
    }

    /** The text up to and including {@code marker} (which must occur once): a file cut short there. */
    static String cutAfter(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
            throw new IllegalStateException("the example artifact must hold exactly one '" + marker + "'");
        }
        return text.substring(0, at + marker.length());
    }

    /**
     * Replaces the {@link #PLACEHOLDERS} of an expected text with this workspace's paths, the fake cloud's
     * {port}, and the {closedPort} of {@link #closedPort()}.
     */
    String expand(String template) {
        String text = template;
        for (String placeholder : PLACEHOLDERS) {
            text = text.replace(placeholder, value(placeholder));
        }
        return text;
    }

    private String value(String placeholder) {
        return switch (placeholder) {
            case "{manifest}" -> manifest().toString();
            case "{runResults}" -> runResults().toString();
            case "{config}" -> config().toString();
            case "{target}" -> target.toString();
            case "{output}" -> output.toString();
            case "{root}" -> root.toString();
            case "{port}" -> String.valueOf(cloud.port());
            case "{closedPort}" -> String.valueOf(closedPort);
            default -> throw new IllegalArgumentException("no placeholder " + placeholder);
        };
    }
}
