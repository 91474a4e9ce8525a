package dev.sodamaven.config;

import dev.sodamaven.core.Secret;
import java.util.Map;
import java.util.Optional;

/**
 * Looks a setting up in each source: plugin parameter, configuration.yml, environment variable,
 * settings.xml server. Blank values count as unset, so the next source is asked. Values are trimmed.
 */
final class SettingSources {

    private final Map<String, String> environment;
    private final ConfigurationFile file;

    /**
     * @param environment the environment variables
     * @param file        the configuration.yml read, or null when there is none
     */
    SettingSources(Map<String, String> environment, ConfigurationFile file) {
        this.environment = environment;
        this.file = file;
    }

    /** The first candidate with a value that is not blank. */
    @SafeVarargs
    static Optional<Candidate> first(Optional<Candidate>... candidates) {
        for (Optional<Candidate> candidate : candidates) {
            if (candidate.isPresent() && !candidate.get().value().isBlank()) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    /** How a plugin parameter is named in the log and in messages. */
    static String paramOrigin(String name, String property) {
        return "plugin parameter " + name + " (-D" + property + ")";
    }

    Optional<Candidate> param(String value, String name, String property) {
        return candidate(value, paramOrigin(name, property));
    }

    Optional<Candidate> param(Secret value, String name, String property) {
        return value == null ? Optional.empty() : param(value.reveal(), name, property);
    }

    Optional<Candidate> file(String block, String key) {
        return fileValue(block, key).flatMap(v -> candidate(v.value(),
                file.path().getFileName() + " " + v.key() + " (line " + v.line() + ")"));
    }

    Optional<Candidate> env(String name) {
        return candidate(environment.get(name), "environment variable " + name);
    }

    Optional<Candidate> serverUsername(ServerCredential server) {
        return server == null ? Optional.empty() : candidate(server.username(), serverOrigin(server));
    }

    Optional<Candidate> serverPassword(ServerCredential server) {
        return server == null || server.password() == null ? Optional.empty()
                : candidate(server.password().reveal(), serverOrigin(server));
    }

    /**
     * " (configuration.yml soda_cloud.api_key_secret refers to ${X}, which is not set)" when the file
     * has the key but it is empty; else "". Names variables, never values.
     */
    String whyEmpty(String block, String key) {
        return fileValue(block, key).filter(ConfigValue::isBlank)
                .map(v -> " (" + file.path().getFileName() + " " + v.whyEmpty() + ")")
                .orElse("");
    }

    private Optional<ConfigValue> fileValue(String block, String key) {
        if (file == null) {
            return Optional.empty();
        }
        return "soda_cloud".equals(block) ? file.sodaCloud(key) : file.dbtCloud(key);
    }

    private static String serverOrigin(ServerCredential server) {
        return "settings.xml server '" + server.id() + "'";
    }

    private static Optional<Candidate> candidate(String value, String origin) {
        return value == null ? Optional.empty() : Optional.of(new Candidate(value.trim(), origin));
    }
}
