package dev.sodamaven.http;

import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The start of an answer a server sent (an error body), fit for a one-line message. */
public final class BodyExcerpt {

    private static final Pattern TITLE = Pattern.compile("(?i)<title>(.*?)</title>", Pattern.DOTALL);

    private BodyExcerpt() {}

    /**
     * The start of a body, on one line; the run's secrets, and the credentials sent with the request
     * whatever their length, removed before anything is cut.
     */
    public static String of(byte[] body, int maxChars, Secrets secrets, Collection<Secret> sent) {
        return of(new String(body, StandardCharsets.UTF_8), maxChars, secrets, sent);
    }

    /** The start of a text, on one line; secrets removed as for a body, before anything is cut. */
    public static String of(String raw, int maxChars, Secrets secrets, Collection<Secret> sent) {
        // Masked first: squashing white space or cutting could split a secret past recognition.
        String text = secrets.maskEcho(raw, sent).replaceAll("\\s+", " ").trim();
        if (text.startsWith("<")) {
            // An HTML error page says little in a build log beyond its title.
            Matcher title = TITLE.matcher(text);
            text = title.find() ? "an HTML page titled '" + title.group(1).trim() + "'" : "an HTML page";
        }
        if (text.length() > maxChars) {
            text = text.substring(0, maxChars) + "...";
        }
        return text;
    }
}
