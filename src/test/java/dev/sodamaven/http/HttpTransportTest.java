package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.ProxySettings;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport end to end against local servers: retries as they happen, timeouts, redirects, downloads, proxies. */
class HttpTransportTest {

    private static final byte[] UPLOAD =
            "{\"type\":\"sodaCoreInsertScanResults\",\"name\":\"é ü \\\"q\\\"\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> retries = new CopyOnWriteArrayList<>();
    private final RetryListener recordingRetries = (description, reason, next, max, wait) ->
            retries.add(description + " | " + reason + " | " + next + "/" + max);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private HttpTransport transport(HttpSettings settings) {
        return closing(new HttpTransport(settings, recordingRetries));
    }

    /** A transport whose client resolves host names with {@code dns}. */
    private HttpTransport transport(HttpSettings settings, DnsResolver dns) {
        return closing(new HttpTransport(
                HttpClientFactory.create(settings, dns),
                RetryPolicy.of(settings, Clock.systemUTC()),
                settings,
                recordingRetries));
    }

    private static HttpCall get(String url) {
        return HttpCall.get("test GET", URI.create(url), Map.of(), null);
    }

    private static HttpCall upload(String url) {
        return HttpCall.postJson(
                "test upload", URI.create(url), RequestBody.of(UPLOAD), RetryMode.ONLY_IF_NOT_PROCESSED);
    }

    private ScriptedServer server(ScriptedServer.Answer... answers) throws IOException {
        return closing(new ScriptedServer()).then(answers);
    }

