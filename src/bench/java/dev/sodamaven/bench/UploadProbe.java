package dev.sodamaven.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sodamaven.Remote;
import dev.sodamaven.Upload;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.config.SettingsResolver;
import dev.sodamaven.config.UploadSettings;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import dev.sodamaven.soda.UploadReceipt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures {@code soda:upload} of a large scan results file: the upload must stream the file from
 * disk, so its heap must not grow with the body. Not part of {@link BenchmarkMain}; run on its own
 * (docs/benchmarks.md, "Upload of a 100 MB scan").
 *
 * <p>The parent writes scan files of the sizes asked for and answers as Soda Cloud on 127.0.0.1 (a
 * login gets a token; an insert body is read through a small buffer and discarded, so the server
 * never holds it). Each upload runs in a fresh JVM ({@code child} mode) with the heap under test and
 * {@code -Xlog:gc}, through {@link Upload} as {@code soda:upload} wires it, and reports its heap as
 * {@link HeapWatcher} sees it.
 *
 * <p>Arguments: scratch folder, sizes in MiB (e.g. {@code 10,100}), heaps in MiB (e.g. {@code 32,16}).
 * {@code write <file> <MiB>} only writes a scan file; {@code serve} only starts the fake Soda Cloud and prints its port; {@code child <file> <port>} is one
 * upload.
 */
public final class UploadProbe {

    private static final int CHECK_DEFINITION_CHARS = 600;

