package dev.sodamaven.config;

import dev.sodamaven.core.Secret;

/**
 * Where Soda Cloud is and the API key to log in with.
 *
 * @param scheme       https or http
 * @param host         host name
 * @param port         port, or null for the scheme's default
 * @param apiKeyId     API key id, or null in a dry run without credentials
 * @param apiKeySecret API key secret, or null in a dry run without credentials
 * @param apiKeyOrigin where the key came from, for messages
 */
public record SodaCloudSettings(
        String scheme, String host, Integer port, Secret apiKeyId, Secret apiKeySecret, String apiKeyOrigin) {

    public boolean hasApiKey() {
        return apiKeyId != null && apiKeySecret != null;
    }
}
