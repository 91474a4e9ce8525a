package dev.sodamaven.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * A local HTTP server on 127.0.0.1 that gives scripted answers in order (the last one is repeated)
 * and records every request. For what {@code FakeCloud} does not do: redirects, big bodies, any status.
 */
final class ScriptedServer implements AutoCloseable {

    /** One request as received. */
    record Received(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** How to answer one request. */
    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "scripted-server");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer last = status(500, Map.of(), "no answer scripted");

    ScriptedServer() throws IOException {
        this(null);
    }

    /** A server speaking HTTPS with {@code tls}, or plain HTTP when it is null. */
    ScriptedServer(SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Adds answers, used in order; the last one keeps answering once the script is used up. */
    ScriptedServer then(Answer... answers) {
        for (Answer answer : answers) {
            script.add(answer);
        }
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    static Answer status(int status, Map<String, String> headers, String body) {
        return bytes(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer json(int status, String body) {
        return status(status, Map.of("Content-Type", "application/json"), body);
    }

    static Answer bytes(int status, Map<String, String> headers, byte[] body) {
        return exchange -> {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        };
    }

    /** {@code body} gzip-compressed, sent with {@code Content-Encoding: gzip}. */
    static Answer gzip(int status, byte[] body) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        }
        return bytes(
                status,
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                compressed.toByteArray());
    }

    static Answer redirect(int status, String location) {
        return status(status, Map.of("Location", location), "");
    }

    /** A 200 of {@code size} bytes of JSON-ish filler; chunked when {@code announceLength} is false. */
    static Answer large(long size, boolean announceLength) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, announceLength ? size : 0);
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                long left = size;
                while (left > 0) {
                    int n = (int) Math.min(block.length, left);
                    out.write(block, 0, n);
                    left -= n;
                }
            } catch (IOException clientGaveUp) {
                // The client may stop reading once it has seen enough.
            }
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
            Answer next = script.poll();
            if (next != null) {
                last = next;
            } else {
                next = last;
            }
            next.answer(exchange);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
