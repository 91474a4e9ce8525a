package dev.sodamaven.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan behind src/it/zz-secrets-never-leak finds what it must and nothing else.
 *
 * <p>This tests test code on purpose. That integration test passes when {@link SecretScan} reports no
 * leak, so a scan that silently finds nothing (a pattern that never matches, the wrong folders, files
 * not walked, logs not counted) would turn it into a check that cannot fail: every secret the plugin
 * ever leaked into a build log or an output file would go unnoticed. Here secrets are planted where
 * the scan must find them and where it must not look, so a blind scan fails this test instead.
 */
class SecretScanTest {

    @TempDir
    Path itRoot;

    private Path test(String name, String invokerProperties, String buildLog) throws IOException {
        Path dir = Files.createDirectories(itRoot.resolve(name));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.writeString(dir.resolve("invoker.properties"), invokerProperties);
        Files.writeString(dir.resolve("build.log"), buildLog);
        return dir;
    }

    @Test
    void findsSecretsInBuildLogsAndOutputFilesButNotInTheTestsInputs() throws IOException {
        Path leaky = test(
                "leaky",
                "invoker.environmentVariables.SODA_API_KEY_SECRET = env-secret-SECRET-1234\n",
                "[INFO] fine\n[DEBUG] body {\"apiKeySecret\":\"env-secret-SECRET-1234\"}\n");
        Files.writeString(leaky.resolve("configuration.yml"), "api_key_secret: yml-SECRET-99\n");
        Path output = Files.createDirectories(leaky.resolve("target/soda"));
        Files.writeString(output.resolve("scan-results.json"), "{\n\"token\": \"it-login-token-SECRET-7\"\n}\n");
        test("clean", "", "[INFO] Soda Cloud API key  (hidden)\n");
        test("scanner", "", "this folder is the scanner's own: SECRET-not-looked-at\n");

        SecretScan.Report report = SecretScan.scan(itRoot.toFile(), "scanner");

        assertThat(report.tests()).isEqualTo(2);
        assertThat(report.buildLogs()).isEqualTo(2);
        assertThat(report.files()).isEqualTo(1);
        // Exactly these lines: each secret is cut off after the marker, so its value is not repeated.
        assertThat(report.leaks())
                .containsExactly(
                        "leaky/build.log:2: env-secret-SECRET-…",
                        "leaky/target/soda/scan-results.json:2: it-login-token-SECRET-…");
    }

    @Test
    void reportsTestsThatAskedForDebugOutputButHaveNone() throws IOException {
        test("debug-ran", "invoker.debug = true\n", "[DEBUG] Configuring mojo\n[INFO] ok\n");
        test("debug-missing", "invoker.debug = true\n", "[INFO] ok\n");
        test("no-debug", "", "[INFO] ok\n");

        SecretScan.Report report = SecretScan.scan(itRoot.toFile(), "zz");

        assertThat(report.debugLogs()).isEqualTo(1);
        assertThat(report.notDebug()).containsExactly("debug-missing");
        assertThat(report.leaks()).isEmpty();
        assertThat(report.summary())
                .contains("3 build logs (1 of builds run with mvn -X)")
                .endsWith("none found.");
    }
}
