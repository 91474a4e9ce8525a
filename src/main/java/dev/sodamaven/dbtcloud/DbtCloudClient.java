package dev.sodamaven.dbtcloud;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import dev.sodamaven.http.BodyExcerpt;
import dev.sodamaven.http.DownloadListener;
import dev.sodamaven.http.HttpCall;
import dev.sodamaven.http.HttpReply;
import dev.sodamaven.http.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The read-only calls of the dbt Cloud Administrative API v2 that ingestion needs
 * (contracts/dbt-cloud-api.md): one run with its steps, the runs of a job, and artifact downloads.
 * Every failure becomes one message naming the account, job or run and what to do; the token
 * never appears in one.
 */
public final class DbtCloudClient {

    /** A key given twice could smuggle a second run id past the check of the first. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * One page of a job's runs, newest first.
     *
     * @param runs       the runs
     * @param totalCount how many runs match in all, or -1 when not said
     */
    public record RunPage(List<DbtRun> runs, long totalCount) {}

    private final HttpTransport http;
    private final URI baseUrl;
    private final String accountId;
    private final Secret authorization;
    private final Secrets secrets;
    /** The token, which a server could echo back. */
    private final List<Secret> sent;

    private final String tokenOrigin;

    /** @param secrets the run's secrets; the token is added to them */
    public DbtCloudClient(
            HttpTransport http, URI baseUrl, String accountId, Secret token, String tokenOrigin, Secrets secrets) {
        this.http = Objects.requireNonNull(http, "http");
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.authorization =
                Secret.of("Token " + Objects.requireNonNull(token, "token").reveal());
        this.tokenOrigin = tokenOrigin;
        this.secrets = Objects.requireNonNull(secrets, "secrets").add(token);
        this.sent = List.of(token);
    }

    /** The dbt Cloud account id the client reads from. */
    public String accountId() {
        return accountId;
    }

    /** The run with its steps and job; refused when dbt Cloud answers about another run or account. */
    public DbtRun run(long runId) throws IngestException {
        return run(runId, null);
    }

    /**
     * The run with its steps and job, which must be a run of job {@code jobId} (when not null); refused when
     * dbt Cloud answers about another run, job or account.
     */
    public DbtRun run(long runId, Long jobId) throws IngestException {
        String include = URLEncoder.encode("[\"run_steps\",\"job\"]", StandardCharsets.UTF_8);
        String what = "run " + runId;
        JsonNode data = getJson(what, "runs/" + runId + "/?include_related=" + include);
        if (!data.isObject()
                || data.path("id").isMissingNode()
                || data.path("id").isNull()) {
            throw IngestException.remote(
                    "dbt Cloud answered the request for run " + runId + where() + " without a run in its \"data\".",
                    "Check " + Setting.DBT_CLOUD_ACCESS_URL.ref() + ": it may not point at the dbt Cloud API.");
        }
        return reader(what).run(data, "data", runId, jobId);
    }

    /** Runs of a job, newest (highest id) first; refused when one of them is of another job or account. */
    public RunPage runs(long jobId, int offset, int limit) throws IngestException {
        String what = "the runs of job " + jobId;
        JsonNode envelope = getEnvelope(
                what, "runs/?job_definition_id=" + jobId + "&order_by=-id&limit=" + limit + "&offset=" + offset);
        JsonNode data = envelope.path("data");
        List<DbtRun> runs = new ArrayList<>();
        if (data.isArray()) {
            RunReader reader = reader(what);
            for (int i = 0; i < data.size(); i++) {
                runs.add(reader.run(data.get(i), "data[" + i + "]", null, jobId));
            }
        }
        long total = RunReader.count(envelope.path("extra").path("pagination").path("total_count"));
        return new RunPage(runs, total);
    }

    private RunReader reader(String what) {
        return new RunReader("dbt Cloud answered the request for " + what + where(), accountId, secrets, sent);
    }

