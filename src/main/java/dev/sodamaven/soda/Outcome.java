package dev.sodamaven.soda;

import java.util.Locale;

/** A Soda check outcome as Soda Cloud accepts it. */
public enum Outcome {
    PASS,
    WARN,
    FAIL;

    /** The value on the wire: {@code pass}, {@code warn} or {@code fail}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
