package dev.sodamaven.dbt;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dbt version as {@code metadata.dbt_version} writes it: {@code 1.10.7}, pre-releases in Python's
 * spelling ({@code 1.12.0b3}, {@code 1.11.0rc3}, {@code 1.5.0rc1}) and dbt Fusion's
 * ({@code 2.0.0-preview.200}). Only major and minor decide what a file holds; the rest is kept for
 * messages.
 *
 * @param major      1 in {@code 1.12.0b3}
 * @param minor      12 in {@code 1.12.0b3}
 * @param patch      0 in {@code 1.12.0b3}
 * @param preRelease {@code b3}, {@code rc3}, {@code preview.200}; empty for a final release
 */
public record DbtVersion(int major, int minor, int patch, String preRelease) {

    /** The first dbt release whose artifacts carry {@code dbt_schema_version} and list result ids. */
    public static final DbtVersion OLDEST_SUPPORTED = new DbtVersion(0, 19, 0, "");

    // PEP 440 pre-releases (a, b, rc, dev, post) follow the patch directly; Fusion's follow a hyphen.
    private static final Pattern VERSION = Pattern.compile("^v?(\\d{1,6})\\.(\\d{1,6})(?:\\.(\\d{1,6}))?[-.+]?(.*)$");

    /** The version {@code text} names; empty when it is absent or not a dbt version. */
    public static Optional<DbtVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = VERSION.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return Optional.of(new DbtVersion(
                Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch, matcher.group(4)));
    }

    /** True for {@code 1.12.0b3}, {@code 1.11.0rc3}, {@code 2.0.0-preview.200}. */
    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /**
     * True when this release line is older than {@code other}'s; a pre-release of 0.19 counts as 0.19,
     * since its artifacts already have the 0.19 shape.
     */
    public boolean isOlderThan(DbtVersion other) {
        return major != other.major ? major < other.major : minor < other.minor;
    }
}