    /**
     * Downloads artifact {@code name} of a run (of step {@code step}, or of the last step when null)
     * to {@code target}; empty when dbt Cloud has no such artifact (404).
     */
    public Optional<Path> artifact(long runId, Integer step, String name, Path target, DownloadListener listener)
            throws IngestException {
        String what = name + " of run " + runId + (step == null ? "" : " step " + step);
        URI uri = uri("runs/" + runId + "/artifacts/" + name + (step == null ? "" : "?step=" + step));
        HttpReply reply = http.download(
                HttpCall.get(
                        "dbt Cloud download of " + what + " (account " + accountId + ")",
                        uri,
                        Map.of("Accept", "*/*"),
                        authorization),
                target,
                listener);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.isSuccess()) {
            throw failure(reply, what);
        }
        if (reply.header("content-type")
                .map(type -> type.toLowerCase(Locale.ROOT).contains("html"))
                .orElse(false)) {
            deleteQuietly(reply.file());
            throw IngestException.remote(
                    "dbt Cloud answered the download of " + what + where() + " with an HTML page instead of the file.",
                    "Check " + Setting.DBT_CLOUD_ACCESS_URL.ref() + ": a proxy or maintenance page answered.");
        }
        return Optional.of(reply.file());
    }

    private JsonNode getJson(String what, String path) throws IngestException {
        return getEnvelope(what, path).path("data");
    }

    private JsonNode getEnvelope(String what, String path) throws IngestException {
        HttpReply reply = http.send(HttpCall.get(
                "dbt Cloud request for " + what + " (account " + accountId + ")",
                uri(path),
                Map.of("Accept", "application/json"),
                authorization));
        if (!reply.isSuccess()) {
            throw failure(reply, what);
        }
        try {
            JsonNode envelope = JSON.readTree(reply.body());
            if (envelope == null || !envelope.isObject()) {
                throw new IOException("not a JSON object");
            }
            return envelope;
        } catch (IOException notJson) {
            if (notJson instanceof StreamReadException parse
                    && parse.getOriginalMessage().startsWith("Duplicate field")) {
                throw IngestException.remote(
                        "dbt Cloud answered the request for " + what + where() + " with JSON that gives one key twice "
                                + "(line " + parse.getLocation().getLineNr() + ", column "
                                + parse.getLocation().getColumnNr() + "); the answer is refused.",
                        "Check " + Setting.DBT_CLOUD_ACCESS_URL.ref()
                                + ": it must lead to dbt Cloud's API itself; a proxy or another server may have answered.");
            }
            throw IngestException.remote(
                    "dbt Cloud answered the request for " + what + where()
                            + " with something that is not JSON (Content-Type "
                            + reply.contentType()
                            + ": " + BodyExcerpt.of(reply.body(), 120, secrets, sent) + ").",
                    "Check " + Setting.DBT_CLOUD_ACCESS_URL.ref() + ": a proxy or maintenance page answered.");
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + "/api/v2/accounts/" + accountId + "/" + path);
    }

    /** Whether the client talks to dbt Cloud's old shared host, which most accounts can no longer use. */
    private boolean isRetiredHost() {
        return Setting.DBT_CLOUD_ACCESS_URL.defaultValue().orElseThrow().equalsIgnoreCase(baseUrl.getHost());
    }

    /** " (account 70403 at https://host)": never the user info or query of the configured URL. */
    private String where() {
        return " (account " + accountId + " at " + baseUrl.getScheme() + "://" + baseUrl.getHost()
                + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort()) + ")";
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // The error being reported matters more than a stray download.
        }
    }

    private IngestException failure(HttpReply reply, String what) {
        String message = userMessage(reply);
        String where = where();
        String tries = reply.attempts() > 1 ? " after " + reply.attempts() + " attempts" : "";
        Optional<Instant> tryAgainAt = reply.tryAgainAt(Clock.systemUTC());
        String retryAfter =
                tryAgainAt.map(when -> ", asked to try again after " + when).orElse("");
        return switch (reply.status()) {
            case 401 ->
                IngestException.configuration(
                        "dbt Cloud rejected the API token (HTTP 401" + message + ") when asked for " + what + where
                                + "; the token came from " + tokenOrigin + ".",
                        "Check that the token is right and not expired or revoked."
                                + (isRetiredHost()
                                        ? " Accounts with an access URL (e.g. ab123.us1.dbt.com) get 401 at "
                                                + baseUrl.getHost() + ": " + "set " + Setting.DBT_CLOUD_ACCESS_URL.ref()
                                                + "."
                                        : ""));
            case 403 ->
                IngestException.configuration(
                        "The dbt Cloud API token (from " + tokenOrigin + ") may not read " + what + where + " (HTTP 403"
                                + message + ").",
                        "Give the token read access to the job's project (e.g. a service token with Job Viewer "
                                + "or Read-only permission).");
            case 404 ->
                IngestException.remote(
                        "dbt Cloud could not find " + what + where + " (HTTP 404" + message + ").",
                        "Check the run or job id and " + Setting.DBT_CLOUD_ACCOUNT_ID.ref() + "; the token must also "
                                + "be allowed to see it.");
            case 429 ->
                IngestException.remote(
                        "dbt Cloud kept rate-limiting the request for " + what + where + " (HTTP 429" + tries
                                + retryAfter + message + ").",
                        tryAgainAt
                                .map(when -> "The account's API rate limit is used up: try again after " + when
                                        + "; a wait up to " + Setting.MAX_RETRY_WAIT.ref()
                                        + " is waited out by the plugin itself.")
                                .orElse("Try again later: the account's API rate limit is used up."));
            default ->
                IngestException.remote(
                        "dbt Cloud answered HTTP " + reply.status() + tries + message + " when asked for " + what
                                + where + ".",
                        reply.status() >= 500
                                ? "dbt Cloud has a problem; try again later."
                                : "Check the dbt Cloud settings.");
        };
    }

    /**
     * ": <status.user_message>" from dbt Cloud's error envelope; for an answer that is not JSON (a
     * gateway's HTML page), the start of it.
     */
    private String userMessage(HttpReply reply) {
        if (reply.body().length == 0) {
            return "";
        }
        try {
            JsonNode envelope = JSON.readTree(reply.body());
            String text = envelope == null
                    ? ""
                    : envelope.path("status").path("user_message").asText("");
            return text.isBlank() ? "" : ": " + BodyExcerpt.of(text, 200, secrets, sent);
        } catch (IOException notJson) {
            return ": " + BodyExcerpt.of(reply.body(), 120, secrets, sent);
        }
    }
}
