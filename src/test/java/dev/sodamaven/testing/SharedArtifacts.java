package dev.sodamaven.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code ../shared} (dbt artifacts written by real dbt runs, and the contracts) in place; tests
 * that need it are skipped with a clear message when it is absent. Never copied into the project.
 */
public final class SharedArtifacts {

    private SharedArtifacts() {}

    public static Path sharedDir() {
        return Path.of(System.getProperty("soda.sharedDir", "../shared"))
                .toAbsolutePath()
                .normalize();
    }

    /** The corpus folder; skips the calling test when it is absent. */
    public static Path corpus() {
        Path corpus = sharedDir().resolve("dbt-artifacts");
        assumeTrue(
                Files.isDirectory(corpus),
                "Skipped: the dbt artifacts corpus " + corpus
                        + " is absent (it lives in ../shared beside the project).");
        return corpus;
    }

    /** One case folder of the corpus; skips when absent. */
    public static Path corpusCase(String name) {
        Path folder = corpus().resolve(name);
        assumeTrue(Files.isDirectory(folder), "Skipped: corpus case " + folder + " is absent.");
        return folder;
    }

    /** The contract's JSON Schema of the upload body; skips when absent. */
    public static Path uploadSchema() {
        Path schema = sharedDir().resolve("contracts").resolve("soda-scan-results.schema.json");
        assumeTrue(Files.isRegularFile(schema), "Skipped: the contract schema " + schema + " is absent.");
        return schema;
    }

    /** The bundled example's artifacts (part of the project). */
    public static Path exampleArtifacts() {
        return Path.of("examples", "jaffle-shop", "dbt-artifacts").toAbsolutePath();
    }
}
