package dev.sodamaven.soda;

import java.time.Instant;
import java.util.List;

/**
 * The body of one {@code sodaCoreInsertScanResults} command, without the session token.
 *
 * @param definitionName scan definition name (Soda Cloud groups scans by it)
 * @param dataSource     the Soda data source name
 * @param dataTimestamp  the time the data is considered to be from
 * @param scanStart      when the ingestion started
 * @param scanEnd        when the checks were complete
 * @param checks         the checks
 * @param logs           the scan's log records
 */
public record ScanResults(
        String definitionName,
        String dataSource,
        Instant dataTimestamp,
        Instant scanStart,
        Instant scanEnd,
        List<SodaCheck> checks,
        List<ScanLog> logs) {

    public ScanResults {
        checks = List.copyOf(checks);
        logs = List.copyOf(logs);
    }

    public boolean hasErrors() {
        return logs.stream().anyMatch(log -> "error".equals(log.level()));
    }

    public boolean hasWarnings() {
        return checks.stream().anyMatch(check -> check.outcome() == Outcome.WARN);
    }

    public boolean hasFailures() {
        return checks.stream().anyMatch(check -> check.outcome() == Outcome.FAIL);
    }
}
