package dev.sodamaven.maven;

import dev.sodamaven.core.IngestLog;
import org.apache.maven.plugin.logging.Log;

/** Bridges the ingestion's log to Maven's. */
final class MavenIngestLog implements IngestLog {

    private final Log log;

    MavenIngestLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
