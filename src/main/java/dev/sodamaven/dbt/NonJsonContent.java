package dev.sodamaven.dbt;

import dev.sodamaven.core.IngestException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Recognises by its first bytes a file that cannot be a dbt artifact because it is not JSON text: a
 * gzip or zip download that was not unpacked, an HTML error page saved in place of the artifact, or
 * binary data. JSON's parser would only report "unexpected character" there, which does not tell
 * the user what they are looking at.
 */
final class NonJsonContent {

    /** How many first bytes are looked at: room for a byte order mark and some leading white space. */
    static final int HEAD_LENGTH = 64;

    private NonJsonContent() {}

    /**
     * Throws when {@code head} (the first {@code length} bytes of {@code file}) shows that it is not
     * JSON text. UTF-16 and UTF-32 text (zero bytes among the first four, or their byte order marks)
     * is left to the JSON parser, which reads it.
     */
    static void refuse(byte[] head, int length, Path file, String label, String fileName, String regenerate)
            throws IngestException {
        String what = label + " " + file;
        // Magic numbers come first: a gzip header holds zero bytes that would pass for UTF-16 text.
        if (startsWith(head, length, 0x1F, 0x8B)) {
            throw IngestException.input(
                    what + " is gzip-compressed data, not JSON text.",
                    "Unpack it first (gunzip), then point the plugin at the " + fileName + " it holds.");
        }
        if (startsWith(head, length, 'P', 'K', 0x03, 0x04)) {
            throw IngestException.input(
                    what + " is a zip archive, not JSON text.",
                    "Unzip it, then point the plugin at the " + fileName + " it holds.");
        }
        if (length == 0 || mayBeWideText(head, length)) {
            return;
        }
        int at = startsWith(head, length, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (at < length && isJsonWhiteSpace(head[at])) {
            at++;
        }
        if (at >= length) {
            return;
        }
        if (head[at] == '<') {
            throw IngestException.input(
                    what + " holds HTML or XML, not JSON: it starts with '<'.",
                    "It may be an error page saved by a failed download: download the artifact again, or point "
                            + "the plugin at the " + fileName + " dbt wrote.");
        }
        int first = head[at] & 0xFF;
        if (first < 0x20 || first == 0x7F || (first >= 0x80 && !isUtf8Sequence(head, length, at))) {
            throw IngestException.input(
                    what + " is not a text file: it starts with binary data (byte 0x"
                            + String.format(Locale.ROOT, "%02x", first) + ").",
                    regenerate);
        }
    }

    private static boolean mayBeWideText(byte[] head, int length) {
        if (startsWith(head, length, 0xFE, 0xFF) || startsWith(head, length, 0xFF, 0xFE)) {
            return true;
        }
        for (int i = 0; i < Math.min(4, length); i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJsonWhiteSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** A UTF-8 lead byte followed by the continuation bytes it announces (as far as the head reaches). */
    private static boolean isUtf8Sequence(byte[] head, int length, int at) {
        int lead = head[at] & 0xFF;
        int continuations = lead >= 0xC2 && lead <= 0xDF
                ? 1
                : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
        if (continuations < 0) {
            return false;
        }
        for (int i = 1; i <= continuations && at + i < length; i++) {
            if ((head[at + i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int length, int... bytes) {
        if (bytes.length > length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
