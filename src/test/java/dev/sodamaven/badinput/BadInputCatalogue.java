package dev.sodamaven.badinput;

import static dev.sodamaven.badinput.Uploads.EXAMPLE_CHECKS;
import static dev.sodamaven.badinput.Uploads.check;
import static dev.sodamaven.badinput.Uploads.noCheck;
import static dev.sodamaven.badinput.Uploads.noTable;
import static dev.sodamaven.badinput.Uploads.nothing;
import static dev.sodamaven.badinput.Uploads.scan;
import static dev.sodamaven.badinput.Workspace.KEY_SECRET;
import static dev.sodamaven.badinput.Workspace.cutAfter;
import static dev.sodamaven.core.IngestException.Kind.CONFIGURATION;
import static dev.sodamaven.core.IngestException.Kind.INPUT;
import static dev.sodamaven.core.IngestException.Kind.REMOTE;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import dev.sodamaven.testing.FakeCloud;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Bad inputs of an unattended CI ingestion, each with what the user sees. Every case runs the real
 * ingestion (settings, readers, mapping, upload) against the fake Soda Cloud with a valid key, not
 * in a dry run, so "nothing was sent" is proven, not assumed. Texts use the placeholders of
 * {@link Workspace#expand}: {manifest}, {runResults}, {config}, {target}, {root}, {port}.
 */
final class BadInputCatalogue {

    private static final String REGENERATE = "Run dbt again to regenerate it, or point the plugin at the right file.";
    private static final String FOLDER = "dbtArtifacts (-Dsoda.dbt.artifacts)";
    private static final String GIVE_THE_KEY =
            "Give the key in one of these ways: apiKeyId (-Dsoda.cloud.apiKeyId) and "
                    + "apiKeySecret (-Dsoda.cloud.apiKeySecret) in the plugin configuration; soda_cloud.api_key_id and "
                    + "soda_cloud.api_key_secret in configuration.yml; the environment variables SODA_API_KEY_ID and "
                    + "SODA_API_KEY_SECRET; or a <server> with id 'soda-cloud' in settings.xml (username = key id, password = "
                    + "secret). Or set dryRun (-Dsoda.dryRun) to true to only write the scan results file.";
    private static final String ORDERS_TEST = "relationships_orders_customer_id__customer_id__ref_customers_";
    private static final String ORDERS_TEST_ID = "test.jaffle_shop." + ORDERS_TEST + ".e4ad3d0847";
    private static final String INVOCATION = "6f0c9b7e-2d1a-4a55-9a0e-5c3f1e2b7d41";
    private static final String UPLOAD = "sodaCoreInsertScanResults";
    private static final long RUN = 70403103;
    private static final long JOB = 12;
    private static final String FINISHED = "2026-11-20 06:04:31.000000+00:00";
    /** 50 MB: more than the readers' limit of 20 million characters for one value. */
    private static final int FIFTY_MB = 50_000_000;

    private BadInputCatalogue() {}

    /** Settings that choose the dbt artifacts (local files or a dbt Cloud run). */
    private static final List<BadInput> WHICH_ARTIFACTS = List.of(
            refused(
                    "no artifact source at all",
                    w -> w.parameters().with(Setting.DBT_ARTIFACTS, null),
                    CONFIGURATION,
                    "No dbt artifacts are configured.",
                    "Set dbtArtifacts (-Dsoda.dbt.artifacts) to the folder dbt writes manifest.json and "
                            + "run_results.json to (e.g. target); or dbtManifest (-Dsoda.dbt.manifest) and dbtRunResults "
                            + "(-Dsoda.dbt.runResults) to the files; or dbtCloudRunId (-Dsoda.dbtCloud.runId) or "
                            + "dbtCloudJobId (-Dsoda.dbtCloud.jobId) to ingest a dbt Cloud run."),
            refused(
                    "both local artifacts and a dbt Cloud run",
                    w -> w.parameters().with(Setting.DBT_CLOUD_RUN_ID, "70403103"),
                    CONFIGURATION,
                    "Both local dbt artifacts (dbtArtifacts / dbtManifest / dbtRunResults / dbtSources) and a dbt "
                            + "Cloud run (dbtCloudRunId / dbtCloudJobId) are set.",
                    "Set one source only: local files, or a dbt Cloud run."),
            refused(
                    "dbt Cloud run id and job id together",
                    w -> w.parameters()
                            .with(Setting.DBT_ARTIFACTS, null)
                            .with(Setting.DBT_CLOUD_RUN_ID, "70403103")
                            .with(Setting.DBT_CLOUD_JOB_ID, "12"),
                    CONFIGURATION,
                    "Both dbtCloudRunId and dbtCloudJobId are set.",
                    "Set dbtCloudRunId (-Dsoda.dbtCloud.runId) to ingest one run, or dbtCloudJobId "
                            + "(-Dsoda.dbtCloud.jobId) to ingest the latest finished run of a job, not both."),
            refused(
                    "dbt Cloud run id that is not a number",
                    w -> w.parameters().with(Setting.DBT_ARTIFACTS, null).with(Setting.DBT_CLOUD_RUN_ID, "latest"),
                    CONFIGURATION,
                    "dbtCloudRunId 'latest' is not a dbt Cloud id.",
                    "Set dbtCloudRunId (-Dsoda.dbtCloud.runId) to the number shown in dbt Cloud's URL."),
            refused(
                    "dbt Cloud run without an API token",
                    w -> w.parameters()
                            .with(Setting.DBT_ARTIFACTS, null)
                            .with(Setting.DBT_CLOUD_RUN_ID, "70403103")
                            .with(Setting.DBT_CLOUD_ACCOUNT_ID, "70403"),
                    CONFIGURATION,
                    "No dbt Cloud API token is set.",
                    "Give the token as dbtCloudApiToken (-Dsoda.dbtCloud.apiToken), dbt_cloud.api_token in "
                            + "configuration.yml, the environment variable DBT_CLOUD_API_TOKEN or the password of the "
                            + "<server> 'dbt-cloud' in settings.xml."),
            refused(
                    "a dbt Cloud URL copied with the token in its query",
                    w -> w.parameters()
                            .with(Setting.DBT_ARTIFACTS, null)
                            .with(Setting.DBT_CLOUD_RUN_ID, "70403103")
                            .with(Setting.DBT_CLOUD_ACCOUNT_ID, "70403")
                            .with(Setting.DBT_CLOUD_API_TOKEN, Secret.of(KEY_SECRET))
                            .with(Setting.DBT_CLOUD_ACCESS_URL, "https://ab123.us1.dbt.com/?token=" + KEY_SECRET),
                    CONFIGURATION,
                    "The dbt Cloud access URL 'https://ab123.us1.dbt.com/?token=****' (from plugin "
                            + "parameter dbtCloudAccessUrl (-Dsoda.dbtCloud.accessUrl)) has a ?query or #fragment.",
                    "Use your account's access URL, e.g. ab123.us1.dbt.com (dbt Cloud shows it in the account "
                            + "settings)."),
            refused(
                    "the manifest given but not the run results",
                    w -> w.parameters().with(Setting.DBT_ARTIFACTS, null).with(Setting.DBT_MANIFEST, w.manifest()),
                    CONFIGURATION,
                    "dbtManifest (-Dsoda.dbt.manifest) is set but neither dbtRunResults (-Dsoda.dbt.runResults) nor "
                            + "dbtSources (-Dsoda.dbt.sources) is.",
                    "Set dbtRunResults (-Dsoda.dbt.runResults) to the run results of `dbt test` or `dbt build`, "
                            + "dbtSources (-Dsoda.dbt.sources) to the sources.json of `dbt source freshness`, or "
                            + "dbtArtifacts (-Dsoda.dbt.artifacts) to the folder holding them."),
            refused(
                    "a sources.json given without a manifest",
                    w -> w.parameters()
                            .with(Setting.DBT_ARTIFACTS, null)
                            .with(Setting.DBT_SOURCES, w.root.resolve("target/sources.json")),
                    CONFIGURATION,
                    "dbtSources (-Dsoda.dbt.sources) is set but dbtManifest (-Dsoda.dbt.manifest) is not.",
                    "Set dbtManifest (-Dsoda.dbt.manifest) too, or dbtArtifacts (-Dsoda.dbt.artifacts) to the folder "
                            + "holding them."),
            refused(
                    "run results given as the sources.json",
                    w -> w.parameters().with(Setting.DBT_SOURCES, w.runResults()),
                    INPUT,
                    "dbt sources {runResults} is a dbt run_results.json "
                            + "(https://schemas.getdbt.com/dbt/run-results/v6.json), not a sources.json.",
                    "Check dbtSources (-Dsoda.dbt.sources): it must lead to the sources.json dbt wrote; a "
                            + "run_results.json is read from dbtRunResults (-Dsoda.dbt.runResults)."),
            refused(
                    "artifacts folder that does not exist",
                    w -> w.parameters().with(Setting.DBT_ARTIFACTS, w.root.resolve("traget")),
                    INPUT,
                    "The dbt artifacts folder {root}/traget (dbtArtifacts (-Dsoda.dbt.artifacts)) does not exist.",
                    "Set it to the folder holding manifest.json and run_results.json (dbt's target/), or "
                            + "dbtManifest (-Dsoda.dbt.manifest) and dbtRunResults (-Dsoda.dbt.runResults) to the files."));

    /** The artifact files themselves: missing, unreadable, damaged, of the wrong kind, beyond the limits. */
    private static final List<BadInput> ARTIFACT_FILES = List.of(
            refused(
                    "manifest.json missing from the folder",
                    w -> {
                        Files.delete(w.manifest());
                        return w.parameters();
                    },
                    INPUT,
                    "dbt manifest {manifest} does not exist.",
                    "Check " + FOLDER + "; dbt writes it to its target/ folder when it runs."),
            refused(
                    "a directory where run_results.json is expected",
                    w -> {
                        Files.delete(w.runResults());
                        Files.createDirectory(w.runResults());
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} is a directory, not a file.",
                    "Replace it with the run_results.json dbt wrote, or correct " + FOLDER + "."),
            refused(
                    "dbtRunResults naming the target folder instead of the file",
                    w -> w.parameters()
                            .with(Setting.DBT_ARTIFACTS, null)
                            .with(Setting.DBT_MANIFEST, w.manifest())
                            .with(Setting.DBT_RUN_RESULTS, List.of(w.target)),
                    INPUT,
                    "dbt run results {target} is a directory, not a file.",
                    "Point dbtRunResults (-Dsoda.dbt.runResults) at the run_results.json inside it."),
            refused(
                    "unreadable file (no read permission)",
                    w -> {
                        Files.setPosixFilePermissions(w.manifest(), PosixFilePermissions.fromString("---------"));
                        assumeTrue(
                                !Files.isReadable(w.manifest()),
                                "Skipped: this test runs as root (or with "
                                        + "CAP_DAC_OVERRIDE), for whom no file permission makes a file unreadable; the case "
                                        + "'unreadable file (I/O error)' covers unreadable files as root.");
                        return w.parameters();
                    },
                    INPUT,
                    "dbt manifest {manifest} cannot be read: permission denied.",
                    "Give the build user read access to it."),
            refused(
                    "unreadable file (I/O error)",
                    // A regular file that passes every check and fails when read, as a bad disk or a
                    // dropped network share does: reading address 0 of the process's memory is an I/O error.
                    w -> {
                        assumeTrue(
                                Files.isRegularFile(Path.of("/proc/self/mem")),
                                "Skipped: /proc/self/mem (Linux) is not available here.");
                        return w.parameters()
                                .with(Setting.DBT_ARTIFACTS, null)
                                .with(Setting.DBT_MANIFEST, Path.of("/proc/self/mem"))
                                .with(Setting.DBT_RUN_RESULTS, List.of(w.runResults()));
                    },
                    INPUT,
                    "dbt manifest /proc/self/mem could not be read: Input/output error.",
                    "Check the file and the disk it is on, then run the build again."),
            refused(
                    "empty run_results.json",
                    w -> {
                        w.writeRunResults("");
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} is empty.",
                    REGENERATE),
            refused(
                    "run_results.json written by dbt 0.18 (before 0.19)",
                    w -> {
                        w.writeRunResults("{\"metadata\": {\"dbt_version\": \"0.18.1\", \"generated_at\": "
                                + "\"2020-11-01T10:00:00Z\"}, \"results\": [{\"node\": {\"unique_id\": "
                                + "\"test.jaffle_shop.unique_orders_order_id\"}, \"status\": \"Pass\"}]}");
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} was written by dbt 0.18.1, which this plugin does not read "
                            + "(supported: dbt 0.19 and later): its results embed whole nodes and it has no "
                            + "dbt_schema_version.",
                    "Run dbt 0.19 or later and ingest the files it writes."),
            refused(
                    "truncated run_results.json",
                    w -> {
                        w.writeRunResults(cutAfter(w.runResultsText(), "\"message\": \"Got 2 res"));
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} is truncated: it ends in the middle of a JSON value at line "
                            + "177, column 28 (in /results/10/message).",
                    REGENERATE),
            refused(
                    "truncated manifest.json",
                    w -> {
                        w.writeManifest(cutAfter(w.manifestText(), "\"alias\": \"fct_orders\",\n      \"datab"));
                        return w.parameters();
                    },
                    INPUT,
                    "dbt manifest {manifest} is truncated: it ends in the middle of a JSON value at line 101, "
                            + "column 13 (in /nodes/model.jaffle_shop.orders/alias).",
                    REGENERATE),
            refused(
                    "malformed JSON (a comma missing)",
                    w -> {
                        w.editManifest("\"alias\": \"fct_orders\",", "\"alias\": \"fct_orders\"");
                        return w.parameters();
                    },
                    INPUT,
                    "dbt manifest {manifest} is not valid JSON at line 101, column 7 (in "
                            + "/nodes/model.jaffle_shop.orders/alias): a comma or '}' is missing there.",
                    REGENERATE),
            refused(
                    "binary data (a gzip-compressed run_results.json)",
                    w -> {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
                            gzip.write(Files.readAllBytes(w.runResults()));
                        }
                        Files.write(w.runResults(), bytes.toByteArray());
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} is gzip-compressed data, not JSON text.",
                    "Unpack it first (gunzip), then point the plugin at the run_results.json it holds."),
            refused(
                    "a zip archive named manifest.json",
                    w -> {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                            zip.putNextEntry(new ZipEntry("manifest.json"));
                            zip.write(Files.readAllBytes(w.manifest()));
                        }
                        Files.write(w.manifest(), bytes.toByteArray());
                        return w.parameters();
                    },
                    INPUT,
                    "dbt manifest {manifest} is a zip archive, not JSON text.",
                    "Unzip it, then point the plugin at the manifest.json it holds."),
            refused(
                    "an HTML error page saved as run_results.json",
                    w -> {
                        w.writeRunResults(
                                "\n<!DOCTYPE html>\n<html><head><title>401 Unauthorized</title></head></html>\n");
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} holds HTML or XML, not JSON: it starts with '<'.",
                    "It may be an error page saved by a failed download: download the artifact again, or point the "
                            + "plugin at the run_results.json dbt wrote."),
            refused(
                    "binary data (random bytes)",
                    w -> {
                        Files.write(
                                w.manifest(), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
                        return w.parameters();
                    },
                    INPUT,
                    "dbt manifest {manifest} is not a text file: it starts with binary data (byte 0x89).",
                    REGENERATE),
            refused(
                    "text that is not UTF-8 (a Latin-1 name)",
                    w -> {
                        byte[] latin1 = w.manifestText()
                                .replace("\"alias\": \"fct_orders\"", "\"alias\": \"fct_bestellgröße\"")
                                .getBytes(StandardCharsets.ISO_8859_1);
                        Files.write(w.manifest(), latin1);
                        return w.parameters();
                    },
                    INPUT,
                    "dbt manifest {manifest} is not UTF-8 text at line 100, column 30 (in "
                            + "/nodes/model.jaffle_shop.orders/alias): byte 0xf6 cannot be there in UTF-8, so the file "
                            + "was probably saved in another encoding (such as Latin-1 or Windows-1252).",
                    "dbt writes UTF-8: run dbt again to regenerate it, or convert the file to UTF-8."),
            refused(
                    "two artifacts written into one file",
                    w -> {
                        w.writeRunResults(w.runResultsText() + w.runResultsText());
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} goes on after the end of its JSON object at line 229, "
                            + "column 2: it may hold two files in one, or be damaged.",
                    REGENERATE),

            // ---- Wrong kind of artifact -------------------------------------------------------------------
            refused(
                    "a manifest.json given as run results",
                    w -> w.parameters()
                            .with(Setting.DBT_ARTIFACTS, null)
                            .with(Setting.DBT_MANIFEST, w.manifest())
                            .with(Setting.DBT_RUN_RESULTS, List.of(w.manifest())),
                    INPUT,
                    "dbt run results {manifest} is a dbt manifest.json "
                            + "(https://schemas.getdbt.com/dbt/manifest/v12.json), not a run_results.json.",
                    "Check dbtRunResults (-Dsoda.dbt.runResults): the two files may have been swapped."),
            refused(
                    "a run_results.json given as manifest",
                    w -> w.parameters()
                            .with(Setting.DBT_ARTIFACTS, null)
                            .with(Setting.DBT_MANIFEST, w.runResults())
                            .with(Setting.DBT_RUN_RESULTS, List.of(w.runResults())),
                    INPUT,
                    "dbt manifest {runResults} is a dbt run_results.json "
                            + "(https://schemas.getdbt.com/dbt/run-results/v6.json), not a manifest.json.",
                    "Check dbtManifest (-Dsoda.dbt.manifest): the two files may have been swapped."),
            refused(
                    "manifest.json and run_results.json swapped",
                    w -> w.parameters()
                            .with(Setting.DBT_ARTIFACTS, null)
                            .with(Setting.DBT_MANIFEST, w.runResults())
                            .with(Setting.DBT_RUN_RESULTS, List.of(w.manifest())),
                    INPUT,
                    "dbt run results {manifest} is a dbt manifest.json "
                            + "(https://schemas.getdbt.com/dbt/manifest/v12.json), not a run_results.json.",
                    "Check dbtRunResults (-Dsoda.dbt.runResults): the two files may have been swapped."),
            refused(
                    "a sources.json (source freshness) given as run results",
                    w -> {
                        w.editRunResults(
                                "https://schemas.getdbt.com/dbt/run-results/v6.json",
                                "https://schemas.getdbt.com/dbt/sources/v3.json");
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} is a dbt sources.json "
                            + "(https://schemas.getdbt.com/dbt/sources/v3.json), not a run_results.json.",
                    "Check " + FOLDER + ": it must lead to the run_results.json dbt wrote; a sources.json is read "
                            + "from dbtSources (-Dsoda.dbt.sources)."),
            refused(
                    "run results of `dbt compile` (tests listed, none executed)",
                    w -> {
                        w.editRunResults("\"which\": \"build\"", "\"which\": \"compile\"");
                        w.writeRunResults(w.runResultsText()
                                .replaceAll("\"status\": \"(pass|warn|fail)\"", "\"status\": \"success\""));
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} was written by `dbt compile` and holds no data-test result "
                            + "(9 tests with status success, 4 models).",
                    "Ingest the run_results.json of `dbt test` or `dbt build`, which run the data tests."),
            refused(
                    "run results holding only unit tests",
                    w -> {
                        w.writeRunResults(w.runResultsText()
                                .replaceAll(
                                        "\"unique_id\": \"test\\.jaffle_shop\\.",
                                        "\"unique_id\": \"unit_test.jaffle_shop."));
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} was written by `dbt build` and holds only unit test results, "
                            + "no data-test result (4 models, 9 unit tests); unit tests are not sent to Soda Cloud unless sendUnitTests (-Dsoda.sendUnitTests) is true.",
                    "Ingest the run_results.json of a `dbt test` or `dbt build` whose selection includes data tests, or set "
                            + "sendUnitTests (-Dsoda.sendUnitTests) to true to send the unit tests as checks on the models "
                            + "they test."),
            refused(
                    "run results with \"results\": null",
                    w -> {
                        w.writeRunResults(w.runResultsText()
                                .replaceFirst("(?s)\"results\": \\[.*\\n  \\],", "\"results\": null,"));
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} was written by `dbt build` and holds no data-test result "
                            + "(no results at all).",
                    "dbt ran nothing (check its --select and --exclude), or the file is damaged: ingest the "
                            + "run_results.json of a `dbt test` or `dbt build` that ran data tests."),
            refused(
                    "a 50 MB string in a field that is read (a test's message)",
                    w -> {
                        String[] parts = w.runResultsText().split("\"Got 2 results, configured to fail if != 0\"", 2);
                        try (Writer out = Files.newBufferedWriter(w.runResults(), StandardCharsets.UTF_8)) {
                            out.write(parts[0]);
                            out.write('"');
                            writeFiller(out, FIFTY_MB);
                            out.write('"');
                            out.write(parts[1]);
                        }
                        return w.parameters();
                    },
                    INPUT,
                    "dbt run results {runResults} holds a text value longer than the limit of 20000000 "
                            + "characters at line 177, column 18 (in /results/10/message).",
                    "dbt writes no such value: check that the file is the dbt artifact you meant, or run dbt again "
                            + "to regenerate it."),
            refused(
                    "deeply nested JSON",
                    w -> {
                        w.editManifest(
                                "\"relation_name\": \"\\\"jaffle\\\".\\\"analytics\\\".\\\"fct_orders\\\"\",",
                                "\"meta\": " + "[".repeat(5_000) + "]".repeat(5_000) + ",");
                        return w.parameters();
                    },
                    INPUT,
                    "dbt manifest {manifest} nests JSON values deeper than the limit of 1000 levels at line "
                            + "110, column 1012 (in /nodes/model.jaffle_shop.orders/meta/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/"
                            + "0/0/0/0/0/0/0/0/...).",
                    "dbt writes no such value: check that the file is the dbt artifact you meant, or run dbt again "
                            + "to regenerate it."));

    /** Odd contents that are ingested, with or without a warning. */
    private static final List<BadInput> ODD_BUT_INGESTED = List.of(
            ingested(
                    "newer run_results schema (v7)",
                    w -> {
                        w.editRunResults("/run-results/v6.json", "/run-results/v7.json");
                        return w.parameters();
                    },
                    List.of("{runResults} uses run_results schema v7, newer than the newest known (v6); it was read "
                            + "on a best-effort basis."),
                    scan(EXAMPLE_CHECKS)),
            ingested(
                    "newer manifest schema (v13)",
                    w -> {
                        w.editManifest("/manifest/v12.json", "/manifest/v13.json");
                        return w.parameters();
                    },
                    List.of("{manifest} uses manifest schema v13, newer than the newest known (v12); it was read on a "
                            + "best-effort basis."),
                    scan(EXAMPLE_CHECKS)),
            ingested(
                    "manifest and run results from different dbt invocations",
                    w -> {
                        w.editRunResults(INVOCATION, "0b3e2d8a-1f4c-4e0a-9d6b-7a2c5e8f9b10");
                        return w.parameters();
                    },
                    List.of("The manifest ({manifest}, invocation " + INVOCATION
                            + ") and the run results ({runResults}, "
                            + "invocation 0b3e2d8a-1f4c-4e0a-9d6b-7a2c5e8f9b10) were written by different dbt "
                            + "invocations; tests changed in between may be missing or mapped to old names."),
                    scan(EXAMPLE_CHECKS)),
            ingested(
                    "results of tests the manifest does not define",
                    w -> {
                        w.editRunResults(
                                "\"results\": [",
                                "\"results\": [{\"status\": \"fail\", \"failures\": 4, "
                                        + "\"unique_id\": \"test.jaffle_shop.not_null_payments_amount.3f5e1d2c9a\"},");
                        return w.parameters();
                    },
                    List.of("1 test result not sent because the manifest does not define the test: "
                            + "test.jaffle_shop.not_null_payments_amount.3f5e1d2c9a. Use the manifest.json written by the "
                            + "same dbt invocation as the run results."),
                    scan(EXAMPLE_CHECKS, noCheck("not_null_payments_amount"))),
            ingested(
                    "a test on a node the manifest does not define",
                    w -> {
                        w.writeManifest(Workspace.editNode(
                                w.manifestText(),
                                "test.jaffle_shop.unique_customers_customer_id.969793d424",
                                "model.jaffle_shop.customers",
                                "model.jaffle_shop.dim_customers"));
                        w.writeManifest(Workspace.editNode(
                                w.manifestText(),
                                "test.jaffle_shop.unique_customers_customer_id.969793d424",
                                "ref('customers')",
                                "ref('dim_customers')"));
                        return w.parameters();
                    },
                    List.of("1 test not sent because no dataset could be determined (it depends on "
                            + "model.jaffle_shop.dim_customers, which the manifest does not define: "
                            + "unique_customers_customer_id). Use the manifest.json written by the same dbt invocation "
                            + "as the run results."),
                    scan(EXAMPLE_CHECKS - 1, noCheck("unique_customers_customer_id"))),
            ingested(
                    "a singular test that names its table without ref() or source()",
                    w -> {
                        w.writeManifest(Workspace.editNode(
                                w.manifestText(),
                                "test.jaffle_shop.assert_order_amount_is_positive",
                                "\"model.jaffle_shop.orders\"",
                                ""));
                        return w.parameters();
                    },
                    List.of("1 test not sent because no dataset could be determined (its SQL names no model, seed, "
                            + "snapshot or source through ref() or source(): assert_order_amount_is_positive). Reference "
                            + "the tested table with ref() or source() in the test's SQL."),
                    scan(EXAMPLE_CHECKS - 1, noCheck("assert_order_amount_is_positive"))),
            ingested(
                    "a test listed twice in run_results.json",
                    w -> {
                        w.editRunResults(
                                "\"results\": [",
                                "\"results\": [{\"status\": \"pass\", \"failures\": 0, \"unique_id\": \""
                                        + ORDERS_TEST_ID + "\"},");
                        return w.parameters();
                    },
                    List.of("{runResults} lists test " + ORDERS_TEST_ID + " more than once; the last result (fail) was "
                            + "used."),
                    scan(EXAMPLE_CHECKS, check(ORDERS_TEST, "fct_orders", "fail"))),
            ingested(
                    "a node defined twice in manifest.json",
                    w -> {
                        w.editManifest(
                                "\"nodes\": {",
                                "\"nodes\": {\"model.jaffle_shop.orders\": {\"unique_id\": "
                                        + "\"model.jaffle_shop.orders\", \"resource_type\": \"model\", \"name\": \"orders\", "
                                        + "\"alias\": \"orders_before_rename\"},");
                        return w.parameters();
                    },
                    List.of(
                            "{manifest} defines model.jaffle_shop.orders more than once; the last definition was used."),
                    scan(EXAMPLE_CHECKS, check(ORDERS_TEST, "fct_orders", "fail"), noTable("orders_before_rename"))),
            ingested(
                    "a result entry that is not an object",
                    w -> {
                        w.editRunResults("\"results\": [", "\"results\": [\"test.jaffle_shop.orphan\", 42, null,");
                        return w.parameters();
                    },
                    List.of("{runResults} has 3 result entries that are not an object with a unique_id; they were "
                            + "ignored."),
                    scan(EXAMPLE_CHECKS)),
            ingested(
                    "nulls where values are expected (run results)",
                    w -> {
                        w.editRunResults("\"status\": \"fail\"", "\"status\": null");
                        w.editRunResults(
                                "\"unique_id\": \"test.jaffle_shop.not_null_stg_orders_order_date.1765be28ee\"",
                                "\"unique_id\": null");
                        w.editRunResults("\"generated_at\": \"2026-11-20T06:00:05.000000Z\"", "\"generated_at\": null");
                        return w.parameters().with(Setting.DATA_TIMESTAMP, "dbt");
                    },
                    List.of(
                            "{runResults} has 1 result entry that is not an object with a unique_id; it was ignored.",
                            "1 test result not sent because its status is not a test outcome: " + ORDERS_TEST_ID
                                    + " (unknown).",
                            "dataTimestamp (-Dsoda.dataTimestamp) is dbt, but the run results have no readable generated_at ('null'); the "
                                    + "ingestion time is used instead."),
                    scan(EXAMPLE_CHECKS - 2, noCheck(ORDERS_TEST), noCheck("not_null_stg_orders_order_date"))),
            ingested(
                    "nulls where values are expected (manifest)",
                    w -> {
                        w.writeManifest(Workspace.editNode(
                                w.manifestText(), "model.jaffle_shop.customers", "\"customers\"", "null"));
                        String test = "test.jaffle_shop.unique_orders_order_id.cd7a7b598a";
                        w.writeManifest(Workspace.editNode(
                                w.manifestText(),
                                test,
                                "\"attached_node\": \"model.jaffle_shop.orders\"",
                                "\"attached_node\": null"));
                        w.writeManifest(Workspace.editNode(
                                w.manifestText(),
                                test,
                                "\"column_name\": \"order_id\",\n      \"depends_on\"",
                                "\"column_name\": null,\n      \"depends_on\""));
                        w.writeManifest(Workspace.editNode(
                                w.manifestText(), test, "\"test_metadata\": {", "\"test_metadata\": null, \"x\": {"));
                        w.editManifest("\"metadata\": {", "\"metadata\": null, \"m\": {");
                        return w.parameters();
                    },
                    List.of("2 tests not sent because no dataset could be determined (the model it tests, "
                            + "model.jaffle_shop.customers, has no name in the manifest: unique_customers_customer_id, "
                            + "not_null_customers_customer_id). Use the manifest.json written by the same dbt "
                            + "invocation as the run results."),
                    scan(EXAMPLE_CHECKS - 2, check("unique_orders_order_id", "fct_orders", "pass"))),
            ingested(
                    "a test whose name is empty in the manifest",
                    w -> {
                        w.writeManifest(Workspace.editNode(
                                w.manifestText(),
                                "test.jaffle_shop.unique_orders_order_id.cd7a7b598a",
                                "\"name\": \"unique_orders_order_id\"",
                                "\"name\": \"\""));
                        return w.parameters();
                    },
                    List.of(),
                    scan(
                            EXAMPLE_CHECKS,
                            check("test.jaffle_shop.unique_orders_order_id.cd7a7b598a", "fct_orders", "pass"))),
            ingested(
                    "every test skipped by dbt",
                    w -> {
                        w.writeRunResults(w.runResultsText()
                                .replaceAll("\"status\": \"(pass|warn|fail)\"", "\"status\": \"skipped\""));
                        return w.parameters();
                    },
                    List.of("No check to upload: Soda Cloud refuses a scan without checks, so nothing was sent."),
                    nothing()),
            ingested(
                    "a 50 MB string in a field that is skipped (compiled SQL)",
                    w -> {
                        String[] parts = w.manifestText().split("\"compiled_code\": \"select 1\"", 2);
                        try (Writer out = Files.newBufferedWriter(w.manifest(), StandardCharsets.UTF_8)) {
                            out.write(parts[0]);
                            out.write("\"compiled_code\": \"");
                            writeFiller(out, FIFTY_MB);
                            out.write('"');
                            out.write(parts[1]);
                        }
                        return w.parameters();
                    },
                    List.of(),
                    scan(EXAMPLE_CHECKS)),
            ingested(
                    "non-ASCII and quoted names",
                    w -> {
                        w.editManifest("\"alias\": \"fct_orders\"", "\"alias\": \"\\\"Bestellungen_größe\\\"\"");
                        w.editManifest("\"identifier\": \"raw_customers\"", "\"identifier\": \"[顧客 テーブル]\"");
                        w.writeManifest(Workspace.editNode(
                                w.manifestText(),
                                "test.jaffle_shop.unique_orders_order_id.cd7a7b598a",
                                "\"name\": \"unique_orders_order_id\"",
                                "\"name\": \"eindeutig_bestell_nr_\\\"ü\\\"\""));
                        return w.parameters();
                    },
                    List.of(),
                    scan(
                            EXAMPLE_CHECKS,
                            check("eindeutig_bestell_nr_\"ü\"", "Bestellungen_größe", "pass"),
                            check(ORDERS_TEST, "Bestellungen_größe", "fail"),
                            check("source_unique_raw_customers_id", "顧客 テーブル", "pass"))),
            ingested(
                    "a UTF-8 byte order mark",
                    w -> {
                        Files.write(
                                w.runResults(),
                                concat(
                                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                                        Files.readAllBytes(w.runResults())));
                        return w.parameters();
                    },
                    List.of(),
                    scan(EXAMPLE_CHECKS)),
            ingested(
                    "UTF-16 text (a Windows shell redirect)",
                    w -> {
                        Files.write(w.manifest(), w.manifestText().getBytes(StandardCharsets.UTF_16LE));
                        return w.parameters();
                    },
                    List.of(),
                    scan(EXAMPLE_CHECKS)));

    /** configuration.yml and the other settings. */
    private static final List<BadInput> SETTINGS = List.of(
            refused(
                    "bad YAML in configuration.yml",
                    w -> {
                        w.writeConfig("""
                                data_source jaffle_shop:
                                  type: postgres
                                soda_cloud:
                                  host: 127.0.0.1
                                   port: {port}
                                """);
                        return w.parametersWithoutCloud();
                    },
                    CONFIGURATION,
                    "Configuration file {config} is not valid YAML: mapping values are not allowed here "
                            + "at line 5, column 8.",
                    "Fix the YAML syntax there (indentation, quotes, colons); quote values that start with a special "
                            + "character such as * & ! % @ `."),
            refused(
                    "unknown top-level key in configuration.yml",
                    w -> {
                        w.writeConfig("""
                                data_source jaffle_shop:
                                  type: postgres
                                soda-cloud:
                                  host: 127.0.0.1
                                """);
                        return w.parametersWithoutCloud();
                    },
                    CONFIGURATION,
                    "Configuration file {config} has an unknown top-level key `soda-cloud` (line 3).",
                    "Expected `data_source <name>`, `soda_cloud` or `dbt_cloud`, as in Soda's configuration.yml."),
            refused(
                    "a ${VAR} in configuration.yml that is not set",
                    w -> {
                        w.writeConfig("""
                                data_source jaffle_shop:
                                  type: postgres
                                soda_cloud:
                                  host: 127.0.0.1
                                  port: {port}
                                  scheme: http
                                  api_key_id: bad-input-key-id
                                  api_key_secret: ${SODA_API_SECRET}
                                """);
                        return w.parametersWithoutCloud();
                    },
                    CONFIGURATION,
                    "A Soda Cloud API key id is set (from configuration.yml soda_cloud.api_key_id (line "
                            + "7)) but no API key secret (configuration.yml soda_cloud.api_key_secret refers to "
                            + "${SODA_API_SECRET}, which is not set).",
                    GIVE_THE_KEY),
            refused(
                    "an unquoted secret starting with * in configuration.yml",
                    w -> {
                        w.writeConfig("""
                                data_source jaffle_shop:
                                  type: postgres
                                soda_cloud:
                                  api_key_id: bad-input-key-id
                                  api_key_secret: *%s
                                """.formatted(KEY_SECRET));
                        return w.parametersWithoutCloud();
                    },
                    CONFIGURATION,
                    "Configuration file {config} is not valid YAML: found undefined alias at line 5, column 19.",
                    "Fix the YAML syntax there (indentation, quotes, colons); quote values that start with a special "
                            + "character such as * & ! % @ `."),
            refused(
                    "an unclosed quote that swallows the secret into the host",
                    w -> {
                        w.writeConfig("""
                                data_source jaffle_shop:
                                  type: postgres
                                soda_cloud:
                                  host: "127.0.0.1
                                  port: {port}
                                  api_key_id: bad-input-key-id
                                  api_key_secret: %s"
                                """.formatted(KEY_SECRET));
                        return w.parametersWithoutCloud();
                    },
                    CONFIGURATION,
                    "The Soda Cloud host (not shown: it holds spaces or line breaks, as after an unclosed "
                            + "quote in configuration.yml) (from configuration.yml soda_cloud.host (line 4)) is not a "
                            + "valid host or URL.",
                    "Use a host name such as cloud.soda.io (EU) or cloud.us.soda.io (US), or a URL such as "
                            + "https://cloud.soda.io."),
            refused(
                    "the secret itself written as a ${...} placeholder",
                    w -> {
                        w.writeConfig("""
                                data_source jaffle_shop:
                                  type: postgres
                                soda_cloud:
                                  api_key_id: bad-input-key-id
                                  api_key_secret: ${%s}
                                """.formatted(KEY_SECRET));
                        return w.parametersWithoutCloud();
                    },
                    CONFIGURATION,
                    "Configuration file {config}: soda_cloud.api_key_secret (line 5) uses a ${...} "
                            + "expression that is not supported (not repeated here: the value is a secret).",
                    "Use ${NAME}, ${ env_var('NAME') } or ${ env_var('NAME', 'default') } (Jinja filters and other "
                            + "expressions are not supported)."),
            refused(
                    "the retired dbt_cloud.api_url in configuration.yml",
                    w -> {
                        w.writeConfig("""
                                data_source jaffle_shop:
                                  type: postgres
                                dbt_cloud:
                                  api_url: https://cloud.getdbt.com/api/v2/accounts/
                                """);
                        return w.parameters().with(Setting.CONFIGURATION, w.config());
                    },
                    CONFIGURATION,
                    "Configuration file {config}: dbt_cloud.api_url (line 4) is no longer supported.",
                    "As in Soda Core: to use another host than cloud.getdbt.com, set dbt_cloud.access_url to the host "
                            + "instead (see https://go.soda.io/access-url)."),
            refused(
                    "configuration.yml that does not exist",
                    w -> w.parameters().with(Setting.CONFIGURATION, w.config()),
                    CONFIGURATION,
                    "Configuration file {config} does not exist.",
                    "Check configuration (-Dsoda.configuration), or leave it unset and give the settings as plugin parameters."),
            refused(
                    "configuration.yml with a line of 100,000 characters (not a Soda configuration)",
                    w -> w.parameters()
                            .with(Setting.CONFIGURATION, w.writeConfig("soda_cloud:\n# " + "x".repeat(100_000) + "\n")),
                    CONFIGURATION,
                    "Configuration file {config} has a line longer than the limit of 65536 characters (line 2).",
                    "Check that it is the configuration.yml you meant: Soda's configuration files are a few kilobytes "
                            + "of short lines."),
            refused(
                    "a selector the plugin cannot apply (state:modified)",
                    w -> w.parameters().with(Setting.EXCLUDE, "state:modified"),
                    CONFIGURATION,
                    "exclude (-Dsoda.exclude) has 'state:modified', whose method 'state' is not one the plugin can "
                            + "apply to the test results of a finished dbt run.",
                    "Use tag:, package:, path:, file:, source:, test_type:, test_name:, fqn: or a bare name (a model, "
                            + "seed, snapshot or test, wildcards allowed). Methods such as state:, result: or config. "
                            + "need the dbt project or an earlier run: select with them in dbt itself."),
            refused(
                    "a selection that leaves no test",
                    w -> w.parameters().with(Setting.SELECT, "tag:nightly"),
                    CONFIGURATION,
                    "The selection leaves no test to ingest: 0 of 9 tests kept, 9 left out; select tag:nightly "
                            + "matched 0.",
                    "Check select (-Dsoda.select) and exclude (-Dsoda.exclude) against this run's tests. A bare name "
                            + "selects the tests on that model, seed or snapshot and tests so named; tag:, package:, "
                            + "path:, file:, source:, test_type: and test_name: work as in dbt."),
            refused(
                    "invalid data source name",
                    w -> w.parameters().with(Setting.DATA_SOURCE, "Jaffle-Shop"),
                    CONFIGURATION,
                    "The data source name 'Jaffle-Shop' (from plugin parameter dataSource "
                            + "(-Dsoda.dataSource)) is not a valid Soda data source name.",
                    "Use at least two lower-case letters, digits and underscores, starting with a letter or "
                            + "underscore (e.g. jaffle_shop_pg), as declared in Soda."),
            refused(
                    "data source not declared in configuration.yml",
                    w -> {
                        w.writeConfig("""
                                data_source jaffle_shop_pg:
                                  type: postgres
                                """);
                        return w.parameters().with(Setting.CONFIGURATION, w.config());
                    },
                    CONFIGURATION,
                    "The data source 'jaffle_shop' (from plugin parameter dataSource (-Dsoda.dataSource)) "
                            + "is not declared in {config} (it declares: jaffle_shop_pg).",
                    "Add a `data_source jaffle_shop:` block to it, or set dataSource (-Dsoda.dataSource) to a declared "
                            + "one."),
            refused(
                    "non-numeric Soda Cloud port",
                    w -> w.parameters().with(Setting.SODA_CLOUD_PORT, "https"),
                    CONFIGURATION,
                    "The Soda Cloud port 'https' (from plugin parameter sodaCloudPort (-Dsoda.cloud.port)) "
                            + "is not a port number.",
                    "Use a number from 1 to 65535, or leave it unset for the scheme's default."),
            refused(
                    "the API key secret pasted into the port",
                    w -> w.parameters().with(Setting.SODA_CLOUD_PORT, KEY_SECRET),
                    CONFIGURATION,
                    "The Soda Cloud port (a value of " + KEY_SECRET.length() + " characters) (from plugin "
                            + "parameter sodaCloudPort (-Dsoda.cloud.port)) is not a port number.",
                    "Use a number from 1 to 65535, or leave it unset for the scheme's default."),
            refused(
                    "plain http to a host that is not this machine",
                    w -> w.parameters()
                            .with(Setting.SODA_CLOUD_HOST, "cloud.soda.io")
                            .with(Setting.SODA_CLOUD_PORT, null),
                    CONFIGURATION,
                    "Soda Cloud at http://cloud.soda.io uses plain http to a host that is not this "
                            + "machine, which would send the Soda Cloud API key unencrypted.",
                    "Use https; or, only on a trusted network, set allowInsecureHttp (-Dsoda.allowInsecureHttp) to true."),
            refused(
                    "the API key secret given as the Soda Cloud host (swapped variables)",
                    w -> w.parameters()
                            .with(Setting.SODA_CLOUD_HOST, KEY_SECRET)
                            .with(Setting.SODA_CLOUD_PORT, null)
                            .with(Setting.SODA_CLOUD_SCHEME, null),
                    CONFIGURATION,
                    "The Soda Cloud host (from plugin parameter sodaCloudHost (-Dsoda.cloud.host)) holds "
                            + "a secret given to this run (the Soda Cloud API key secret or a dbt Cloud token); it is "
                            + "not shown, and nothing was sent.",
                    "Set sodaCloudHost (-Dsoda.cloud.host) or soda_cloud.host to the host name, e.g. cloud.soda.io; "
                            + "a value may have been swapped with the secret."),
            refused(
                    "credentials written into the Soda Cloud host URL",
                    w -> w.parameters()
                            .with(Setting.SODA_CLOUD_PORT, null)
                            .with(
                                    Setting.SODA_CLOUD_HOST,
                                    "http://bad-input-key-id:" + KEY_SECRET + "@127.0.0.1:" + w.cloud.port()),
                    CONFIGURATION,
                    "The Soda Cloud host (from plugin parameter sodaCloudHost (-Dsoda.cloud.host)) "
                            + "contains a user name or password before @.",
                    "Give only the host; credentials have their own settings."),
            refused(
                    "no Soda Cloud API key",
                    w -> w.parameters().with(Setting.API_KEY_ID, null).with(Setting.API_KEY_SECRET, null),
                    CONFIGURATION,
                    "No Soda Cloud API key is set, and this is not a dry run.",
                    GIVE_THE_KEY),
            refused(
                    "half an API key (the secret without its id)",
                    w -> w.parameters().with(Setting.API_KEY_ID, null),
                    CONFIGURATION,
                    "A Soda Cloud API key secret is set (from plugin parameter apiKeySecret "
                            + "(-Dsoda.cloud.apiKeySecret)) but no API key id.",
                    GIVE_THE_KEY),
            refused(
                    "unknown failOn value",
                    w -> w.parameters().with(Setting.FAIL_ON, "errors"),
                    CONFIGURATION,
                    "failOn 'errors' is not one of none, error, fail, warn.",
                    "Set failOn (-Dsoda.failOn) to one of them."));

    /**
     * Soda Cloud and dbt Cloud refusing or failing, for an input that is fine. The fake cloud accepts the key
     * {@link Workspace#KEY_ID} / {@link Workspace#KEY_SECRET} unless a case changes it, and the dbt Cloud token
     * {@link Workspace#KEY_SECRET} once a case says so.
     */
    private static final List<BadInput> REMOTE_SERVICES = List.of(
            failed(
                    "wrong Soda Cloud API key",
                    w -> {
                        w.cloud.withApiKey(Workspace.KEY_ID, "the-key-soda-cloud-knows");
                        return w.parameters();
                    },
                    CONFIGURATION,
                    "Soda Cloud at http://127.0.0.1:{port}/api rejected the API key (HTTP 401; the key came from "
                            + "id: plugin parameter apiKeyId (-Dsoda.cloud.apiKeyId), secret: plugin parameter "
                            + "apiKeySecret (-Dsoda.cloud.apiKeySecret)).",
                    "Check apiKeyId (-Dsoda.cloud.apiKeyId) and apiKeySecret (-Dsoda.cloud.apiKeySecret): the key may "
                            + "be wrong, revoked, or belong to the other region (EU: cloud.soda.io, US: cloud.us.soda.io; "
                            + "set sodaCloudHost (-Dsoda.cloud.host)).",
                    true),
            failed(
                    "Soda Cloud unreachable",
                    w -> w.parameters().with(Setting.SODA_CLOUD_PORT, String.valueOf(w.closedPort())),
                    REMOTE,
                    "Soda Cloud login failed (after 4 attempts): connection refused (http://127.0.0.1:{closedPort}).",
                    "Check the host and port settings, and that the service is reachable from this machine.",
                    true),
            failed(
                    "connection lost during the upload, after the scan was sent",
                    w -> {
                        w.cloud.addFault(FakeCloud.Fault.drop(UPLOAD));
                        return w.parameters();
                    },
                    REMOTE,
                    "Soda Cloud scan upload failed: the connection was dropped in the middle of the answer "
                            + "(ConnectionClosedException) (http://127.0.0.1:{port}). The server may have received the "
                            + "request before the failure, so it was not repeated (repeating it could store it twice).",
                    "Check whether the server stored it before sending it again. This is usually a network or server "
                            + "fault; try again later.",
                    true),
            failed(
                    "wrong dbt Cloud API token",
                    w -> w.dbtCloudRun(RUN),
                    CONFIGURATION,
                    "dbt Cloud rejected the API token (HTTP 401: Invalid token.) when asked for run 70403103 "
                            + "(account 70403 at http://127.0.0.1:{port}); the token came from plugin parameter "
                            + "dbtCloudApiToken (-Dsoda.dbtCloud.apiToken).",
                    "Check that the token is right and not expired or revoked.",
                    false),
            failed(
                    "dbt Cloud API token without permission to read the run",
                    w -> {
                        w.cloud
                                .withDbtCloud(Workspace.DBT_ACCOUNT, KEY_SECRET)
                                .addFault(FakeCloud.Fault.status("/api/v2/", 403, Map.of(), null));
                        return w.dbtCloudRun(RUN);
                    },
                    CONFIGURATION,
                    "The dbt Cloud API token (from plugin parameter dbtCloudApiToken (-Dsoda.dbtCloud.apiToken)) "
                            + "may not read run 70403103 (account 70403 at http://127.0.0.1:{port}) (HTTP 403).",
                    "Give the token read access to the job's project (e.g. a service token with Job Viewer or "
                            + "Read-only permission).",
                    false),
            failed(
                    "dbt Cloud run that does not exist (or another account's)",
                    w -> {
                        w.cloud.withDbtCloud(Workspace.DBT_ACCOUNT, KEY_SECRET);
                        return w.dbtCloudRun(RUN);
                    },
                    REMOTE,
                    "dbt Cloud could not find run 70403103 (account 70403 at http://127.0.0.1:{port}) (HTTP 404: The "
                            + "requested resource was not found.).",
                    "Check the run or job id and dbtCloudAccountId (-Dsoda.dbtCloud.accountId); the token must also "
                            + "be allowed to see it.",
                    false),
            failed(
                    "dbt Cloud run that has not finished",
                    w -> {
                        w.cloud
                                .withDbtCloud(Workspace.DBT_ACCOUNT, KEY_SECRET)
                                .addRun(new FakeCloud.Run(RUN, JOB, 3, null, false, List.of(), Map.of()));
                        return w.dbtCloudRun(RUN);
                    },
                    REMOTE,
                    "dbt Cloud run 70403103 of job 12 'Nightly build' (Running) has not finished yet.",
                    "Wait for it to finish, or set dbtCloudJobId (-Dsoda.dbtCloud.jobId) to ingest the job's latest "
                            + "finished run.",
                    false),
            failed(
                    "dbt Cloud run that was cancelled",
                    w -> {
                        w.cloud
                                .withDbtCloud(Workspace.DBT_ACCOUNT, KEY_SECRET)
                                .addRun(new FakeCloud.Run(RUN, JOB, 30, FINISHED, true, List.of(), Map.of()));
                        return w.dbtCloudRun(RUN);
                    },
                    REMOTE,
                    "dbt Cloud run 70403103 of job 12 'Nightly build' (Cancelled, finished " + FINISHED + ") was "
                            + "cancelled, so its test results are incomplete.",
                    "Ingest another run, or set dbtCloudJobId (-Dsoda.dbtCloud.jobId) to take the job's latest "
                            + "finished run.",
                    false),
            failed(
                    "dbt Cloud run that saved no artifacts",
                    w -> {
                        w.cloud
                                .withDbtCloud(Workspace.DBT_ACCOUNT, KEY_SECRET)
                                .addRun(new FakeCloud.Run(RUN, JOB, 20, FINISHED, false, List.of(), Map.of()));
                        return w.dbtCloudRun(RUN);
                    },
                    REMOTE,
                    "dbt Cloud run 70403103 of job 12 'Nightly build' (Error, finished " + FINISHED + ") saved no "
                            + "artifacts.",
                    "It likely failed before dbt ran; ingest another run.",
                    false),
            failed(
                    "dbt Cloud run without a step that runs tests",
                    w -> {
                        w.cloud
                                .withDbtCloud(Workspace.DBT_ACCOUNT, KEY_SECRET)
                                .addRun(new FakeCloud.Run(
                                        RUN,
                                        JOB,
                                        10,
                                        FINISHED,
                                        true,
                                        List.of(
                                                new FakeCloud.Step(1, "Clone git repository", 10, Map.of()),
                                                new FakeCloud.Step(2, "Invoke dbt with `dbt deps`", 10, Map.of()),
                                                new FakeCloud.Step(3, "Invoke dbt with `dbt run`", 10, Map.of()),
                                                new FakeCloud.Step(
                                                        4, "Invoke dbt with `dbt docs generate`", 10, Map.of())),
                                        Map.of()));
                        return w.dbtCloudRun(RUN);
                    },
                    INPUT,
                    "dbt Cloud run 70403103 of job 12 'Nightly build' (Success, finished " + FINISHED + ") has no step "
                            + "with data-test results: step 2 (`dbt deps`): `dbt deps` runs no tests; step 3 (`dbt "
                            + "run`): `dbt run` runs no tests; step 4 (`dbt docs generate`): `dbt docs generate` runs "
                            + "no tests.",
                    "Ingest a run of a job with a `dbt test`, `dbt build` or `dbt source freshness` step.",
                    false),
            failed(
                    "dbt Cloud answering about another run than the one asked for",
                    w -> {
                        w.cloud
                                .withDbtCloud(Workspace.DBT_ACCOUNT, KEY_SECRET)
                                .addFault(FakeCloud.Fault.status(
                                        "/api/v2/accounts/70403/runs/70403103/",
                                        200,
                                        Map.of("Content-Type", "application/json"),
                                        "{\"data\":{\"id\":99,\"job_definition_id\":12,\"status\":10}}"));
                        return w.dbtCloudRun(RUN);
                    },
                    REMOTE,
                    "dbt Cloud answered the request for run 70403103 (account 70403 at http://127.0.0.1:{port}) with "
                            + "run 99 (\"data.id\") instead of run 70403103; the answer is refused.",
                    "Check dbtCloudAccessUrl (-Dsoda.dbtCloud.accessUrl): it must lead to dbt Cloud's API itself; a "
                            + "proxy or another server may have answered.",
                    false),
            failed(
                    "a manifest downloaded from dbt Cloud that is cut short",
                    w -> {
                        Path cut = w.root.resolve("cut-manifest.json");
                        Files.writeString(cut, cutAfter(w.manifestText(), "\"alias\": \"fct_orders\",\n      \"datab"));
                        addBuildRun(w, w.runResults(), cut);
                        return w.dbtCloudRun(RUN);
                    },
                    INPUT,
                    "dbt manifest {output}/dbt-cloud/run-70403103/step-4/manifest.json is truncated: it ends in the "
                            + "middle of a JSON value at line 101, column 13 (in /nodes/model.jaffle_shop.orders/alias). "
                            + "The broken download was moved aside to "
                            + "{output}/dbt-cloud/run-70403103/step-4/manifest.json.broken.",
                    "Run the build again to download it anew; if it is broken again, dbt Cloud holds a damaged file "
                            + "for this run: ingest another run.",
                    false),
            failed(
                    "a dbt Cloud download larger than maxDownloadSize",
                    w -> {
                        Path big = w.root.resolve("big-run_results.json");
                        try (Writer out = Files.newBufferedWriter(big)) {
                            out.write("{\"results\": [], \"padding\": \"");
                            writeFiller(out, 2 * 1024 * 1024);
                            out.write("\"}");
                        }
                        addBuildRun(w, big, w.manifest());
                        return w.dbtCloudRun(RUN).with(Setting.MAX_DOWNLOAD_SIZE, 1);
                    },
                    REMOTE,
                    "dbt Cloud download of run_results.json of run 70403103 step 4 (account 70403) failed: the file is "
                            + "larger than the download limit of 1 MiB, counted as written to disk (http://127.0.0.1:{port}).",
                    "If the file really is that large, raise maxDownloadSize (-Dsoda.http.maxDownloadSize); otherwise "
                            + "the server did not send the expected file.",
                    false));

    /** The parts of the catalogue, in the order docs/troubleshooting.md shows them. */
    enum Section {
        WHICH_ARTIFACTS,
        ARTIFACT_FILES,
        ODD_BUT_INGESTED,
        SETTINGS,
        REMOTE_SERVICES;

        /** The name of the section in the doc's markers, e.g. {@code artifact-files}. */
        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The cases by section, in the order of {@link Section}. */
    static final Map<Section, List<BadInput>> SECTIONS = sections();

    /** Every case. */
    static final List<BadInput> CASES =
            SECTIONS.values().stream().flatMap(List::stream).toList();

    private static Map<Section, List<BadInput>> sections() {
        Map<Section, List<BadInput>> sections = new EnumMap<>(Section.class);
        sections.put(Section.WHICH_ARTIFACTS, WHICH_ARTIFACTS);
        sections.put(Section.ARTIFACT_FILES, ARTIFACT_FILES);
        sections.put(Section.ODD_BUT_INGESTED, ODD_BUT_INGESTED);
        sections.put(Section.SETTINGS, SETTINGS);
        sections.put(Section.REMOTE_SERVICES, REMOTE_SERVICES);
        return Collections.unmodifiableMap(sections);
    }

    private static BadInput refused(
            String name, BadInput.Arrange arrange, IngestException.Kind kind, String message, String hint) {
        return new BadInput(name, arrange, new BadInput.Refused(kind, message, hint));
    }

    private static BadInput ingested(
            String name, BadInput.Arrange arrange, List<String> warnings, BadInput.Upload upload) {
        return new BadInput(name, arrange, new BadInput.Ingested(warnings, upload));
    }

    private static BadInput failed(
            String name,
            BadInput.Arrange arrange,
            IngestException.Kind kind,
            String message,
            String hint,
            boolean scanResultsKept) {
        return new BadInput(name, arrange, new BadInput.Failed(kind, message, hint, scanResultsKept));
    }

    /** Run {@link #RUN} of job {@link #JOB}: one successful `dbt build` step serving these two files. */
    private static void addBuildRun(Workspace w, Path runResults, Path manifest) {
        w.cloud
                .withDbtCloud(Workspace.DBT_ACCOUNT, KEY_SECRET)
                .addRun(new FakeCloud.Run(
                        RUN,
                        JOB,
                        10,
                        FINISHED,
                        true,
                        List.of(new FakeCloud.Step(
                                4,
                                "Invoke dbt with `dbt build`",
                                10,
                                Map.of("run_results.json", runResults, "manifest.json", manifest))),
                        Map.of()));
    }

    private static void writeFiller(Writer out, int length) throws IOException {
        char[] chunk = "0123456789abcdef".repeat(4096).toCharArray();
        for (int written = 0; written < length; written += chunk.length) {
            out.write(chunk, 0, Math.min(chunk.length, length - written));
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
