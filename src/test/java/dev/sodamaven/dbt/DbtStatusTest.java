package dev.sodamaven.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dbt-core's spelling of a status, whatever dbt Fusion or a hand-edited file wrote. */
class DbtStatusTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "pass|pass",
                "Pass|pass",
                "ERROR|error",
                " Skipped |skipped",
                "Reused|reused",
                "no-op|no-op",
                "NoOp|no-op",
                "no_op|no-op",
                "No Op|no-op",
                "partial success|partial success",
                "PartialSuccess|partial success",
                "partial_success|partial success",
                "Runtime Error|runtime error",
                "something new|something new"
            })
    void knownStatusesAreSpelledAsDbtCoreDoes(String raw, String normalised) {
        assertThat(DbtStatus.normalise(raw)).isEqualTo(normalised);
    }

    /** Tabs and line breaks separate words as spaces do; a no-break space does not (nor did it before). */
    @Test
    void whiteSpaceInsideAStatusSeparatesItsWords() {
        assertThat(DbtStatus.normalise("No\tOp")).isEqualTo("no-op");
        assertThat(DbtStatus.normalise("Partial \r\n- Success")).isEqualTo("partial success");
        assertThat(DbtStatus.normalise("No\u00A0Op")).isEqualTo("no\u00A0op");
    }

    @Test
    void aMissingOrBlankStatusIsUnknown() {
        assertThat(DbtStatus.normalise(null)).isEqualTo("unknown");
        assertThat(DbtStatus.normalise("  ")).isEqualTo("unknown");
    }
}
