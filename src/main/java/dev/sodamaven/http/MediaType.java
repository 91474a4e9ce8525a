package dev.sodamaven.http;

import java.util.regex.Pattern;

/**
 * Whether a {@code Content-Type} is a media type, as RFC 9110 writes one. Messages quote it; any other
 * value (a server echoing a credential, a megabyte of text) is dropped before anything can.
 */
final class MediaType {

    private static final int MAX_LENGTH = 200;
    private static final String TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"[\\x20-\\x21\\x23-\\x7e]{0,64}\"))*\\s*");

    private MediaType() {}

    static boolean isValid(String value) {
        return value.length() <= MAX_LENGTH && MEDIA_TYPE.matcher(value.trim()).matches();
    }
}
