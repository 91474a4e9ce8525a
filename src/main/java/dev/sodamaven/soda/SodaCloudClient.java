package dev.sodamaven.soda;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import dev.sodamaven.http.BodyExcerpt;
import dev.sodamaven.http.HttpCall;
import dev.sodamaven.http.HttpReply;
import dev.sodamaven.http.HttpTransport;
import dev.sodamaven.http.RequestBody;
import dev.sodamaven.http.RetryMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Talks to Soda Cloud the way Soda Core v3 does (contracts/soda-cloud-api.md): a {@code login}
 * command, then one {@code sodaCoreInsertScanResults} command with every check, the session token
 * in the body. A 401 on the upload means the token expired: log in again once and resend.
 */
public final class SodaCloudClient {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** The settings that say where Soda Cloud is. */
    private static final String ADDRESS = Setting.SODA_CLOUD_HOST.ref() + " (with " + Setting.SODA_CLOUD_SCHEME.ref()
            + " and " + Setting.SODA_CLOUD_PORT.ref() + ")";

    /**
     * The API key.
     *
     * @param id     API key id
     * @param secret API key secret
     * @param origin where they came from, named in messages (e.g. "environment SODA_API_KEY_ID/...")
     */
    public record ApiKey(Secret id, Secret secret, String origin) {
        public ApiKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
        }
    }

    private final HttpTransport http;
    private final SodaCloudEndpoint endpoint;
    private final ApiKey apiKey;
    private final Secrets secrets;
    /** The key and every token issued, expired ones included: what a server could echo back. */
    private final List<Secret> sent = new ArrayList<>();

    private final Consumer<String> notices;
    private Secret token;

    /**
     * @param secrets the run's secrets: the key is added to them, and so is every token issued, expired
     *                ones included, so that none reaches a message
     * @param notices hears about what the build log should mention, such as a second login
     */
    public SodaCloudClient(
            HttpTransport http, SodaCloudEndpoint endpoint, ApiKey apiKey, Secrets secrets, Consumer<String> notices) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.notices = Objects.requireNonNull(notices, "notices");
        secrets.add(apiKey.id()).addPair(apiKey.id(), apiKey.secret());
        sent.add(apiKey.id());
        sent.add(apiKey.secret());
    }

    /** Sends the scan results file (after {@link ScanResultsFile#inspect}) as one scan. */
    public UploadReceipt upload(SavedScan scan) throws IngestException {
        if (token == null) {
            token = login();
        }
        HttpReply reply = insert(scan);
        int attempts = reply.attempts();
        if (reply.status() == 401) {
            // Soda Core's rule: the token expired; one new login, one new try.
            notices.accept("Soda Cloud refused the session token (HTTP 401, it may have expired); logging in again.");
            token = login();
            reply = insert(scan);
            attempts += reply.attempts();
        }
        if (reply.isSuccess()) {
            // An empty 2xx is taken as accepted (Soda Core's own test double answers so); calling it a failure
            // would invite a second, duplicate upload. Anything else must be JSON.
            if (reply.body().length > 0 && !isJson(reply)) {
                // Something answered 2xx that is not Soda Cloud's API; whether the scan arrived is unknown.
                throw IngestException.remote(
                        "Soda Cloud at " + endpoint.apiUrl() + " answered the scan upload with a "
                                + "non-JSON body (HTTP " + reply.status() + ", Content-Type "
                                + reply.contentType()
                                + describeBody(reply) + "), so it is unknown whether the scan was stored.",
                        "Check in Soda Cloud whether the scan arrived before sending it again; check " + ADDRESS
                                + ": a proxy or another web server may have answered.");
            }
            return new UploadReceipt(scan.checks(), traceId(reply).orElse(null), attempts);
        }
        throw uploadRefused(reply);
    }

    private Secret login() throws IngestException {
        HttpReply reply = http.send(HttpCall.postJson(
                "Soda Cloud login", endpoint.commandUri(), RequestBody.of(loginBody()), RetryMode.IDEMPOTENT));
        if (reply.status() == 401 || reply.status() == 403) {
            throw IngestException.configuration(
                    "Soda Cloud at " + endpoint.apiUrl() + " rejected the API key (HTTP " + reply.status()
                            + "; the key came from " + apiKey.origin() + ").",
                    "Check " + Setting.API_KEY_ID.ref() + " and " + Setting.API_KEY_SECRET.ref() + ": the key may be "
                            + "wrong, revoked, or belong to the other region (EU: cloud.soda.io, US: cloud.us.soda.io; "
                            + "set " + Setting.SODA_CLOUD_HOST.ref() + ").");
        }
        if (reply.status() >= 300 && reply.status() < 400) {
            throw redirected(reply);
        }
        if (reply.status() == 404 || reply.status() == 405) {
            throw IngestException.configuration(
                    "Soda Cloud login at " + endpoint.commandUri() + " failed with HTTP " + reply.status()
                            + describeBody(reply) + ": there is no Soda Cloud API at this address.",
                    "Check " + ADDRESS + " (EU: cloud.soda.io, US: cloud.us.soda.io).");
        }
        if (reply.status() != 200) {
            throw IngestException.remote(
                    "Soda Cloud login at " + endpoint.apiUrl() + " failed with HTTP " + reply.status() + attempts(reply)
                            + retryAfter(reply) + describeBody(reply) + ".",
                    "Try again later; if it persists, contact Soda support.");
        }
        requireJson(reply, "the login");
        String value = readToken(reply.body());
        if (value == null || value.isEmpty()) {
            throw IngestException.remote(
                    "Soda Cloud at " + endpoint.apiUrl() + " answered the login without a token.",
                    "Check " + Setting.SODA_CLOUD_HOST.ref() + ": it may not point at Soda Cloud.");
        }
        Secret issued = Secret.of(value);
        secrets.add(issued);
        sent.add(issued);
        return issued;
    }

    private HttpReply insert(SavedScan scan) throws IngestException {
        return http.send(HttpCall.postJson(
                "Soda Cloud scan upload",
                endpoint.commandUri(),
                new TokenSplicedBody(scan, token),
                RetryMode.ONLY_IF_NOT_PROCESSED));
    }

    private byte[] loginBody() throws IngestException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("type", "login");
            json.writeStringField("apiKeyId", apiKey.id().reveal());
            json.writeStringField("apiKeySecret", apiKey.secret().reveal());
            json.writeEndObject();
        } catch (IOException cannotHappenInMemory) {
            throw new IllegalStateException(cannotHappenInMemory);
        }
        return bytes.toByteArray();
    }

    private static String readToken(byte[] body) throws IngestException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("token".equals(name) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException malformed) {
            throw IngestException.remote(
                    "Soda Cloud answered the login with malformed JSON.",
                    "Check " + Setting.SODA_CLOUD_HOST.ref() + ": it may not point at Soda Cloud.");
        }
    }

    private void requireJson(HttpReply reply, String what) throws IngestException {
        String type = reply.contentType();
        if (!isJson(reply)) {
            throw IngestException.remote(
                    "Soda Cloud at " + endpoint.apiUrl() + " answered " + what + " with a non-JSON body (Content-Type "
                            + type + describeBody(reply) + ").",
                    "Check " + ADDRESS + ": a proxy or another web server answered.");
        }
    }

    /** A JSON object or array by its first character; a JSON Content-Type alone does not make an HTML page JSON. */
    private static boolean isJson(HttpReply reply) {
        return looksLikeJson(reply.body()) || (reply.isJson() && reply.body().length == 0);
    }

    private static boolean looksLikeJson(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).trim();
        return start.startsWith("{") || start.startsWith("[");
    }

    private IngestException uploadRefused(HttpReply reply) {
        if (reply.status() >= 300 && reply.status() < 400) {
            return redirected(reply);
        }
        String trace = reply.header("x-soda-trace-id").isEmpty()
                ? ""
                : traceId(reply).map(id -> "; trace id " + id).orElse("; trace id omitted (not a plain id)");
        String message = "Soda Cloud at " + endpoint.apiUrl() + " refused the scan upload: HTTP " + reply.status()
                + attempts(reply) + retryAfter(reply) + trace + describeBody(reply) + ".";
        if (reply.status() == 401) {
            return IngestException.remote(
                    message,
                    "The API key was accepted at login but not for the upload; "
                            + "check that the key may upload scans.");
        }
        if (reply.status() == 400 || reply.status() == 413 || reply.status() == 422) {
            return IngestException.remote(
                    message, "Soda Cloud did not accept the content; contact Soda support with the trace id.");
        }
        if (reply.status() == 502 || reply.status() == 504) {
            return IngestException.remote(
                    message,
                    "A gateway failed while the scan was on its way, so it may have "
                            + "been stored: check in Soda Cloud whether it arrived before sending it again.");
        }
        return IngestException.remote(message, "Try again later.");
    }

    /** The reply's trace id, when it is a plain one holding no secret ({@link TraceId}). */
    private Optional<String> traceId(HttpReply reply) {
        return reply.header("x-soda-trace-id").flatMap(raw -> TraceId.plain(raw, secrets, sent));
    }

    private static String attempts(HttpReply reply) {
        return reply.attempts() > 1 ? " after " + reply.attempts() + " attempts" : "";
    }

    private static String retryAfter(HttpReply reply) {
        return reply.tryAgainAt(Clock.systemUTC())
                .map(when -> " (asked to try again after " + when + ")")
                .orElse("");
    }

    private IngestException redirected(HttpReply reply) {
        return IngestException.configuration(
                "Soda Cloud at " + endpoint.apiUrl() + " answered with a redirect (HTTP " + reply.status() + " to "
                        + BodyExcerpt.of(reply.header("location").orElse("?"), 200, secrets, sent) + ").",
                "Set " + ADDRESS + " to the address it redirects to.");
    }

    /** ": <the server's message>" (its JSON {@code message}, else the start of the body), secrets removed. */
    private String describeBody(HttpReply reply) {
        if (reply.body().length == 0) {
            return "";
        }
        String message = jsonMessage(reply.body());
        if (message != null) {
            return ": " + BodyExcerpt.of(message, 300, secrets, sent);
        }
        return ": " + BodyExcerpt.of(reply.body(), 300, secrets, sent);
    }

    /** The text of a top-level "message" (or "error") string of a JSON error body, or null. */
    private static String jsonMessage(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String found = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING
                        && (name.equals("message") || (name.equals("error") && found == null))) {
                    found = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return found == null || found.isBlank() ? null : found;
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * The saved file with the token spliced in right after its opening brace: the file on disk never
     * holds the token, and the body is streamed from it on every try.
     */
    private static final class TokenSplicedBody implements RequestBody {
        private final Path file;
        private final long bodyStart;
        private final byte[] prefix;
        private final long length;

        TokenSplicedBody(SavedScan scan, Secret token) throws IngestException {
            this.file = scan.file();
            this.bodyStart = scan.bodyStart();
            String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(token.reveal()));
            this.prefix = ("{\"token\":\"" + escaped + "\",").getBytes(StandardCharsets.UTF_8);
            try {
                this.length = prefix.length + Files.size(file) - bodyStart - 1;
            } catch (IOException e) {
                throw IngestException.input(
                        "Scan results file " + file + " could not be read: " + e.getMessage(),
                        "Check the file and the disk.",
                        e);
            }
        }

        @Override
        public InputStream open() throws IOException {
            InputStream rest = Files.newInputStream(file);
            try {
                rest.skipNBytes(bodyStart + 1);
            } catch (IOException shrunk) {
                rest.close();
                throw shrunk;
            }
            return new SequenceInputStream(new ByteArrayInputStream(prefix), rest);
        }

        @Override
        public long length() {
            return length;
        }
    }
}
