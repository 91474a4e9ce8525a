package dev.sodamaven.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.soda.Dataset;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
import dev.sodamaven.soda.SodaCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build log lists every dataset of a small project, and in a project of many datasets only those where
 * a check did not pass, up to {@value ConsoleSummary#MAX_DATASET_LINES}, saying what it left out.
 */
class ConsoleSummaryDatasetsTest {

    /** {@code datasets} datasets of two checks each; those whose index is in {@code failing} have a failure. */
    private static MappedChecks project(int datasets, List<Integer> failing) {
        List<SodaCheck> checks = new ArrayList<>();
        for (int i = 0; i < datasets; i++) {
            String table = String.format("table_%05d", i);
            Dataset dataset = new Dataset(table, "db", "schema", "model", "model.big." + table);
            checks.add(ReportFixtures.check("a_" + i, dataset, Outcome.PASS, "pass", 0L, null));
            checks.add(
                    failing.contains(i)
                            ? ReportFixtures.check("b_" + i, dataset, Outcome.FAIL, "fail", 3L, "Got 3 results")
                            : ReportFixtures.check("b_" + i, dataset, Outcome.PASS, "pass", 0L, null));
        }
        return new MappedChecks(checks, List.of(), List.of(), List.of(), List.of());
    }

    private static List<String> datasetLines(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("  ")).toList();
    }

    @Test
    void aProjectOfFiftyDatasetsListsEachOne() {
        List<String> lines = ConsoleSummary.lines(project(ConsoleSummary.MAX_DATASET_LINES, List.of(7)));

        assertThat(lines).contains("Datasets: 50");
        assertThat(datasetLines(lines))
                .hasSize(50)
                .contains("  db.schema.table_00000  2 pass", "  db.schema.table_00007  1 pass, 1 fail")
                .noneMatch(line -> line.contains("Not listed"));
    }

    @Test
    void aLargerProjectListsOnlyTheDatasetsWhereACheckDidNotPass() {
        List<String> lines = ConsoleSummary.lines(project(20_000, List.of(3, 9_999, 19_999)));

        assertThat(lines).contains("Checks: 40000 (39997 pass, 0 warn, 3 fail, 0 error)", "Datasets: 20000");
        assertThat(datasetLines(lines))
                .containsExactly(
                        "  db.schema.table_00003  1 pass, 1 fail",
                        "  db.schema.table_09999  1 pass, 1 fail",
                        "  db.schema.table_19999  1 pass, 1 fail",
                        "  Not listed, of more than 50 datasets: 19997 datasets where every check passed; "
                                + "report.html lists every one.");
    }

    @Test
    void beyondTheLimitTheFirstDatasetsWithAProblemAreListedAndTheRestCounted() {
        List<Integer> failing = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            failing.add(i * 2);
        }

        List<String> lines = ConsoleSummary.lines(project(200, failing));

        List<String> listed = datasetLines(lines);
        assertThat(listed).hasSize(51);
        assertThat(listed.get(0)).isEqualTo("  db.schema.table_00000  1 pass, 1 fail");
        assertThat(listed.get(49)).isEqualTo("  db.schema.table_00098  1 pass, 1 fail");
        assertThat(listed.get(50))
                .isEqualTo("  Not listed, of more than 50 datasets: 120 datasets where every check passed and 30 "
                        + "more datasets where a check did not pass; report.html lists every one.");
    }
}
