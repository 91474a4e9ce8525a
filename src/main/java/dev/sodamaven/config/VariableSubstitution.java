package dev.sodamaven.config;

import dev.sodamaven.core.IngestException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soda's {@code ${...}} substitution in configuration.yml values: {@code ${NAME}}, {@code ${ NAME }},
 * {@code ${ env_var('NAME') }}, {@code ${ env_var('NAME', 'default') }} and {@code ${NOW}}. An unset
 * variable becomes an empty string, as in Soda Core, and is reported by name (never by value).
 *
 * <p>Name resolution follows Soda Core: an environment variable wins, even over {@code NOW}; then
 * {@code NOW}, the scan start as ISO-8601 with microseconds and {@code +00:00}; else unset.
 *
 * <p>Unlike Soda Core, which renders the whole file as a Jinja template before parsing the YAML,
 * values are substituted after parsing, one scalar at a time: a value holding {@code : }, {@code #},
 * quotes or <code>{%</code> cannot change the file's structure, and a substituted value is never
 * substituted again. Jinja filters and other expressions are refused with an error rather than
 * silently misread.
 */
public final class VariableSubstitution {

    private static final String OPEN = "${";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ENV_VAR = Pattern.compile(
            "env_var\\s*\\(\\s*(['\"])([A-Za-z_][A-Za-z0-9_]*)\\1\\s*(?:,\\s*(['\"])((?:(?!\\3).)*)\\3\\s*)?\\)",
            Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("(['\"]).*?\\1", Pattern.DOTALL);
    private static final DateTimeFormatter NOW_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
    private static final String SUPPORTED = "Use ${NAME}, ${ env_var('NAME') } or ${ env_var('NAME', 'default') }";

    private final Map<String, String> environment;
    private final Instant now;

    /**
     * @param environment the environment variables (usually {@code System.getenv()})
     * @param now         the scan start, the value of {@code ${NOW}}
     */
    public VariableSubstitution(Map<String, String> environment, Instant now) {
        this.environment = Map.copyOf(environment);
        this.now = now.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The result of substituting one value.
     *
     * @param value          the value with every placeholder replaced
     * @param unsetVariables the variables that were not set (each once, in order of appearance)
     */
    public record Result(String value, List<String> unsetVariables) {
        public Result {
            unsetVariables = List.copyOf(unsetVariables);
        }

        /** Without the value, which may be a secret. */
        @Override
        public String toString() {
            return "Result[unsetVariables=" + unsetVariables + "]";
        }
    }

    /**
     * Substitutes every placeholder in {@code raw}; {@code where} names the value for messages
     * (e.g. "Configuration file configuration.yml: soda_cloud.host (line 4)"). The value itself never
     * appears in a message: it may be a secret.
     */
    public Result substitute(String raw, String where) throws IngestException {
        return substitute(raw, where, false);
    }

    /**
     * As {@link #substitute(String, String)}; when {@code secret}, an unsupported expression is not
     * repeated in the message either, since its text may be the secret itself ({@code ${s3cr3t-value}}).
     */
    public Result substitute(String raw, String where, boolean secret) throws IngestException {
        if (raw == null || !raw.contains(OPEN)) {
            return new Result(raw, List.of());
        }
        Set<String> unset = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder();
        int from = 0;
        int start;
        while ((start = raw.indexOf(OPEN, from)) >= 0) {
            int end = closingBrace(raw, start + OPEN.length());
            if (end < 0) {
                throw IngestException.configuration(
                        where + " has a ${ placeholder without its closing } (or with an unclosed quote).",
                        SUPPORTED + "; a literal ${ cannot be written in configuration.yml.");
            }
            out.append(raw, from, start);
            out.append(evaluate(raw.substring(start + OPEN.length(), end).trim(), where, secret, unset));
            from = end + 1;
        }
        out.append(raw, from, raw.length());
        return new Result(out.toString(), List.copyOf(unset));
    }

    /** Index of the } closing a placeholder whose expression starts at {@code from}; quoted text may hold }. */
    private static int closingBrace(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    private String evaluate(String expression, String where, boolean secret, Set<String> unset) throws IngestException {
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
        if (secret) {
            throw IngestException.configuration(
                    where + " uses a ${...} expression that is not supported (not "
                            + "repeated here: the value is a secret).",
                    SUPPORTED + " (Jinja filters and other expressions are not supported).");
        }
        // Quoted literals are masked: a default written in the file may be a secret.
        String shown = QUOTED.matcher(expression).replaceAll("'...'");
        throw IngestException.configuration(
                where + " uses ${" + shown + "}, which is not a supported expression.",
                SUPPORTED + " (Jinja filters and other expressions are not supported).");
    }
}
