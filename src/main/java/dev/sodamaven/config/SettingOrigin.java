package dev.sodamaven.config;

import dev.sodamaven.core.IngestLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one setting's value came from, for the build log.
 *
 * @param setting what it is, e.g. "Soda Cloud host"
 * @param value   the value as shown to the user; "(hidden)" for secrets
 * @param origin  e.g. "plugin parameter " + a setting mention, "configuration.yml soda_cloud.host (line 4)",
 *                "default"
 */
public record SettingOrigin(String setting, String value, String origin) {

    /** Logs the settings table, then the warnings about the settings: what both goals say first. */
    public static void log(List<SettingOrigin> origins, List<String> warnings, IngestLog log) {
        table(origins).forEach(log::info);
        warnings.forEach(log::warn);
    }

    /** The settings table both goals print at the start: a heading, then one aligned line per setting. */
    private static List<String> table(List<SettingOrigin> origins) {
        List<String> lines = new ArrayList<>();
        if (origins.isEmpty()) {
            return lines;
        }
        int width = origins.stream()
                .mapToInt(origin -> origin.setting().length())
                .max()
                .orElse(0);
        lines.add("Settings (from: plugin parameter > configuration.yml > environment > settings.xml > default):");
        for (SettingOrigin origin : origins) {
            lines.add("  " + origin.setting()
                    + " ".repeat(width - origin.setting().length()) + "  " + origin.value() + "  [" + origin.origin()
                    + "]");
        }
        return lines;
    }
}
