package dev.sodamaven.report;

import java.util.Arrays;
import java.util.regex.Pattern;

/** Test names for tests known only by their unique_id (those dbt skipped). */
final class DbtTestNames {

    /** dbt appends a 10-digit hex hash to the unique_id of a generic test. */
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{10}");

    private DbtTestNames() {}

    /**
     * The test name in {@code test.<package>.<name>[.<hash>]}; the unique_id itself when it does
     * not have that form.
     */
    static String fromUniqueId(String uniqueId) {
        if (uniqueId == null) {
            return "";
        }
        String[] parts = uniqueId.split("\\.", -1);
        if (parts.length < 3 || !"test".equals(parts[0])) {
            return uniqueId;
        }
        int end = parts.length;
        if (end > 3 && HASH.matcher(parts[end - 1]).matches()) {
            end--;
        }
        String name = String.join(".", Arrays.asList(parts).subList(2, end));
        return name.isEmpty() ? uniqueId : name;
    }
}
