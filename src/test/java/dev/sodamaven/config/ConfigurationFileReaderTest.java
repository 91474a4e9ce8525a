package dev.sodamaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;

/** Reading Soda's configuration.yml (contracts/mapping.md §7.1): structure, errors, and safety. */
class ConfigurationFileReaderTest {

    private static final String SECRET = "Zq9-very-secret-value-7Kx";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("configuration.yml"), yaml);
    }

    private ConfigurationFile read(Path file) throws IngestException {
        return new ConfigurationFileReader(new VariableSubstitution(env, Instant.parse("2026-11-20T08:30:12Z")))
                .read(file);
    }

    private ConfigurationFile read(String yaml) throws Exception {
        return read(write(yaml));
    }

    private IngestException failure(String yaml) throws IOException {
        Path file = write(yaml);
        return failure(file);
    }

    private IngestException failure(Path file) {
        IngestException problem = catchThrowableOfType(IngestException.class, () -> read(file));
        assertThat(problem).as("an IngestException").isNotNull();
        assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(problem.getMessage()).contains(file.toString());
        assertThat(problem.hint()).isNotBlank();
        return problem;
    }

    private static String valueOf(ConfigurationFile file, String block, String key) {
        return ("soda_cloud".equals(block) ? file.sodaCloud(key) : file.dbtCloud(key))
                .orElseThrow()
                .value();
    }

    @Test
    void readsARealisticSodaConfiguration() throws Exception {
        env.put("SODA_API_KEY_ID", "key-id-1");
        env.put("SODA_API_KEY_SECRET", SECRET);
        env.put("DBT_CLOUD_API_TOKEN", "dbtc_token");
        ConfigurationFile file = read("""
                # Soda configuration of the jaffle shop
                data_source jaffle_shop_pg:
                  type: postgres
                  host: db.internal
                  port: 5432
                  username: ${POSTGRES_USER}
                  password: ${ POSTGRES_PASSWORD | trim }   # never read: data source blocks are not substituted
                  database: jaffle
                  schema: analytics
                data_source warehouse_sf:
                  type: snowflake
                  connection:
                    account: ab12345.eu-central-1
                    password: "{% not jinja %}"

                soda_cloud:
                  host: cloud.us.soda.io
                  api_key_id: ${SODA_API_KEY_ID}
                  api_key_secret: ${ env_var('SODA_API_KEY_SECRET') }
                  port: 443
                  scheme: https

                dbt_cloud:
                  api_token: ${ env_var("DBT_CLOUD_API_TOKEN") }
                  account_id: 12345
                  access_url: ab123.us1.dbt.com
                """);

        assertThat(file.dataSources()).containsExactly("jaffle_shop_pg", "warehouse_sf");
        assertThat(valueOf(file, "soda_cloud", "host")).isEqualTo("cloud.us.soda.io");
        assertThat(valueOf(file, "soda_cloud", "api_key_id")).isEqualTo("key-id-1");
        assertThat(valueOf(file, "soda_cloud", "api_key_secret")).isEqualTo(SECRET);
        assertThat(valueOf(file, "soda_cloud", "port")).isEqualTo("443");
        assertThat(valueOf(file, "soda_cloud", "scheme")).isEqualTo("https");
        assertThat(valueOf(file, "dbt_cloud", "api_token")).isEqualTo("dbtc_token");
        assertThat(valueOf(file, "dbt_cloud", "account_id")).isEqualTo("12345");
        assertThat(valueOf(file, "dbt_cloud", "access_url")).isEqualTo("ab123.us1.dbt.com");
        assertThat(file.sodaCloud("host").orElseThrow().line()).isEqualTo(17);
        assertThat(file.sodaCloud("host").orElseThrow().key()).isEqualTo("soda_cloud.host");
        assertThat(file.warnings()).isEmpty();
        assertThat(file.toString()).doesNotContain(SECRET).doesNotContain("dbtc_token");
    }

    @Test
    void portIsTheSameWhetherWrittenAsNumberOrString() throws Exception {
        assertThat(valueOf(read("soda_cloud:\n  port: 443\n"), "soda_cloud", "port"))
                .isEqualTo("443");
        assertThat(valueOf(read("soda_cloud:\n  port: \"443\"\n"), "soda_cloud", "port"))
                .isEqualTo("443");
        assertThat(valueOf(read("soda_cloud:\n  port: '443'\n"), "soda_cloud", "port"))
                .isEqualTo("443");
        assertThat(valueOf(read("soda_cloud:\n  port: !!str 443\n"), "soda_cloud", "port"))
                .isEqualTo("443");
    }

    @Test
    void valuesAreTakenAsWrittenNotAsYamlWouldConvertThem() throws Exception {
        ConfigurationFile file = read("dbt_cloud:\n  account_id: 0123\n  api_token: 2001-12-14\n");

        assertThat(valueOf(file, "dbt_cloud", "account_id")).isEqualTo("0123");
        assertThat(valueOf(file, "dbt_cloud", "api_token")).isEqualTo("2001-12-14");
    }

    @Test
    void nullAndEmptyValuesAreEmpty() throws Exception {
        ConfigurationFile file = read("soda_cloud:\n  host: ~\n  port:\n  scheme: null\n  api_key_id: ''\n");

        assertThat(file.sodaCloud("host").orElseThrow().isBlank()).isTrue();
        assertThat(valueOf(file, "soda_cloud", "port")).isEmpty();
        assertThat(valueOf(file, "soda_cloud", "scheme")).isEmpty();
        assertThat(valueOf(file, "soda_cloud", "api_key_id")).isEmpty();
    }

    @Test
    void substitutedValuesCannotChangeTheStructure() throws Exception {
        env.put("TRICKY", "a: b # c 'd' \"e\" {% x %}\nnext: line");

        ConfigurationFile file = read("soda_cloud:\n  api_key_secret: ${TRICKY}\n  host: h.example\n");

        assertThat(valueOf(file, "soda_cloud", "api_key_secret")).isEqualTo("a: b # c 'd' \"e\" {% x %}\nnext: line");
        assertThat(file.sodaCloud()).containsOnlyKeys("api_key_secret", "host");
    }

    @Test
    void unsetVariablesAreWarnedAboutByNameAndLine() throws Exception {
        ConfigurationFile file = read("soda_cloud:\n  host: cloud.soda.io\n  api_key_secret: ${MY_SODA_SECRET}\n");

        ConfigValue secret = file.sodaCloud("api_key_secret").orElseThrow();
        assertThat(secret.isBlank()).isTrue();
        assertThat(secret.unsetVariables()).containsExactly("MY_SODA_SECRET");
        assertThat(secret.whyEmpty())
                .isEqualTo("soda_cloud.api_key_secret refers to ${MY_SODA_SECRET}, which is not set");
        assertThat(file.warnings())
                .singleElement()
                .asString()
                .contains("soda_cloud.api_key_secret (line 3)", "${MY_SODA_SECRET}", "not set");
    }

    @Test
    void anUnsupportedExpressionNamesTheKeyAndLine() throws Exception {
        IngestException problem = failure("soda_cloud:\n  host: cloud.soda.io\n  scheme: ${ ID | lower }\n");

        assertThat(problem.getMessage()).contains("soda_cloud.scheme (line 3)", "not a supported expression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jaffle", "a", "my-source", "1abc", "jaffle shop", "jaffle.shop"})
    void refusesInvalidDataSourceNames(String name) throws Exception {
        IngestException problem = failure("soda_cloud:\n  host: x\ndata_source " + name + ":\n  type: postgres\n");

        assertThat(problem.getMessage()).contains("'" + name + "'", "line 3", "not a valid Soda data source name");
    }

    @Test
    void acceptsSodasDataSourceNames() throws Exception {
        assertThat(read("data_source _a:\n  type: x\ndata_source ab_9:\n  type: y\n")
                        .dataSources())
                .containsExactly("_a", "ab_9");
    }

    @Test
    void refusesADataSourceHeaderWithoutName() throws Exception {
        assertThat(failure("data_source:\n  type: postgres\n").getMessage()).contains("without a name", "line 1");
    }

    @Test
    void refusesTheSameDataSourceTwiceEvenWithDifferentSpacing() throws Exception {
        IngestException problem = failure("data_source ab:\n  type: x\ndata_source   ab:\n  type: y\n");

        assertThat(problem.getMessage()).contains("`data_source ab` twice", "line 3");
    }

    @Test
    void refusesUnknownTopLevelKeysWithTheirLine() throws Exception {
        IngestException problem =
                failure("data_source ab:\n  type: x\nsoda_cloud:\n  host: h\nsodacloud:\n  host: h\n");

        assertThat(problem.getMessage()).contains("unknown top-level key `sodacloud`", "line 5");
        assertThat(problem.hint()).contains("data_source <name>", "soda_cloud", "dbt_cloud");
    }

    @Test
    void warnsAboutUnknownKeysInsideTheCloudBlocks() throws Exception {
        ConfigurationFile file =
                read("soda_cloud:\n  host: h\n  hots: typo\ndbt_cloud:\n  account_id: 1\n  token: t\n");

        assertThat(file.sodaCloud()).containsOnlyKeys("host");
        assertThat(file.dbtCloud()).containsOnlyKeys("account_id");
        assertThat(file.warnings()).hasSize(2);
        assertThat(file.warnings().get(0)).contains("soda_cloud.hots (line 3)", "ignored", "api_key_secret");
        assertThat(file.warnings().get(1)).contains("dbt_cloud.token (line 6)", "ignored", "api_token");
    }

    @Test
    void refusesDbtCloudApiUrlWithSodasAdvice() throws Exception {
        IngestException problem =
                failure("dbt_cloud:\n  account_id: 1\n  api_url: https://cloud.getdbt.com/api/v2/accounts/\n");

        assertThat(problem.getMessage()).contains("dbt_cloud.api_url (line 3)", "no longer supported");
        assertThat(problem.hint()).contains("dbt_cloud.access_url", "https://go.soda.io/access-url");
    }

    @Test
    void anEmptyApiUrlIsIgnoredLikeSodaCoreDoes() throws Exception {
        ConfigurationFile file = read("dbt_cloud:\n  account_id: 1\n  api_url:\n");

        assertThat(file.warnings()).singleElement().asString().contains("dbt_cloud.api_url (line 3)", "ignored");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "soda_cloud:\n  host: cloud.soda.io\n  api_key_secret: \"" + SECRET + "\n  port: 443\n",
                "soda_cloud:\n  api_key_secret: " + SECRET + ": oops\n",
                "soda_cloud:\n  api_key_secret: " + SECRET + "\n    port: 443\n  host: h\n",
                "soda_cloud:\n  api_key_secret: '" + SECRET + "'x\n",
                "soda_cloud:\n  api_key_secret: [" + SECRET + "\n",
                "soda_cloud:\n\tapi_key_secret: " + SECRET + "\n",
                "soda_cloud:\n  api_key_secret: " + SECRET + "\n---\nsoda_cloud:\n  host: h\n",
            })
    void badYamlIsReportedWithLineAndColumnButNoExcerpt(String yaml) throws Exception {
        IngestException problem = failure(yaml);

        assertThat(problem.getMessage()).contains("is not valid YAML").containsPattern("line \\d+, column \\d+");
        assertThat(problem.describe()).doesNotContain(SECRET).doesNotContain("Zq9");
        assertThat(problem.getCause()).isNull();
    }

    @Test
    void badYamlGivesThePlaceOfTheProblem() throws Exception {
        IngestException problem = failure("soda_cloud:\n  host: h\n  port: 443: 8443\n");

        assertThat(problem.getMessage()).contains("line 3, column 12");
    }

    @Test
    void refusesDuplicateKeysInABlock() throws Exception {
        IngestException problem = failure("soda_cloud:\n  host: a\n  port: 1\n  host: b\n");

        assertThat(problem.getMessage()).contains("soda_cloud.host twice", "line 4");
    }

    @Test
    void refusesADuplicateBlock() throws Exception {
        IngestException problem =
                failure("soda_cloud:\n  host: a\ndbt_cloud:\n  account_id: 1\nsoda_cloud:\n  port: 1\n");

        assertThat(problem.getMessage()).contains("`soda_cloud` twice", "line 5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "soda_cloud:\n  host: [a, b]\n",
                "soda_cloud:\n  host:\n    name: a\n",
                "soda_cloud:\n  host:\n    - a\n"
            })
    void refusesAValueThatIsNotASingleValue(String yaml) throws Exception {
        IngestException problem = failure(yaml);

        assertThat(problem.getMessage()).contains("soda_cloud.host (line 2)", "must be a single value");
    }

    @Test
    void refusesABlockThatIsNotAMapping() throws Exception {
        assertThat(failure("soda_cloud: cloud.soda.io\n").getMessage())
                .contains("`soda_cloud` (line 1)", "block of keys");
        assertThat(failure("dbt_cloud:\n  - a\n").getMessage()).contains("`dbt_cloud` (line 2)", "block of keys");
    }

    @Test
    void refusesAFileThatIsNotAMapping() throws Exception {
        assertThat(failure("- soda_cloud\n- dbt_cloud\n").getMessage()).contains("not a YAML mapping");
        assertThat(failure("just some text\n").getMessage()).contains("not a YAML mapping");
    }

    @Test
    void refusesComplexKeys() throws Exception {
        assertThat(failure("? [a, b]\n: c\n").getMessage()).contains("as a key at line 1");
    }

    @Test
    void anEmptyBlockIsNoValue() throws Exception {
        ConfigurationFile file = read("soda_cloud:\ndbt_cloud: ~\n");

        assertThat(file.sodaCloud()).isEmpty();
        assertThat(file.dbtCloud()).isEmpty();
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void anEmptyFileIsReadWithAWarning() throws Exception {
        ConfigurationFile file = read("");

        assertThat(file.dataSources()).isEmpty();
        assertThat(file.sodaCloud()).isEmpty();
        assertThat(file.warnings()).singleElement().asString().contains("is empty");
    }

    @Test
    void aFileOfCommentsOnlyIsReadWithAWarning() throws Exception {
        ConfigurationFile file = read("# soda_cloud:\n#   host: cloud.soda.io\n\n   # nothing else\n");

        assertThat(file.dataSources()).isEmpty();
        assertThat(file.warnings()).singleElement().asString().contains("is empty");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path file = Files.write(
                dir.resolve("bom.yml"), ("\uFEFFdata_source ab:\n  type: x\n").getBytes(StandardCharsets.UTF_8));

        assertThat(read(file).dataSources()).containsExactly("ab");
    }

    @Test
    void refusesABinaryFile() throws Exception {
        Path file = Files.write(dir.resolve("image.yml"), new byte[] {
            (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte) 0xFF, (byte) 0xFE
        });

        assertThat(failure(file).getMessage()).contains("is not UTF-8 text");
    }

    @Test
    void refusesLatin1Text() throws Exception {
        Path file = Files.write(
                dir.resolve("latin1.yml"),
                "soda_cloud:\n  api_key_secret: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(failure(file).getMessage()).contains("is not UTF-8 text");
    }

    @Test
    void refusesControlCharacters() throws Exception {
        Path file =
                Files.write(dir.resolve("nul.yml"), "soda_cloud:\n  host: a\u0000b\n".getBytes(StandardCharsets.UTF_8));

        assertThat(failure(file).getMessage()).contains("U+0000", "does not allow");
    }

    @Test
    void refusesADirectory() throws Exception {
        assertThat(failure(Files.createDirectory(dir.resolve("configuration"))).getMessage())
                .contains("is a directory");
    }

    @Test
    void refusesAMissingFile() {
        IngestException problem = failure(dir.resolve("missing.yml"));

        assertThat(problem.getMessage()).contains("does not exist");
        assertThat(problem.hint()).contains(Setting.CONFIGURATION.ref());
    }

    @Test
    void refusesABillionLaughsAliasBomb() throws Exception {
        StringBuilder yaml = new StringBuilder(
                "data_source ab:\n  type: postgres\n  lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append("  lol").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("soda_cloud:\n  host: cloud.soda.io\n");

        IngestException problem = failure(yaml.toString());

        assertThat(problem.getMessage()).contains("could not be read as YAML", "aliases");
    }

    @Test
    void ordinaryAnchorsAndMergeKeysWork() throws Exception {
        ConfigurationFile file = read("""
                data_source prod:
                  type: postgres
                  cloud: &cloud
                    host: cloud.us.soda.io
                    port: 8443
                data_source staging:
                  type: postgres
                  cloud: *cloud
                soda_cloud:
                  <<: *cloud
                  port: 443
                """);

        assertThat(valueOf(file, "soda_cloud", "host")).isEqualTo("cloud.us.soda.io");
        assertThat(valueOf(file, "soda_cloud", "port")).isEqualTo("443");
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void neverConstructsAnObjectFromATag() throws Exception {
        String canary = "!!" + YamlCanary.class.getName();
        LoaderOptions permissive = new LoaderOptions();
        permissive.setTagInspector(tag -> true);
        // Control: a YAML loader that constructs objects does build the canary from these tags.
        YamlCanary.CONSTRUCTED.set(0);
        new Yaml(new Constructor(permissive)).load("a: " + canary + " [x]\n");
        assertThat(YamlCanary.CONSTRUCTED.get()).isEqualTo(1);
        YamlCanary.CONSTRUCTED.set(0);

        for (String yaml : new String[] {
            canary + " [x]\n",
            "data_source ab: " + canary + " [x]\n",
            "data_source ab:\n  type: postgres\n  driver: " + canary + " x\n",
            "soda_cloud:\n  host: " + canary + " x\n",
            "soda_cloud: " + canary + "\n  host: x\n",
        }) {
            IngestException problem = failure(yaml);
            assertThat(problem.getMessage()).contains("!! type tag", "never allowed");
        }
        assertThat(YamlCanary.CONSTRUCTED.get()).isZero();
    }

    @Test
    void theScriptEngineManagerGadgetNeverRuns() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String gadget = "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                    + "[\"http://127.0.0.1:" + server.getAddress().getPort() + "/\"]]]]";
            LoaderOptions permissive = new LoaderOptions();
            permissive.setTagInspector(tag -> true);
            // Control: constructed, the gadget makes the JVM fetch classes from the URL.
            new Yaml(new Constructor(permissive)).load(gadget);
            assertThat(requests.get()).isPositive();
            requests.set(0);

            for (String yaml : new String[] {
                gadget + "\n", "data_source ab: " + gadget + "\n", "soda_cloud:\n  host: " + gadget + "\n"
            }) {
                assertThat(failure(yaml).getMessage()).contains("!! type tag", "never allowed");
            }
            assertThat(requests.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesOtherTagsOnValuesWithoutRepeatingThem() throws Exception {
        IngestException local = failure("soda_cloud:\n  api_key_secret: !" + SECRET + "\n");
        IngestException binary = failure("soda_cloud:\n  api_key_secret: !!binary aGVsbG8=\n");
        IngestException global = failure("soda_cloud:\n  api_key_secret: !!" + SECRET + "\n");

        assertThat(local.getMessage()).contains("soda_cloud.api_key_secret (line 2)", "YAML tag");
        assertThat(local.hint()).contains("Quote the value");
        assertThat(local.describe()).doesNotContain(SECRET);
        assertThat(binary.getMessage()).contains("soda_cloud.api_key_secret (line 2)", "YAML tag");
        assertThat(global.getMessage()).contains("line 2, column 19");
        assertThat(global.describe()).doesNotContain(SECRET);
    }

    @Test
    void anUnquotedSecretStartingWithAStarIsNotRepeated() throws Exception {
        IngestException problem = failure("soda_cloud:\n  api_key_secret: *" + SECRET + "\n");

        assertThat(problem.getMessage()).contains("is not valid YAML", "undefined alias", "line 2, column 19");
        assertThat(problem.describe()).doesNotContain(SECRET).doesNotContain("Zq9");
        assertThat(problem.getCause()).isNull();
    }

    @Test
    void refusesSeveralDocuments() throws Exception {
        IngestException problem = failure("soda_cloud:\n  host: a\n---\nsoda_cloud:\n  host: b\n");

        assertThat(problem.getMessage()).contains("single document", "line 3");
    }

    @Test
    void aKeyThatIsNotAPlainNameIsNotQuoted() throws Exception {
        Path file = write("soda_cloud:\n  \"sk_live_4eC39HqLyjWDarjtT1zdp7dc/+=\": x\n\"root:$6$salt$hash\": y\n");

        IngestException problem = catchThrowableOfType(IngestException.class, () -> read(file));

        assertThat(problem.getMessage())
                .isEqualTo("Configuration file " + file + " has an unknown top-level key (not shown: not a plain name) "
                        + "(line 3).")
                .doesNotContain("root:")
                .doesNotContain("sk_live");
    }
}
