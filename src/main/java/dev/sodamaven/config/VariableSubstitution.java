package dev.sodamaven.config;

import dev.sodamaven.IngestException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soda's {@code ${...}} substitution in configuration.yml values: {@code ${NAME}}, {@code ${ NAME }},
 * {@code ${ env_var('NAME') }}, {@code ${ env_var('NAME', 'default') }} and {@code ${NOW}}. An unset
 * variable becomes an empty string, as in Soda Core, and is reported by name (never by value).
 *
 * <p>Unlike Soda Core, which renders the whole file as a Jinja template before parsing the YAML,
 * values are substituted after parsing, one scalar at a time: a value holding {@code : }, {@code #},
 * quotes or {@code {%} cannot change the file's structure, and a substituted value is never
 * substituted again.
 */
public final class VariableSubstitution {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(.*?)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ENV_VAR = Pattern.compile(
            "env_var\\(\\s*(['\"])([A-Za-z_][A-Za-z0-9_]*)\\1\\s*(?:,\\s*(['\"])(.*?)\\3\\s*)?\\)");
    private static final DateTimeFormatter NOW_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    private final Map<String, String> environment;
    private final Instant now;

    public VariableSubstitution(Map<String, String> environment, Instant now) {
        this.environment = Map.copyOf(environment);
        this.now = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** The result of substituting one value. */
    public record Result(String value, List<String> unsetVariables) {
    }

    /**
     * Substitutes every placeholder in {@code raw}; {@code where} names the value for messages
     * (e.g. "configuration.yml soda_cloud.host (line 4)").
     */
    public Result substitute(String raw, String where) throws IngestException {
        if (raw == null || !raw.contains("${")) {
            return new Result(raw, List.of());
        }
        List<String> unset = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(raw);
        int last = 0;
        while (matcher.find()) {
            out.append(raw, last, matcher.start());
            out.append(evaluate(matcher.group(1).trim(), where, unset));
            last = matcher.end();
        }
        out.append(raw.substring(last));
        return new Result(out.toString(), unset);
    }

    private String evaluate(String expression, String where, List<String> unset) throws IngestException {
        if (NAME.matcher(expression).matches()) {
            String value = environment.get(expression);
            if (value != null) {
                return value;
            }
            if ("NOW".equals(expression)) {
                return NOW_FORMAT.format(now);
            }
            unset.add(expression);
            return "";
        }
        Matcher envVar = ENV_VAR.matcher(expression);
        if (envVar.matches()) {
            String value = environment.get(envVar.group(2));
            if (value != null) {
                return value;
            }
            if (envVar.group(3) != null) {
                return envVar.group(4);
            }
            unset.add(envVar.group(2));
            return "";
        }
        throw IngestException.configuration(where + ": ${" + expression + "} is not a supported expression.",
                "Use ${NAME}, ${ env_var('NAME') } or ${ env_var('NAME', 'default') }.");
    }
}
