package dev.sodamaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a user writes, the configuration layer answers with settings or an {@link IngestException}
 * — never another exception — and never shows a secret. Inputs are generated from fixed seeds, so a
 * failure is reproducible.
 */
class ConfigurationRobustnessTest {

    private static final String SECRET = "Qx7-robust-secret-Vb2";
    private static final String BASE = """
            data_source jaffle_shop:
              type: postgres
              password: "${PG_PASSWORD}"
            soda_cloud:
              host: cloud.soda.io
              port: 443
              scheme: https
              api_key_id: ${ env_var('SODA_ID', 'id') }
              api_key_secret: "%s"
            dbt_cloud:
              account_id: 12
              api_token: '%s'
              access_url: https://ab1.us1.dbt.com/
            """.formatted(SECRET, SECRET);
    private static final String ALPHABET = " \n\t:#'\"{}[]%$*&!|>-?,@`\\~=.0a_/";

    @TempDir
    Path dir;

    @Test
    void mutatedFilesGiveSettingsOrAClearErrorWithoutTheSecret() throws Exception {
        Random random = new Random(20261120L);
        ConfigurationFileReader reader = new ConfigurationFileReader(
                new VariableSubstitution(Map.of("SODA_ID", "x"), Instant.parse("2026-11-20T08:30:12Z")));
        int errors = 0;
        for (int round = 0; round < 1000; round++) {
            StringBuilder text = new StringBuilder(BASE);
            int edits = 1 + random.nextInt(4);
            for (int edit = 0; edit < edits; edit++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            Path file = Files.writeString(dir.resolve("c" + round + ".yml"), text);
            try {
                ConfigurationFile read = reader.read(file);
                assertThat(read.warnings()).noneMatch(w -> w.contains(SECRET));
            } catch (IngestException expected) {
                errors++;
                assertThat(expected.describe()).as("round %d:%n%s", round, text).contains(file.toString())
                        .doesNotContain(SECRET);
            } catch (RuntimeException unexpected) {
                fail("round " + round + " threw " + unexpected + " for:\n" + text, unexpected);
            }
        }
        assertThat(errors).as("some mutations must break the file").isPositive();
    }

    @Test
    void randomBytesGiveAClearError() throws Exception {
        Random random = new Random(7L);
        ConfigurationFileReader reader = new ConfigurationFileReader(new VariableSubstitution(Map.of(), Instant.EPOCH));
        for (int round = 0; round < 300; round++) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            Path file = Files.write(dir.resolve("b" + round + ".yml"), bytes);
            try {
                reader.read(file);
            } catch (IngestException expected) {
                assertThat(expected.getMessage()).contains(file.toString());
            } catch (RuntimeException unexpected) {
                fail("round " + round + " threw " + unexpected + " for " + new String(bytes, StandardCharsets.ISO_8859_1),
                        unexpected);
            }
        }
    }

    @Test
    void randomAddressesAndIdsGiveSettingsOrAClearError() throws Exception {
        Random random = new Random(42L);
        String alphabet = "htps:/[]@?#%.:0123456789abc-_ HTTP:localhost";
        SettingsResolver resolver = new SettingsResolver(Map.of(), Instant.EPOCH);
        for (int round = 0; round < 2000; round++) {
            String text = randomText(random, alphabet);
            PluginParameters.Builder p = PluginParameters.builder().dataSource("jaffle_shop").dryRun(true)
                    .dbtCloudAccountId("1").dbtCloudApiToken(Secret.of(SECRET)).dbtCloudRunId("5");
            switch (round % 6) {
                case 0 -> p.sodaCloudHost(text);
                case 1 -> p.sodaCloudHost("localhost").sodaCloudPort(text);
                case 2 -> p.sodaCloudHost(text).sodaCloudScheme(randomText(random, "htps")).allowInsecureHttp(true);
                case 3 -> p.dbtCloudAccessUrl(text);
                case 4 -> p.dbtCloudRunId(text);
                default -> p.dbtCloudAccountId(text).dataSource(randomText(random, "ab_9 A"));
            }
            try {
                resolver.resolveIngest(p.build());
            } catch (IngestException expected) {
                assertThat(expected.describe()).doesNotContain(SECRET);
            } catch (RuntimeException unexpected) {
                fail("round " + round + " threw " + unexpected + " for '" + text + "'", unexpected);
            }
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(24);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
