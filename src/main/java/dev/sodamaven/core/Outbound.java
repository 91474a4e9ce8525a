package dev.sodamaven.core;

import java.util.Objects;

/**
 * Text on its way out of the plugin — to the build log, an error message, the scan's logs, a report
 * file: settings spelled the way the front end's users write them, every secret of the run masked.
 * Everything the plugin says passes through one of these.
 *
 * @param secrets the run's secrets
 * @param names   how settings are spelled
 */
public record Outbound(Secrets secrets, SettingNames names) {

    public Outbound {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(names, "names");
    }

    public String text(String text) {
        return secrets.mask(Setting.render(text, names));
    }

    /**
     * The problem as it may be shown, with the original kept as the cause (for {@code -e}) only when
     * none of its texts holds a secret.
     */
    public IngestException problem(IngestException problem) {
        IngestException shown = problem.withText(
                text(problem.getMessage()),
                text(problem.hint()),
                holdsSecret(problem.getCause()) ? null : problem.getCause());
        shown.setStackTrace(problem.getStackTrace());
        return shown;
    }

    private boolean holdsSecret(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (secrets.foundIn(t.getMessage())
                    || (t instanceof IngestException ingest && secrets.foundIn(ingest.hint()))) {
                return true;
            }
        }
        return false;
    }
}
