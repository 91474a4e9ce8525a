package dev.sodamaven.maven;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Reads secret goal parameters. Under {@code mvn -X}, Maven prints every parameter value it injects,
 * and every value it passes to a setter. Secret parameters are therefore declared as
 * {@link PlexusConfiguration}: Maven injects the configuration element as written — for a
 * {@code -Dsoda.cloud.apiKeySecret=…} that is the unevaluated {@code ${soda.cloud.apiKeySecret}} — and
 * this class evaluates it. This works with every Maven from 3.6.3 on.
 */
final class SecretParameterReader {

    private final PluginParameterExpressionEvaluator evaluator;

    SecretParameterReader(MavenSession session, MojoExecution execution) {
        this.evaluator = session == null || execution == null
                ? null
                : new PluginParameterExpressionEvaluator(session, execution);
    }

    /** The secret the parameter holds, or null when it is unset. */
    Secret read(PlexusConfiguration parameter, Setting setting) throws IngestException {
        if (parameter == null) {
            return null;
        }
        String raw = parameter.getValue(null);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (evaluator == null || !raw.contains("${")) {
            return Secret.ofNullable(raw.trim());
        }
        try {
            Object value = evaluator.evaluate(raw);
            // An expression Maven cannot resolve (an unset -D property) stays unset.
            if (value == null || value.toString().contains("${")) {
                return null;
            }
            return Secret.ofNullable(value.toString().trim());
        } catch (ExpressionEvaluationException unresolvable) {
            throw IngestException.configuration(
                    "The value of " + setting.ref() + " could not be evaluated.",
                    "Give it as a plain value, or through the environment or settings.xml.");
        }
    }
}
