package dev.sodamaven.maven;

import static dev.sodamaven.maven.MavenWorld.set;
import static dev.sodamaven.maven.MavenWorld.wiredUpload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AbstractSodaMojo.execute()} end to end on the real goals, with failures that come before any
 * network: skipping, a use case's failure mapped to the build's outcome, a settings.xml problem.
 */
class GoalExecutionTest {

    @TempDir
    Path project;

    private final RecordingMavenLog log = new RecordingMavenLog();

    /** A goal as Maven hands it over: defaults injected, the session and the execution set. */
    private UploadMojo upload(Settings settings) throws Exception {
        return wiredUpload(new UploadMojo(), log, settings, project);
    }

    @Test
    void aSkippedGoalOnlySaysSo() throws Exception {
        IngestMojo ingest = new IngestMojo();
        ingest.setLog(log);
        set(ingest, "skip", true);
        UploadMojo upload = upload(null);
        set(upload, "skip", true);

        ingest.execute();
        upload.execute();

        assertThat(log.lines())
                .containsExactly(
                        "INFO Skipping the Soda ingestion: skip (-Dsoda.skip) is true.",
                        "INFO Skipping the Soda upload: skip (-Dsoda.skip) is true.");
    }

    @Test
    void aConfigurationProblemIsABuildError() throws Exception {
        UploadMojo goal = upload(null);

        Throwable thrown = catchThrowable(goal::execute);

        assertThat(thrown)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("No scan results file is set. Set scanResults (-Dsoda.scanResults) to the file to send.");
    }

    @Test
    void withFailOnErrorFalseTheBuildGoesOnWithWarnings() throws Exception {
        UploadMojo goal = upload(null);
        set(goal, "failOnError", false);

        assertThatCode(goal::execute).doesNotThrowAnyException();

        assertThat(log.at("WARN"))
                .containsExactly(
                        "No scan results file is set. Set scanResults (-Dsoda.scanResults) to the file to send.",
                        "The build goes on because failOnError (-Dsoda.failOnError) is false.");
    }

    @Test
    void anUndecryptableServerPasswordStopsTheGoalBeforeItRuns() throws Exception {
        Settings settings;
        try (InputStream in = MavenSettingsAccessTest.class.getResourceAsStream("settings.xml")) {
            settings = new SettingsXpp3Reader().read(in, true);
        }
        UploadMojo goal = upload(settings);
        set(goal, "sodaCloudServerId", "other-machine");

        Throwable thrown = catchThrowable(goal::execute);

        assertThat(thrown)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("Maven could not decrypt the password of <server> 'other-machine' in settings.xml. "
                        + "Check ~/.m2/settings-security.xml and the encrypted value (mvn --encrypt-password).");
    }
}
