package dev.sodamaven.soda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import dev.sodamaven.http.HttpTransport;
import dev.sodamaven.http.RecordingSleeper;
import dev.sodamaven.testing.FakeCloud;
import dev.sodamaven.testing.FakeCloud.Fault;
import dev.sodamaven.testing.SharedArtifacts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The Soda Cloud client against the local fake Soda Cloud: login, upload body, re-login, errors, no secret leaks. */
class SodaCloudClientTest {

    private static final String KEY_ID = "id-7f3a51";
    private static final String KEY_SECRET = "secret-9b1c77";
    private static final String UPLOAD = "sodaCoreInsertScanResults";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeCloud cloud;
    private HttpTransport transport;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void start() throws IOException {
        cloud = FakeCloud.start(SharedArtifacts.sharedDir().resolve("contracts/soda-scan-results.schema.json"))
                .withApiKey(KEY_ID, KEY_SECRET);
        transport = new HttpTransport(sleeper.settings(2), (description, reason, next, max, wait) -> {});
    }

    @AfterEach
    void stop() throws IOException {
        transport.close();
        cloud.close();
    }

    private SodaCloudClient client(String keyId, String keySecret) {
        return client(new SodaCloudEndpoint("http", "127.0.0.1", cloud.port()), keyId, keySecret);
    }

    private SodaCloudClient client(SodaCloudEndpoint endpoint, String keyId, String keySecret) {
        return new SodaCloudClient(
                transport,
                endpoint,
                new SodaCloudClient.ApiKey(Secret.of(keyId), Secret.of(keySecret), "settings.xml server 'soda-cloud'"),
                new Secrets(),
                notice -> {});
    }

    private SodaCloudClient client() {
        return client(KEY_ID, KEY_SECRET);
    }

    private SavedScan saved(ScanResults results) throws IngestException {
        Path file = dir.resolve("scan-results.json");
        new ScanResultsWriter().write(results, file);
        return ScanResultsFile.inspect(file);
    }

