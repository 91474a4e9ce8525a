package dev.sodamaven.maven;

import dev.sodamaven.Secret;

/**
 * The type of secret goal parameters. Maven's debug output ({@code mvn -X}) prints every configured
 * parameter value, and every value passed to a setter. Maven builds this type through its
 * {@code String} constructor, which it does not report, and prints the parameter with
 * {@link #toString()}, which hides the value.
 */
public final class SecretParameter {

    private final Secret value;

    /** Used by Maven for an unset parameter. */
    public SecretParameter() {
        this.value = null;
    }

    /** Used by Maven for a configured value. */
    public SecretParameter(String text) {
        this.value = Secret.ofNullable(text);
    }

    Secret secret() {
        return value;
    }

    @Override
    public String toString() {
        return value == null ? "(none)" : value.toString();
    }
}
