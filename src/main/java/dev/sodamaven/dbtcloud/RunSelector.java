package dev.sodamaven.dbtcloud;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the run to ingest for a job: the newest <em>finished</em> run — status Success or Error, since
 * a run whose tests fail ends in Error and is exactly the one to report. Queued, running and cancelled
 * runs are passed over, and so are runs that saved no artifacts. Resolved once, so every download
 * comes from the same run (Soda Core looks the latest run up once per file).
 */
public final class RunSelector {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 10;

    /** The chosen run, and what was passed over to get there. */
    public record Selection(DbtRun run, List<String> passedOver) {}

    private final DbtCloudClient client;

    public RunSelector(DbtCloudClient client) {
        this.client = client;
    }

    public Selection latestFinished(long jobId, boolean successfulOnly) throws IngestException {
        List<String> passedOver = new ArrayList<>();
        Map<String, Integer> skippedByReason = new TreeMap<>();
        int seen = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            DbtCloudClient.RunPage runs = client.runs(jobId, page * PAGE_SIZE, PAGE_SIZE);
            for (DbtRun run : runs.runs()) {
                seen++;
                String reason = whyNot(run, successfulOnly);
                if (reason == null) {
                    return new Selection(run, passedOver);
                }
                skippedByReason.merge(reason, 1, Integer::sum);
                if (passedOver.size() < 10) {
                    passedOver.add("run " + run.id() + " (" + reason + ")");
                }
            }
            boolean lastPage = runs.runs().size() < PAGE_SIZE
                    || (runs.totalCount() >= 0 && (long) (page + 1) * PAGE_SIZE >= runs.totalCount());
            if (lastPage) {
                break;
            }
        }
        String kind = successfulOnly ? "successful" : "finished";
        String looked =
                seen == 0 ? "it has no runs" : "looked at the newest " + seen + " runs: " + summary(skippedByReason);
        throw IngestException.remote(
                "dbt Cloud job " + jobId + " (account " + client.accountId() + ") has no " + kind
                        + " run with artifacts (" + looked + ").",
                seen == 0
                        ? "Check " + Setting.DBT_CLOUD_JOB_ID.ref() + " and " + Setting.DBT_CLOUD_ACCOUNT_ID.ref()
                                + ", and run the job at least once."
                        : "Wait for a run to finish, or set " + Setting.DBT_CLOUD_RUN_ID.ref() + " to a specific run.");
    }

    /** Why a run is not taken, or null when it is. */
    static String whyNot(DbtRun run, boolean successfulOnly) {
        if (run.status().inProgress()) {
            return run.status().label().toLowerCase(java.util.Locale.ROOT);
        }
        if (run.status() == RunStatus.CANCELLED) {
            return "cancelled";
        }
        if (!run.status().finished()) {
            return "status unknown";
        }
        if (successfulOnly && run.status() != RunStatus.SUCCESS) {
            return "ended in error; only successful runs are wanted";
        }
        if (Boolean.FALSE.equals(run.artifactsSaved())) {
            return "saved no artifacts";
        }
        return null;
    }

    private static String summary(Map<String, Integer> skippedByReason) {
        List<String> parts = new ArrayList<>();
        skippedByReason.forEach((reason, count) -> parts.add(count + " " + reason));
        return String.join(", ", parts);
    }
}
