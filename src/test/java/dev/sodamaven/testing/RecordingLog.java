package dev.sodamaven.testing;

import dev.sodamaven.core.IngestLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link IngestLog} that keeps every line, prefixed with its level. */
public final class RecordingLog implements IngestLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> warnings() {
        return lines.stream().filter(line -> line.startsWith("WARN ")).map(line -> line.substring(5)).toList();
    }

    public String text() {
        return String.join("\n", lines);
    }
}
