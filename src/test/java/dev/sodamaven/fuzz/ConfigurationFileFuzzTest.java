package dev.sodamaven.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.config.ConfigurationFile;
import dev.sodamaven.config.ConfigurationFileReader;
import dev.sodamaven.config.IngestSettings;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.config.VariableSubstitution;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.testing.SharedArtifacts;
import dev.sodamaven.testing.TestRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code ConfigurationFileReader}, and the settings resolution that uses what it read, on any bytes,
 * on a realistic configuration.yml damaged byte by byte, on YAML of any structure with values of any
 * type, and on unquoted values YAML reads in special ways. Each try gives settings or one
 * {@link IngestException}, never another exception, never a hang, and the API key secret (written in
 * its place, directly or through a variable) never shows in a message, a warning or the settings log.
 */
class ConfigurationFileFuzzTest {

    private static final String SECRET = "Wr7-fuzz-config-secret-Lm4";
    private static final Map<String, String> ENVIRONMENT =
            Map.of("SODA_SECRET", SECRET, "SODA_ID", "key-id", "PORT", "8443");
    private static final Instant NOW = Instant.parse("2026-11-20T08:30:12Z");
    private static final String REALISTIC = """
            data_source jaffle_shop:
              type: postgres
              host: ${PG_HOST}
              password: "${PG_PASSWORD}"
            soda_cloud:
              host: cloud.soda.io
              port: ${PORT}
              scheme: https
              api_key_id: ${ env_var('SODA_ID', 'fallback') }
              api_key_secret: "%s"
            dbt_cloud:
              account_id: 70403
              api_token: '${SODA_SECRET}'
              access_url: https://ab123.us1.dbt.com/
            """.formatted(SECRET);
    private static final List<String> SECRET_KEYS = List.of("api_key_secret", "api_token");
    private static final List<String> OTHER_KEYS = List.of(
            "host", "port", "scheme", "api_key_id", "account_id", "access_url", "api_url", "type", "unknown_key");
    private static final Scratch SCRATCH = new Scratch("configuration-fuzz");

    @AfterContainer
    static void removeScratch() {
        SCRATCH.delete();
    }

    @Property(seed = "20261140")
    void anyBytes(@ForAll("bytes") byte[] bytes) {
        Path file = SCRATCH.write("any.yml", bytes);
        Guard.within("ConfigurationFileReader", () -> {
            try {
                ConfigurationFile read = reader().read(file);
                assertThat(read.path()).isEqualTo(file);
            } catch (IngestException refused) {
                Readers.checkRefusal(refused, file, IngestException.Kind.CONFIGURATION);
            }
            return null;
        });
    }

    @Property(seed = "20261141", edgeCases = EdgeCasesMode.NONE)
    void realisticConfigurationDamagedByteByByte(@ForAll("byteEdits") List<ByteEdit> edits) {
        resolve(SCRATCH.write("damaged.yml", ByteEdit.applyAll(edits, REALISTIC.getBytes(StandardCharsets.UTF_8))));
    }

    @Property(seed = "20261142")
    void yamlOfAnyStructure(@ForAll("documents") Object document) {
        resolve(SCRATCH.write("any-structure.yml", new Yaml().dump(document).getBytes(StandardCharsets.UTF_8)));
    }

