package dev.sodamaven.dbtcloud;

import java.util.List;

/**
 * A dbt Cloud run, as far as ingestion cares.
 *
 * @param id             run id
 * @param jobId          its job (job definition) id, or null
 * @param jobName        the job's name, or null
 * @param status         its status
 * @param finishedAt     when it finished (dbt Cloud's format), or null
 * @param artifactsSaved whether dbt Cloud says it saved artifacts (null: not said)
 * @param steps          its steps in index order (empty when not included)
 */
public record DbtRun(
        long id,
        Long jobId,
        String jobName,
        RunStatus status,
        String finishedAt,
        Boolean artifactsSaved,
        List<RunStep> steps) {

    public DbtRun {
        steps = List.copyOf(steps);
    }

    public String describe() {
        StringBuilder text = new StringBuilder("dbt Cloud run ").append(id);
        if (jobId != null) {
            text.append(" of job ").append(jobId);
            if (jobName != null && !jobName.isBlank()) {
                text.append(" '").append(jobName).append('\'');
            }
        }
        text.append(" (").append(status.label());
        if (finishedAt != null) {
            text.append(", finished ").append(finishedAt);
        }
        return text.append(')').toString();
    }
}
