package dev.sodamaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ${...}} substitution in configuration.yml values (contracts/mapping.md §7.2). */
class VariableSubstitutionTest {

    private static final Instant START = Instant.parse("2026-11-20T08:30:12.345678912Z");
    private static final String WHERE = "Configuration file c.yml: soda_cloud.host (line 4)";

    private final Map<String, String> env = new HashMap<>(Map.of("HOST", "cloud.soda.io", "EMPTY", ""));

    private VariableSubstitution.Result substitute(String raw) throws IngestException {
        return new VariableSubstitution(env, START).substitute(raw, WHERE);
    }

    private String value(String raw) throws IngestException {
        return substitute(raw).value();
    }

    private IngestException failure(String raw) {
        return catchThrowableOfType(IngestException.class, () -> substitute(raw));
    }

    @Test
    void replacesABareNameWithOrWithoutSpaces() throws Exception {
        assertThat(value("${HOST}")).isEqualTo("cloud.soda.io");
        assertThat(value("${ HOST }")).isEqualTo("cloud.soda.io");
        assertThat(value("${\tHOST  }")).isEqualTo("cloud.soda.io");
    }

    @Test
    void readsEnvVarWithSingleOrDoubleQuotes() throws Exception {
        assertThat(value("${ env_var('HOST') }")).isEqualTo("cloud.soda.io");
        assertThat(value("${ env_var(\"HOST\") }")).isEqualTo("cloud.soda.io");
        assertThat(value("${env_var('HOST')}")).isEqualTo("cloud.soda.io");
    }

    @Test
    void envVarDefaultIsUsedOnlyWhenTheVariableIsUnset() throws Exception {
        assertThat(value("${ env_var(\"MISSING\", 'fallback') }")).isEqualTo("fallback");
        assertThat(value("${ env_var('MISSING', \"fallback\") }")).isEqualTo("fallback");
        assertThat(value("${ env_var('HOST', 'fallback') }")).isEqualTo("cloud.soda.io");
        // A default may hold a closing brace or a comma: the quotes delimit it.
        assertThat(value("${ env_var('MISSING', 'a}b, c') }")).isEqualTo("a}b, c");
        assertThat(substitute("${ env_var('MISSING', 'x') }").unsetVariables()).isEmpty();
    }

    @Test
    void nowIsTheStartInIsoFormatWithMicrosecondsAndUtcOffset() throws Exception {
        assertThat(value("${NOW}")).isEqualTo("2026-11-20T08:30:12.345678+00:00");
        assertThat(new VariableSubstitution(env, Instant.parse("2026-01-02T03:04:05Z"))
                        .substitute("${ NOW }", WHERE)
                        .value())
                .isEqualTo("2026-01-02T03:04:05.000000+00:00");
    }

    @Test
    void anEnvironmentVariableNamedNowWinsOverTheBuiltIn() throws Exception {
        env.put("NOW", "yesterday");

        assertThat(value("${NOW}")).isEqualTo("yesterday");
    }

    @Test
    void envVarNowReadsOnlyTheEnvironment() throws Exception {
        assertThat(value("${ env_var('NOW', 'none') }")).isEqualTo("none");
    }

    @Test
    void anUnsetVariableBecomesEmptyAndIsReportedByNameOnce() throws Exception {
        VariableSubstitution.Result result = substitute("${MISSING}-${ env_var('OTHER') }-${MISSING}");

        assertThat(result.value()).isEqualTo("--");
        assertThat(result.unsetVariables()).containsExactly("MISSING", "OTHER");
    }

    @Test
    void aVariableSetToEmptyIsSetAsInSodaCore() throws Exception {
        VariableSubstitution.Result result = substitute("${EMPTY}");

        assertThat(result.value()).isEmpty();
        assertThat(result.unsetVariables()).isEmpty();
    }

    @Test
    void replacesSeveralPlaceholdersAndKeepsTheTextAround() throws Exception {
        env.put("PORT", "443");

        assertThat(value("https://${HOST}:${ PORT }/api?at=${NOW}!"))
                .isEqualTo("https://cloud.soda.io:443/api?at=2026-11-20T08:30:12.345678+00:00!");
    }

    @Test
    void aSubstitutedValueIsNeverSubstitutedAgain() throws Exception {
        env.put("OUTER", "${HOST} and ${ env_var('HOST') }");

        VariableSubstitution.Result result = substitute("${OUTER}");

        assertThat(result.value()).isEqualTo("${HOST} and ${ env_var('HOST') }");
        assertThat(result.unsetVariables()).isEmpty();
    }

    @Test
    void valuesThatLookLikeYamlOrJinjaStayIntact() throws Exception {
        String tricky = "pa: ss # not a comment 'q' \"dq\" {% if x %}{# c #}{{ y }}";
        env.put("TRICKY", tricky);

        assertThat(value("${TRICKY}")).isEqualTo(tricky);
        assertThat(value(tricky)).isSameAs(tricky);
        assertThat(value("{% raw %}${HOST}{% endraw %}")).isEqualTo("{% raw %}cloud.soda.io{% endraw %}");
    }

    @Test
    void textWithoutPlaceholdersIsUntouched() throws Exception {
        assertThat(value("$HOST {HOST} $ { } 100$")).isEqualTo("$HOST {HOST} $ { } 100$");
        assertThat(substitute(null).value()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${ HOST | lower }",
                "${ HOST ~ 'x' }",
                "${}",
                "${ 1HOST }",
                "${ MY-VAR }",
                "${ 'literal' }",
                "${ env_var(HOST) }",
                "${ env_var('HOST', 'a', 'b') }"
            })
    void refusesUnsupportedExpressionsNamingTheKeyAndLine(String raw) {
        IngestException problem = failure(raw);

        assertThat(problem).isNotNull();
        assertThat(problem.kind()).isEqualTo(IngestException.Kind.CONFIGURATION);
        assertThat(problem.getMessage()).startsWith(WHERE).contains("not a supported expression");
        assertThat(problem.hint()).contains("${NAME}", "env_var('NAME', 'default')");
    }

    @Test
    void anUnsupportedExpressionDoesNotRepeatQuotedText() {
        IngestException problem = failure("${ env_var('TOKEN', 'hunter2-default') | trim }");

        assertThat(problem.getMessage()).contains("| trim").doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${HOST", "abc ${ env_var('HOST }", "${HOST} and ${"})
    void refusesAnUnclosedPlaceholder(String raw) {
        IngestException problem = failure(raw);

        assertThat(problem).isNotNull();
        assertThat(problem.getMessage()).startsWith(WHERE).contains("without its closing }");
    }

    @Test
    void theResultNeverPrintsTheValue() throws Exception {
        env.put("SECRET", "s3cr3t-value");

        assertThat(substitute("${SECRET}").toString()).doesNotContain("s3cr3t-value");
    }
}
