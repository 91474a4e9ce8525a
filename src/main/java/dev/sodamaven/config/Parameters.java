package dev.sodamaven.config;

import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user gave a goal, unchecked: its parameters (POM or {@code -D}) by {@link Setting}, and the
 * settings.xml servers they name, already decrypted. Unset parameters are absent; the catalogue's
 * defaults apply to them.
 */
public final class Parameters {

    private final Map<Setting, Object> values;
    private final Map<String, ServerCredential> servers;

    private Parameters(Map<Setting, Object> values, Map<String, ServerCredential> servers) {
        this.values = Map.copyOf(values);
        this.servers = Map.copyOf(servers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text given, trimmed; empty when unset or blank. */
    public Optional<String> text(Setting setting) {
        Object value = values.get(setting);
        if (value instanceof Secret secret) {
            value = secret.reveal();
        }
        return value == null || value.toString().isBlank()
                ? Optional.empty()
                : Optional.of(value.toString().trim());
    }

    public Optional<Path> path(Setting setting) {
        return Optional.ofNullable((Path) values.get(setting));
    }

    @SuppressWarnings("unchecked")
    public List<Path> paths(Setting setting) {
        Object value = values.get(setting);
        return value == null ? List.of() : (List<Path>) value;
    }

    /** The flag given, else its default. */
    public boolean flag(Setting setting) {
        Object value = values.get(setting);
        return value != null
                ? (Boolean) value
                : Boolean.parseBoolean(setting.defaultValue().orElse("false"));
    }

    /** Whether the flag was set to true rather than left at false. */
    public boolean setToTrue(Setting setting) {
        return Boolean.TRUE.equals(values.get(setting));
    }

    /** The number given, else its default. */
    public int number(Setting setting) {
        Object value = values.get(setting);
        return value != null
                ? (Integer) value
                : Integer.parseInt(setting.defaultValue().orElseThrow());
    }

    /**
     * The id of the settings.xml server that can hold {@code setting}: the one its server-id setting
     * names, none when that is blank, its default when it is not given; none for a setting that no
     * server holds.
     */
    public Optional<String> serverId(Setting setting) {
        return setting.serverIdSetting()
                .flatMap(idSetting -> values.containsKey(idSetting) ? text(idSetting) : idSetting.defaultValue());
    }

    /** The settings.xml server that can hold {@code setting}, if the build has it. */
    public Optional<ServerCredential> server(Setting setting) {
        return serverId(setting).map(servers::get);
    }

    /** Never the values: some are secrets. */
    @Override
    public String toString() {
        return "Parameters" + values.keySet();
    }

    /** Collects parameters; a value of the wrong type for its setting is a programming error. */
    public static final class Builder {
        private final Map<Setting, Object> values = new EnumMap<>(Setting.class);
        private final Map<String, ServerCredential> servers = new HashMap<>();

        /** Sets {@code setting} to {@code value}; null unsets it. */
        public Builder with(Setting setting, Object value) {
            if (value == null) {
                values.remove(setting);
                return this;
            }
            Class<?> expected = switch (setting.type()) {
                case TEXT -> String.class;
                case PATH -> Path.class;
                case PATHS -> List.class;
                case FLAG -> Boolean.class;
                case NUMBER -> Integer.class;
                case SECRET -> Secret.class;
            };
            if (!expected.isInstance(value)) {
                throw new IllegalArgumentException(setting + " takes a " + expected.getSimpleName() + ", not a "
                        + value.getClass().getSimpleName());
            }
            values.put(setting, value instanceof List<?> list ? List.copyOf(list) : value);
            return this;
        }

        /** Adds a settings.xml server. */
        public Builder server(ServerCredential server) {
            servers.put(server.id(), server);
            return this;
        }

        public Parameters build() {
            return new Parameters(values, servers);
        }
    }
}
