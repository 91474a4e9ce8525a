package dev.sodamaven.dbt;

import java.util.Locale;
import java.util.Optional;

/** The kinds of manifest node a data test can be attached to. */
public enum RelationType {
    MODEL,
    SEED,
    SNAPSHOT,
    SOURCE;

    /** The type named by a manifest {@code resource_type}, if it is a relation. */
    public static Optional<RelationType> fromResourceType(String resourceType) {
        if (resourceType == null) {
            return Optional.empty();
        }
        return switch (resourceType.toLowerCase(Locale.ROOT)) {
            case "model" -> Optional.of(MODEL);
            case "seed" -> Optional.of(SEED);
            case "snapshot" -> Optional.of(SNAPSHOT);
            case "source" -> Optional.of(SOURCE);
            default -> Optional.empty();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
