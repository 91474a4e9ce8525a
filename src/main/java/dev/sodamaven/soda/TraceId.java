package dev.sodamaven.soda;

import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Soda Cloud's {@code X-Soda-Trace-Id}, what Soda support asks for. It is the server's text, printed
 * in the build log and in errors, so only a plain id is taken: short, of letters, digits and
 * {@code - _ . :}, and holding none of the run's secrets. Anything else (a line break that would forge
 * a log line, terminal escapes, a megabyte, a credential echoed back) is not shown at all.
 */
final class TraceId {

    static final int MAX_LENGTH = 128;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_LENGTH - 1) + "}");

    private TraceId() {}

    /** The trace id when {@code raw} is a plain one that holds no secret; else empty. */
    static Optional<String> plain(String raw, Secrets secrets, Collection<Secret> sent) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim();
        if (!PLAIN.matcher(value).matches()) {
            return Optional.empty();
        }
        // Masked like any text, and dropped rather than shown half-masked: it is then no trace id.
        return value.equals(secrets.maskEcho(value, sent)) ? Optional.of(value) : Optional.empty();
    }
}
