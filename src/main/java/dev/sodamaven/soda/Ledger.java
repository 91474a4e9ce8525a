package dev.sodamaven.soda;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.sodamaven.core.AtomicFileWriter;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The record of the dbt runs sent to Soda Cloud, so that none is sent twice: by a schedule that ticks
 * before the job runs again, or by {@code mvn verify} on an unchanged {@code target/}. A JSON file,
 * read and replaced under a lock held from the check to the record, so that two builds at once (or
 * two modules of one {@code -T 4} build) cannot both send the same run.
 */
public final class Ledger {

    /** The newest entries kept: enough for years of hourly ingestion of a few jobs. */
    static final int MAX_ENTRIES = 10_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // The atomic writer closes its stream itself.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** A file lock is per process; threads of one build wait on this first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /**
     * What identifies one sent run.
     *
     * @param sodaCloud       the Soda Cloud API address it went to
     * @param dataSource      the Soda data source
     * @param scanDefinition  the scan definition
     * @param dbtInvocationId the dbt invocation that wrote the results, or null
     * @param dbtCloudRunId   the dbt Cloud run, or null
     */
    public record Key(
            String sodaCloud, String dataSource, String scanDefinition, String dbtInvocationId, Long dbtCloudRunId) {

        /** Whether the results can be told apart from others at all: dbt before 0.19 wrote no invocation id. */
        public boolean identifiesARun() {
            return dbtInvocationId != null || dbtCloudRunId != null;
        }

        /** "dbt invocation 6f0c…" and/or "dbt Cloud run 42", for the log. */
        public String describeRun() {
            List<String> parts = new ArrayList<>();
            if (dbtCloudRunId != null) {
                parts.add("dbt Cloud run " + dbtCloudRunId);
            }
            if (dbtInvocationId != null) {
                parts.add("dbt invocation " + dbtInvocationId);
            }
            return String.join(", ", parts);
        }
    }

    /** A run sent, and when. */
    public record Entry(Key key, Instant sentAt) {}

    private final Path file;
    private final Clock clock;
    private final Consumer<String> warnings;

    /**
     * @param file     the ledger file (created on the first record)
     * @param clock    the time recorded with each entry
     * @param warnings told about a damaged ledger that was set aside
     */
    public Ledger(Path file, Clock clock, Consumer<String> warnings) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    public Path file() {
        return file;
    }

    /** Locks the ledger (waiting for another build that holds it) and reads it; close to release. */
    public Session open() throws IngestException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, path -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(
                    file.resolveSibling(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.lock();
                return new Session(local, channel, lock, read());
            } catch (IOException | RuntimeException failed) {
                channel.close();
                throw failed;
            }
        } catch (IOException failed) {
            local.unlock();
            throw IngestException.output(
                    "The ledger " + file + " could not be opened ("
                            + failed.getClass().getSimpleName() + ": " + failed.getMessage() + "); nothing was sent.",
                    "Check the folder's permissions, or set " + Setting.LEDGER.ref() + " to another file.",
                    failed);
        } catch (RuntimeException failed) {
            local.unlock();
            throw failed;
        }
    }

    /** The ledger, locked. */
    public final class Session implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock lock;
        private final List<Entry> entries;

        private Session(ReentrantLock local, FileChannel channel, FileLock lock, List<Entry> entries) {
            this.local = local;
            this.channel = channel;
            this.lock = lock;
            this.entries = entries;
        }

        /** When this run was sent before, if it was. */
        public Optional<Entry> find(Key key) {
            return entries.stream().filter(entry -> entry.key().equals(key)).reduce((a, b) -> b);
        }

        /** Records {@code key} as sent now, replacing the file atomically. */
        public void record(Key key) throws IngestException {
            entries.add(new Entry(key, clock.instant()));
            while (entries.size() > MAX_ENTRIES) {
                entries.remove(0);
            }
            try {
                AtomicFileWriter.write(file, out -> {
                    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                        json.useDefaultPrettyPrinter();
                        writeTo(json);
                    }
                });
            } catch (IOException failed) {
                throw IngestException.output(
                        "The ledger " + file + " could not be written ("
                                + failed.getClass().getSimpleName() + ": " + failed.getMessage()
                                + "), so a later ingestion of the same run would send it again.",
                        "Check the folder's permissions and free space, or set " + Setting.LEDGER.ref()
                                + " to another file.",
                        failed);
            }
        }

        private void writeTo(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeNumberField("version", 1);
            json.writeArrayFieldStart("sent");
            for (Entry entry : entries) {
                json.writeStartObject();
                json.writeStringField("sodaCloud", entry.key().sodaCloud());
                json.writeStringField("dataSource", entry.key().dataSource());
                json.writeStringField("scanDefinition", entry.key().scanDefinition());
                json.writeStringField("dbtInvocationId", entry.key().dbtInvocationId());
                json.writeFieldName("dbtCloudRunId");
                if (entry.key().dbtCloudRunId() == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(entry.key().dbtCloudRunId());
                }
                json.writeStringField("sentAt", entry.sentAt().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // Closing the channel releases the lock in any case.
            } finally {
                local.unlock();
            }
        }
    }

    /** The entries on file; a damaged file is set aside, said, and counts as empty. */
    private List<Entry> read() throws IOException {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        Optional<List<Entry>> entries;
        try (JsonParser json = JSON.createParser(file.toFile())) {
            entries = entries(json);
        } catch (JsonProcessingException damaged) {
            return setAside("is not valid JSON");
        }
        return entries.isPresent() ? entries.get() : setAside("is not a ledger of this plugin (version 1)");
    }

    /** {"version": 1, "sent": [entry...]}; empty when the file is JSON of another shape. */
    private static Optional<List<Entry>> entries(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        boolean version = false;
        List<Entry> entries = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("version")) {
                version = value == JsonToken.VALUE_NUMBER_INT && json.getIntValue() == 1;
            } else if (field.equals("sent") && value == JsonToken.START_ARRAY) {
                entries = new ArrayList<>();
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    Optional<Entry> entry = entry(json);
                    if (entry.isEmpty()) {
                        return Optional.empty();
                    }
                    entries.add(entry.get());
                }
            } else {
                json.skipChildren();
            }
        }
        return version && entries != null ? Optional.of(entries) : Optional.empty();
    }

    private static Optional<Entry> entry(JsonParser json) throws IOException {
        Map<String, String> text = new HashMap<>();
        Long runId = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("dbtCloudRunId") && value == JsonToken.VALUE_NUMBER_INT) {
                runId = json.getLongValue();
            } else if (value == JsonToken.VALUE_STRING) {
                text.put(field, json.getText());
            } else {
                json.skipChildren();
            }
        }
        if (!text.keySet().containsAll(List.of("sodaCloud", "dataSource", "scanDefinition", "sentAt"))) {
            return Optional.empty();
        }
        try {
            Key key = new Key(
                    text.get("sodaCloud"),
                    text.get("dataSource"),
                    text.get("scanDefinition"),
                    text.get("dbtInvocationId"),
                    runId);
            return Optional.of(new Entry(key, Instant.parse(text.get("sentAt"))));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Moves a damaged ledger aside, never deleting it: what it recorded may still be needed to tell
     * whether a run was sent. Said as a warning, since the runs it recorded may now be sent again.
     */
    private List<Entry> setAside(String why) throws IOException {
        Path aside = file.resolveSibling(
                file.getFileName() + ".broken-" + clock.instant().toEpochMilli());
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        warnings.accept("The ledger " + file + " " + why + "; it was moved aside to " + aside
                + " and a new one is started, so a run it recorded could be sent again.");
        return new ArrayList<>();
    }
}
