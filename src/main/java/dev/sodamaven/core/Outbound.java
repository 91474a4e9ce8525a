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
     * The problem as it may be shown, down to its causes (which {@code -e} prints): a cause that is
     * itself a problem is shown the same way; any other is kept only when no text of it holds a secret.
     */
    public IngestException problem(IngestException problem) {
        return problem.withText(text(problem.getMessage()), text(problem.hint()), shown(problem.getCause()));
    }

    private Throwable shown(Throwable cause) {
        if (cause instanceof IngestException problem) {
            return problem(problem);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (secrets.foundIn(t.getMessage())) {
                return null;
            }
        }
        return cause;
    }
}
