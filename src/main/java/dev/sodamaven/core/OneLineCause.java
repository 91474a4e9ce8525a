package dev.sodamaven.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A copy of a cause whose messages would not fit one log line as they are (a parser quoting the
 * file it choked on, a server's error body): the same chain, suppressed exceptions and stack traces,
 * each message made a {@link OneLine} after the name of the type it was. A cause that needs no change
 * is kept as it is.
 *
 * <p>What Maven's {@code -e} prints of a cause is its chain and, at each step, the exceptions it
 * suppressed (a failed close beside a failed read), with theirs in turn: {@link #all} is that whole
 * graph. A library can make it loop back on itself ({@code initCause} can close a chain A → B → A), so
 * every walk of it here visits each exception once.
 */
final class OneLineCause extends Exception {

    private static final long serialVersionUID = 1L;

    private OneLineCause(Throwable original, Throwable copiedCause) {
        super(OneLine.of(describe(original)), copiedCause, true, true);
        setStackTrace(original.getStackTrace());
    }

    /**
     * {@code cause} itself when every message in what {@code -e} prints of it is one line already,
     * else a one-line copy.
     */
    static Throwable of(Throwable cause) {
        boolean clean = all(cause).stream().allMatch(t -> Objects.equals(OneLine.of(t.getMessage()), t.getMessage()));
        return clean ? cause : copy(cause, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * {@code cause} and every exception {@code -e} prints with it, each once: its causes and the
     * exceptions each of them suppressed, with their own causes and suppressed exceptions. Empty for null.
     */
    static List<Throwable> all(Throwable cause) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> found = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>();
        if (cause != null) {
            next.add(cause);
        }
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (seen.add(t)) {
                found.add(t);
                if (t.getCause() != null) {
                    next.add(t.getCause());
                }
                Collections.addAll(next, t.getSuppressed());
            }
        }
        return found;
    }

    private static Throwable copy(Throwable original, Set<Throwable> seen) {
        if (original == null || !seen.add(original)) {
            return null; // a chain that loops back ends here
        }
        OneLineCause copy = new OneLineCause(original, copy(original.getCause(), seen));
        for (Throwable suppressed : original.getSuppressed()) {
            Throwable copied = copy(suppressed, seen);
            if (copied != null) {
                copy.addSuppressed(copied);
            }
        }
        return copy;
    }

    private static String describe(Throwable original) {
        String message = original.getMessage();
        return original.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
