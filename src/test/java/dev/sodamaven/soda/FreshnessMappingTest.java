package dev.sodamaven.soda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.dbt.ArtifactMetadata;
import dev.sodamaven.dbt.DbtRelation;
import dev.sodamaven.dbt.FreshnessResult;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.RelationType;
import dev.sodamaven.dbt.TestResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source freshness results to Soda checks on the source's table (issue 9's mapping). */
class FreshnessMappingTest {

    private static final String ORDERS = "source.shop.raw.orders";
    private static final DbtRelation ORDERS_SOURCE = new DbtRelation(
            ORDERS,
            RelationType.SOURCE,
            "orders",
            null,
            "\"RAW_ORDERS\"",
            "raw",
            "db",
            "landing",
            null,
            "_etl_loaded_at",
            "models/staging/sources.yml");

    private static ManifestIndex manifest(DbtRelation... relations) {
        return new ManifestIndex(
                new ArtifactMetadata(null, null, null, null, null), Map.of(), DbtNodes.relations(relations), List.of());
    }

    private static FreshnessResult result(String id, String status, Double age) {
        return new FreshnessResult(
                id,
                status,
                age,
                age == null ? null : "2026-11-19T16:00:00+00:00",
                "2026-11-20T08:00:00+00:00",
                "12 hour",
                "24 hour",
                null,
                age == null ? "Runtime Error in source orders: relation does not exist" : null);
    }

    private static MappedChecks map(FreshnessResult... results) {
        return new CheckMapper().map(List.<TestResult>of(), List.of(results), manifest(ORDERS_SOURCE));
    }

    @ParameterizedTest(name = "{0} -> {1}, errored {2}")
    @CsvSource({"pass, PASS, false", "warn, WARN, false", "error, FAIL, false", "runtime error, FAIL, true"})
    void statusesMapToOutcomes(String status, Outcome outcome, boolean errored) {
        MappedChecks mapped = map(result(ORDERS, status, status.equals("runtime error") ? null : 57600.4));

        assertThat(mapped.checks()).singleElement().satisfies(check -> {
            assertThat(check.outcome()).isEqualTo(outcome);
            assertThat(check.errored()).isEqualTo(errored);
            assertThat(CheckResult.of(check))
                    .isEqualTo(errored ? CheckResult.ERROR : CheckResult.valueOf(outcome.name()));
        });
    }

    @Test
    void theCheckIsOnTheSourcesPhysicalTableWithTheAgeAsDiagnosticAndTheThresholdsInItsDefinition() {
        SodaCheck check = map(result(ORDERS, "warn", 57600.6)).checks().get(0);

        assertThat(check.identity()).isEqualTo("test.source_freshness.shop.raw.orders");
        assertThat(check.name()).isEqualTo("dbt source freshness raw.orders");
        assertThat(check.shownDefinition())
                .isEqualTo(
                        "dbt source freshness raw.orders on _etl_loaded_at: warn after 12 hour, error after 24 hour");
        assertThat(check.dataset().table()).isEqualTo("RAW_ORDERS");
        assertThat(check.dataset().nodeType()).isEqualTo("source");
        assertThat(check.dataset().nodeId()).isEqualTo(ORDERS);
        assertThat(check.column()).isNull();
        assertThat(check.filePath()).isEqualTo("models/staging/sources.yml");
        assertThat(check.diagnosticValue()).isEqualTo(57601);
        assertThat(check.failures()).isNull();
        assertThat(check.freshness().maxLoadedAt()).isEqualTo("2026-11-19T16:00:00+00:00");
    }

    @Test
    void aRuntimeErrorKeepsDbtsErrorAsTheMessageAndHasNoAge() {
        SodaCheck check = map(result(ORDERS, "runtime error", null)).checks().get(0);

        assertThat(check.message()).isEqualTo("Runtime Error in source orders: relation does not exist");
        assertThat(check.diagnosticValue()).isZero();
        assertThat(check.freshness().ageSeconds()).isNull();
    }

    @Test
    void theIdentityIsStableAndNeverATestsOrAUnitTests() {
        String identity = map(result(ORDERS, "pass", 1.0)).checks().get(0).identity();

        assertThat(identity)
                .isEqualTo(map(result(ORDERS, "error", 99999.0)).checks().get(0).identity());
        // A data test's unique_id is test.<package>.<name>[.<hash>], a unit test's test.unit_test.<...>.
        assertThat(identity).startsWith("test.source_freshness.").doesNotStartWith("test.unit_test.");
        assertThat(identity.split("\\.")).hasSize(5);
    }

    @Test
    void aSourceTheManifestLacksIsMissingAndAnUnknownStatusIsListedNeitherIsSent() {
        MappedChecks mapped = map(result("source.shop.raw.payments", "pass", 10.0), result(ORDERS, "stale", 10.0));

        assertThat(mapped.checks()).isEmpty();
        assertThat(mapped.missingInManifest()).containsExactly("source.shop.raw.payments");
        assertThat(mapped.otherStatus()).containsExactly(ORDERS + " (stale)");
    }

    @Test
    void withoutLoadedAtFieldOrThresholdsTheDefinitionIsTheName() {
        DbtRelation bare = new DbtRelation(
                ORDERS, RelationType.SOURCE, "orders", null, "orders", "raw", "db", "landing", null, null, null);
        FreshnessResult noCriteria = new FreshnessResult(ORDERS, "pass", 5.0, null, null, null, null, null, null);

        SodaCheck check = new CheckMapper()
                .map(List.of(), List.of(noCriteria), manifest(bare))
                .checks()
                .get(0);

        assertThat(check.shownDefinition()).isEqualTo("dbt source freshness raw.orders");
    }
}