    private UploadProbe() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args[0].equals("write")) {
            System.out.println(writeScan(Path.of(args[1]), Long.parseLong(args[2]) * 1024 * 1024) + " checks");
            return;
        }
        if (args[0].equals("serve")) {
            // To run a child by hand (e.g. without -XX:+ExitOnOutOfMemoryError, to see where it fails).
            System.out.println(
                    "fake Soda Cloud on 127.0.0.1:" + FakeSodaCloud.start().port());
            Thread.currentThread().join();
        }
        Path scratch = Files.createDirectories(Path.of(args[0]));
        List<Integer> sizes = numbers(args[1]);
        List<Integer> heaps = numbers(args[2]);
        FakeSodaCloud cloud = FakeSodaCloud.start();
        try {
            System.out.println("load average before: " + Environment.loadAverage());
            List<String> rows = new ArrayList<>();
            for (int mib : sizes) {
                Path file = scratch.resolve("scan-results-" + mib + "MiB.json");
                int checks = writeScan(file, mib * 1024L * 1024L);
                for (int heap : heaps) {
                    rows.add(upload(scratch, file, checks, heap, cloud));
                }
                Files.delete(file);
            }
            System.out.println("load average after: " + Environment.loadAverage());
            System.out.println(
                    "| body (MiB) | checks | -Xmx | outcome | wall s | peak heap MiB | max after GC MiB | GCs | body bytes received |");
            System.out.println("|---:|---:|---:|---|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
        } finally {
            cloud.stop();
        }
    }

    private static String upload(Path scratch, Path file, int checks, int heap, FakeSodaCloud cloud)
            throws IOException, InterruptedException {
        String name = file.getFileName().toString().replace(".json", "") + "-" + heap + "m";
        Path log = scratch.resolve(name + ".log");
        List<String> command = ChildJvm.java(
                heap,
                scratch.resolve(name + ".gc.log"),
                UploadProbe.class,
                "child",
                file.toString(),
                String.valueOf(cloud.port()));
        long received = cloud.insertBytes.get();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        double processSeconds = (System.nanoTime() - start) / 1e9;
        long bodyBytes = cloud.insertBytes.get() - received;
        String output = Files.readString(log);
        Map<String, String> values = ChildJvm.resultValues(output);
        String outcome;
        if (!finished) {
            outcome = "timeout";
        } else if (output.contains("OutOfMemoryError")) {
            outcome = "OutOfMemoryError";
        } else if (process.exitValue() == 0 && String.valueOf(checks).equals(values.get("checks"))) {
            outcome = "ok";
        } else {
            outcome = "failed (" + log + ")";
        }
        String row = String.format(
                Locale.ROOT,
                "| %.1f | %,d | %dm | %s | %s | %s | %s | %s | %,d |",
                Files.size(file) / 1048576.0,
                checks,
                heap,
                outcome,
                values.getOrDefault("seconds", String.format(Locale.ROOT, "(process %.1f)", processSeconds)),
                mib(values.get("peakUsedBytes")),
                mib(values.get("maxAfterGcBytes")),
                values.getOrDefault("collections", "-"),
                bodyBytes);
        System.out.println(row);
        return row;
    }

    private static String mib(String bytes) {
        return bytes == null ? "-" : String.format(Locale.ROOT, "%.1f", Long.parseLong(bytes) / 1048576.0);
    }

    /** The measured upload, in a JVM of its own: {@code soda:upload} as the goal wires it. */
    private static void child(Path file, int port) throws Exception {
        Secrets secrets = new Secrets();
        SilentLog log = new SilentLog();
        Parameters parameters = Parameters.builder()
                .with(Setting.SCAN_RESULTS, file)
                .with(Setting.SODA_CLOUD_HOST, "127.0.0.1")
                .with(Setting.SODA_CLOUD_SCHEME, "http")
                .with(Setting.SODA_CLOUD_PORT, String.valueOf(port))
                .with(Setting.API_KEY_ID, Secret.of("bench-id"))
                .with(Setting.API_KEY_SECRET, Secret.of("bench-secret"))
                .build();
        UploadSettings settings = new SettingsResolver(Map.of(), Instant.now(), secrets).resolveUpload(parameters);
        Remote remote = new Remote(List::of, wait -> {}, Duration.ofMillis(1), log, secrets);
        HeapWatcher watcher = HeapWatcher.start();
        long start = System.nanoTime();
        UploadReceipt receipt = new Upload(log, remote).run(settings);
        long nanos = System.nanoTime() - start;
        HeapWatcher.Measurement heap = watcher.stop();
        System.out.println("BENCH-RESULT checks=" + receipt.checks()
                + " attempts=" + receipt.attempts()
                + " seconds=" + String.format(Locale.ROOT, "%.2f", nanos / 1e9)
                + " peakUsedBytes=" + heap.peakUsedBytes()
                + " maxAfterGcBytes=" + heap.maxAfterGcBytes()
                + " collections=" + heap.collections()
                + " maxHeapBytes=" + Runtime.getRuntime().maxMemory()
                + " gc=" + HeapWatcher.collectorNames()
                + " warnings=" + log.warnings);
    }

    /**
     * A scan results file in {@link dev.sodamaven.soda.ScanResultsWriter}'s layout, of about
     * {@code targetBytes}, made of as many generated checks as it takes. Returns the number of checks.
     */
    static int writeScan(Path file, long targetBytes) throws IOException {
        String definition = "x".repeat(CHECK_DEFINITION_CHARS);
        int checks = 0;
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("definitionName", "bench_upload");
            json.writeStringField("defaultDataSource", "bench_warehouse");
            json.writeStringField("dataTimestamp", "2026-01-01T00:00:00+00:00");
            json.writeStringField("scanStartTimestamp", "2026-01-01T00:00:00+00:00");
            json.writeStringField("scanEndTimestamp", "2026-01-01T00:00:01+00:00");
            json.writeBooleanField("hasErrors", false);
            json.writeBooleanField("hasWarnings", false);
            json.writeBooleanField("hasFailures", false);
            json.writeArrayFieldStart("checks");
            while (json.getOutputBuffered() + Files.size(file) < targetBytes) {
                String identity = "bench-check-" + checks;
                json.writeStartObject();
                json.writeStringField("identity", identity);
                json.writeStringField("name", "not_null_model_" + checks + "_id");
                json.writeStringField("type", "generic");
                json.writeStringField("definition", definition);
                json.writeObjectFieldStart("location");
                json.writeStringField("filePath", "models/schema_" + checks + ".yml");
                json.writeNumberField("line", 0);
                json.writeNumberField("col", 0);
                json.writeEndObject();
                json.writeStringField("dataSource", "bench_warehouse");
                json.writeStringField("table", "model_" + checks);
                json.writeStringField("column", "id");
                json.writeStringField("outcome", "pass");
                json.writeEndObject();
                checks++;
                if (checks % 1000 == 0) {
                    json.flush();
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("logs");
            json.writeEndArray();
            json.writeStringField("sourceOwner", "soda-core");
            json.writeStringField("type", "sodaCoreInsertScanResults");
            json.writeEndObject();
        }
        return checks;
    }

    private static List<Integer> numbers(String list) {
        return List.of(list.split(",")).stream().map(Integer::parseInt).toList();
    }

    /** Soda Cloud's command endpoint as far as an upload needs it; never holds a body. */
    private static final class FakeSodaCloud {
        private final HttpServer server;
        final AtomicLong insertBytes = new AtomicLong();

        private FakeSodaCloud(HttpServer server) {
            this.server = server;
        }

        static FakeSodaCloud start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeSodaCloud cloud = new FakeSodaCloud(server);
            server.createContext("/", cloud::handle);
            server.start();
            return cloud;
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] head = new byte[16];
            int headLength = 0;
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    int copy = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                    total += n;
                }
            }
            String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
            byte[] reply;
            if (start.startsWith("{\"type\":\"login\"")) {
                reply = "{\"token\":\"t-1\"}".getBytes(StandardCharsets.UTF_8);
            } else if (start.startsWith("{\"token\":\"t-1\"")) {
                insertBytes.addAndGet(total);
                reply = "{}".getBytes(StandardCharsets.UTF_8);
            } else {
                reply = "{\"error\":\"unexpected body\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(400, reply.length);
                exchange.getResponseBody().write(reply);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    /** Counts warnings (a clean upload has none); drops the rest. */
    private static final class SilentLog implements IngestLog {
        int warnings;

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
            warnings++;
        }
    }
}
