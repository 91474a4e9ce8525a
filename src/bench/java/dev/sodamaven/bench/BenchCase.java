package dev.sodamaven.bench;

import java.util.Locale;

/**
 * One benchmark case: a manifest size and a number of test results, written {@code 1GB:50000}
 * (sizes are binary: 1GB = 1 GiB, 100MB = 100 MiB).
 */
record BenchCase(String label, long manifestBytes, int testResults) {

    static BenchCase parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a case is SIZE:TESTS, e.g. 1GB:50000, not '" + text + "'");
        }
        String size = parts[0].trim().toUpperCase(Locale.ROOT);
        long unit = size.endsWith("GB") ? 1L << 30 : size.endsWith("MB") ? 1L << 20 : 0;
        if (unit == 0) {
            throw new IllegalArgumentException("a size ends in MB or GB, not '" + parts[0] + "'");
        }
        double amount = Double.parseDouble(size.substring(0, size.length() - 2));
        int tests = Integer.parseInt(parts[1].trim());
        return new BenchCase(size + "-" + tests, Math.round(amount * unit), tests);
    }
}
