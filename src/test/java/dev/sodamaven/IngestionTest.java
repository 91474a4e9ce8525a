package dev.sodamaven;

import dev.sodamaven.core.Secret;
import dev.sodamaven.core.IngestException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sodamaven.config.IngestSettings;
import dev.sodamaven.config.PluginParameters;
import dev.sodamaven.config.SettingsResolver;
import dev.sodamaven.testing.FakeCloud;
import dev.sodamaven.testing.RecordingLog;
import dev.sodamaven.testing.SharedArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole ingestion against the local fake Soda Cloud, on the bundled example. */
class IngestionTest {

    @TempDir
    Path output;

    private FakeCloud cloud;
    private final RecordingLog log = new RecordingLog();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T08:30:12.345Z"), ZoneOffset.UTC);

    @BeforeEach
    void startCloud() throws Exception {
        cloud = FakeCloud.start(SharedArtifacts.sharedDir().resolve("contracts/soda-scan-results.schema.json"))
                .withApiKey("id-1", "secret-1");
    }

    @AfterEach
    void stopCloud() {
        cloud.close();
    }

    private PluginParameters.Builder parameters() {
        return PluginParameters.builder()
                .dataSource("jaffle_shop")
                .dbtArtifacts(SharedArtifacts.exampleArtifacts())
                .sodaCloudHost("127.0.0.1")
                .sodaCloudPort(String.valueOf(cloud.port()))
                .sodaCloudScheme("http")
                .apiKeyId(Secret.of("id-1"))
                .apiKeySecret(Secret.of("secret-1"))
                .outputDirectory(output);
    }

    private IngestOutcome run(PluginParameters parameters) throws IngestException {
        IngestSettings settings = new SettingsResolver(Map.of(), clock.instant()).resolveIngest(parameters);
        Remote remote = new Remote(List.of(), duration -> { }, Duration.ofMillis(1), log);
        return new Ingestion(log, clock, remote).run(settings);
    }

    @Test
    void uploadsEveryTestOnceWithTheRightOutcomes() throws Exception {
        IngestOutcome outcome = run(parameters().build());

        assertThat(cloud.commands("login")).hasSize(1);
        assertThat(cloud.schemaErrors()).isEmpty();
        assertThat(cloud.acceptedScans()).hasSize(1);
        JsonNode scan = cloud.acceptedScans().get(0);
        assertThat(scan.path("defaultDataSource").asText()).isEqualTo("jaffle_shop");
        assertThat(scan.path("definitionName").asText()).isEqualTo("Ingest - dbt");
        assertThat(scan.path("dataTimestamp").asText()).isEqualTo("2026-11-20T08:30:12+00:00");
        assertThat(scan.path("hasWarnings").asBoolean()).isTrue();
        assertThat(scan.path("hasFailures").asBoolean()).isTrue();
        assertThat(scan.path("hasErrors").asBoolean()).isFalse();
        assertThat(scan.path("checks")).hasSize(9);
        JsonNode relationships = find(scan, "relationships_orders_customer_id__customer_id__ref_customers_");
        assertThat(relationships.path("table").asText()).isEqualTo("fct_orders");
        assertThat(relationships.path("outcome").asText()).isEqualTo("fail");
        assertThat(relationships.path("diagnostics").path("value").asInt()).isEqualTo(2);
        assertThat(find(scan, "accepted_values_orders_status__placed__shipped__completed__returned")
                .path("outcome").asText()).isEqualTo("warn");
        assertThat(find(scan, "source_unique_raw_customers_id").path("table").asText()).isEqualTo("raw_customers");
        assertThat(find(scan, "assert_order_amount_is_positive").path("table").asText()).isEqualTo("fct_orders");

        assertThat(outcome.receipt().traceId()).startsWith("upload-trace-");
        assertThat(log.text()).contains("Soda Cloud trace id: " + outcome.receipt().traceId());
        Path file = output.resolve("scan-results.json");
        assertThat(file).exists();
        assertThat(Files.readString(file)).doesNotContain("token").doesNotContain("secret-1");
    }

    @Test
    void dryRunWritesTheFileAndSendsNothing() throws Exception {
        IngestOutcome outcome = run(parameters().dryRun(true).apiKeyId(null).apiKeySecret(null).build());

        assertThat(outcome.uploaded()).isFalse();
        assertThat(cloud.requests()).isEmpty();
        assertThat(output.resolve("scan-results.json")).exists();
        assertThat(output.resolve("TEST-dbt.xml")).content().contains("relationships_orders_customer_id");
        assertThat(output.resolve("report.html")).content().contains("fct_orders");
        assertThat(log.text()).contains("Dry run: nothing was uploaded");
    }

    @Test
    void aDryRunNeverAsksForProxies() throws Exception {
        Remote.ProxySource broken = () -> {
            throw IngestException.configuration("Maven could not decrypt the password of <proxy> 'corp'.", "");
        };
        IngestSettings settings = new SettingsResolver(Map.of(), clock.instant())
                .resolveIngest(parameters().dryRun(true).build());

        new Ingestion(log, clock, new Remote(broken, duration -> { }, Duration.ofMillis(1), log)).run(settings);

        assertThat(output.resolve("scan-results.json")).exists();
    }

    @Test
    void wrongApiKeyIsOneClearErrorAndTheFileIsKept() {
        assertThatThrownBy(() -> run(parameters().apiKeySecret(Secret.of("wrong")).build()))
                .isInstanceOf(IngestException.class)
                .satisfies(e -> {
                    IngestException problem = (IngestException) e;
                    assertThat(problem.getMessage()).contains("rejected the API key (HTTP 401")
                            .doesNotContain("wrong");
                    assertThat(problem.keptScanResults()).contains(output.resolve("scan-results.json"));
                    assertThat(problem.describe()).contains("mvn soda:upload -Dsoda.scanResults=");
                });
        assertThat(cloud.acceptedScans()).isEmpty();
        assertThat(output.resolve("scan-results.json")).exists();
        // The results are shown even though the upload failed.
        assertThat(log.lines()).contains("INFO Checks: 9 (7 pass, 1 warn, 1 fail)");
    }

    @Test
    void aFailedUploadDoesNotHideAFailedQualityGate() {
        cloud.close(); // Soda Cloud is down

        assertThatThrownBy(() -> run(parameters().failOn("fail").maxRetries(0).build()))
                .isInstanceOfSatisfying(IngestException.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(IngestException.Kind.QUALITY_GATE);
                    assertThat(problem.getMessage())
                            .startsWith("Quality gate failOn=fail: 1 dbt test did not pass: "
                                    + "relationships_orders_customer_id__customer_id__ref_customers_ (fail).")
                            .contains("The upload to Soda Cloud failed too: Soda Cloud login failed");
                    assertThat(problem.keptScanResults()).contains(output.resolve("scan-results.json"));
                });
    }

    @Test
    void aPassingGateLetsTheUploadFailureThrough() {
        cloud.close();

        assertThatThrownBy(() -> run(parameters().failOn("error").maxRetries(0).build()))
                .isInstanceOfSatisfying(IngestException.class, problem ->
                        assertThat(problem.kind()).isEqualTo(IngestException.Kind.REMOTE));
    }

    private static JsonNode find(JsonNode scan, String name) {
        for (JsonNode check : scan.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name);
    }
}
