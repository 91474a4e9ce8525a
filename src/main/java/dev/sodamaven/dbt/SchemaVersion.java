package dev.sodamaven.dbt;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dbt schema URL taken apart: {@code https://schemas.getdbt.com/dbt/run-results/v6.json} is kind
 * {@code run-results}, number 6. Readers dispatch on field presence, not on this number; it serves
 * for naming the file's kind in messages and for warning about versions newer than known ones.
 */
record SchemaVersion(String kind, int number) {

    private static final Pattern URL = Pattern.compile("/dbt/([a-z-]+)/v(\\d+)\\.json");

    static Optional<SchemaVersion> parse(String schemaUrl) {
        if (schemaUrl == null) {
            return Optional.empty();
        }
        Matcher matcher = URL.matcher(schemaUrl);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SchemaVersion(matcher.group(1), Integer.parseInt(matcher.group(2))));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    /** How a user calls a file of this kind. */
    static String fileName(String kind) {
        return switch (kind) {
            case "manifest" -> "manifest.json";
            case "run-results" -> "run_results.json";
            case "sources" -> "sources.json";
            case "catalog" -> "catalog.json";
            default -> kind + " artifact";
        };
    }
}
