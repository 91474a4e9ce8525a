package dev.sodamaven.config;

import dev.sodamaven.core.IngestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a small UTF-8 text file (configuration.yml) whole, within limits that are checked before
 * any parser sees the text. SnakeYAML's scanner takes time that grows with the square of a token's
 * length, and its own size limit is only checked after a token was scanned: one 50 MB comment line
 * ran for over five minutes. Here the file's size is checked first, at most one byte more than the
 * limit is ever read (a file that grows meanwhile, or one that reports no size, cannot get past),
 * and every line is measured before parsing.
 */
final class LimitedTextFile {

    /**
     * Largest configuration file read: 1 MiB. Soda's configuration.yml files are a few kilobytes; a
     * larger file is another file given by mistake, and is not read at all.
     */
    static final int MAX_BYTES = 1024 * 1024;

    /**
     * Longest line: 65,536 characters. Real lines are short (the longest, an inline service account
     * key, is a few kilobytes); a longer one is refused before parsing, by its number.
     */
    static final int MAX_LINE_LENGTH = 64 * 1024;

    private static final String NOT_THIS_FILE =
            "Check that it is the configuration.yml you meant: Soda's configuration files are a few kilobytes of"
                    + " short lines.";

    private LimitedTextFile() {}

    /** The text of {@code path}; {@code label} starts every message, e.g. "Configuration file x.yml". */
    static String read(Path path, String label) throws IngestException {
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw tooLarge(label);
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (AccessDeniedException denied) {
            throw IngestException.configuration(
                    label + " cannot be read: permission denied.", "Make it readable by the user running the build.");
        } catch (IOException io) {
            throw IngestException.configuration(
                    label + " could not be read (" + io.getClass().getSimpleName() + ").",
                    "Check that the file is readable.");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(label); // it grew after its size was taken, or has no size (a special file)
        }
        String text = utf8(bytes, label);
        requireShortLines(text, label);
        return text;
    }

    private static String utf8(byte[] bytes, String label) throws IngestException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw IngestException.configuration(
                    label + " is not UTF-8 text.",
                    "Save it as a UTF-8 text file (it may be a binary file or use another encoding).");
        }
    }

    /** Lines are counted as YAML counts them (CR, LF, CR LF, NEL, LS, PS), so the number matches other messages. */
    private static void requireShortLines(String text, String label) throws IngestException {
        int line = 1;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                length = 0;
            } else if (++length > MAX_LINE_LENGTH) {
                throw IngestException.configuration(
                        label + " has a line longer than the limit of " + MAX_LINE_LENGTH + " characters (line " + line
                                + ").",
                        NOT_THIS_FILE);
            }
        }
    }

    private static IngestException tooLarge(String label) {
        return IngestException.configuration(
                label + " is larger than the limit of " + MAX_BYTES + " bytes (1 MiB) for a configuration file.",
                NOT_THIS_FILE);
    }
}
