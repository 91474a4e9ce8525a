package dev.sodamaven.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The {@link FakeCloud} of one maven-invoker-plugin integration test (src/it/*): started by the test's
 * {@code prebuild.groovy}, kept in the invoker's {@code context} map, asserted and stopped by its
 * {@code verify.groovy}. The address reaches the build as user properties ({@code -D}), the way the
 * invoker passes {@code context.userProperties} to the Maven it starts.
 *
 * <p>Every secret an integration test uses contains {@link #MARKER}, and so does every login token the
 * server issues: src/it/zz-secrets-never-leak searches all build logs and output files for it.
 */
public final class ItCloud {

    /** Part of every secret and login token of the integration tests. */
    public static final String MARKER = "SECRET-";

    private static final String LEDGER_KEY = "soda.it.ledgerFolder";
    /** The Soda Cloud API key id the integration tests use unless they say otherwise. */
    public static final String API_KEY_ID = "it-key-id-SECRET-4c1e";
    /** The Soda Cloud API key secret the integration tests use unless they say otherwise. */
    public static final String API_KEY_SECRET = "it-key-secret-SECRET-9b27";
    /** The dbt Cloud account of the fake dbt Cloud. */
    public static final String DBT_CLOUD_ACCOUNT = "70403";
    /** The dbt Cloud API token the integration tests use unless they say otherwise. */
    public static final String DBT_CLOUD_TOKEN = "it-dbt-token-SECRET-62fd";
    /** Login tokens are this prefix and a number. */
    public static final String LOGIN_TOKEN_PREFIX = "it-login-token-SECRET-";
    /**
     * The first wait before a retry, passed as {@code -Dsoda.test.initialBackoffMillis} (a user property
     * only the plugin's tests use), so the fault tests take milliseconds instead of seconds.
     */
    public static final String TEST_BACKOFF_MILLIS = "5";

    private static final String CONTEXT_KEY = "fakeCloud";

    private ItCloud() {}

    /**
     * Starts a server on a free port with the default secrets, keeps it in {@code context}, and
     * passes {@code -Dit.fakeCloud.port} and the small retry delay to the build.
     */
    public static FakeCloud start(Map<String, Object> context, String sharedDir) throws IOException {
        return keep(context, FakeCloud.startWithSharedDir(sharedDir));
    }

    /**
     * Like {@link #start}, on a port the build reserved, for a test whose invoker.properties must name the
     * server's port in an environment variable before prebuild.groovy starts it. pom.xml reserves the port
     * (build-helper's {@code reserve-network-port}, execution {@code reserve-it-ports}) as the project
     * property {@code name}, which invoker.properties uses as {@code ${name}} and the invoker hands to the
     * hook scripts as the script variable {@code name}: pass that variable as {@code port}.
     */
    public static FakeCloud startOnReservedPort(Map<String, Object> context, String sharedDir, String name, String port)
            throws IOException {
        int number;
        try {
            number = Integer.parseInt(port == null ? "" : port.trim());
        } catch (NumberFormatException notReserved) {
            throw new IllegalStateException(
                    "No port reserved as " + name + " (got '" + port + "'): run the integration"
                            + " tests through the build (./mvnw verify), whose reserve-it-ports execution reserves it",
                    notReserved);
        }
        Path schema = sharedDir == null
                ? null
                : Path.of(sharedDir).resolve("contracts").resolve("soda-scan-results.schema.json");
        return keep(context, FakeCloud.startOnPort(schema, number));
    }

    private static FakeCloud keep(Map<String, Object> context, FakeCloud cloud) throws IOException {
        cloud.withApiKey(API_KEY_ID, API_KEY_SECRET)
                .withDbtCloud(DBT_CLOUD_ACCOUNT, DBT_CLOUD_TOKEN)
                .withTokenPrefix(LOGIN_TOKEN_PREFIX);
        context.put(CONTEXT_KEY, cloud);
        Properties user = userProperties(context);
        user.setProperty("it.fakeCloud.port", String.valueOf(cloud.port()));
        user.setProperty("soda.test.initialBackoffMillis", TEST_BACKOFF_MILLIS);
        // A ledger of this test's own: the user's ~/.m2/soda/ledger.json must not collect test runs, and a
        // shared one would call a later test's upload "already sent" (same example run, same port reused).
        Path ledgerFolder = Files.createTempDirectory("soda-it-ledger");
        context.put(LEDGER_KEY, ledgerFolder);
        user.setProperty("soda.ledger", ledgerFolder.resolve("ledger.json").toString());
        return cloud;
    }

    /** The server the prebuild script started. */
    public static FakeCloud get(Map<String, Object> context) {
        Object cloud = context.get(CONTEXT_KEY);
        if (!(cloud instanceof FakeCloud fake)) {
            throw new IllegalStateException("No FakeCloud in the invoker context: did prebuild.groovy start one?");
        }
        return fake;
    }

    /** Stops the server, if one was started, and removes the test's ledger. */
    public static void stop(Map<String, Object> context) throws IOException {
        Object cloud = context.remove(CONTEXT_KEY);
        if (cloud instanceof FakeCloud fake) {
            fake.close();
        }
        if (context.remove(LEDGER_KEY) instanceof Path ledgerFolder) {
            try (var files = Files.walk(ledgerFolder)) {
                for (Path file :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The properties the invoker passes as {@code -D} to the build it starts. */
    public static Properties userProperties(Map<String, Object> context) {
        return (Properties) context.get("userProperties");
    }

    /** Points the build at the server as Soda Cloud through {@code -Dsoda.cloud.host/port/scheme}. */
    public static void useAsSodaCloud(Map<String, Object> context) {
        Properties user = userProperties(context);
        user.setProperty("soda.cloud.host", "127.0.0.1");
        user.setProperty("soda.cloud.port", String.valueOf(get(context).port()));
        user.setProperty("soda.cloud.scheme", "http");
    }

    /** Points the build at the server as dbt Cloud through {@code -Dsoda.dbtCloud.accessUrl/accountId}. */
    public static void useAsDbtCloud(Map<String, Object> context) {
        Properties user = userProperties(context);
        user.setProperty("soda.dbtCloud.accessUrl", get(context).url());
        user.setProperty("soda.dbtCloud.accountId", DBT_CLOUD_ACCOUNT);
    }

    /** Passes the default API key as {@code -Dsoda.cloud.apiKeyId} / {@code -Dsoda.cloud.apiKeySecret}. */
    public static void passApiKeyAsProperties(Map<String, Object> context) {
        Properties user = userProperties(context);
        user.setProperty("soda.cloud.apiKeyId", API_KEY_ID);
        user.setProperty("soda.cloud.apiKeySecret", API_KEY_SECRET);
    }

    /**
     * A step of a fake dbt Cloud run that invoked dbt and left {@code manifest} and {@code runResults}
     * (either may be null: the step wrote no such file).
     */
    public static FakeCloud.Step dbtStep(int index, String command, int status, File manifest, File runResults) {
        Map<String, Path> artifacts = new LinkedHashMap<>();
        if (manifest != null) {
            artifacts.put("manifest.json", manifest.toPath());
        }
        if (runResults != null) {
            artifacts.put("run_results.json", runResults.toPath());
        }
        return new FakeCloud.Step(index, "Invoke dbt with `" + command + "`", status, artifacts);
    }

    /** A {@code dbt source freshness} step of a fake dbt Cloud run, serving its manifest and sources.json. */
    public static FakeCloud.Step freshnessStep(int index, int status, File manifest, File sources) {
        Map<String, Path> artifacts = new LinkedHashMap<>();
        artifacts.put("manifest.json", manifest.toPath());
        artifacts.put("sources.json", sources.toPath());
        return new FakeCloud.Step(index, "Invoke dbt with `dbt source freshness`", status, artifacts);
    }

    /** A step of a fake dbt Cloud run that did not invoke dbt (clone, profile). */
    public static FakeCloud.Step systemStep(int index, String name) {
        return new FakeCloud.Step(index, name, 10, Map.of());
    }

    /**
     * A fake dbt Cloud run; a finished one (status 10, 20 or 30) has a finish time, and serves its last
     * step's files when asked without a step, as dbt Cloud does.
     */
    public static FakeCloud.Run dbtRun(long id, long jobId, int status, List<FakeCloud.Step> steps) {
        Map<String, Path> lastStep =
                steps.isEmpty() ? Map.of() : steps.get(steps.size() - 1).artifacts();
        String finishedAt = status >= 10 ? "2026-11-20 06:07:40.884512+00:00" : null;
        return new FakeCloud.Run(id, jobId, status, finishedAt, true, steps, lastStep);
    }

    /** Passes the default dbt Cloud token as {@code -Dsoda.dbtCloud.apiToken}. */
    public static void passDbtCloudTokenAsProperty(Map<String, Object> context) {
        userProperties(context).setProperty("soda.dbtCloud.apiToken", DBT_CLOUD_TOKEN);
    }

    /** The {@code invoker.properties} of an integration test, as written (not interpolated). */
    public static Properties invokerProperties(File basedir) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(basedir.toPath().resolve("invoker.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** The value of {@code invoker.environmentVariables.<name>} in the test's invoker.properties. */
    public static String invokerEnvironmentVariable(File basedir, String name) throws IOException {
        String value = invokerProperties(basedir).getProperty("invoker.environmentVariables." + name);
        if (value == null) {
            throw new IllegalStateException(
                    "invoker.properties of " + basedir + " sets no environment variable " + name);
        }
        return value.trim();
    }
}
