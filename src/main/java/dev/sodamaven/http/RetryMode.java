package dev.sodamaven.http;

/** Which failures a request may be tried again after. */
public enum RetryMode {
    /**
     * Repeating the request changes nothing (GETs, login): retry on connection failures, timeouts,
     * dropped connections, 429 and any 5xx but 501 and 505.
     */
    IDEMPOTENT,
    /**
     * Repeating it could store something twice (the scan upload): retry only when the server cannot
     * have processed it — the connection was never made, or it answered 429 or 503, which say the
     * request was refused before being handled.
     */
    ONLY_IF_NOT_PROCESSED
}
