package dev.sodamaven.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on 127.0.0.1 that demands Basic proxy authentication, for the integration tests of
 * settings.xml {@code <proxy>}s (src/it/maven-proxy-*). It records every request it receives, with the
 * {@code Proxy-Authorization} it carried, answers one without the expected credentials with 407 and a
 * {@code Proxy-Authenticate: Basic} challenge, and forwards an authenticated one to its target — only
 * to a loopback target, so that a test can never reach out through it. Plain http only: an absolute URI
 * in the request line ({@code POST http://127.0.0.1:1234/api/command HTTP/1.1}); no {@code CONNECT}.
 */
public final class FakeProxy implements AutoCloseable {

    /** The realm of the 407 challenge. */
    public static final String REALM = "fake-proxy";

    /** Headers that concern one connection, or that the forwarding client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "proxy-connection",
            "proxy-authorization",
            "proxy-authenticate",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "date");

    /**
     * One request the proxy received.
     *
     * @param method             the HTTP method
     * @param uri                the request line's URI, absolute for a proxied request
     * @param proxyAuthorization the {@code Proxy-Authorization} header, or null
     * @param status             what the proxy answered: 407 without the right credentials, 403 for a
     *                           target that is not loopback, otherwise the target's status (502 when it
     *                           could not be reached)
     */
    public record Request(String method, String uri, String proxyAuthorization, int status) {
        /** Whether the request carried the proxy's credentials. */
        public boolean authenticated(FakeProxy proxy) {
            return proxy.expectedAuthorization().equals(proxyAuthorization);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient forward;
    private final String username;
    private final String password;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeProxy(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        this.forward = HttpClient.newBuilder()
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-proxy");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a proxy on a free loopback port that lets through requests authenticated as {@code username}. */
    public static FakeProxy start(String username, String password) throws IOException {
        return new FakeProxy(username, password);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The {@code Proxy-Authorization} header the proxy accepts. */
    public String expectedAuthorization() {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Every request received, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests the proxy forwarded to their target (authenticated, to a loopback host). */
    public List<Request> forwarded() {
        return requests.stream()
                .filter(request -> request.status() != 407 && request.status() != 403)
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** For Groovy scripts. */
    public void stop() {
        close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            URI target = exchange.getRequestURI();
            String authorization = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
            if (!expectedAuthorization().equals(authorization)) {
                requests.add(new Request(method, target.toString(), authorization, 407));
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"" + REALM + "\"");
                exchange.sendResponseHeaders(407, -1);
                return;
            }
            if (!target.isAbsolute() || !"http".equalsIgnoreCase(target.getScheme()) || !isLoopback(target)) {
                requests.add(new Request(method, target.toString(), authorization, 403));
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            HttpRequest.Builder outgoing = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            method,
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> outgoing.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = forward.send(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                requests.add(new Request(method, target.toString(), authorization, 502));
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                requests.add(new Request(method, target.toString(), authorization, 502));
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            requests.add(new Request(method, target.toString(), authorization, response.statusCode()));
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            boolean noBody = answer.length == 0 || "HEAD".equalsIgnoreCase(method);
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static boolean isLoopback(URI target) {
        String host = target.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // An IP literal only: a name is never resolved (no lookup leaves the machine).
            return host.matches("[0-9.]+") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException notAnAddress) {
            return false;
        }
    }
}
