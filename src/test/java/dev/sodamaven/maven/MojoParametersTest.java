package dev.sodamaven.maven;

import static dev.sodamaven.maven.MavenWorld.element;
import static dev.sodamaven.maven.MavenWorld.execution;
import static dev.sodamaven.maven.MavenWorld.properties;
import static dev.sodamaven.maven.MavenWorld.session;
import static dev.sodamaven.maven.MavenWorld.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.AbstractMojo;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A goal's fields, as Maven injected them, read into the core's {@link Parameters} by the catalogue. */
class MojoParametersTest {

    @TempDir
    Path baseDirectory;

    private Parameters read(AbstractMojo goal, Setting.Goal settings, Properties userProperties)
            throws IngestException {
        SecretParameterReader secrets = new SecretParameterReader(session(userProperties), execution("ingest"));
        return new MojoParameters(secrets, baseDirectory).read(goal, settings).build();
    }

    @Test
    void ingestParametersAreReadByType() throws IngestException {
        IngestMojo goal = new IngestMojo();
        set(goal, "dataSource", "warehouse_prod");
        set(goal, "scanDefinition", "Ingest - dbt");
        set(goal, "dbtManifest", new File("/builds/dbt/target/manifest.json"));
        set(goal, "outputDirectory", new File("/builds/app/target/soda"));
        set(goal, "dryRun", true);
        set(goal, "failOnError", false);
        set(goal, "maxRetries", 5);
        set(goal, "connectTimeout", 12);
        set(goal, "apiKeyId", element("apiKeyId", "key-id-in-pom"));
        set(goal, "apiKeySecret", element("apiKeySecret", "${soda.cloud.apiKeySecret}"));
        set(goal, "dbtCloudApiToken", element("dbtCloudApiToken", "${soda.dbtCloud.apiToken}"));

        Parameters parameters =
                read(goal, Setting.Goal.INGEST, properties("soda.cloud.apiKeySecret", "apiSecret-via-cli-81f0"));

        assertThat(parameters.text(Setting.DATA_SOURCE)).hasValue("warehouse_prod");
        assertThat(parameters.text(Setting.SCAN_DEFINITION)).hasValue("Ingest - dbt");
        assertThat(parameters.path(Setting.DBT_MANIFEST)).hasValue(Path.of("/builds/dbt/target/manifest.json"));
        assertThat(parameters.path(Setting.OUTPUT_DIRECTORY)).hasValue(Path.of("/builds/app/target/soda"));
        assertThat(parameters.flag(Setting.DRY_RUN)).isTrue();
        assertThat(parameters.setToTrue(Setting.DRY_RUN)).isTrue();
        assertThat(parameters.flag(Setting.FAIL_ON_ERROR)).isFalse();
        assertThat(parameters.number(Setting.MAX_RETRIES)).isEqualTo(5);
        assertThat(parameters.number(Setting.CONNECT_TIMEOUT)).isEqualTo(12);
        assertThat(parameters.text(Setting.API_KEY_ID)).hasValue("key-id-in-pom");
        assertThat(parameters.text(Setting.API_KEY_SECRET)).hasValue("apiSecret-via-cli-81f0");
        assertThat(parameters.text(Setting.DBT_CLOUD_API_TOKEN))
                .as("-Dsoda.dbtCloud.apiToken not given")
                .isEmpty();
        assertThat(parameters.toString()).as("never the values").doesNotContain("apiSecret-via-cli-81f0");
    }

    @Test
    void unsetParametersAreAbsent() throws IngestException {
        Parameters parameters = read(new IngestMojo(), Setting.Goal.INGEST, new Properties());

        assertThat(parameters.text(Setting.DATA_SOURCE)).isEmpty();
        assertThat(parameters.path(Setting.DBT_ARTIFACTS)).isEmpty();
        assertThat(parameters.paths(Setting.DBT_RUN_RESULTS)).isEmpty();
        assertThat(parameters.text(Setting.API_KEY_SECRET)).isEmpty();
    }

    @Test
    void runResultsAreCommaSeparatedPathsResolvedAgainstTheBaseDirectory() throws IngestException {
        IngestMojo goal = new IngestMojo();
        Path absolute = baseDirectory.getRoot().resolve("elsewhere/run_results.json");
        set(goal, "dbtRunResults", "dbt/target/run_results.json, " + absolute + ",, ,retry/run_results.json ");

        Parameters parameters = read(goal, Setting.Goal.INGEST, new Properties());

        assertThat(parameters.paths(Setting.DBT_RUN_RESULTS))
                .containsExactly(
                        baseDirectory.resolve("dbt/target/run_results.json"),
                        absolute,
                        baseDirectory.resolve("retry/run_results.json"));
    }

    @Test
    void uploadParametersAreRead() throws IngestException {
        UploadMojo goal = new UploadMojo();
        set(goal, "scanResults", new File("/builds/app/target/soda/scan-results.json"));
        set(goal, "sodaCloudHost", "cloud.us.soda.io");
        set(goal, "readTimeout", 60);
        set(goal, "apiKeySecret", element("apiKeySecret", "plainSecret-in-pom-21"));

        Parameters parameters = read(goal, Setting.Goal.UPLOAD, new Properties());

        assertThat(parameters.path(Setting.SCAN_RESULTS))
                .hasValue(Path.of("/builds/app/target/soda/scan-results.json"));
        assertThat(parameters.text(Setting.SODA_CLOUD_HOST)).hasValue("cloud.us.soda.io");
        assertThat(parameters.number(Setting.READ_TIMEOUT)).isEqualTo(60);
        assertThat(parameters.text(Setting.API_KEY_SECRET)).hasValue("plainSecret-in-pom-21");
    }

    /** What {@link MojoParameters} needs: a field per setting, of the type it casts the setting's value to. */
    @ParameterizedTest
    @EnumSource(
            value = Setting.Goal.class,
            names = {"INGEST", "UPLOAD"})
    void everySettingOfTheGoalHasAFieldOfItsType(Setting.Goal goal) {
        Class<?> goalClass = goal == Setting.Goal.INGEST ? IngestMojo.class : UploadMojo.class;
        List<String> problems = new ArrayList<>();
        for (Setting setting : Setting.of(goal)) {
            Field field = MavenWorld.field(goalClass, setting.parameter());
            Class<?> expected = switch (setting.type()) {
                case TEXT, PATHS -> String.class;
                case PATH -> File.class;
                case FLAG -> boolean.class;
                case NUMBER -> int.class;
                case SECRET -> PlexusConfiguration.class;
            };
            if (field == null) {
                problems.add("Setting." + setting.name() + ": add a field `" + expected.getSimpleName() + " "
                        + setting.parameter() + "` with @Parameter(property = \"" + setting.property() + "\") to "
                        + goalClass.getSimpleName() + " (or to AbstractSodaMojo when it belongs to both goals)");
            } else if (field.getType() != expected) {
                problems.add(goalClass.getSimpleName() + "." + setting.parameter() + " is a "
                        + field.getType().getSimpleName() + "; Setting." + setting.name() + " is " + setting.type()
                        + ", so declare it as " + expected.getSimpleName());
            }
        }
        assertThat(problems).as("goal fields vs the Setting catalogue").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Setting.Goal.class,
            names = {"INGEST", "UPLOAD"})
    void aGoalWithNothingSetReadsWithoutError(Setting.Goal goal) throws IngestException {
        AbstractMojo goalInstance = goal == Setting.Goal.INGEST ? new IngestMojo() : new UploadMojo();

        assertThat(read(goalInstance, goal, new Properties())).isNotNull();
    }
}
