package dev.sodamaven.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain socket server on 127.0.0.1 that misbehaves in one way on every connection: it stalls,
 * hangs up, cuts an answer short, answers something that is not HTTP, drips an answer or sends one
 * that never ends. Records each request it read.
 */
final class RawServer implements AutoCloseable {

    /** What to do once a request has been read. */
    @FunctionalInterface
    interface Behaviour {
        void after(Socket socket, CountDownLatch closing) throws IOException, InterruptedException;
    }

    /** Never answers (until the server is closed). */
    static final Behaviour STALL = (socket, closing) -> closing.await();

    /** Reads the whole request, then closes the connection without a word. */
    static final Behaviour HANG_UP = (socket, closing) -> socket.close();

    /** Starts a 200 answer of 1000 bytes and closes after 10. */
    static final Behaviour CUT_SHORT = (socket, closing) -> {
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"token\":\"")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.close();
    };

    /** Answers with a broken header. */
    static final Behaviour NOT_HTTP = (socket, closing) -> {
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nthis is no header\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.close();
    };

    /**
     * Sends the status line and then one byte of an endless header every {@code every}: each byte
     * arrives well within a read timeout, the headers never end.
     */
    static Behaviour dripHeaders(Duration every) {
        return (socket, closing) -> {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            drip(out, closing, every, new byte[] {'a'});
        };
    }

    /** Sends the headers of a chunked 200 at once, then one byte of body every {@code every}, endlessly. */
    static Behaviour dripBody(Duration every) {
        return (socket, closing) -> {
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            drip(out, closing, every, "1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /**
     * Answers {@code status} with a chunked body that never ends, 16 KiB a chunk, pausing {@code pause}
     * between chunks (so a client that writes it to disk fills it slowly).
     */
    static Behaviour endless(int status, Duration pause) {
        return (socket, closing) -> {
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + " Whatever\r\nContent-Type: text/plain\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'e');
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (closing.getCount() > 0) {
                out.write(head);
                out.write(chunk);
                out.write(new byte[] {'\r', '\n'});
                out.flush();
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
        };
    }

    /**
     * Answers {@code status}, gzip-encoded and chunked: a complete gzip stream of {@code text} in the
     * first chunk, then chunks of junk that never end. The inflated body ends; the answer does not.
     */
    static Behaviour gzipThenEndless(int status, String text) {
        return (socket, closing) -> {
            java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(packed)) {
                gzip.write(text.getBytes(StandardCharsets.UTF_8));
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + " Whatever\r\nContent-Type: application/json\r\n"
                            + "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write((Integer.toHexString(packed.size()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(packed.toByteArray());
            out.write(new byte[] {'\r', '\n'});
            byte[] junk = new byte[16 * 1024];
            byte[] head = (Integer.toHexString(junk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (closing.getCount() > 0) {
                out.write(head);
                out.write(junk);
                out.write(new byte[] {'\r', '\n'});
                out.flush();
                Thread.sleep(5);
            }
        };
    }

    private static void drip(OutputStream out, CountDownLatch closing, Duration every, byte[] piece)
            throws IOException, InterruptedException {
        out.flush();
        // Until the client gives up (the write fails) or the server closes.
        while (!closing.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
            out.write(piece);
            out.flush();
        }
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final java.util.concurrent.Semaphore finished = new java.util.concurrent.Semaphore(0);
    private final CountDownLatch closing = new CountDownLatch(1);

    RawServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int connections() {
        return connections.get();
    }

    /** Each request as read: request line, headers and body. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread handler = new Thread(() -> serve(socket), "raw-server-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            requests.add(readRequest(socket.getInputStream()));
            behaviour.after(socket, closing);
        } catch (IOException | InterruptedException ignored) {
            // The client went away or the server is closing.
        } finally {
            finished.release();
        }
    }

    /**
     * Whether {@code count} connections ended (the behaviour returned, or its writing failed because
     * the client closed the connection) within {@code atMost}.
     */
    boolean connectionsEnded(int count, Duration atMost) throws InterruptedException {
        return finished.tryAcquire(count, atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        server.close();
    }
}
