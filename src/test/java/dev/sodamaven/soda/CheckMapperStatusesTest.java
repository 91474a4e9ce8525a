package dev.sodamaven.soda;

import static dev.sodamaven.soda.DbtNodes.generic;
import static dev.sodamaven.soda.DbtNodes.model;
import static dev.sodamaven.soda.DbtNodes.relations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.dbt.ArtifactMetadata;
import dev.sodamaven.dbt.DbtTest;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.TestResult;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The statuses of dbt 1.12 and dbt Fusion beyond the five of a data test: none is sent, none fails the run. */
class CheckMapperStatusesTest {

    private static final DbtTest A = generic("a", "{{ ref('orders') }}", null, null, null, "model.shop.orders");
    private static final DbtTest B = generic("b", "{{ ref('orders') }}", null, null, null, "model.shop.orders");
    private static final DbtTest C = generic("c", "{{ ref('orders') }}", null, null, null, "model.shop.orders");
    private static final DbtTest D = generic("d", "{{ ref('orders') }}", null, null, null, "model.shop.orders");

    private static ManifestIndex manifest(DbtTest... tests) {
        return new ManifestIndex(
                new ArtifactMetadata(null, null, null, null, null),
                Arrays.stream(tests).collect(Collectors.toMap(DbtTest::uniqueId, Function.identity())),
                relations(model("orders", "fct_orders")),
                List.of());
    }

    private static TestResult result(DbtTest test, String status) {
        return new TestResult(test.uniqueId(), status, 0L, null, 0.5);
    }

    @Test
    void reusedIsNotSentAgainButListedWithWhatItMeans() {
        MappedChecks mapped = new CheckMapper().map(List.of(result(A, "reused"), result(B, "pass")), manifest(A, B));

        assertThat(mapped.checks()).extracting(SodaCheck::identity).containsExactly(B.uniqueId());
        assertThat(mapped.skipped()).isEmpty();
        assertThat(mapped.otherStatus())
                .containsExactly(
                        A.uniqueId() + " (reused: carried over from an earlier dbt invocation, not run again)");
    }

    @Test
    void aReusedResultNeverHidesTheResultDbtRanForTheSameTest() {
        MappedChecks mapped = new CheckMapper()
                .map(
                        List.of(result(A, "fail"), result(A, "reused"), result(B, "reused"), result(B, "warn")),
                        manifest(A, B));

        assertThat(mapped.checks())
                .extracting(SodaCheck::identity, SodaCheck::dbtStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(A.uniqueId(), "fail"),
                        org.assertj.core.groups.Tuple.tuple(B.uniqueId(), "warn"));
        assertThat(mapped.otherStatus()).isEmpty();
    }

    @Test
    void noOpPartialSuccessAndUnknownStatusesAreListedNotSentAndNeverFailTheMapping() {
        MappedChecks mapped = new CheckMapper()
                .map(
                        List.of(
                                result(A, "no-op"),
                                result(B, "partial success"),
                                result(C, "something new"),
                                result(D, "unknown")),
                        manifest(A, B, C, D));

        assertThat(mapped.checks()).isEmpty();
        assertThat(mapped.otherStatus())
                .containsExactly(
                        A.uniqueId() + " (no-op)",
                        B.uniqueId() + " (partial success)",
                        C.uniqueId() + " (something new)",
                        D.uniqueId() + " (unknown)");
    }

    @Test
    void aTestWithoutAMessageIsSentWithoutOne() {
        MappedChecks mapped =
                new CheckMapper().map(List.of(new TestResult(A.uniqueId(), "error", null, null, 0.1)), manifest(A));

        assertThat(mapped.checks()).singleElement().satisfies(check -> {
            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.errored()).isTrue();
            assertThat(check.message()).isNull();
        });
    }
}
