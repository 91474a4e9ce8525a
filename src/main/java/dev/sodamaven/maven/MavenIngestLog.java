package dev.sodamaven.maven;

import dev.sodamaven.core.IngestLog;
import dev.sodamaven.core.Outbound;
import org.apache.maven.plugin.logging.Log;

/**
 * Bridges the core's log to Maven's; every message passes the run's {@link Outbound} on its way and
 * becomes one log line, whatever the artifact or server text in it holds ({@link Outbound#line}).
 */
final class MavenIngestLog implements IngestLog {

    private final Log log;
    private final Outbound outbound;

    MavenIngestLog(Log log, Outbound outbound) {
        this.log = log;
        this.outbound = outbound;
    }

    @Override
    public void info(String message) {
        log.info(outbound.line(message));
    }

    @Override
    public void warn(String message) {
        log.warn(outbound.line(message));
    }
}
