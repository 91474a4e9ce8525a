package dev.sodamaven.maven;

import dev.sodamaven.Upload;
import dev.sodamaven.config.SettingsResolver;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.File;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sends a saved {@code scan-results.json} to Soda Cloud again — after a failed upload, or from a
 * build that ran with {@code failOnError=false} during an outage. Logs in afresh; the checks are
 * exactly those in the file.
 */
@Mojo(name = "upload", threadSafe = true, requiresProject = false)
public class UploadMojo extends AbstractSodaMojo {

    /** The scan results file to send, as written by {@code soda:ingest}. */
    @Parameter(property = "soda.scanResults", defaultValue = "${project.build.directory}/soda/scan-results.json")
    private File scanResults;

    @Override
    String goal() {
        return "the Soda upload";
    }

    @Override
    Setting.Goal settingsGoal() {
        return Setting.Goal.UPLOAD;
    }

    @Override
    void run(Context context) throws IngestException {
        new Upload(context.log(), context.remote())
                .run(new SettingsResolver(System.getenv(), Clock.systemUTC().instant(), context.secrets())
                        .resolveUpload(context.parameters()));
    }
}
