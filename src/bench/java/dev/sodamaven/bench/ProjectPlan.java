package dev.sodamaven.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The shape of a synthetic dbt project: how many models, seeds, sources and tests, which relation
 * each model reads and which relation each test checks. Only indexes are held (a few bytes per node);
 * the text of every node is derived again from {@link #random(long)} whenever it is written, so a
 * gigabyte project costs megabytes to describe and the manifest and run results agree.
 *
 * <p>Relations are numbered: {@code [0, models)} are models, then seeds, then source tables.
 */
final class ProjectPlan {

    static final String PROJECT = "bench_shop";
    static final String DATABASE = "analytics";

    /** The kinds of test, with their share of all tests (singular tests are hand-written SQL files). */
    enum TestKind {
        NOT_NULL("not_null", 34),
        UNIQUE("unique", 24),
        ACCEPTED_VALUES("accepted_values", 12),
        RELATIONSHIPS("relationships", 12),
        EXPRESSION_IS_TRUE("expression_is_true", 10),
        RECENCY("recency", 3),
        SINGULAR(null, 5);

        final String generic;
        final int share;

        TestKind(String generic, int share) {
            this.generic = generic;
            this.share = share;
        }

        String namespace() {
            return this == EXPRESSION_IS_TRUE || this == RECENCY ? "dbt_utils" : null;
        }
    }

    private static final TestKind[] KINDS = TestKind.values();
    private static final int SHARES =
            Arrays.stream(KINDS).mapToInt(kind -> kind.share).sum();

    final long seed;
    final int models;
    final int seeds;
    final int sources;
    final int tests;
    final int executedTests;
    final int unitTests;

    /** Model m reads relations {@code parents[parentStart[m] .. parentStart[m+1])}. */
    private final int[] parentStart;

    private final int[] parents;
    private final int[] testTarget;
    private final int[] testOther;
    private final int[] testOrdinal;
    private final byte[] testKind;

    ProjectPlan(int models, int tests, int executedTests, long seed) {
        if (executedTests > tests) {
            throw new IllegalArgumentException("more executed tests than tests");
        }
        this.seed = seed;
        this.models = models;
        this.seeds = Math.max(3, models / 40);
        this.sources = Math.max(10, models / 8);
        this.tests = tests;
        this.executedTests = executedTests;
        this.unitTests = models / 200;
        this.parentStart = new int[models + 1];
        int[] chosen = new int[models * 4];
        int count = 0;
        for (int m = 0; m < models; m++) {
            parentStart[m] = count;
            SplittableRandom random = random(m);
            if (m < Math.max(1, models * 3 / 10)) {
                // Staging models read one source table (now and then a seed).
                chosen[count++] = random.nextInt(10) == 0
                        ? seedRelation(random.nextInt(seeds))
                        : sourceRelation(random.nextInt(sources));
            } else {
                int n = 1 + random.nextInt(4);
                for (int p = 0; p < n; p++) {
                    int parent = random.nextInt(m);
                    if (!contains(chosen, parentStart[m], count, parent)) {
                        chosen[count++] = parent;
                    }
                }
            }
        }
        parentStart[models] = count;
        this.parents = Arrays.copyOf(chosen, count);

        this.testTarget = new int[tests];
        this.testOther = new int[tests];
        this.testOrdinal = new int[tests];
        this.testKind = new byte[tests];
        int[] perRelation = new int[relations()];
        for (int t = 0; t < tests; t++) {
            SplittableRandom random = random(-1 - t);
            TestKind kind = drawKind(random);
            int target;
            int where = random.nextInt(100);
            if (kind == TestKind.SINGULAR || where < 78) {
                target = random.nextInt(models);
            } else if (where < 95) {
                target = sourceRelation(random.nextInt(sources));
            } else {
                target = seedRelation(random.nextInt(seeds));
            }
            testKind[t] = (byte) kind.ordinal();
            testTarget[t] = target;
            testOrdinal[t] = perRelation[target]++;
            testOther[t] = kind == TestKind.RELATIONSHIPS || (kind == TestKind.SINGULAR && random.nextBoolean())
                    ? otherModel(random, target)
                    : -1;
        }
    }

    private static boolean contains(int[] values, int from, int to, int value) {
        for (int i = from; i < to; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private int otherModel(SplittableRandom random, int target) {
        int other = random.nextInt(models);
        return other == target ? (other + 1) % models : other;
    }

    private static TestKind drawKind(SplittableRandom random) {
        int roll = random.nextInt(SHARES);
        for (TestKind kind : KINDS) {
            roll -= kind.share;
            if (roll < 0) {
                return kind;
            }
        }
        throw new IllegalStateException();
    }

    /** The random source for one node (models and relations >= 0, tests < 0); same seed, same text. */
    SplittableRandom random(long node) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + node * 0xBF58476D1CE4E5B9L);
    }

    int relations() {
        return models + seeds + sources;
    }

    int seedRelation(int seed) {
        return models + seed;
    }

    int sourceRelation(int source) {
        return models + seeds + source;
    }

    boolean isModel(int relation) {
        return relation < models;
    }

    boolean isSeed(int relation) {
        return relation >= models && relation < models + seeds;
    }

    boolean isSource(int relation) {
        return relation >= models + seeds;
    }

    int[] parentsOf(int model) {
        return Arrays.copyOfRange(parents, parentStart[model], parentStart[model + 1]);
    }

    TestKind kind(int test) {
        return KINDS[testKind[test]];
    }

    int target(int test) {
        return testTarget[test];
    }

    /** The second relation of a test ({@code relationships}' "to", a singular test's join), or -1. */
    int other(int test) {
        return testOther[test];
    }

    /** Which test on its target this is (0 for the first), to keep test names unique. */
    int ordinal(int test) {
        return testOrdinal[test];
    }

    /** Whether test {@code t} ran: the executed tests are spread evenly over the manifest. */
    boolean executed(int test) {
        return (long) (test + 1) * executedTests / tests > (long) test * executedTests / tests;
    }

    /**
     * The dbt status of test {@code t}, or null when it did not run. About 86 % pass, 4 % warn, 5 % fail,
     * 2 % error and 3 % are skipped (their model failed), like a large build with a few problems.
     */
    String status(int test) {
        if (!executed(test)) {
            return null;
        }
        int roll = random(-(1L << 40) - test).nextInt(100);
        return roll < 86 ? "pass" : roll < 90 ? "warn" : roll < 95 ? "fail" : roll < 97 ? "error" : "skipped";
    }

    int columnCount(int relation) {
        SplittableRandom random = random(relation ^ 0x5DEECE66DL);
        if (isSource(relation)) {
            return 4 + random.nextInt(30);
        }
        if (isSeed(relation)) {
            return 2 + random.nextInt(8);
        }
        // Most models are narrow, some are very wide (marts with hundreds of columns exist).
        return random.nextInt(10) == 0 ? 80 + random.nextInt(170) : 5 + random.nextInt(45);
    }

    // ---- names ----

    String name(int relation) {
        if (isModel(relation)) {
            String[] layers = {"stg", "int", "fct", "dim"};
            int layer = relation < models * 3 / 10 ? 0 : 1 + relation % 3;
            return layers[layer] + "_" + Words.DOMAINS[relation % Words.DOMAINS.length] + "_" + Words.pad(relation);
        }
        if (isSeed(relation)) {
            int seed = relation - models;
            return "seed_" + Words.DOMAINS[seed % Words.DOMAINS.length] + "_" + Words.pad(seed);
        }
        int source = relation - models - seeds;
        return Words.DOMAINS[(source * 7) % Words.DOMAINS.length] + "_" + Words.pad(source);
    }

    String sourceName(int relation) {
        int source = relation - models - seeds;
        return "raw_" + Words.SYSTEMS[source % Words.SYSTEMS.length];
    }

    String schema(int relation) {
        if (isSource(relation)) {
            return sourceName(relation);
        }
        if (isSeed(relation)) {
            return "bench_seeds";
        }
        return relation < models * 3 / 10 ? "bench_staging" : "bench_marts";
    }

    String uniqueId(int relation) {
        if (isModel(relation)) {
            return "model." + PROJECT + "." + name(relation);
        }
        if (isSeed(relation)) {
            return "seed." + PROJECT + "." + name(relation);
        }
        return "source." + PROJECT + "." + sourceName(relation) + "." + name(relation);
    }

    String relationName(int relation) {
        return "\"" + DATABASE + "\".\"" + schema(relation) + "\".\"" + name(relation) + "\"";
    }

    /** The test's column, or null for singular tests. */
    String testColumn(int test) {
        if (kind(test) == TestKind.SINGULAR) {
            return null;
        }
        int target = target(test);
        return Words.column(target, ordinal(test) % columnCount(target));
    }

    String testName(int test) {
        int target = target(test);
        String round = ordinal(test) < columnCount(target) ? "" : "_r" + ordinal(test) / columnCount(target);
        TestKind kind = kind(test);
        if (kind == TestKind.SINGULAR) {
            return "assert_" + name(target) + "_" + ordinal(test);
        }
        String on = isSource(target)
                ? "source_" + kind.generic + "_" + sourceName(target) + "_" + name(target)
                : kind.generic + "_" + name(target);
        String prefix = kind.namespace() == null ? "" : kind.namespace() + "_";
        String to = kind == TestKind.RELATIONSHIPS ? "__id__ref_" + name(other(test)) + "_" : "";
        return prefix + on + "_" + testColumn(test) + to + round;
    }

    String testUniqueId(int test) {
        String id = "test." + PROJECT + "." + testName(test);
        return kind(test) == TestKind.SINGULAR ? id : id + "." + Words.hex(random(-1 - test), 10);
    }
}
