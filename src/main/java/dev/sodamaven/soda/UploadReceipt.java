package dev.sodamaven.soda;

/**
 * Soda Cloud accepted a scan.
 *
 * @param checks   how many checks were sent
 * @param traceId  the {@code X-Soda-Trace-Id} of the upload (what Soda support asks for), or null
 * @param attempts how many tries the upload took
 */
public record UploadReceipt(int checks, String traceId, int attempts) {}
