package dev.sodamaven.config;

import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Setting;

/**
 * A {@code <server>} of Maven's settings.xml, already decrypted.
 *
 * @param id       the server id
 * @param username its username (an API key id), or null
 * @param password its password (an API key secret or token), or null
 */
public record ServerCredential(String id, String username, Secret password) {

    /** The part of the server that holds {@code setting}'s value, or null. */
    String value(Setting setting) {
        return switch (setting.server().orElseThrow().part()) {
            case USERNAME -> username;
            case PASSWORD -> password == null ? null : password.reveal();
        };
    }
}
