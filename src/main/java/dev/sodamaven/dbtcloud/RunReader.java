package dev.sodamaven.dbtcloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import dev.sodamaven.http.BodyExcerpt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the runs in one dbt Cloud answer, and refuses an answer that is about another run, job or
 * account than the one asked for: ingesting run 99 when run 42 was asked for would report the wrong
 * build as if it were the right one. Ids are read strictly, in this one place: a string, a fraction,
 * a negative number or one beyond a long is an error naming the field, never run 0 or
 * {@code Long.MAX_VALUE}. Other fields are read leniently, as the API may leave them out.
 */
final class RunReader {

    /** What makes an id valid, in the words of the message that refuses one. */
    private static final String ID_RULE = "a whole number from 1 up";

    private final String answer;
    private final String accountId;
    private final Secrets secrets;
    private final Collection<Secret> sent;

    /**
     * @param answer    what answered, for messages, e.g. "dbt Cloud answered the request for run 42 (account 70403
     *                  at https://host)"
     * @param accountId the account the request was for
     * @param secrets   the run's secrets, masked in any value shown
     * @param sent      the credentials sent, masked whatever their length
     */
    RunReader(String answer, String accountId, Secrets secrets, Collection<Secret> sent) {
        this.answer = Objects.requireNonNull(answer, "answer");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.sent = List.copyOf(sent);
    }

    /**
     * The run in {@code node}, found at {@code at} in the answer (e.g. {@code data}, {@code data[3]}).
     *
     * @param expectedRun the run asked for, or null when any run may come (a job's list)
     * @param expectedJob the job the run must belong to, or null when any job may
     */
    DbtRun run(JsonNode node, String at, Long expectedRun, Long expectedJob) throws IngestException {
        long id = requiredId(node, "id", at);
        if (expectedRun != null && id != expectedRun) {
            throw refused("with run " + id + " (\"" + at + ".id\") instead of run " + expectedRun);
        }
        requireAccount(node, at);
        Long jobId = jobId(node, at, id);
        if (expectedJob != null && jobId == null) {
            throw refused("with run " + id + ", which does not say which job it belongs to (no \"" + at
                    + ".job_definition_id\")");
        }
        if (expectedJob != null && !expectedJob.equals(jobId)) {
            throw refused("with run " + id + " of job " + jobId + " instead of a run of job " + expectedJob);
        }
        JsonNode job = node.path("job");
        if (job.isObject()) {
            requireAccount(job, at + ".job");
        }
        Boolean artifactsSaved = node.hasNonNull("artifacts_saved")
                ? node.path("artifacts_saved").asBoolean()
                : null;
        return new DbtRun(
                id,
                jobId,
                textOrNull(job.path("name")),
                RunStatus.of(code(node.path("status"))),
                textOrNull(node.path("finished_at")),
                artifactsSaved,
                steps(node.path("run_steps"), at + ".run_steps", id));
    }

    /** A count such as {@code extra.pagination.total_count}, or -1 when absent or not a count. */
    static long count(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0 ? node.longValue() : -1;
    }

    /** Whether {@code node} is a dbt Cloud id: a JSON whole number from 1 to {@code Long.MAX_VALUE}. */
    static boolean isId(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0;
    }

    private List<RunStep> steps(JsonNode runSteps, String at, long runId) throws IngestException {
        List<RunStep> steps = new ArrayList<>();
        if (!runSteps.isArray()) {
            return steps;
        }
        Set<Integer> indexes = new HashSet<>();
        for (int i = 0; i < runSteps.size(); i++) {
            JsonNode step = runSteps.get(i);
            String here = at + "[" + i + "]";
            long index = requiredId(step, "index", here);
            if (index > Integer.MAX_VALUE) {
                throw invalid(here + ".index", step.path("index"));
            }
            if (!indexes.add((int) index)) {
                throw refused("with step " + index + " listed twice (\"" + here + ".index\")");
            }
            Long stepRun = optionalId(step, "run_id", here);
            if (stepRun != null && stepRun != runId) {
                throw refused("with a step of run " + stepRun + " (\"" + here + ".run_id\") in run " + runId);
            }
            requireAccount(step, here);
            steps.add(new RunStep(
                    (int) index,
                    textOrNull(step.path("name")),
                    RunStatus.of(code(step.path("status"))),
                    textOrNull(step.path("run_step_command").path("dbt_command"))));
        }
        steps.sort(Comparator.comparingInt(RunStep::index));
        return steps;
    }

    /**
     * The run's job: {@code job_definition_id}, {@code job_id} (the same, by the API's documentation) and
     * {@code job.id} must agree where given.
     */
    private Long jobId(JsonNode node, String at, long runId) throws IngestException {
        Long found = null;
        String foundAt = null;
        for (String path : List.of("job_definition_id", "job_id", "job.id")) {
            int dot = path.indexOf('.');
            JsonNode parent = dot < 0 ? node : node.path(path.substring(0, dot));
            String field = dot < 0 ? path : path.substring(dot + 1);
            String parentAt = dot < 0 ? at : at + "." + path.substring(0, dot);
            Long value = optionalId(parent, field, parentAt);
            if (value == null) {
                continue;
            }
            if (found == null) {
                found = value;
                foundAt = at + "." + path;
            } else if (!found.equals(value)) {
                throw refused("with run " + runId + " of job " + found + " (\"" + foundAt + "\") and of job " + value
                        + " (\"" + at + "." + path + "\")");
            }
        }
        return found;
    }

    /** An {@code account_id} in {@code node}, where given, must be the account asked about. */
    private void requireAccount(JsonNode node, String at) throws IngestException {
        Long account = optionalId(node, "account_id", at);
        if (account != null && !sameAccount(account)) {
            throw refused(
                    "with data of account " + account + " (\"" + at + ".account_id\") instead of account " + accountId);
        }
    }

    private boolean sameAccount(long account) {
        try {
            return new BigInteger(accountId.trim()).equals(BigInteger.valueOf(account));
        } catch (NumberFormatException notDigits) {
            return accountId.equals(Long.toString(account));
        }
    }

    private long requiredId(JsonNode parent, String field, String at) throws IngestException {
        Long id = optionalId(parent, field, at);
        if (id == null) {
            throw IngestException.remote(
                    answer + " without \"" + at + "." + field + "\", so it cannot be told what it is about.", hint());
        }
        return id;
    }

    /** The id in {@code parent.field}; null when absent or null; an error when it is there but no id. */
    private Long optionalId(JsonNode parent, String field, String at) throws IngestException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!isId(node)) {
            throw invalid(at + "." + field, node);
        }
        return node.longValue();
    }

    private IngestException invalid(String path, JsonNode value) {
        return IngestException.remote(
                answer + " with \"" + path + "\": " + BodyExcerpt.of(value.toString(), 40, secrets, sent)
                        + ", which is not a valid id (" + ID_RULE + ").",
                hint());
    }

    private IngestException refused(String what) {
        return IngestException.remote(answer + " " + what + "; the answer is refused.", hint());
    }

    private static String hint() {
        return "Check " + Setting.DBT_CLOUD_ACCESS_URL.ref() + ": it must lead to dbt Cloud's API itself; a proxy "
                + "or another server may have answered.";
    }

    /** A status code; -1 (unknown) when it is not a whole number. */
    private static int code(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : -1;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
