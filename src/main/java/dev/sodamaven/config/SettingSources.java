package dev.sodamaven.config;

import dev.sodamaven.core.Setting;
import java.util.Map;
import java.util.Optional;

/**
 * Looks a setting up in the sources the catalogue gives it, in precedence order: the goal parameter,
 * configuration.yml, the environment variable, the settings.xml server; then its default. Blank
 * values count as unset, so the next source is asked. Values are trimmed.
 */
final class SettingSources {

    static final String DEFAULT = "default";

    private final Parameters parameters;
    private final Map<String, String> environment;
    private final ConfigurationFile file;

    /**
     * @param parameters  the goal's parameters and settings.xml servers
     * @param environment the environment variables
     * @param file        the configuration.yml read, or null when there is none
     */
    SettingSources(Parameters parameters, Map<String, String> environment, ConfigurationFile file) {
        this.parameters = parameters;
        this.environment = environment;
        this.file = file;
    }

    /** The configuration.yml read, or null when there is none. */
    ConfigurationFile file() {
        return file;
    }

    /** How a goal parameter is named as the origin of a value. */
    static String parameterOrigin(Setting setting) {
        return "plugin parameter " + setting.ref();
    }

    /** The value of the first source that has one. */
    Optional<Candidate> find(Setting setting) {
        return parameter(setting)
                .or(() -> file(setting))
                .or(() -> environment(setting))
                .or(() -> server(setting));
    }

    /**
     * The value of the first source that has one, else the default. For a setting read from its
     * parameter only, a value equal to the default counts as the default: the build tool passes a
     * parameter's default as if it were given. (A setting with other sources has no such default.)
     */
    Candidate findOrDefault(Setting setting) {
        String fallback = setting.defaultValue().orElseThrow();
        return find(setting)
                .filter(found -> setting.hasOtherSources() || !found.value().equals(fallback))
                .orElseGet(() -> new Candidate(fallback, DEFAULT));
    }

    /** The goal parameter alone. */
    Optional<Candidate> parameter(Setting setting) {
        return parameters.text(setting).map(value -> new Candidate(value, parameterOrigin(setting)));
    }

    private Optional<Candidate> file(Setting setting) {
        return fileValue(setting)
                .flatMap(v ->
                        candidate(v.value(), file.path().getFileName() + " " + v.key() + " (line " + v.line() + ")"));
    }

    private Optional<Candidate> environment(Setting setting) {
        return setting.environmentVariable()
                .flatMap(name -> candidate(environment.get(name), "environment variable " + name));
    }

    private Optional<Candidate> server(Setting setting) {
        return parameters
                .server(setting)
                .flatMap(server -> candidate(server.value(setting), "settings.xml server '" + server.id() + "'"));
    }

    /** The id of the settings.xml server that can hold {@code setting}, for messages. */
    String serverId(Setting setting) {
        return parameters
                .serverId(setting)
                .orElseGet(() ->
                        setting.serverIdSetting().flatMap(Setting::defaultValue).orElseThrow());
    }

    /**
     * " (configuration.yml soda_cloud.api_key_secret refers to ${X}, which is not set)" when the file
     * has the key but it is empty; else "". Names variables, never values.
     */
    String whyEmpty(Setting setting) {
        return fileValue(setting)
                .filter(ConfigValue::isBlank)
                .map(v -> " (" + file.path().getFileName() + " " + v.whyEmpty() + ")")
                .orElse("");
    }

    private Optional<ConfigValue> fileValue(Setting setting) {
        return file == null ? Optional.empty() : setting.configurationKey().flatMap(file::value);
    }

    private static Optional<Candidate> candidate(String value, String origin) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Candidate(value.trim(), origin));
    }
}
