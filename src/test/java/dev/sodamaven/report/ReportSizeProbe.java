package dev.sodamaven.report;

import dev.sodamaven.soda.Dataset;
import dev.sodamaven.soda.MappedChecks;
import dev.sodamaven.soda.Outcome;
import dev.sodamaven.soda.SodaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Not a test: measures the size of both reports for a large project, for docs/benchmarks.md. The
 * checks mimic the benchmark's generated project (src/bench, {@code ProjectPlan}): about 86 % pass,
 * 4 % warn, 5 % fail, 2 % error and 3 % skipped by dbt, dbt's own messages, five tests a model.
 *
 * <p>Run once, after {@code ./mvnw -o -q test-compile}: {@code java -cp
 * target/test-classes:target/classes:<test class path> dev.sodamaven.report.ReportSizeProbe [tests]
 * [datasets] [folder]}.
 */
public final class ReportSizeProbe {

    private static final String[] KINDS = {"not_null", "unique", "accepted_values", "relationships"};
    private static final String[] COLUMNS = {"id", "customer_id", "order_date", "status", "amount", "updated_at"};

    private ReportSizeProbe() {}

    public static void main(String[] args) throws Exception {
        int tests = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int datasets = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path folder = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/report-size"));
        MappedChecks mapped = project(tests, datasets);
        ReportContext context = new ReportContext(
                "bench", "Ingest - dbt", "1.10.7", "build", "id", "run_results.json", ReportFixtures.GENERATED, null);
        System.out.printf(
                Locale.ROOT,
                "%,d test results: %,d checks (%s), %,d skipped, %,d datasets%n",
                tests,
                mapped.checks().size(),
                mapped.tally(),
                mapped.skipped().size(),
                datasets);
        long start = System.nanoTime();
        Path xml = new JUnitReportWriter(ReportFixtures.OUTBOUND).write(mapped, context, folder);
        long junit = System.nanoTime();
        Path html = new HtmlReportWriter(ReportFixtures.OUTBOUND).write(mapped, context, folder);
        long end = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "%s %,d bytes (%.1f MB) in %d ms%n%s %,d bytes (%.1f MB) in %d ms%n",
                xml,
                Files.size(xml),
                Files.size(xml) / 1e6,
                (junit - start) / 1_000_000,
                html,
                Files.size(html),
                Files.size(html) / 1e6,
                (end - junit) / 1_000_000);
    }

    private static MappedChecks project(int tests, int datasets) {
        SplittableRandom random = new SplittableRandom(42);
        List<SodaCheck> checks = new ArrayList<>(tests);
        List<String> skipped = new ArrayList<>();
        for (int t = 0; t < tests; t++) {
            int model = t % datasets;
            String table = String.format(Locale.ROOT, "fct_orders_%06d", model);
            Dataset dataset = new Dataset(table, "analytics", "bench_marts", "model", "model.bench_shop." + table);
            String column = COLUMNS[(t / datasets) % COLUMNS.length];
            String name = KINDS[t % KINDS.length] + "_" + table + "_" + column + (t / datasets >= 6 ? "_r" + t : "");
            String id = String.format(Locale.ROOT, "test.bench_shop.%s.%010x", name, random.nextLong(1L << 40));
            int roll = random.nextInt(100);
            long failures = 1 + random.nextInt(25_000);
            double seconds = random.nextDouble() * 20;
            if (roll >= 97) {
                skipped.add(id);
                continue;
            }
            Outcome outcome = roll < 86 ? Outcome.PASS : roll < 90 ? Outcome.WARN : Outcome.FAIL;
            String status = roll < 86 ? "pass" : roll < 90 ? "warn" : roll < 95 ? "fail" : "error";
            String message = switch (status) {
                case "pass" -> null;
                case "warn", "fail" -> "Got " + failures + " results, configured to " + status + " if != 0";
                default ->
                    "Database Error in test " + name + " (models/schema.yml)\n  relation \"" + table
                            + "\" does not exist\n  LINE 14: from \"analytics\".\"bench_marts\"...\n"
                            + "               ^\n  compiled code at target/run/bench_shop/models/schema.yml/"
                            + name + ".sql";
            };
            Long failing = roll < 86 ? Long.valueOf(0L) : roll < 95 ? Long.valueOf(failures) : null;
            SodaCheck check = new SodaCheck(
                    id, name, "models/schema.yml", dataset, column, outcome, status, failing, message, seconds);
            checks.add(check);
        }
        return new MappedChecks(checks, skipped, List.of(), List.of(), List.of());
    }
}