    @Test
    void logsInWithExactlyTypeKeyIdAndSecret() throws Exception {
        client().upload(saved(SampleScans.oneCheck("jaffle_shop")));

        JsonNode login = cloud.commands("login").get(0).json();
        assertThat(fieldNames(login)).containsExactly("type", "apiKeyId", "apiKeySecret");
        assertThat(login.path("type").asText()).isEqualTo("login");
        assertThat(login.path("apiKeyId").asText()).isEqualTo(KEY_ID);
        assertThat(login.path("apiKeySecret").asText()).isEqualTo(KEY_SECRET);
        FakeCloud.Request request = cloud.commands("login").get(0);
        assertThat(request.path()).isEqualTo("/api/command");
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.header("authorization")).isNull();
    }

    @Test
    void uploadsTheSavedFileWithOnlyTheTokenSplicedIn() throws Exception {
        SavedScan scan = saved(SampleScans.varied());

        UploadReceipt receipt = client().upload(scan);

        FakeCloud.Request upload = cloud.commands(UPLOAD).get(0);
        String token = upload.json().path("token").asText();
        assertThat(token).startsWith("fake-token-");
        byte[] file = Files.readAllBytes(scan.file());
        byte[] expected = concat(
                ("{\"token\":\"" + token + "\",").getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOfRange(file, 1, file.length));
        assertThat(upload.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(upload.header("content-length")).isEqualTo(String.valueOf(expected.length));

        ObjectNode body = (ObjectNode) JSON.readTree(upload.body());
        body.remove("token");
        assertThat(body).isEqualTo(JSON.readTree(file.length == 0 ? new byte[0] : file));
        assertThat(Files.readString(scan.file())).doesNotContain(token);
        assertThat(receipt.checks()).isEqualTo(5);
        assertThat(receipt.attempts()).isEqualTo(1);
    }

    @Test
    void theBodySodaCloudReceivesConformsToTheContractSchema() throws Exception {
        client().upload(saved(SampleScans.varied()));

        JsonNode received = cloud.commands(UPLOAD).get(0).json();
        assertThat(UploadSchema.violations(received)).isEmpty();
        assertThat(cloud.schemaErrors()).isEmpty();
        assertThat(cloud.acceptedScans()).hasSize(1);
        JsonNode checks = received.path("checks");
        assertThat(checks).hasSize(5);
        assertThat(checks.get(1).path("name").asText()).isEqualTo("accepted_values_kunden_stadt__Zürich__\"Genève\"");
        assertThat(checks.get(1).path("table").asText()).isEqualTo("Kundenübersicht");
        assertThat(checks.get(2).path("column").isNull()).isTrue();
        assertThat(checks.get(4).path("name").asText()).isEqualTo("unique_日本語_id 🚀");
        assertThat(received.path("hasErrors").asBoolean()).isTrue();
        assertThat(received.path("logs").get(3).path("level").asText()).isEqualTo("error");
        assertThat(received.path("dataTimestamp").asText()).isEqualTo("2026-11-20T08:30:12+00:00");
        assertThat(received.path("scanEndTimestamp").asText()).isEqualTo("2026-11-20T08:30:14+00:00");
    }

    @Test
    void returnsTheTraceIdOfTheUpload() throws Exception {
        UploadReceipt receipt = client().upload(saved(SampleScans.oneCheck("jaffle_shop")));

        assertThat(receipt.traceId()).startsWith("upload-trace-");
    }

    @Test
    void a401OnTheUploadMeansOneNewLoginAndOneResend() throws Exception {
        cloud.addFault(Fault.status(UPLOAD, 401, Map.of(), "{\"message\":\"token expired\"}"));

        UploadReceipt receipt = client().upload(saved(SampleScans.oneCheck("jaffle_shop")));

        assertThat(cloud.commands("login")).hasSize(2);
        assertThat(cloud.commands(UPLOAD)).hasSize(2);
        assertThat(cloud.acceptedScans()).hasSize(1);
        assertThat(receipt.attempts()).isEqualTo(2);
        List<String> tokens = cloud.commands(UPLOAD).stream()
                .map(r -> r.json().path("token").asText())
                .toList();
        assertThat(tokens.get(0)).isNotEqualTo(tokens.get(1));
    }

    @Test
    void aSecond401IsAClearError() throws Exception {
        cloud.addFault(Fault.status(UPLOAD, 401, Map.of(), "{\"message\":\"token expired\"}"));
        cloud.addFault(Fault.status(UPLOAD, 401, Map.of("X-Soda-Trace-Id", "tr-401"), "{\"message\":\"not allowed\"}"));
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));

        IngestException error = failure(() -> client().upload(scan));

        assertThat(error.getMessage())
                .isEqualTo("Soda Cloud at http://127.0.0.1:" + cloud.port()
                        + "/api refused the scan upload: HTTP 401; trace id tr-401: not allowed.");
        assertThat(error.hint()).contains("accepted at login but not for the upload");
        assertThat(cloud.commands("login")).hasSize(2);
        assertThat(cloud.commands(UPLOAD)).hasSize(2);
        assertThat(cloud.acceptedScans()).isEmpty();
    }

    @Test
    void aTokenThatExpiredBetweenCommandsLeadsToANewLogin() throws Exception {
        SodaCloudClient client = client();
        client.upload(saved(SampleScans.oneCheck("jaffle_shop")));
        cloud.addFault(Fault.expireTokens(UPLOAD));

        UploadReceipt second = client.upload(saved(SampleScans.oneCheck("other_source")));

        assertThat(second.traceId()).startsWith("upload-trace-");
        assertThat(cloud.commands("login")).hasSize(2);
        assertThat(cloud.acceptedScans())
                .extracting(scan -> scan.path("defaultDataSource").asText())
                .containsExactly("jaffle_shop", "other_source");
    }

    @Test
    void aWrongKeyIsAConfigurationErrorNamingWhereTheKeyCameFrom() throws Exception {
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));

        IngestException error = failure(() -> client(KEY_ID, "wrong-secret-123").upload(scan));

        assertThat(error.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(error.getMessage())
                .contains("rejected the API key (HTTP 401; the key came from settings.xml server 'soda-cloud')");
        assertThat(error.hint()).contains(Setting.API_KEY_ID.ref(), Setting.API_KEY_SECRET.ref(), "cloud.us.soda.io");
        assertThat(describe(error)).doesNotContain("wrong-secret-123");
        assertThat(cloud.commands(UPLOAD)).isEmpty();
    }

    @Test
    void anHtmlPageAnsweringTheLoginIsReportedClearly() throws Exception {
        cloud.addFault(Fault.status(
                "login",
                200,
                Map.of("Content-Type", "text/html"),
                "<html><head><title>Corporate proxy: sign in</title></head><body>" + KEY_SECRET + "</body></html>"));
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));

        IngestException error = failure(() -> client().upload(scan));

        assertThat(error.getMessage())
                .contains("answered the login with a non-JSON body (Content-Type text/html: "
                        + "an HTML page titled 'Corporate proxy: sign in')");
        assertThat(error.hint()).contains(Setting.SODA_CLOUD_HOST.ref());
    }

    @Test
    void aNonJsonAnswerToTheUploadSaysTheOutcomeIsUnknown() throws Exception {
        cloud.addFault(Fault.status(UPLOAD, 200, Map.of("Content-Type", "text/plain"), "OK, thanks"));
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));

        IngestException error = failure(() -> client().upload(scan));

        assertThat(error.getMessage())
                .contains("non-JSON body (HTTP 200, Content-Type text/plain: OK, thanks)")
                .contains("unknown whether the scan was stored");
        assertThat(error.hint()).startsWith("Check in Soda Cloud whether the scan arrived before sending it again");
        assertThat(cloud.commands(UPLOAD)).hasSize(1);
    }

    @Test
    void aRedirectIsAConfigurationError() throws Exception {
        cloud.addFault(Fault.status("login", 301, Map.of("Location", "https://cloud.us.soda.io/api/command"), ""));
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));

        IngestException onLogin = failure(() -> client().upload(scan));
        assertThat(onLogin.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(onLogin.getMessage())
                .contains("answered with a redirect (HTTP 301 to https://cloud.us.soda.io/api/command)");

        cloud.addFault(Fault.status(UPLOAD, 302, Map.of("Location", "https://elsewhere.example/api/command"), ""));
        IngestException onUpload = failure(() -> client().upload(scan));
        assertThat(onUpload.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(onUpload.getMessage()).contains("HTTP 302 to https://elsewhere.example/api/command");
        assertThat(cloud.requests().stream().filter(r -> !r.path().equals("/api/command")))
                .isEmpty();
    }

    @Test
    void a400ShowsSodaCloudsMessageWithSecretsRemoved() throws Exception {
        cloud.addFault(Fault.status(
                UPLOAD,
                400,
                Map.of("X-Soda-Trace-Id", "tr-400"),
                "{\"code\":\"invalid\",\"message\":\"Check 'x' rejected (token fake-token-1, key " + KEY_ID + "/"
                        + KEY_SECRET + ")\"}"));
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));

        IngestException error = failure(() -> client().upload(scan));

        assertThat(error.getMessage())
                .endsWith("refused the scan upload: HTTP 400; trace id tr-400: "
                        + "Check 'x' rejected (token ****, key ****/****).");
        assertThat(error.hint()).contains("contact Soda support with the trace id");
    }

    @Test
    void aRefusedUploadIsRetriedOnlyWhenSodaCloudCannotHaveStoredIt() throws Exception {
        cloud.addFault(Fault.status(UPLOAD, 503, Map.of(), "{}"));
        cloud.addFault(Fault.status(UPLOAD, 429, Map.of("Retry-After", "2"), "{}"));

        UploadReceipt receipt = client().upload(saved(SampleScans.oneCheck("jaffle_shop")));

        assertThat(receipt.attempts()).isEqualTo(3);
        assertThat(cloud.acceptedScans()).hasSize(1);
        assertThat(sleeper.waits()).hasSize(2).last().isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBadGatewayOnTheUploadIsNotRepeated() throws Exception {
        cloud.addFault(Fault.status(
                UPLOAD, 502, Map.of("Content-Type", "text/html"), "<html><title>502 Bad Gateway</title></html>"));
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));

        IngestException error = failure(() -> client().upload(scan));

        assertThat(error.getMessage()).contains("HTTP 502: an HTML page titled '502 Bad Gateway'");
        assertThat(error.hint()).contains("check in Soda Cloud whether it arrived before sending it again");
        assertThat(cloud.commands(UPLOAD)).hasSize(1);
    }

    @Test
    void aConnectionDroppedDuringTheUploadIsNotRepeated() throws Exception {
        cloud.addFault(Fault.drop(UPLOAD));
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));

        IngestException error = failure(() -> client().upload(scan));

        assertThat(error.getMessage())
                .startsWith("Soda Cloud scan upload failed: the connection was dropped in the middle")
                .contains("The server may have received the request");
        assertThat(cloud.commands(UPLOAD)).hasSize(1);
    }

    @Test
    void aDroppedLoginIsRepeated() throws Exception {
        cloud.addFault(Fault.drop("login"));

        client().upload(saved(SampleScans.oneCheck("jaffle_shop")));

        assertThat(cloud.commands("login")).hasSize(2);
        assertThat(cloud.acceptedScans()).hasSize(1);
    }

    @Test
    void aLoginWithoutTokenOrAtAnotherApiIsReportedClearly() throws Exception {
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));
        cloud.addFault(Fault.status("login", 200, Map.of(), "{\"session\":\"x\"}"));
        assertThat(failure(() -> client().upload(scan)).getMessage()).contains("answered the login without a token");

        cloud.addFault(Fault.status("login", 404, Map.of("Content-Type", "text/plain"), "Not Found"));
        IngestException notThere = failure(() -> client().upload(scan));
        assertThat(notThere.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(notThere.getMessage()).contains("there is no Soda Cloud API at this address");
    }

    @Test
    void anUnreachableSodaCloudIsOneClearMessage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));

        IngestException error =
                failure(() -> client(new SodaCloudEndpoint("http", "127.0.0.1", port), KEY_ID, KEY_SECRET)
                        .upload(scan));

        assertThat(error.getMessage())
                .isEqualTo("Soda Cloud login failed (after 3 attempts): connection refused (http://127.0.0.1:" + port
                        + ").");
    }

    @Test
    void noErrorPathRevealsASecret() throws Exception {
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));
        // The fake numbers its tokens; the echo holds every token any of the clients below can be given.
        StringBuilder tokens = new StringBuilder();
        for (int n = 1; n <= 40; n++) {
            tokens.append(" fake-token-").append(n).append(';');
        }
        String echo = "{\"message\":\"echo " + KEY_ID + " " + KEY_SECRET + tokens + "\"}";
        List<Executable> paths = List.of(
                () -> cloud.addFault(Fault.status("login", 401, Map.of(), echo)),
                () -> cloud.addFault(Fault.status("login", 500, Map.of(), echo))
                        .addFault(Fault.status("login", 500, Map.of(), echo))
                        .addFault(Fault.status("login", 500, Map.of(), echo)),
                () -> cloud.addFault(
                        Fault.status("login", 200, Map.of("Content-Type", "text/html"), "<p>" + KEY_SECRET + "</p>")),
                () -> cloud.addFault(Fault.status("login", 302, Map.of("Location", "http://x/" + KEY_SECRET), "")),
                () -> cloud.addFault(Fault.status(UPLOAD, 400, Map.of(), echo)),
                () -> cloud.addFault(Fault.status(UPLOAD, 401, Map.of(), echo))
                        .addFault(Fault.status(UPLOAD, 401, Map.of(), echo)),
                () -> cloud.addFault(Fault.status(UPLOAD, 500, Map.of(), echo)),
                () -> cloud.addFault(
                        Fault.status(UPLOAD, 200, Map.of("Content-Type", "text/plain"), echo.substring(1))),
                () -> cloud.addFault(Fault.drop(UPLOAD)));
        List<String> messages = new ArrayList<>();
        for (Executable arrange : paths) {
            try {
                arrange.execute();
            } catch (Throwable impossible) {
                throw new AssertionError(impossible);
            }
            int before = cloud.commands(UPLOAD).size();
            IngestException error = failure(() -> client().upload(scan));
            String text = describe(error);
            messages.add(text);
            assertThat(text).doesNotContain(KEY_ID).doesNotContain(KEY_SECRET);
            // Every token this client was given (expired ones too) is hidden.
            cloud.commands(UPLOAD).stream()
                    .skip(before)
                    .map(request -> request.json().path("token").asText())
                    .forEach(token -> assertThat(text).doesNotContain(token + ";"));
        }
        // The redirect's Location held the secret: it is not ours to hide, but it was redacted anyway.
        assertThat(messages.get(3)).contains("HTTP 302 to http://x/****");
    }

    @Test
    @Timeout(30)
    void aLoginErrorEchoingTheKeyEncodedShowsNoneOfIt() throws Exception {
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        String pair = base64.encodeToString((KEY_ID + ":" + KEY_SECRET).getBytes(StandardCharsets.UTF_8));
        String secret = base64.encodeToString(KEY_SECRET.getBytes(StandardCharsets.UTF_8));
        String urlEncoded = KEY_SECRET.replace("-", "%2d");
        String echo = "{\"message\":\"Basic " + pair + " / " + secret + " / " + urlEncoded + "\"}";
        // 400 is not retried, and its body is quoted in the message.
        cloud.addFault(Fault.status("login", 400, Map.of(), echo));

        String text = describe(failure(() -> client().upload(scan)));

        assertThat(text)
                .contains("Basic ****")
                .doesNotContain(pair)
                .doesNotContain(secret)
                .doesNotContain(urlEncoded);
    }

    @Test
    @Timeout(30)
    void aTraceIdThatIsNoPlainIdIsNotShown() throws Exception {
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));
        String huge = "t".repeat(5_000);
        for (String trace : List.of(KEY_SECRET, "tr-1 " + KEY_ID, huge, "tr-1\u001b[2K[INFO] BUILD SUCCESS", "a b")) {
            cloud.addFault(Fault.status(UPLOAD, 400, Map.of("X-Soda-Trace-Id", trace), "{\"message\":\"no\"}"));

            IngestException error = failure(() -> client().upload(scan));

            String text = describe(error);
            assertThat(text).doesNotContain(KEY_SECRET).doesNotContain(KEY_ID).doesNotContain("ttttt");
            assertThat(text).doesNotContain("\u001b").doesNotContain("BUILD SUCCESS");
            assertThat(error.getMessage())
                    .endsWith("refused the scan upload: HTTP 400; trace id omitted (not a plain id): no.");
        }
    }

    @Test
    @Timeout(30)
    void aTraceIdWithALineBreakIsNotShown() throws Exception {
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));
        // Folded onto a second line, the one way a header value can carry a line break.
        cloud.addFault(Fault.status(
                UPLOAD, 400, Map.of("X-Soda-Trace-Id", "tr-1\r\n [ERROR] forged"), "{\"message\":\"no\"}"));

        IngestException error = failure(() -> client().upload(scan));

        assertThat(describe(error)).doesNotContain("forged");
        assertThat(error.getMessage()).endsWith("HTTP 400; trace id omitted (not a plain id): no.");
    }

    @Test
    @Timeout(30)
    void anAcceptedUploadKeepsOnlyAPlainTraceId() throws Exception {
        cloud.addFault(Fault.status(UPLOAD, 200, Map.of("X-Soda-Trace-Id", KEY_SECRET), "{}"));
        assertThat(client().upload(saved(SampleScans.oneCheck("jaffle_shop"))).traceId())
                .isNull();

        cloud.addFault(Fault.status(UPLOAD, 200, Map.of("X-Soda-Trace-Id", "1-67a0f3c2-abc_DEF.9:x"), "{}"));
        assertThat(client().upload(saved(SampleScans.oneCheck("jaffle_shop"))).traceId())
                .isEqualTo("1-67a0f3c2-abc_DEF.9:x");
    }

    @Test
    @Timeout(30)
    void aRetryAfterThatIsNoDelayOrDateIsNotShown() throws Exception {
        SavedScan scan = saved(SampleScans.oneCheck("jaffle_shop"));
        cloud.addFault(
                Fault.status(UPLOAD, 400, Map.of("Retry-After", KEY_SECRET + " forged"), "{\"message\":\"no\"}"));

        IngestException error = failure(() -> client().upload(scan));

        assertThat(error.getMessage()).endsWith("refused the scan upload: HTTP 400: no.");
    }

    private static IngestException failure(Executable call) {
        IngestException error = catchThrowableOfType(IngestException.class, call::execute);
        assertThat(error).as("an IngestException").isNotNull();
        return error;
    }

    /** Message, hint and the messages of every cause: all a user or a log could ever see. */
    private static String describe(IngestException error) {
        StringBuilder text = new StringBuilder(error.getMessage()).append('\n').append(error.hint());
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append('\n').append(cause);
        }
        return text.toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
