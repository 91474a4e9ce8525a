package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport against servers that try to exhaust the disk, the memory or the build's time, or to
 * get something into the log: each test is an attack, bounded by {@link Timeout} since the failure
 * before the fix was a hang.
 */
// A blocked socket read ignores interrupts: the test thread is abandoned rather than waited for.
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileServerTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @TempDir
    static Path tlsFolder;

    private static LocalTls tls;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> retries = new CopyOnWriteArrayList<>();
    private final RetryListener recordingRetries = (description, reason, next, max, wait) ->
            retries.add(description + " | " + reason + " | " + next + "/" + max);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void certificate() throws Exception {
        tls = LocalTls.create(tlsFolder);
    }

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

    /** Settings with a 10 s read timeout (far above any deadline here: the deadline must be what ends a drip), the given deadline and download limit, backoff as in the other tests. */
    private HttpSettings settings(int maxRetries, Duration deadline, long maxDownloadBytes) {
        return new HttpSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                maxRetries,
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                "soda-maven-plugin/test",
                List.of(),
                sleeper,
                deadline,
                maxDownloadBytes,
                Duration.ofSeconds(120));
    }

    private HttpSettings limitedTo(long maxDownloadBytes) {
        return settings(2, Duration.ofMinutes(1), maxDownloadBytes);
    }

    private HttpSettings deadline(int maxRetries, Duration deadline) {
        return settings(maxRetries, deadline, MIB);
    }

    private HttpTransport transport(HttpSettings settings) {
        return closing(new HttpTransport(settings, recordingRetries));
    }

    /** A transport that trusts the local TLS server's certificate. */
    private HttpTransport tlsTransport(HttpSettings settings) throws Exception {
        return closing(new HttpTransport(
                HttpClientFactory.create(settings, SystemDefaultDnsResolver.INSTANCE, tls.client()),
                RetryPolicy.of(settings, Clock.systemUTC()),
                settings,
                recordingRetries));
    }

    private ScriptedServer server(ScriptedServer.Answer... answers) throws IOException {
        return closing(new ScriptedServer()).then(answers);
    }

    private static HttpCall get(String url) {
        return HttpCall.get("test GET", URI.create(url), Map.of(), null);
    }

    private static HttpCall upload(String url) {
        return HttpCall.postJson(
                "test upload",
                URI.create(url),
                RequestBody.of("{\"scan\":1}".getBytes(StandardCharsets.UTF_8)),
                RetryMode.ONLY_IF_NOT_PROCESSED);
    }

    /** Neither the file nor a temporary file beside it. */
    private static void assertNothingWritten(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var files = Files.list(folder)) {
                assertThat(files).as("files left in %s", folder).isEmpty();
            }
        }
    }

    // --- downloads within maxDownloadSize

    @Test
    void aDownloadLargerThanTheLimitIsRefusedAndLeavesNoFile() throws Exception {
        for (boolean announced : new boolean[] {true, false}) {
            ScriptedServer server = server(ScriptedServer.large(3 * MIB, announced));
            Path target = dir.resolve("announced-" + announced + "/manifest.json");

            assertThatThrownBy(() -> transport(limitedTo(MIB)).download(get(server.url("/m")), target, (a, b) -> {}))
                    .as("announced %s", announced)
                    .isInstanceOfSatisfying(IngestException.class, e -> {
                        assertThat(e.kind()).isEqualTo(IngestException.Kind.REMOTE);
                        assertThat(e.getMessage())
                                .isEqualTo("test GET failed: the file is larger than the download limit of 1 MiB,"
                                        + " counted as written to disk (" + server.url("") + ").");
                        assertThat(e.hint()).contains(Setting.MAX_DOWNLOAD_SIZE.ref());
                    });
            assertThat(server.received()).as("not retried").hasSize(1);
            assertNothingWritten(target.getParent());
        }
    }

    @Test
    void aSmallGzipAnswerThatInflatesBeyondTheLimitIsRefused() throws Exception {
        byte[] inflated = new byte[(int) (4 * MIB)];
        Arrays.fill(inflated, (byte) ' ');
        ScriptedServer server = server(ScriptedServer.gzip(200, inflated));
        Path target = dir.resolve("run-1/run_results.json");

        assertThatThrownBy(() -> transport(limitedTo(MIB)).download(get(server.url("/r")), target, (a, b) -> {}))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage()).contains("larger than the download limit of 1 MiB");
                    assertThat(e.hint()).contains(Setting.MAX_DOWNLOAD_SIZE.ref());
                });
        assertThat(server.received()).hasSize(1);
        assertNothingWritten(target.getParent());
    }

    @Test
    void aDownloadThatNeverEndsIsCutAtTheLimitAndItsConnectionClosed() throws Exception {
        // A little slower than the loopback allows, so the unbounded transport fills the disk slowly.
        RawServer server = closing(new RawServer(RawServer.endless(200, Duration.ofMillis(2))));
        Path target = dir.resolve("run-1/manifest.json");

        assertThatThrownBy(() -> transport(limitedTo(MIB)).download(get(server.url("/m")), target, (a, b) -> {}))
                .hasMessageContaining("larger than the download limit of 1 MiB");
        assertNothingWritten(target.getParent());
        assertThat(server.connectionsEnded(1, Duration.ofSeconds(20)))
                .as("the connection was closed, not left open or read to its end")
                .isTrue();
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void aDownloadOfExactlyTheLimitIsKept() throws Exception {
        ScriptedServer server = server(ScriptedServer.large(MIB, false));
        Path target = dir.resolve("manifest.json");

        transport(limitedTo(MIB)).download(get(server.url("/m")), target, (a, b) -> {});

        assertThat(Files.size(target)).isEqualTo(MIB);
    }

    // --- one try within requestDeadline, however slowly the server sends

    @Test
    void headersDrippedUnderTheReadTimeoutEndAtTheDeadlineAndAGetIsTriedAgain() throws Exception {
        RawServer server = closing(new RawServer(RawServer.dripHeaders(Duration.ofMillis(200))));

        assertThatThrownBy(() -> transport(deadline(1, Duration.ofSeconds(1))).send(get(server.url("/x"))))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.REMOTE);
                    assertThat(e.getMessage())
                            .isEqualTo("test GET failed (after 2 attempts): it did not finish within the request"
                                    + " deadline of 1 s (" + server.url("") + ").");
                    assertThat(e.hint()).contains(Setting.REQUEST_DEADLINE.ref());
                });
        assertThat(server.connections()).isEqualTo(2);
        assertThat(retries).singleElement().asString().contains("did not finish within the request deadline");
        assertThat(server.connectionsEnded(2, Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void aDownloadDrippedUnderTheReadTimeoutEndsAtTheDeadlineAndLeavesNoFile() throws Exception {
        RawServer server = closing(new RawServer(RawServer.dripBody(Duration.ofMillis(200))));
        Path target = dir.resolve("run-1/manifest.json");

        assertThatThrownBy(() -> transport(deadline(0, Duration.ofSeconds(1)))
                        .download(get(server.url("/m")), target, (a, b) -> {}))
                .hasMessageContaining("did not finish within the request deadline of 1 s");
        assertNothingWritten(target.getParent());
        assertThat(server.connectionsEnded(1, Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void anUploadCutAtTheDeadlineIsNotRepeated() throws Exception {
        RawServer server = closing(new RawServer(RawServer.dripBody(Duration.ofMillis(200))));

        assertThatThrownBy(() -> transport(deadline(3, Duration.ofSeconds(1))).send(upload(server.url("/api"))))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("test upload failed: it did not finish within the request deadline of 1 s");
                    assertThat(e.getMessage()).contains("may have received the request");
                });
        assertThat(server.connections()).isEqualTo(1);
    }

    // --- error bodies: only their start is read

    @Test
    void aGzipAnswerWhoseStreamGoesOnAfterItsEndIsNotReadFurther() throws Exception {
        for (int status : new int[] {200, 500}) {
            RawServer server = closing(new RawServer(RawServer.gzipThenEndless(status, "{\"ok\":true}")));

            HttpReply reply = transport(deadline(0, Duration.ofMinutes(1))).send(get(server.url("/x")));

            assertThat(reply.status()).isEqualTo(status);
            assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
            assertThat(server.connectionsEnded(1, Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void aGzipDownloadWhoseStreamGoesOnAfterItsEndIsKeptWithoutWaiting() throws Exception {
        RawServer server = closing(new RawServer(RawServer.gzipThenEndless(200, "{\"results\":[]}")));
        Path target = dir.resolve("run-1/run_results.json");

        transport(deadline(0, Duration.ofMinutes(1))).download(get(server.url("/r")), target, (a, b) -> {});

        assertThat(target).hasContent("{\"results\":[]}");
        assertThat(server.connectionsEnded(1, Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void anEndlessHeaderLineIsRefusedAtItsLimitNotReadIntoMemory() throws Exception {
        RawServer server = closing(new RawServer((socket, closing) -> {
            java.io.OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            while (closing.getCount() > 0) {
                out.write(chunk);
                out.flush();
            }
        }));

        assertThatThrownBy(() -> transport(deadline(0, Duration.ofMinutes(1))).send(get(server.url("/x"))))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("test GET failed");
        assertThat(server.connectionsEnded(1, Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIsNotPassedOn() throws Exception {
        for (String type : List.of("Bearer sk_live_0123456789abcdef0123", "text/plain; x=" + "y".repeat(300))) {
            ScriptedServer server = server(ScriptedServer.status(500, Map.of("Content-Type", type), "oops"));

            HttpReply reply = transport(deadline(0, Duration.ofMinutes(1))).send(get(server.url("/x")));

            assertThat(reply.contentType()).isEqualTo("none");
            assertThat(reply.headers()).doesNotContainKey("content-type");
        }
        ScriptedServer plain =
                server(ScriptedServer.status(500, Map.of("Content-Type", "text/html; charset=utf-8"), ""));
        assertThat(transport(deadline(0, Duration.ofMinutes(1)))
                        .send(get(plain.url("/x")))
                        .contentType())
                .isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void anEndlessErrorBodyGivesItsStartAndTheConnectionIsClosed() throws Exception {
        RawServer server = closing(new RawServer(RawServer.endless(500, Duration.ZERO)));

        HttpReply reply = transport(deadline(0, Duration.ofMinutes(1))).send(get(server.url("/x")));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).hasSize(HttpTransport.MAX_ERROR_BODY);
        assertThat(new String(reply.body(), 0, 10, StandardCharsets.US_ASCII)).isEqualTo("eeeeeeeeee");
        assertThat(server.connectionsEnded(1, Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void anEndlessErrorIsRetriedOnAFreshConnection() throws Exception {
        RawServer server = closing(new RawServer(RawServer.endless(503, Duration.ZERO)));

        HttpReply reply = transport(deadline(1, Duration.ofMinutes(1))).send(get(server.url("/x")));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.connectionsEnded(2, Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void aLargeErrorBodyIsCutAndItsConnectionNotReused() throws Exception {
        byte[] big = new byte[(int) (2 * MIB)];
        Arrays.fill(big, (byte) 'x');
        ScriptedServer server = server(
                ScriptedServer.bytes(500, Map.of("Content-Type", "text/plain"), big),
                ScriptedServer.json(200, "{\"ok\":true}"));
        HttpTransport transport = transport(deadline(0, Duration.ofMinutes(1)));

        HttpReply error = transport.send(get(server.url("/a")));
        HttpReply next = transport.send(get(server.url("/b")));

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.body()).hasSize(HttpTransport.MAX_ERROR_BODY);
        // The rest of the error was not left on a pooled connection for the next answer to trip over.
        assertThat(next.status()).isEqualTo(200);
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void aSuccessfulAnswerOverTheMemoryCapDoesNotWaitForItsEnd() throws Exception {
        RawServer server = closing(new RawServer(RawServer.endless(200, Duration.ZERO)));

        assertThatThrownBy(() -> transport(deadline(2, Duration.ofMinutes(1))).send(get(server.url("/x"))))
                .hasMessageContaining("the answer is larger than 16 MiB");
        assertThat(server.connections()).as("not retried").isEqualTo(1);
        assertThat(server.connectionsEnded(1, Duration.ofSeconds(20))).isTrue();
    }

    // --- Retry-After is read, never repeated

    @Test
    void aRetryAfterThatIsNoDelayNorDateIsIgnoredAndNotPassedOn() throws Exception {
        String secretish = "Bearer sk_live_Zx81mQ0rT5vW2yB7";
        ScriptedServer server = server(ScriptedServer.status(503, Map.of("Retry-After", secretish), "{}"));

        HttpReply reply = transport(sleeper.settings(1)).send(get(server.url("/x")));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(reply.header("retry-after")).isEmpty();
        assertThat(reply.headers().values()).noneMatch(value -> value.contains("sk_live"));
        assertThat(retries).singleElement().asString().doesNotContain("sk_live");
        // The backoff, as without a Retry-After.
        assertThat(sleeper.waits())
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @Test
    void aValidRetryAfterIsKeptForTheMessage() throws Exception {
        ScriptedServer server =
                server(ScriptedServer.status(429, Map.of("Retry-After", "Fri, 20 Nov 2099 08:30:16 GMT"), "{}"));

        HttpReply reply = transport(sleeper.settings(1)).send(get(server.url("/x")));

        assertThat(reply.header("retry-after")).contains("Fri, 20 Nov 2099 08:30:16 GMT");
    }

    // --- redirects never leave https

    @Test
    void aRedirectFromHttpsToPlainHttpIsRefused() throws Exception {
        ScriptedServer plain = server(ScriptedServer.json(200, "{}"));
        ScriptedServer secure = closing(new ScriptedServer(tls.server()))
                .then(ScriptedServer.redirect(302, plain.url("/artifact?token=abc123")));
        Path target = dir.resolve("run-1/manifest.json");

        assertThatThrownBy(() -> tlsTransport(sleeper.settings(2))
                        .download(
                                HttpCall.get("test GET", URI.create(secure.url("/a")), Map.of(), Secret.of("Token t")),
                                target,
                                (a, b) -> {}))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IngestException.Kind.REMOTE);
                    assertThat(e.getMessage())
                            .isEqualTo("test GET failed: the server redirected it from https to plain http at "
                                    + plain.url("") + ", which is refused (" + secure.url("") + ").");
                    assertThat(e.getMessage()).doesNotContain("token=abc123");
                    assertThat(e.hint()).contains("https");
                });
        assertThat(plain.received()).isEmpty();
        assertThat(secure.received()).as("not retried").hasSize(1);
        assertNothingWritten(target.getParent());
    }

    @Test
    void aRedirectWithinHttpsIsFollowed() throws Exception {
        ScriptedServer secure = closing(new ScriptedServer(tls.server()))
                .then(ScriptedServer.redirect(302, "/moved"), ScriptedServer.json(200, "{\"at\":2}"));

        HttpReply reply = tlsTransport(sleeper.settings(0)).send(get(secure.url("/a")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"at\":2}");
    }
}
