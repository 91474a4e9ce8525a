package dev.sodamaven.core;

import java.util.Objects;

/**
 * Text on its way out of the plugin — to the build log, an error message, the scan's logs, a report
 * file: settings spelled the way the front end's users write them, every secret of the run masked.
 * Everything the plugin says passes through one of these. What goes to a log is also kept on one
 * line ({@link #line}, {@link #problem}); a report keeps its line breaks and escapes for its format.
 *
 * @param secrets the run's secrets
 * @param names   how settings are spelled
 */
public record Outbound(Secrets secrets, SettingNames names) {

    public Outbound {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(names, "names");
    }

    /** Text for a file: rendered and masked, its line breaks kept. */
    public String text(String text) {
        return secrets.mask(Setting.render(text, names));
    }

    /**
     * Text for one line of a log: rendered, masked, then escaped and cut to {@value OneLine#MAX_CHARACTERS}
     * characters by {@link OneLine} (masked first, so a secret holding a line break is still recognised
     * and a cut never shows part of one).
     */
    public String line(String text) {
        return OneLine.of(text(text));
    }

    /**
     * The problem as a log may show it, down to its causes (which Maven appends to the error and
     * {@code -e} prints): message and hint each as a {@link #line}; a cause that is itself a problem
     * shown the same way; any other kept only when no message of it holds a secret, nor of its causes
     * and the exceptions they suppressed, and then with every such message a {@link OneLine}
     * ({@link OneLineCause}).
     */
    public IngestException problem(IngestException problem) {
        return problem.withText(line(problem.getMessage()), line(problem.hint()), shown(problem.getCause()));
    }

    private Throwable shown(Throwable cause) {
        if (cause instanceof IngestException problem) {
            return problem(problem);
        }
        if (OneLineCause.all(cause).stream().anyMatch(t -> secrets.foundIn(t.getMessage()))) {
            return null;
        }
        return OneLineCause.of(cause);
    }
}
