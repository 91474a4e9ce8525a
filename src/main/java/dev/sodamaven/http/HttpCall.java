package dev.sodamaven.http;

import dev.sodamaven.core.Secret;
import java.net.URI;
import java.util.Map;

/**
 * One request to make.
 *
 * @param description   what it is, for messages (e.g. "Soda Cloud login")
 * @param method        GET or POST
 * @param uri           where to (never holds a secret)
 * @param headers       plain headers
 * @param authorization the Authorization header value, or null; kept apart so it is never logged
 * @param body          the JSON body of a POST, or null
 * @param retryMode     which failures it may be repeated after
 */
public record HttpCall(
        String description,
        String method,
        URI uri,
        Map<String, String> headers,
        Secret authorization,
        RequestBody body,
        RetryMode retryMode) {

    public HttpCall {
        headers = Map.copyOf(headers);
    }

    public static HttpCall get(String description, URI uri, Map<String, String> headers, Secret authorization) {
        return new HttpCall(description, "GET", uri, headers, authorization, null, RetryMode.IDEMPOTENT);
    }

    public static HttpCall postJson(String description, URI uri, RequestBody body, RetryMode retryMode) {
        return new HttpCall(description, "POST", uri, Map.of("Accept", "application/json"), null, body, retryMode);
    }
}
