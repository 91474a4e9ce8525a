package dev.sodamaven.dbt;

import java.util.ArrayList;
import java.util.List;

/**
 * dbt's fully qualified name match ({@code is_selected_node} in dbt-core's selector methods): a
 * selector matches a node whose name is the selector, or whose {@code fqn} (package, folders, name)
 * starts with the selector's dot-separated parts; from the first part with a wildcard on, the rest of
 * the name is matched as one pattern. So {@code orders}, {@code staging}, {@code jaffle_shop.staging.*}
 * and {@code staging.stg_*} all work as they do in dbt.
 */
final class FqnMatch {

    private final String selector;
    private final String[] selectorParts;
    /** The pattern for the rest of the name from each part on, compiled once: a selection meets thousands of nodes. */
    private final Glob[] restFrom;

    FqnMatch(String selector) {
        this.selector = selector;
        this.selectorParts = selector.split("\\.", -1);
        this.restFrom = new Glob[selectorParts.length];
        for (int i = 0; i < selectorParts.length; i++) {
            if (Glob.hasWildcard(selectorParts[i])) {
                restFrom[i] = Glob.name(String.join(".", List.of(selectorParts).subList(i, selectorParts.length)));
            }
        }
    }

    boolean matches(List<String> fqn, boolean versioned) {
        if (fqn.isEmpty()) {
            return false;
        }
        if (versioned) {
            // A versioned model's fqn ends with its version: "dim_customers" or "dim_customers.v2" names it.
            if (fqn.size() >= 2 && fqn.get(fqn.size() - 2).equals(selector)) {
                return true;
            }
            if (fqn.size() >= 2 && selectorParts.length >= 2) {
                String lastTwo = fqn.get(fqn.size() - 2) + "_" + fqn.get(fqn.size() - 1);
                String selectorLastTwo =
                        selectorParts[selectorParts.length - 2] + "_" + selectorParts[selectorParts.length - 1];
                if (lastTwo.equals(selectorLastTwo)) {
                    return true;
                }
            }
        } else if (fqn.get(fqn.size() - 1).equals(selector)) {
            return true;
        }
        // Dots in names act as namespace separators.
        List<String> flat = new ArrayList<>();
        for (String segment : fqn) {
            flat.addAll(List.of(segment.split("\\.", -1)));
        }
        if (flat.size() < selectorParts.length) {
            return false;
        }
        for (int i = 0; i < selectorParts.length; i++) {
            String part = selectorParts[i];
            if (restFrom[i] != null) {
                return restFrom[i].matches(String.join(".", flat.subList(i, flat.size())));
            }
            if (!flat.get(i).equals(part)) {
                return false;
            }
        }
        return true;
    }
}
