package dev.sodamaven.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console summary says how many tests select / exclude left out. */
class ConsoleSummarySelectionTest {

    @Test
    void testsLeftOutByTheSelectionAreANotSentLine() {
        List<String> lines = ConsoleSummary.lines(ReportFixtures.sample(), 3);

        assertThat(lines)
                .last()
                .isEqualTo("Not sent: 3 tests left out by " + Setting.SELECT.ref() + " / " + Setting.EXCLUDE.ref());
        assertThat(ConsoleSummary.lines(ReportFixtures.sample(), 1))
                .last()
                .asString()
                .startsWith("Not sent: 1 test left out by ");
    }

    @Test
    void withoutASelectionThereIsNoSuchLine() {
        assertThat(ConsoleSummary.lines(ReportFixtures.sample(), 0))
                .isEqualTo(ConsoleSummary.lines(ReportFixtures.sample()))
                .noneMatch(line -> line.contains("left out"));
    }
}
