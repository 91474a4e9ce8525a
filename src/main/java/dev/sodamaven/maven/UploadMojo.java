package dev.sodamaven.maven;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.Remote;
import dev.sodamaven.config.SettingOrigin;
import dev.sodamaven.config.SettingsResolver;
import dev.sodamaven.config.UploadSettings;
import dev.sodamaven.soda.UploadReceipt;
import java.io.File;
import java.time.Clock;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
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
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            UploadSettings settings = new SettingsResolver(System.getenv(), Clock.systemUTC().instant())
                    .resolveUpload(commonParameters().build());
            IngestLog log = ingestLog();
            SettingOrigin.table(settings.origins()).forEach(log::info);
            settings.warnings().forEach(log::warn);
            Remote remote = remote();
            try (Remote.Session session = remote.open(settings.network())) {
                UploadReceipt receipt = session.upload(settings.sodaCloud(), scanResults.toPath());
                log.info("Uploaded " + receipt.checks() + " checks from " + scanResults + " to Soda Cloud "
                        + session.sodaCloudAddress(settings.sodaCloud()) + "; Soda Cloud trace id: "
                        + (receipt.traceId() == null ? "none" : receipt.traceId()));
            }
        } catch (IngestException problem) {
            handle(problem);
        }
    }
}
