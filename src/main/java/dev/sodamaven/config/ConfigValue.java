package dev.sodamaven.config;

import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One value of configuration.yml after {@code ${...}} substitution.
 *
 * @param key            where it is, e.g. {@code soda_cloud.api_key_secret}
 * @param value          the value; empty when it was empty or only unset variables
 * @param line           its line in the file (1-based)
 * @param unsetVariables variables it referred to that were not set
 */
public record ConfigValue(String key, String value, int line, List<String> unsetVariables) {

    /** Keys whose value is a secret: never shown by {@link #toString()}. */
    static final Set<String> SECRET_KEYS = Setting.secrets().stream()
            .flatMap(setting -> setting.configurationKey().stream())
            .collect(Collectors.toUnmodifiableSet());

    public ConfigValue {
        unsetVariables = List.copyOf(unsetVariables);
    }

    @Override
    public String toString() {
        return key + " (line " + line + ") = " + (SECRET_KEYS.contains(key) ? Secrets.MASK : "'" + value + "'");
    }

    public boolean isBlank() {
        return value == null || value.isBlank();
    }

    /** Why the value is empty, when it came from unset variables; for messages. */
    public String whyEmpty() {
        if (unsetVariables.isEmpty()) {
            return key + " is empty";
        }
        return key + " refers to "
                + String.join(
                        ", ",
                        unsetVariables.stream().map(name -> "${" + name + "}").toList()) + ", which "
                + (unsetVariables.size() == 1 ? "is" : "are") + " not set";
    }
}
