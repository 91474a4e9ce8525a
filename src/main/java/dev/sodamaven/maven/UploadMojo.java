package dev.sodamaven.maven;

import dev.sodamaven.Upload;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.File;
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
    String description() {
        return "the Soda upload";
    }

    @Override
    Setting.Goal goal() {
        return Setting.Goal.UPLOAD;
    }

    @Override
    void run(Context context) throws IngestException {
        new Upload(context.log(), context.remote()).run(context.resolver().resolveUpload(context.parameters()));
    }
}
