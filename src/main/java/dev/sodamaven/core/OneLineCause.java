package dev.sodamaven.core;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * A copy of a cause whose messages would break a log line (a parser quoting the file it choked on,
 * a server's error body): the same chain and stack traces, each message on one line after the name
 * of the type it was. A cause that needs no escaping is kept as it is.
 */
final class OneLineCause extends Exception {

    private static final long serialVersionUID = 1L;

    private OneLineCause(Throwable original, Throwable copiedCause) {
        super(OneLine.of(describe(original)), copiedCause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** {@code cause} itself when every message in its chain is one line already, else a one-line copy. */
    static Throwable of(Throwable cause) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean clean = true;
        for (Throwable t = cause; t != null && seen.add(t); t = t.getCause()) {
            clean &= Objects.equals(OneLine.of(t.getMessage()), t.getMessage());
        }
        return clean ? cause : copy(cause, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable original, Set<Throwable> seen) {
        if (original == null || !seen.add(original)) {
            return null; // a chain that loops back ends here
        }
        return new OneLineCause(original, copy(original.getCause(), seen));
    }

    private static String describe(Throwable original) {
        String message = original.getMessage();
        return original.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
