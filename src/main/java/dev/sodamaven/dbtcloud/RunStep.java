package dev.sodamaven.dbtcloud;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a dbt Cloud run.
 *
 * @param index      1-based position in the run (the {@code step} parameter of artifact downloads)
 * @param name       e.g. {@code Invoke dbt with `dbt build`}
 * @param status     the step's status
 * @param dbtCommand {@code run_step_command.dbt_command} when given, else null
 */
public record RunStep(int index, String name, RunStatus status, String dbtCommand) {

    private static final Pattern INVOKE = Pattern.compile("Invoke dbt with `(.+)`", Pattern.CASE_INSENSITIVE);

    /** The dbt command the step ran (e.g. {@code dbt build --select x}), if it ran one. */
    public Optional<String> command() {
        if (dbtCommand != null && !dbtCommand.isBlank()) {
            return Optional.of(dbtCommand.trim());
        }
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = INVOKE.matcher(name);
        return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
    }

    /**
     * The dbt sub-command, e.g. {@code build}, {@code test}, {@code docs generate}, {@code source freshness};
     * empty text when it cannot be told for sure (global options before it, e.g.
     * {@code dbt --log-level debug build}, whose option values look like commands).
     */
    public Optional<String> subcommand() {
        return command().map(command -> {
            String[] words = command.toLowerCase(Locale.ROOT).trim().split("\\s+");
            int first = words.length > 0 && words[0].equals("dbt") ? 1 : 0;
            if (words.length <= first || words[first].startsWith("-")) {
                return "";
            }
            String word = words[first];
            if ((word.equals("docs") || word.equals("source")) && words.length > first + 1) {
                return word + " " + words[first + 1];
            }
            return word;
        });
    }

    /**
     * Whether the step ran {@code dbt source freshness} (also its old name {@code source snapshot-freshness}),
     * including the step a job with source freshness enabled adds, whose name says so without a command.
     */
    public boolean isSourceFreshness() {
        Optional<String> subcommand = subcommand();
        if (subcommand.isPresent()) {
            return subcommand.get().equals("source freshness")
                    || subcommand.get().equals("source snapshot-freshness");
        }
        return name != null && name.toLowerCase(Locale.ROOT).contains("source freshness");
    }

    public String describe() {
        return "step " + index + " ("
                + command().map(command -> "`" + command + "`").orElse(name == null ? "?" : name) + ")";
    }
}
