package dev.sodamaven.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy behind src/it/maven-proxy-*: those tests pass when the proxy saw the plugin's requests with
 * the right credentials, so a proxy that let anything through, or recorded nothing, would make them
 * unable to fail. Requests here are written by hand, request line and all, as an HTTP client sends them
 * to a proxy.
 */
class FakeProxyTest {

    private HttpServer target;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private FakeProxy proxy;

    @BeforeEach
    void start() throws IOException {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body + " auth="
                        + exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
                byte[] answer = "hello from target".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Target", "yes");
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        target.start();
        proxy = FakeProxy.start("proxy-user", "proxy-pass-SECRET-1");
    }

    @AfterEach
    void stop() {
        proxy.close();
        target.stop(0);
    }

    private String targetUrl(String path) {
        return "http://127.0.0.1:" + target.getAddress().getPort() + path;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one request to the proxy as written and returns its whole answer. */
    private String send(String method, String uri, String authorization, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            StringBuilder request = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(uri)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(uri.replaceFirst("^http://", "").replaceFirst("/.*$", ""))
                    .append("\r\n")
                    .append("Connection: close\r\n");
            if (authorization != null) {
                request.append("Proxy-Authorization: ").append(authorization).append("\r\n");
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void challengesARequestWithoutCredentialsAndForwardsNothing() throws IOException {
        String answer = send("POST", targetUrl("/api/command"), null, "{\"type\":\"login\"}");

        assertThat(answer).startsWith("HTTP/1.1 407 ");
        assertThat(answer).containsIgnoringCase("Proxy-Authenticate: Basic realm=\"fake-proxy\"");
        assertThat(received).isEmpty();
        assertThat(proxy.requests())
                .containsExactly(new FakeProxy.Request("POST", targetUrl("/api/command"), null, 407));
        assertThat(proxy.forwarded()).isEmpty();
    }

    @Test
    void challengesWrongCredentials() throws IOException {
        String wrong = basic("proxy-user", "not-the-password");
        String answer = send("GET", targetUrl("/x"), wrong, "");

        assertThat(answer).startsWith("HTTP/1.1 407 ");
        assertThat(received).isEmpty();
        assertThat(proxy.requests().get(0).authenticated(proxy)).isFalse();
    }

    @Test
    void forwardsAnAuthenticatedRequestWithItsBodyAndReturnsTheAnswer() throws IOException {
        String auth = basic("proxy-user", "proxy-pass-SECRET-1");
        String answer = send("POST", targetUrl("/api/command?x=1"), auth, "{\"type\":\"login\"}");

        assertThat(answer).startsWith("HTTP/1.1 201 ");
        assertThat(answer).containsIgnoringCase("X-Target: yes");
        assertThat(answer).endsWith("hello from target");
        // The target sees the request, but not the proxy's credentials.
        assertThat(received).containsExactly("POST /api/command?x=1 {\"type\":\"login\"} auth=null");
        assertThat(proxy.expectedAuthorization()).isEqualTo(auth);
        assertThat(proxy.forwarded())
                .containsExactly(new FakeProxy.Request("POST", targetUrl("/api/command?x=1"), auth, 201));
        assertThat(proxy.forwarded().get(0).authenticated(proxy)).isTrue();
    }

    @Test
    void refusesATargetThatIsNotLoopback() throws IOException {
        String auth = basic("proxy-user", "proxy-pass-SECRET-1");
        String answer = send("GET", "http://example.invalid/x", auth, "");

        assertThat(answer).startsWith("HTTP/1.1 403 ");
        assertThat(proxy.requests())
                .containsExactly(new FakeProxy.Request("GET", "http://example.invalid/x", auth, 403));
        assertThat(proxy.forwarded()).isEmpty();
    }
}
