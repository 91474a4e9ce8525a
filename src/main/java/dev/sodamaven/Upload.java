package dev.sodamaven;

import dev.sodamaven.config.SettingOrigin;
import dev.sodamaven.config.UploadSettings;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.soda.UploadReceipt;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Sends a saved scan results file to Soda Cloud again — after a failed upload, or from a build that
 * ran with failOnError=false during an outage. Logs in afresh; the checks are exactly those in the file.
 */
public final class Upload {

    private final IngestLog log;
    private final Remote remote;

    public Upload(IngestLog log, Remote remote) {
        this.log = Objects.requireNonNull(log, "log");
        this.remote = Objects.requireNonNull(remote, "remote");
    }

    public UploadReceipt run(UploadSettings settings) throws IngestException {
        Path scanResults = settings.scanResults();
        SettingOrigin.log(settings.origins(), settings.warnings(), log);
        try (Remote.Session session = remote.open(settings.network())) {
            UploadReceipt receipt = session.upload(settings.sodaCloud(), scanResults);
            log.info("Uploaded " + receipt.checks() + " checks from " + scanResults + " to Soda Cloud "
                    + session.sodaCloudAddress(settings.sodaCloud()) + "; Soda Cloud trace id: "
                    + (receipt.traceId() == null ? "none" : receipt.traceId()));
            return receipt;
        }
    }
}
