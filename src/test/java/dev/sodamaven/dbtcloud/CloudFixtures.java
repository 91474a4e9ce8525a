package dev.sodamaven.dbtcloud;

import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.http.HttpTransport;
import dev.sodamaven.http.RecordingSleeper;
import dev.sodamaven.testing.FakeCloud;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small dbt artifacts and fake dbt Cloud runs for the dbtcloud tests. */
final class CloudFixtures {

    static final String ACCOUNT = "70403";
    static final String TOKEN = "dbtc_s3cr3t-T0ken";
    static final long JOB = 412233;

    private final Path dir;
    private int files;

    CloudFixtures(Path dir) {
        this.dir = dir;
    }

    static FakeCloud cloud() throws IOException {
        return FakeCloud.start(null).withDbtCloud(ACCOUNT, TOKEN);
    }

    static HttpTransport transport(RecordingSleeper sleeper) {
        return new HttpTransport(sleeper.settings(2), (description, reason, next, max, wait) -> {});
    }

    static DbtCloudClient client(HttpTransport transport, FakeCloud cloud) {
        return client(transport, cloud.url(), ACCOUNT);
    }

    static DbtCloudClient client(HttpTransport transport, String baseUrl, String account) {
        return new DbtCloudClient(
                transport,
                URI.create(baseUrl),
                account,
                Secret.of(TOKEN),
                "environment DBT_CLOUD_API_TOKEN",
                new Secrets());
    }

    /**
     * A run_results.json written by {@code dbt <which>} of invocation {@code invocation}; {@code tests} maps
     * test unique_ids to statuses.
     */
    Path runResults(String which, String invocation, Map<String, String> tests) throws IOException {
        StringBuilder results = new StringBuilder();
        results.append(
                "{\"status\":\"success\",\"unique_id\":\"model.shop.orders\",\"failures\":null,\"message\":\"OK\","
                        + "\"execution_time\":0.1}");
        tests.forEach((id, status) -> results.append(",{\"status\":\"")
                .append(status)
                .append("\",\"unique_id\":\"")
                .append(id)
                .append("\",\"failures\":")
                .append(status.equals("pass") ? 0 : 2)
                .append(",\"message\":null,\"execution_time\":0.2}"));
        String json = "{\"metadata\":{\"dbt_schema_version\":\"https://schemas.getdbt.com/dbt/run-results/v6.json\","
                + "\"dbt_version\":\"1.10.7\",\"generated_at\":\"2026-11-20T06:00:05Z\",\"invocation_id\":\""
                + invocation
                + "\"},\"results\":[" + results + "],\"args\":{\"which\":\"" + which + "\"}}";
        return write("run_results", json);
    }

    /** run_results.json of {@code dbt docs generate}: no test result. */
    Path docsRunResults(String invocation) throws IOException {
        return runResults("generate", invocation, Map.of());
    }

    /**
     * A sources.json written by {@code dbt source freshness} of invocation {@code invocation};
     * {@code sources} maps source unique_ids to statuses.
     */
    Path sources(String invocation, Map<String, String> sources) throws IOException {
        List<String> results = new ArrayList<>();
        sources.forEach((id, status) -> results.add("{\"unique_id\":\"" + id + "\",\"status\":\"" + status
                + "\",\"max_loaded_at\":\"2026-11-19T18:00:00Z\",\"snapshotted_at\":\"2026-11-20T06:00:00Z\","
                + "\"max_loaded_at_time_ago_in_s\":43200.0,\"criteria\":{\"warn_after\":{\"count\":6,"
                + "\"period\":\"hour\"},\"error_after\":{\"count\":24,\"period\":\"hour\"},\"filter\":null}}"));
        return write(
                "sources",
                "{\"metadata\":{\"dbt_schema_version\":\"https://schemas.getdbt.com/dbt/sources/v3.json\","
                        + "\"dbt_version\":\"1.10.7\",\"generated_at\":\"2026-11-20T06:00:02Z\",\"invocation_id\":\""
                        + invocation + "\"},\"results\":[" + String.join(",", results) + "],\"elapsed_time\":1.2}");
    }

    Path manifest(String invocation) throws IOException {
        return write(
                "manifest",
                "{\"metadata\":{\"dbt_schema_version\":\"https://schemas.getdbt.com/dbt/manifest/v12.json\","
                        + "\"invocation_id\":\"" + invocation + "\"},\"nodes\":{},\"sources\":{}}");
    }

    private Path write(String kind, String json) throws IOException {
        Path file = dir.resolve("fixtures").resolve(kind + "-" + (++files) + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    static Map<String, Path> artifacts(Path runResults, Path manifest) {
        Map<String, Path> artifacts = new LinkedHashMap<>();
        if (runResults != null) {
            artifacts.put("run_results.json", runResults);
        }
        if (manifest != null) {
            artifacts.put("manifest.json", manifest);
        }
        return artifacts;
    }

    static FakeCloud.Step system(int index, String name) {
        return new FakeCloud.Step(index, name, 10, Map.of());
    }

    static FakeCloud.Step dbt(int index, String command, int status, Map<String, Path> artifacts) {
        return new FakeCloud.Step(index, "Invoke dbt with `" + command + "`", status, artifacts);
    }

    /** A finished run (status 10 or 20) whose default artifacts are those of its last step. */
    static FakeCloud.Run run(long id, int status, List<FakeCloud.Step> steps) {
        Map<String, Path> last =
                steps.isEmpty() ? Map.of() : steps.get(steps.size() - 1).artifacts();
        return new FakeCloud.Run(id, JOB, status, "2026-11-20 06:07:40.884512+00:00", true, steps, last);
    }

    /** A run as the list endpoint shows it (no steps needed). */
    static FakeCloud.Run listed(long id, int status, boolean artifactsSaved) {
        return new FakeCloud.Run(
                id,
                JOB,
                status,
                status >= 10 ? "2026-11-20 06:07:40+00:00" : null,
                artifactsSaved,
                List.of(),
                Map.of());
    }
}
