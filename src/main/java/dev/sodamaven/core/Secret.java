package dev.sodamaven.core;

import java.util.Objects;

/**
 * A secret value (API key, dbt Cloud token, password, login token), so that a secret is never held
 * as a plain {@code String} field: {@link #toString()} never shows it, and the value is only read
 * where it goes on the wire. Each one also belongs in the run's {@link Secrets}.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret, or null when {@code value} is null or empty (an empty secret is no secret). */
    public static Secret ofNullable(String value) {
        return value == null || value.isEmpty() ? null : new Secret(value);
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty secret");
        }
        return new Secret(value);
    }

    /** The value, for the one place that puts it on the wire. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return Secrets.MASK;
    }
}
