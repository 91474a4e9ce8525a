package dev.sodamaven.core;

/** Where the core reports progress; each front end bridges it to its own log. */
public interface IngestLog {

    void info(String message);

    void warn(String message);
}
