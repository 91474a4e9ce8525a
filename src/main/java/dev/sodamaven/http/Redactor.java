package dev.sodamaven.http;

import dev.sodamaven.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes secret values from text that came from elsewhere (an error body a server echoed). */
public final class Redactor {

    private static final Pattern TITLE = Pattern.compile("(?i)<title>(.*?)</title>", Pattern.DOTALL);

    private Redactor() {
    }

    /**
     * {@code text} with every secret replaced by {@code ****}: as written, and as a JSON string would
     * escape it (a server echoing a request body escapes quotes, backslashes and control characters).
     */
    public static String redact(String text, Secret... secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Secret secret : secrets) {
            if (secret != null) {
                String value = secret.reveal();
                result = result.replace(value, secret.toString());
                String escaped = new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(value));
                if (!escaped.equals(value)) {
                    result = result.replace(escaped, secret.toString());
                }
            }
        }
        return result;
    }

    /** The start of an error body, on one line, for a message; secrets removed before anything is cut. */
    public static String excerpt(byte[] body, int maxChars, Secret... secrets) {
        return excerpt(new String(body, StandardCharsets.UTF_8), maxChars, secrets);
    }

    /** The start of a text, on one line, for a message; secrets removed before anything is cut. */
    public static String excerpt(String raw, int maxChars, Secret... secrets) {
        // Redact first: squashing whitespace or cutting could otherwise split a secret past recognition.
        String text = redact(raw, secrets).replaceAll("\\s+", " ").trim();
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