    @Test
    void retries503TwiceThenSucceedsAndCountsAttempts() throws Exception {
        ScriptedServer server = server(
                ScriptedServer.json(503, "{}"),
                ScriptedServer.json(503, "{}"),
                ScriptedServer.json(200, "{\"ok\":true}"));

        HttpReply reply = transport(sleeper.settings(3)).send(get(server.url("/x")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(text(reply)).isEqualTo("{\"ok\":true}");
        assertThat(reply.attempts()).isEqualTo(3);
        assertThat(server.received()).hasSize(3);
        assertThat(retries).containsExactly("test GET | HTTP 503 | 2/4", "test GET | HTTP 503 | 3/4");
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeper.waits().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void resendsTheWholeRequestBodyOnEachRetry() throws Exception {
        ScriptedServer server =
                server(ScriptedServer.json(503, "{}"), ScriptedServer.json(429, "{}"), ScriptedServer.json(200, "{}"));

        HttpReply reply = transport(sleeper.settings(3)).send(upload(server.url("/api/command")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(server.received()).hasSize(3).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo(UPLOAD);
            assertThat(request.header("content-length")).isEqualTo(String.valueOf(UPLOAD.length));
            assertThat(request.header("content-type")).startsWith("application/json");
            assertThat(request.header("user-agent")).isEqualTo("soda-maven-plugin/test");
        });
    }

    @Test
    void anUnreadableRequestBodyIsALocalErrorAndNotRetried() throws Exception {
        ScriptedServer server = server(ScriptedServer.json(200, "{}"));
        RequestBody unreadable = new RequestBody() {
            @Override
            public java.io.InputStream open() throws IOException {
                throw new java.nio.file.NoSuchFileException("target/soda/scan-results.json");
            }

            @Override
            public long length() {
                return 10;
            }
        };

        assertThatThrownBy(() -> transport(sleeper.settings(3))
                        .send(HttpCall.postJson(
                                "test upload",
                                URI.create(server.url("/api/command")),
                                unreadable,
                                RetryMode.ONLY_IF_NOT_PROCESSED)))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage())
                            .contains("the request body could not be read (NoSuchFileException: "
                                    + "target/soda/scan-results.json)");
                    assertThat(e.hint()).contains("disk");
                });
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void honoursRetryAfterInSeconds() throws Exception {
        ScriptedServer server =
                server(ScriptedServer.status(429, Map.of("Retry-After", "3"), ""), ScriptedServer.json(200, "{}"));

        HttpReply reply = transport(sleeper.settings(2)).send(upload(server.url("/api/command")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void doesNotWaitLongerThanTheRetryAfterCapAndReturnsThe429() throws Exception {
        ScriptedServer server = server(
                ScriptedServer.status(429, Map.of("Retry-After", "3600"), "{\"m\":\"slow down\"}"),
                ScriptedServer.json(200, "{}"));

        HttpReply reply = transport(sleeper.settings(3)).send(get(server.url("/x")));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.attempts()).isEqualTo(1);
        assertThat(reply.header("Retry-After")).contains("3600");
        assertThat(sleeper.waits()).isEmpty();
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void connectionRefusedIsRetriedThenReportedOnce() throws Exception {
        int port = freePort();
        HttpTransport transport = transport(sleeper.settings(2));

        assertThatThrownBy(() -> transport.send(upload("http://127.0.0.1:" + port + "/api/command")))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.REMOTE);
                    assertThat(e.getMessage())
                            .isEqualTo("test upload failed (after 3 attempts): connection refused "
                                    + "(http://127.0.0.1:" + port + ").");
                    assertThat(e.hint()).contains("host and port");
                });
        // Nothing left this machine, so even an upload is tried again.
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(retries).hasSize(2).allMatch(line -> line.contains("connection refused"));
    }

    @Test
    void aDroppedAnswerIsRetriedForIdempotentRequests() throws Exception {
        RawServer server = closing(new RawServer(RawServer.CUT_SHORT));

        assertThatThrownBy(() -> transport(sleeper.settings(2)).send(get(server.url("/x"))))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("test GET failed (after 3 attempts): "
                                    + "the connection was dropped in the middle of the answer");
                    assertThat(e.getMessage()).doesNotContain("may have received");
                });
        assertThat(server.connections()).isEqualTo(3);
    }

    @Test
    void aDroppedAnswerIsNotRetriedForAnUpload() throws Exception {
        RawServer server = closing(new RawServer(RawServer.CUT_SHORT));

        assertThatThrownBy(() -> transport(sleeper.settings(3)).send(upload(server.url("/api/command"))))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("test upload failed: the connection was dropped in the middle of the answer");
                    assertThat(e.getMessage())
                            .contains("The server may have received the request before the failure, "
                                    + "so it was not repeated");
                });
        assertThat(server.connections()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aHangUpAfterTheUploadWasSentIsNotRetried() throws Exception {
        RawServer server = closing(new RawServer(RawServer.HANG_UP));

        assertThatThrownBy(() -> transport(sleeper.settings(3)).send(upload(server.url("/api/command"))))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage()).contains("the connection was closed before an answer came");
                    assertThat(e.getMessage()).contains("may have received the request");
                });
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.requests().get(0)).endsWith(new String(UPLOAD, StandardCharsets.UTF_8));
    }

    @Test
    void aHangUpIsRetriedForIdempotentRequests() throws Exception {
        RawServer server = closing(new RawServer(RawServer.HANG_UP));

        assertThatThrownBy(() -> transport(sleeper.settings(1)).send(get(server.url("/x"))))
                .hasMessageContaining("(after 2 attempts)");
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void badGatewayAndGatewayTimeoutAreRetriedOnlyForIdempotentRequests() throws Exception {
        ScriptedServer gets =
                server(ScriptedServer.json(502, "{}"), ScriptedServer.json(504, "{}"), ScriptedServer.json(200, "{}"));
        assertThat(transport(sleeper.settings(3)).send(get(gets.url("/x"))).status())
                .isEqualTo(200);
        assertThat(gets.received()).hasSize(3);

        ScriptedServer posts = server(ScriptedServer.json(502, "{}"), ScriptedServer.json(200, "{}"));
        HttpReply reply = transport(sleeper.settings(3)).send(upload(posts.url("/api/command")));
        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.attempts()).isEqualTo(1);
        assertThat(posts.received()).hasSize(1);

        ScriptedServer timeouts = server(ScriptedServer.json(504, "{}"), ScriptedServer.json(200, "{}"));
        assertThat(transport(sleeper.settings(3))
                        .send(upload(timeouts.url("/api/command")))
                        .status())
                .isEqualTo(504);
        assertThat(timeouts.received()).hasSize(1);
    }

    @Test
    void after5xxRetriesTheLastAnswerIsReturnedWithItsAttempts() throws Exception {
        ScriptedServer server = server(ScriptedServer.json(503, "{\"m\":\"down\"}"));

        HttpReply reply = transport(sleeper.settings(2)).send(get(server.url("/x")));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.attempts()).isEqualTo(3);
        assertThat(text(reply)).isEqualTo("{\"m\":\"down\"}");
    }

    @Test
    void aStalledServerEndsInAClearReadTimeout() throws Exception {
        RawServer server = closing(new RawServer(RawServer.STALL));
        HttpTransport transport = transport(sleeper.settings(3, Duration.ofMillis(300)));

        assertThatThrownBy(() -> transport.send(upload(server.url("/api/command"))))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("test upload failed: timed out waiting for the answer (http://127.0.0.1:");
                    assertThat(e.getMessage()).contains("may have received the request");
                    assertThat(e.hint()).contains(Setting.READ_TIMEOUT.ref());
                });
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void aReadTimeoutIsRetriedForIdempotentRequests() throws Exception {
        RawServer server = closing(new RawServer(RawServer.STALL));
        HttpTransport transport = transport(sleeper.settings(1, Duration.ofMillis(200)));

        assertThatThrownBy(() -> transport.send(get(server.url("/x"))))
                .hasMessageStartingWith("test GET failed (after 2 attempts): timed out waiting for the answer");
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void anUnknownHostIsNotRetried() {
        DnsResolver noSuchHost = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                throw new UnknownHostException(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                throw new UnknownHostException(host);
            }
        };
        HttpTransport transport = transport(sleeper.settings(3), noSuchHost);

        assertThatThrownBy(() -> transport.send(get("https://cloud.sodaa.io/api/command")))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("test GET failed: the host name cannot be resolved (https://cloud.sodaa.io).");
                    assertThat(e.hint()).contains("host setting");
                });
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void anAddressWithoutHostIsAConfigurationError() {
        assertThatThrownBy(() -> transport(sleeper.settings(3)).send(get("http://my_host:8080/api/command")))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
                    assertThat(e.getMessage())
                            .isEqualTo("test GET cannot be sent: the address http://my_host:8080 has "
                                    + "no valid host name.");
                });
    }

    @Test
    void anAnswerThatIsNotHttpIsNotRetried() throws Exception {
        RawServer server = closing(new RawServer(RawServer.NOT_HTTP));

        assertThatThrownBy(() -> transport(sleeper.settings(3)).send(get(server.url("/x"))))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("test GET failed: the answer is not valid HTTP (http://127.0.0.1:");
                    assertThat(e.hint()).contains("scheme and port");
                });
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void followsRedirectsOfGetsKeepingAuthorizationOnTheSameHost() throws Exception {
        ScriptedServer server =
                server(ScriptedServer.redirect(302, "/moved?x=1"), ScriptedServer.json(200, "{\"at\":2}"));

        HttpReply reply = transport(sleeper.settings(0))
                .send(HttpCall.get(
                        "test GET",
                        URI.create(server.url("/start")),
                        Map.of("Accept", "application/json"),
                        Secret.of("Token abc")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(text(reply)).isEqualTo("{\"at\":2}");
        assertThat(server.received())
                .extracting(ScriptedServer.Received::pathAndQuery)
                .containsExactly("/start", "/moved?x=1");
        assertThat(server.received())
                .allSatisfy(
                        request -> assertThat(request.header("authorization")).isEqualTo("Token abc"));
    }

    @Test
    void dropsAuthorizationWhenARedirectLeavesTheHost() throws Exception {
        ScriptedServer other = server(ScriptedServer.json(200, "{\"elsewhere\":true}"));
        ScriptedServer first = server(ScriptedServer.redirect(307, other.url("/file")));

        HttpReply reply = transport(sleeper.settings(0))
                .send(HttpCall.get("test GET", URI.create(first.url("/a")), Map.of(), Secret.of("Token abc")));

        assertThat(text(reply)).isEqualTo("{\"elsewhere\":true}");
        assertThat(first.received().get(0).header("authorization")).isEqualTo("Token abc");
        assertThat(other.received())
                .singleElement()
                .satisfies(
                        request -> assertThat(request.header("authorization")).isNull());
    }

    @Test
    void doesNotFollowRedirectsOfPosts() throws Exception {
        ScriptedServer other = server(ScriptedServer.json(200, "{}"));
        ScriptedServer first = server(ScriptedServer.redirect(308, other.url("/api/command")));

        HttpReply reply = transport(sleeper.settings(0)).send(upload(first.url("/api/command")));

        assertThat(reply.status()).isEqualTo(308);
        assertThat(reply.header("location")).contains(other.url("/api/command"));
        assertThat(other.received()).isEmpty();
    }

    @Test
    void stopsFollowingARedirectLoop() throws Exception {
        ScriptedServer server = server(ScriptedServer.redirect(302, "/again"));

        HttpReply reply = transport(sleeper.settings(0)).send(get(server.url("/start")));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(server.received()).hasSize(6);
    }

    @Test
    void downloadsToAFileThatAppearsComplete() throws Exception {
        byte[] content = "{\"metadata\":{},\"results\":[]}".getBytes(StandardCharsets.UTF_8);
        ScriptedServer server = server(ScriptedServer.bytes(200, Map.of("Content-Type", "application/json"), content));
        Path target = dir.resolve("run-1/step-4/run_results.json");

        HttpReply reply = transport(sleeper.settings(0)).download(get(server.url("/a")), target, DownloadListener.NONE);

        assertThat(reply.file()).isEqualTo(target);
        assertThat(target).hasBinaryContent(content);
        assertThat(listing(target.getParent())).containsExactly("run_results.json");
    }

    @Test
    void aDroppedDownloadLeavesNoPartialFile() throws Exception {
        RawServer server = closing(new RawServer(RawServer.CUT_SHORT));
        Path target = dir.resolve("run-1/manifest.json");

        assertThatThrownBy(() ->
                        transport(sleeper.settings(1)).download(get(server.url("/m")), target, DownloadListener.NONE))
                .hasMessageContaining("dropped in the middle of the answer");

        assertThat(target).doesNotExist();
        assertThat(listing(target.getParent())).isEmpty();
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void aDownloadErrorAnswerIsReadIntoMemoryAndWritesNoFile() throws Exception {
        ScriptedServer server = server(ScriptedServer.json(404, "{\"status\":{\"code\":404}}"));
        Path target = dir.resolve("run-1/manifest.json");

        HttpReply reply = transport(sleeper.settings(2)).download(get(server.url("/m")), target, DownloadListener.NONE);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.file()).isNull();
        assertThat(text(reply)).contains("404");
        assertThat(target).doesNotExist();
    }

    @Test
    void aDownloadThatCannotBeWrittenLocallyIsNotRetried() throws Exception {
        ScriptedServer server = server(ScriptedServer.json(200, "{}"));
        Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Path target = dir.resolve("blocker/run_results.json");

        assertThatThrownBy(() ->
                        transport(sleeper.settings(3)).download(get(server.url("/m")), target, DownloadListener.NONE))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage()).contains("the download could not be written to");
                    assertThat(e.getMessage()).contains("blocker");
                });
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void refusesAnswersLargerThanTheMemoryCap() throws Exception {
        for (boolean announced : new boolean[] {true, false}) {
            ScriptedServer server = server(ScriptedServer.large(HttpTransport.MAX_MEMORY_BODY + 1L, announced));

            assertThatThrownBy(() -> transport(sleeper.settings(2)).send(get(server.url("/big"))))
                    .isInstanceOfSatisfying(IngestException.class, e -> {
                        assertThat(e.getMessage()).contains("the answer is larger than 16 MiB");
                        assertThat(e.hint()).contains("not the expected API");
                    });
            assertThat(server.received()).as("not retried").hasSize(1);
        }
    }

    @Test
    void aDownloadIsNotBoundByTheMemoryCap() throws Exception {
        long size = HttpTransport.MAX_MEMORY_BODY + 10L;
        ScriptedServer server = server(ScriptedServer.large(size, false));
        Path target = dir.resolve("big.json");

        transport(sleeper.settings(0)).download(get(server.url("/big")), target, DownloadListener.NONE);

        assertThat(Files.size(target)).isEqualTo(size);
    }

    @Test
    void goesThroughTheConfiguredProxyWithItsCredentials() throws Exception {
        ScriptedServer proxy = server(
                ScriptedServer.status(407, Map.of("Proxy-Authenticate", "Basic realm=\"corp\""), ""),
                ScriptedServer.json(200, "{\"via\":\"proxy\"}"));
        HttpSettings settings = new HttpSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                0,
                Duration.ofMillis(1),
                Duration.ofSeconds(1),
                "ua",
                List.of(new ProxySettings(
                        "http", "127.0.0.1", proxy.port(), "me", Secret.of("proxy-pass"), "localhost")),
                sleeper,
                Duration.ofMinutes(1),
                64L * 1024 * 1024,
                Duration.ofSeconds(120));
        DnsResolver onlyLoopback = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (!host.equals("127.0.0.1")) {
                    throw new UnknownHostException("resolved locally: " + host);
                }
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };

        HttpReply reply = transport(settings, onlyLoopback).send(get("http://dbt-cloud.example/api/v2/x"));

        assertThat(text(reply)).isEqualTo("{\"via\":\"proxy\"}");
        List<ScriptedServer.Received> received = proxy.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(0).pathAndQuery()).isEqualTo("http://dbt-cloud.example/api/v2/x");
        String expected = "Basic "
                + java.util.Base64.getEncoder().encodeToString("me:proxy-pass".getBytes(StandardCharsets.UTF_8));
        assertThat(received.get(1).header("proxy-authorization")).isEqualTo(expected);
    }

    @Test
    void nonProxyHostsBypassTheProxy() throws Exception {
        ScriptedServer target = server(ScriptedServer.json(200, "{\"direct\":true}"));
        HttpSettings settings = new HttpSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                0,
                Duration.ofMillis(1),
                Duration.ofSeconds(1),
                "ua",
                List.of(new ProxySettings("http", "127.0.0.1", freePort(), null, null, "localhost|127.0.0.*")),
                sleeper,
                Duration.ofMinutes(1),
                64L * 1024 * 1024,
                Duration.ofSeconds(120));

        HttpReply reply = transport(settings).send(get(target.url("/x")));

        assertThat(text(reply)).isEqualTo("{\"direct\":true}");
    }

    private static String text(HttpReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
