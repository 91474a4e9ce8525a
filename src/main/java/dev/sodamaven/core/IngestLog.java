package dev.sodamaven.core;

/** Where the ingestion reports progress; the Maven goal bridges it to Maven's log. */
public interface IngestLog {

    void debug(String message);

    void info(String message);

    void warn(String message);

    /** Discards everything (for callers that do not care). */
    IngestLog SILENT = new IngestLog() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
