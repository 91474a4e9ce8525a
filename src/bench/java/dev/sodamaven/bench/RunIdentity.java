package dev.sodamaven.bench;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * What the manifest and the run results of one dbt invocation share: the invocation id and the time.
 *
 * @param invocationId a UUID-shaped id
 * @param startedAt    when the invocation started
 */
record RunIdentity(String invocationId, Instant startedAt) {

    static final String DBT_VERSION = "1.10.7";

    static RunIdentity of(ProjectPlan plan) {
        SplittableRandom random = plan.random(Long.MIN_VALUE);
        String hex = Words.hex(random, 32);
        String id = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                + hex.substring(17, 20) + "-" + hex.substring(20);
        return new RunIdentity(id, Instant.parse("2026-11-20T06:00:00.123456Z"));
    }

    /** Seconds since the epoch with a fraction, like dbt's created_at. */
    double createdAt(int offsetMillis) {
        return startedAt.getEpochSecond() - 600 + (startedAt.getNano() / 1e9) + offsetMillis / 1000.0;
    }

    String at(long offsetMicros) {
        return startedAt.plusNanos(offsetMicros * 1000).toString();
    }
}
