package dev.sodamaven.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server on 127.0.0.1 that speaks the Soda Cloud command API
 * (contracts/soda-cloud-api.md §10) and the dbt Cloud Administrative API v2
 * (contracts/dbt-cloud-api.md §11), records every request, and injects faults on demand. Used by
 * the unit tests and, through maven-invoker-plugin's {@code addTestClassPath}, by the integration
 * tests' prebuild/verify scripts.
 */
public final class FakeCloud implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUNS = Pattern.compile("/api/v2/accounts/([^/]+)/runs/?");
    private static final Pattern RUN = Pattern.compile("/api/v2/accounts/([^/]+)/runs/(\\d+)/?");
    private static final Pattern ARTIFACT = Pattern.compile("/api/v2/accounts/([^/]+)/runs/(\\d+)/artifacts/(.+)");

    /** One request as received. */
    public record Request(
            String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** The JSON body, or null. */
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException notJson) {
                return null;
            }
        }

        /** The Soda command type of a POST /api/command, or null. */
        public String commandType() {
            JsonNode json = json();
            return json == null ? null : json.path("type").asText(null);
        }
    }

    /** A fault to inject into the next request that matches. */
    public record Fault(
            String target,
            int status,
            Map<String, String> headers,
            String body,
            boolean dropConnection,
            boolean expireTokens) {
        /** Answer {@code status} (with optional headers and body) instead of handling the request. */
        public static Fault status(String target, int status, Map<String, String> headers, String body) {
            return new Fault(target, status, headers, body, false, false);
        }

        /** Start a 200 answer and close the connection in the middle of it. */
        public static Fault drop(String target) {
            return new Fault(target, 200, Map.of(), null, true, false);
        }

        /** Invalidate every token issued so far, then handle the request normally (a 401 for an upload). */
        public static Fault expireTokens(String target) {
            return new Fault(target, 0, Map.of(), null, false, true);
        }
    }

    /** A step of a fake dbt Cloud run. */
    public record Step(int index, String name, int status, Map<String, Path> artifacts) {}

    /** A fake dbt Cloud run. */
    public record Run(
            long id,
            long jobId,
            int status,
            String finishedAt,
            boolean artifactsSaved,
            List<Step> steps,
            Map<String, Path> lastStepArtifacts) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final Map<String, Boolean> validTokens = Collections.synchronizedMap(new HashMap<>());
    private final List<String> schemaErrors = new CopyOnWriteArrayList<>();
    private final Map<Long, Run> runs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger counter = new AtomicInteger();
    private final JsonSchema schema;
    private volatile String apiKeyId = "key-id";
    private volatile String apiKeySecret = "key-secret";
    private volatile String dbtAccountId = "70403";
    private volatile String dbtToken = "dbt-token";
    private volatile String tokenPrefix = "fake-token-";

    private FakeCloud(Path schemaFile, int port) throws IOException {
        this.schema = schemaFile != null && Files.isRegularFile(schemaFile) ? loadSchema(schemaFile) : null;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-cloud");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server; {@code schemaFile} (the contract's JSON Schema) validates uploads when it exists. */
    public static FakeCloud start(Path schemaFile) throws IOException {
        return new FakeCloud(schemaFile, 0);
    }

    /**
     * Starts a server on a given loopback port, for a test whose address must be known before the
     * server starts (an integration test passing it through an environment variable, on a port the build
     * reserved).
     */
    public static FakeCloud startOnPort(Path schemaFile, int port) throws IOException {
        try {
            return new FakeCloud(schemaFile, port);
        } catch (java.net.BindException inUse) {
            throw new IOException(
                    "Port " + port + " on 127.0.0.1 is in use: something took it after the build"
                            + " reserved it; run the build again.",
                    inUse);
        }
    }

    /** Starts a server validating uploads against {@code <sharedDir>/contracts/soda-scan-results.schema.json}. */
    public static FakeCloud startWithSharedDir(String sharedDir) throws IOException {
        return start(
                sharedDir == null
                        ? null
                        : Path.of(sharedDir).resolve("contracts").resolve("soda-scan-results.schema.json"));
    }

    private static JsonSchema loadSchema(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    public FakeCloud withApiKey(String id, String secret) {
        this.apiKeyId = id;
        this.apiKeySecret = secret;
        return this;
    }

    public FakeCloud withDbtCloud(String accountId, String token) {
        this.dbtAccountId = accountId;
        this.dbtToken = token;
        return this;
    }

    /**
     * Login tokens are {@code prefix + n}. Integration tests give them a marker that the secret scan
     * (src/it/zz-secrets-never-leak) looks for.
     */
    public FakeCloud withTokenPrefix(String prefix) {
        this.tokenPrefix = prefix;
        return this;
    }

    public FakeCloud addRun(Run run) {
        runs.put(run.id(), run);
        return this;
    }

    public FakeCloud addFault(Fault fault) {
        faults.add(fault);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public boolean validatesSchema() {
        return schema != null;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> commands(String type) {
        return requests.stream().filter(r -> type.equals(r.commandType())).toList();
    }

    /** Upload bodies Soda Cloud accepted (HTTP 200). */
    public List<JsonNode> acceptedScans() {
        return List.copyOf(accepted);
    }

    public List<String> schemaErrors() {
        return List.copyOf(schemaErrors);
    }

    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** For Groovy scripts. */
    public void stop() {
        close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) ->
                            headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()),
                    headers,
                    body);
            requests.add(request);
            Fault fault = takeFault(request);
            if (fault != null && fault.expireTokens()) {
                validTokens.replaceAll((token, valid) -> false);
                fault = null;
            }
            if (fault != null) {
                answerFault(exchange, fault);
                return;
            }
            if (request.path().equals("/api/command") && request.method().equals("POST")) {
                soda(exchange, request);
            } else if (request.path().startsWith("/api/v2/")) {
                dbtCloud(exchange, request);
            } else {
                send(exchange, 404, "text/plain", "no such path".getBytes(StandardCharsets.UTF_8), Map.of());
            }
        } catch (RuntimeException bug) {
            send(exchange, 500, "text/plain", String.valueOf(bug).getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private Fault takeFault(Request request) {
        for (Fault fault : faults) {
            if (matches(fault.target(), request) && faults.remove(fault)) {
                return fault;
            }
        }
        return null;
    }

    /** A target is a Soda command type ("login", "sodaCoreInsertScanResults") or a path prefix ("/api/v2/..."). */
    private static boolean matches(String target, Request request) {
        if (target.startsWith("/")) {
            return request.path().startsWith(target);
        }
        return target.equals(request.commandType());
    }

    private void answerFault(HttpExchange exchange, Fault fault) throws IOException {
        if (fault.dropConnection()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 1_000);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"token\":\"".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Closing the exchange with 990 bytes missing ends the connection mid-answer.
            return;
        }
        byte[] body = fault.body() == null ? new byte[0] : fault.body().getBytes(StandardCharsets.UTF_8);
        send(exchange, fault.status(), "application/json", body, fault.headers());
    }

    private void soda(HttpExchange exchange, Request request) throws IOException {
        JsonNode json = request.json();
        String type = json == null ? null : json.path("type").asText(null);
        if ("login".equals(type)) {
            if (apiKeyId.equals(json.path("apiKeyId").asText())
                    && apiKeySecret.equals(json.path("apiKeySecret").asText())) {
                String token = tokenPrefix + counter.incrementAndGet();
                validTokens.put(token, true);
                sendJson(
                        exchange,
                        200,
                        Map.of("token", token),
                        Map.of("X-Soda-Trace-Id", "login-trace-" + counter.get()));
            } else {
                sendJson(exchange, 401, Map.of("message", "invalid credentials"), Map.of());
            }
            return;
        }
        if ("sodaCoreInsertScanResults".equals(type)) {
            String token = json.path("token").asText(null);
            if (token == null || !Boolean.TRUE.equals(validTokens.get(token))) {
                sendJson(exchange, 401, Map.of("message", "token expired"), Map.of());
                return;
            }
            if (schema != null) {
                Set<ValidationMessage> errors = schema.validate(json);
                if (!errors.isEmpty()) {
                    errors.forEach(error -> schemaErrors.add(error.getMessage()));
                    sendJson(exchange, 400, Map.of("message", "invalid scan results: " + errors), Map.of());
                    return;
                }
            }
            accepted.add(json);
            sendJson(exchange, 200, Map.of(), Map.of("X-Soda-Trace-Id", "upload-trace-" + counter.incrementAndGet()));
            return;
        }
        sendJson(exchange, 400, Map.of("message", "unknown command"), Map.of());
    }

    private void dbtCloud(HttpExchange exchange, Request request) throws IOException {
        String authorization = request.header("authorization");
        if (authorization == null
                || !(authorization.equals("Token " + dbtToken) || authorization.equals("Bearer " + dbtToken))) {
            sendJson(exchange, 401, envelope(401, "Invalid token.", null), Map.of());
            return;
        }
        Matcher artifact = ARTIFACT.matcher(request.path());
        Matcher one = RUN.matcher(request.path());
        Matcher list = RUNS.matcher(request.path());
        String account = artifact.matches()
                ? artifact.group(1)
                : one.matches() ? one.group(1) : list.matches() ? list.group(1) : null;
        if (account == null || !account.equals(dbtAccountId)) {
            sendJson(exchange, 404, envelope(404, "The requested resource was not found.", null), Map.of());
            return;
        }
        if (artifact.matches()) {
            serveArtifact(
                    exchange,
                    Long.parseLong(artifact.group(2)),
                    artifact.group(3),
                    request.query().get("step"));
        } else if (one.matches()) {
            Run run = runs.get(Long.parseLong(one.group(2)));
            if (run == null) {
                sendJson(exchange, 404, envelope(404, "The requested resource was not found.", null), Map.of());
                return;
            }
            String include = request.query().getOrDefault("include_related", "");
            sendJson(exchange, 200, envelope(200, "Success!", runJson(run, include.contains("run_steps"))), Map.of());
        } else {
            listRuns(exchange, request.query());
        }
    }

    private void listRuns(HttpExchange exchange, Map<String, String> query) throws IOException {
        long job = Long.parseLong(query.getOrDefault("job_definition_id", "-1"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        List<Run> matching = new ArrayList<>(
                runs.values().stream().filter(run -> run.jobId() == job).toList());
        matching.sort((a, b) -> Long.compare(b.id(), a.id()));
        ArrayNode data = JSON.createArrayNode();
        matching.stream().skip(offset).limit(limit).forEach(run -> data.add(runJson(run, false)));
        ObjectNode body = envelope(200, "Success!", data);
        ObjectNode extra = body.putObject("extra");
        extra.putObject("filters")
                .put("job_definition_id", job)
                .put("limit", limit)
                .put("offset", offset);
        extra.put("order_by", "-id");
        extra.putObject("pagination").put("count", data.size()).put("total_count", matching.size());
        sendJson(exchange, 200, body, Map.of());
    }

    private void serveArtifact(HttpExchange exchange, long runId, String name, String step) throws IOException {
        Run run = runs.get(runId);
        Path file = null;
        if (run != null) {
            if (step == null) {
                file = run.lastStepArtifacts().get(name);
            } else {
                int index = Integer.parseInt(step);
                file = run.steps().stream()
                        .filter(s -> s.index() == index)
                        .findFirst()
                        .map(s -> s.artifacts().get(name))
                        .orElse(null);
            }
        }
        if (file == null || !Files.isRegularFile(file)) {
            sendJson(exchange, 404, envelope(404, "The requested resource was not found.", null), Map.of());
            return;
        }
        // A file ending in .gz is sent as it is, declared gzip-encoded: the client inflates it.
        Map<String, String> encoding =
                file.getFileName().toString().endsWith(".gz") ? Map.of("Content-Encoding", "gzip") : Map.of();
        send(exchange, 200, "application/json", Files.readAllBytes(file), encoding);
    }

    private static ObjectNode runJson(Run run, boolean withSteps) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", run.id());
        node.put("job_definition_id", run.jobId());
        node.put("job_id", run.jobId());
        node.put("status", run.status());
        node.put(
                "status_humanized",
                switch (run.status()) {
                    case 1 -> "Queued";
                    case 2 -> "Starting";
                    case 3 -> "Running";
                    case 10 -> "Success";
                    case 20 -> "Error";
                    case 30 -> "Cancelled";
                    default -> "Unknown";
                });
        if (run.finishedAt() == null) {
            node.putNull("finished_at");
        } else {
            node.put("finished_at", run.finishedAt());
        }
        node.put("created_at", "2026-11-20 06:00:00.000000+00:00");
        node.put("artifacts_saved", run.artifactsSaved());
        node.put("in_progress", run.status() < 10);
        node.putObject("job").put("id", run.jobId()).put("name", "Nightly build");
        if (withSteps) {
            ArrayNode steps = node.putArray("run_steps");
            for (Step step : run.steps()) {
                steps.addObject()
                        .put("id", 900 + step.index())
                        .put("run_id", run.id())
                        .put("index", step.index())
                        .put("name", step.name())
                        .put("status", step.status());
            }
        }
        return node;
    }

    private static ObjectNode envelope(int code, String message, JsonNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("status")
                .put("code", code)
                .put("is_success", code == 200)
                .put("user_message", message)
                .put("developer_message", "");
        body.set("data", data);
        return body;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    private static void sendJson(HttpExchange exchange, int status, Object body, Map<String, String> headers)
            throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body), headers);
    }

    private static void send(
            HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        Headers responseHeaders = exchange.getResponseHeaders();
        responseHeaders.set("Content-Type", contentType);
        headers.forEach(responseHeaders::set);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
