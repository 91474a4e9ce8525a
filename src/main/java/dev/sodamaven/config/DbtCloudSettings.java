package dev.sodamaven.config;

import dev.sodamaven.core.Secret;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach dbt Cloud and which run to ingest.
 *
 * @param baseUrl            {@code https://<access url>} (or the scheme and host of a test server)
 * @param accountId          the dbt Cloud account id
 * @param apiToken           the API token (service or personal)
 * @param tokenOrigin        where the token came from, for messages
 * @param runId              the run to ingest, or null
 * @param jobId              the job whose latest finished run to ingest, or null
 * @param successfulRunsOnly with a job id: only consider runs that succeeded
 * @param maxRunAge          with a job id: a latest finished run older than this is nothing new; null: no limit
 */
public record DbtCloudSettings(
        URI baseUrl,
        String accountId,
        Secret apiToken,
        String tokenOrigin,
        Long runId,
        Long jobId,
        boolean successfulRunsOnly,
        Duration maxRunAge) {}
