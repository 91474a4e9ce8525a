package dev.sodamaven.config;

import dev.sodamaven.core.IngestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Removes the secrets a run was given from what the settings layer says. Each message is written
 * not to repeat a secret, but a secret can still end up inside another setting's value: an unclosed
 * quote in configuration.yml makes {@code host} swallow the lines below it, {@code api_key_secret}
 * included, and the host is then quoted in "not a valid host". This is the net under those cases.
 */
final class SecretScrubber {

    /**
     * Shorter values are not scrubbed: replacing every "1" or "abc" would garble messages, and no
     * real API key secret or token is that short.
     */
    static final int MIN_LENGTH = 8;
    private static final String MASK = "****";

    private final List<String> secrets = new ArrayList<>();

    /** Adds a secret value (null and short values are ignored). */
    SecretScrubber add(String secret) {
        if (secret != null && secret.trim().length() >= MIN_LENGTH && !secrets.contains(secret.trim())) {
            secrets.add(secret.trim());
            // Longest first, so that a secret containing another is masked whole.
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
        return this;
    }

    /** Whether {@code text} contains one of the secrets. */
    boolean holdsSecret(String text) {
        return text != null && secrets.stream().anyMatch(text::contains);
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, MASK);
        }
        return scrubbed;
    }

    List<String> scrub(List<String> texts) {
        return texts.stream().map(this::scrub).toList();
    }

    List<SettingOrigin> scrubOrigins(List<SettingOrigin> origins) {
        return origins.stream()
                .map(origin -> new SettingOrigin(origin.setting(), scrub(origin.value()), scrub(origin.origin())))
                .toList();
    }

    /** The same problem without the secrets; when anything was masked the cause goes too, as its text may hold it. */
    IngestException scrub(IngestException problem) {
        String message = scrub(problem.getMessage());
        String hint = scrub(problem.hint());
        if (message.equals(problem.getMessage()) && Objects.equals(hint, problem.hint())) {
            return problem;
        }
        IngestException scrubbed = new IngestException(problem.kind(), message, hint);
        scrubbed.setStackTrace(problem.getStackTrace());
        return scrubbed;
    }
}
