package dev.sodamaven.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code soda:upload} needs: the file to send, where Soda Cloud is and the API key.
 *
 * @param scanResults the scan results file to send
 * @param sodaCloud   Soda Cloud address and key
 * @param network   timeouts and retries
 * @param origins   where each setting came from
 * @param warnings  things the user should know about the settings
 */
public record UploadSettings(
        Path scanResults,
        SodaCloudSettings sodaCloud,
        NetworkSettings network,
        List<SettingOrigin> origins,
        List<String> warnings) {

    public UploadSettings {
        origins = List.copyOf(origins);
        warnings = List.copyOf(warnings);
    }
}