    @Property(seed = "20261143")
    void unquotedValuesYamlReadsInSpecialWays(
            @ForAll("rawValues") String secretValue,
            @ForAll("rawValues") String hostValue,
            @ForAll("rawValues") String portValue) {
        String yaml = """
                data_source jaffle_shop:
                  type: postgres
                soda_cloud:
                  host: %s
                  port: %s
                  api_key_id: key-id
                  api_key_secret: %s
                """.formatted(notSecret(hostValue), notSecret(portValue), secretValue);
        resolve(SCRATCH.write("raw-values.yml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A value for a setting that is not the secret: it must not hold the secret, directly or by its variable. */
    private static String notSecret(String value) {
        return value.replace(SECRET, "x").replace("${SODA_SECRET}", "${UNSET}");
    }

    /** Reads the file and resolves the settings of an uploading run that uses it. */
    private static void resolve(Path file) {
        Parameters parameters = Parameters.builder()
                .with(Setting.DATA_SOURCE, "jaffle_shop")
                .with(Setting.CONFIGURATION, file)
                .with(Setting.DBT_ARTIFACTS, SharedArtifacts.exampleArtifacts())
                .with(Setting.OUTPUT_DIRECTORY, SCRATCH.dir().resolve("out"))
                .build();
        Guard.within("reading " + file.getFileName() + " and resolving the settings", () -> {
            try {
                IngestSettings settings =
                        new TestRun(Clock.fixed(NOW, ZoneOffset.UTC), ENVIRONMENT).resolveShown(parameters);
                assertThat(settings.warnings()).noneMatch(warning -> warning.contains(SECRET));
                assertThat(settings.origins())
                        .noneMatch(origin -> origin.value().contains(SECRET)
                                || origin.origin().contains(SECRET));
                assertThat(settings.toString()).doesNotContain(SECRET);
            } catch (IngestException refused) {
                assertThat(refused.kind()).isIn(IngestException.Kind.CONFIGURATION, IngestException.Kind.INPUT);
                assertThat(refused.getMessage()).doesNotContain("\n");
                assertThat(refused.describe()).doesNotContain(SECRET);
                assertThat(refused.hint()).isNotBlank();
            }
            return null;
        });
    }

    private static ConfigurationFileReader reader() {
        return new ConfigurationFileReader(new VariableSubstitution(ENVIRONMENT, NOW));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(1_024);
    }

    @Provide
    Arbitrary<List<ByteEdit>> byteEdits() {
        return ByteEdit.some(4);
    }

    /** Mappings shaped like configuration.yml, with values of any type; secrets only under secret keys. */
    @Provide
    Arbitrary<Object> documents() {
        Arbitrary<Object> block = Combinators.combine(
                        Arbitraries.maps(Arbitraries.of(OTHER_KEYS), anyValue()).ofMaxSize(4),
                        Arbitraries.maps(Arbitraries.of(SECRET_KEYS), Arbitraries.oneOf(secretValue(), anyValue()))
                                .ofMaxSize(2))
                .as((others, secrets) -> {
                    Map<String, Object> both = new LinkedHashMap<>(others);
                    both.putAll(secrets);
                    return (Object) both;
                });
        Arbitrary<String> sections = Arbitraries.of(
                "data_source jaffle_shop",
                "data_source other_one",
                "data_source",
                "data_source Bad-Name",
                "soda_cloud",
                "dbt_cloud",
                "soda-cloud",
                "");
        Arbitrary<Object> document = Arbitraries.maps(sections, Arbitraries.oneOf(block, anyValue()))
                .ofMaxSize(4)
                .map(map -> (Object) map);
        return Arbitraries.oneOf(document, anyValue());
    }

    private static Arbitrary<Object> secretValue() {
        return Arbitraries.of(
                SECRET,
                "${SODA_SECRET}",
                "${ env_var('SODA_SECRET') }",
                "${ env_var('UNSET', '" + SECRET + "') }",
                "!" + SECRET,
                "*" + SECRET,
                "&" + SECRET + " x",
                SECRET + "\n",
                "${" + SECRET + "}");
    }

    private static Arbitrary<Object> anyValue() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.of(
                        "127.0.0.1",
                        "cloud.soda.io",
                        "https://cloud.soda.io:443",
                        "http://10.0.0.1",
                        "[::1]",
                        "http://user:pw@host",
                        "http",
                        "https",
                        "ftp",
                        "8080",
                        "0",
                        "65536",
                        "",
                        " ",
                        "~",
                        "${UNSET}",
                        "${NOW}",
                        "${ x | upper }",
                        "${",
                        "${ env_var('UNSET', 'default') }",
                        "70403",
                        "ab123.us1.dbt.com",
                        "https://cloud.getdbt.com/api/v2/accounts/"),
                Arbitraries.integers(),
                Arbitraries.doubles(),
                Arbitraries.of(true, false),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20));
        return Arbitraries.recursive(
                () -> scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(list -> (Object) list),
                        Arbitraries.maps(Arbitraries.of(OTHER_KEYS), inner)
                                .ofMaxSize(3)
                                .map(map -> (Object) map)),
                0,
                2);
    }

    /** Text put into the file as it is: YAML reads *x as an alias, !x as a tag, [x] as a list... */
    @Provide
    Arbitrary<String> rawValues() {
        Arbitrary<String> prefixes = Arbitraries.of(
                "",
                "*",
                "!",
                "!!",
                "&",
                "& ",
                "[",
                "{",
                "|",
                ">",
                "\"",
                "'",
                "%",
                "@",
                "`",
                "- ",
                "? ",
                "#",
                "${",
                "${ ",
                "${SODA_SECRET}",
                ": ");
        Arbitrary<String> bodies = Arbitraries.of(
                SECRET,
                "x",
                "",
                "8080",
                "${SODA_SECRET}",
                "${UNSET}",
                "a: b",
                "[1, 2]",
                "{a: 1}",
                "'quoted'",
                "\"dq\"",
                "} {");
        Arbitrary<String> suffixes = Arbitraries.of("", "]", "}", "'", "\"", " #c", ":", ": x", "\n  nested: 1");
        return Combinators.combine(prefixes, bodies, suffixes).as((p, b, s) -> p + b + s);
    }
}
