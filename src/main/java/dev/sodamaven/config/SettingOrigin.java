package dev.sodamaven.config;

/**
 * Where one setting's value came from, for the build log.
 *
 * @param setting what it is, e.g. "Soda Cloud host"
 * @param value   the value as shown to the user; "(hidden)" for secrets
 * @param origin  e.g. "plugin parameter sodaCloudHost", "configuration.yml soda_cloud.host", "default"
 */
public record SettingOrigin(String setting, String value, String origin) {
}
