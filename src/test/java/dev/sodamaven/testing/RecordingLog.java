package dev.sodamaven.testing;

import dev.sodamaven.core.IngestLog;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.maven.MavenSettingNames;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link IngestLog} that keeps every line, prefixed with its level, as the Maven log bridge would
 * write it: passed through an {@link Outbound}.
 */
public final class RecordingLog implements IngestLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Outbound outbound;

    /** Lines as the Maven bridge writes them for a run with these secrets. */
    public RecordingLog(Outbound outbound) {
        this.outbound = outbound;
    }

    /** Lines as the Maven bridge writes them for a run without secrets. */
    public RecordingLog() {
        this(new Outbound(new Secrets(), MavenSettingNames.INSTANCE));
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + outbound.text(message));
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + outbound.text(message));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> warnings() {
        return lines.stream()
                .filter(line -> line.startsWith("WARN "))
                .map(line -> line.substring(5))
                .toList();
    }

    public String text() {
        return String.join("\n", lines);
    }
}
