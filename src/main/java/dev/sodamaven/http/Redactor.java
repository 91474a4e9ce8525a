package dev.sodamaven.http;

import dev.sodamaven.Secret;

/** Removes secret values from text that came from elsewhere (an error body a server echoed). */
public final class Redactor {

    private Redactor() {
    }

    public static String redact(String text, Secret... secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Secret secret : secrets) {
            if (secret != null) {
                result = result.replace(secret.reveal(), secret.toString());
            }
        }
        return result;
    }

    /** The start of an error body, on one line, for a message; secrets removed. */
    public static String excerpt(byte[] body, int maxChars, Secret... secrets) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        if (text.startsWith("<")) {
            // An HTML error page says little in a build log beyond its title.
            java.util.regex.Matcher title = java.util.regex.Pattern.compile("(?i)<title>(.*?)</title>").matcher(text);
            text = title.find() ? "an HTML page titled '" + title.group(1).trim() + "'" : "an HTML page";
        }
        if (text.length() > maxChars) {
            text = text.substring(0, maxChars) + "...";
        }
        return redact(text, secrets);
    }
}
