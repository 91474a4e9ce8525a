package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.ContentReference;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * UTF-8 text from a stream, refusing bytes that are not UTF-8 where {@link java.io.InputStreamReader}
 * would put U+FFFD in their place. Every artifact in UTF-8 is read through it by Jackson's character
 * parser (see {@link ArtifactFile}). Every character before a bad byte is read first, so that the
 * parser stands in the value holding the bad byte, and can name it, when it gets the {@link NotUtf8}
 * failure. A byte order mark at the start is skipped, as Jackson's stream parser does.
 */
final class StrictUtf8Reader extends Reader {

    /**
     * Bytes that are not UTF-8, in Jackson's words ("Invalid UTF-8 ... byte 0xdf") so that they read
     * alike, with the bad byte's offset in the stream: Jackson's character parser misplaces the column
     * of a failure of its reader (by the length of the text it read last).
     */
    static final class NotUtf8 extends CharConversionException {
        private static final long serialVersionUID = 1L;

        private final long offset;

        NotUtf8(int badByte, long offset) {
            super(String.format(Locale.ROOT, "Invalid UTF-8 byte 0x%02x", badByte));
            this.offset = offset;
        }

        /**
         * Where the bad byte is in {@code file} (the stream read), as Jackson counts: lines from 1, each
         * ended by LF, CR LF or CR, and characters on the line from 1 (a byte order mark is none).
         * Reads the file again up to the byte: this happens once, when the file is refused.
         */
        JsonLocation locationIn(Path file) throws IOException {
            int line = 1;
            int column = 1;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                int previous = -1;
                for (long at = 0; at < offset; at++) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    boolean byteOrderMark = at < 3 && (b == 0xEF || b == 0xBB || b == 0xBF);
                    if (b == '\n' && previous == '\r') {
                        // The CR counted the line already.
                    } else if (b == '\n' || b == '\r') {
                        line++;
                        column = 1;
                    } else if ((b & 0xC0) != 0x80 && !byteOrderMark) {
                        // Each character once: at its first byte, not its continuation bytes.
                        column++;
                    }
                    previous = b;
                }
            }
            return new JsonLocation(ContentReference.unknown(), offset, -1, line, column);
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Read and not yet decoded, ready to be read from. */
    private final ByteBuffer bytes;

    /** Bytes of the stream before {@link #bytes}' first. */
    private long bytesBefore;

    private boolean endOfStream;
    private boolean flushed;
    /** The failure to give on the next read, once the characters before the bad byte are read. */
    private NotUtf8 failure;

    /** @param bufferBytes how many bytes are read from {@code in} at a time */
    StrictUtf8Reader(InputStream in, int bufferBytes) {
        if (bufferBytes < 4) {
            // It must hold the longest UTF-8 character, cut by one read, and a byte more.
            throw new IllegalArgumentException("bufferBytes " + bufferBytes + " < 4");
        }
        this.in = in;
        this.bytes = ByteBuffer.allocate(bufferBytes).flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfStream);
            int decoded = out.position() - offset;
            if (result.isError()) {
                failure = new NotUtf8(bytes.get(bytes.position()) & 0xFF, bytesBefore + bytes.position());
                if (decoded > 0) {
                    return decoded;
                }
                throw failure;
            }
            if (result.isOverflow() || decoded > 0) {
                return decoded;
            }
            if (endOfStream) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                    if (out.position() > offset) {
                        return out.position() - offset;
                    }
                }
                return -1;
            }
            fill();
        }
    }

    /** Reads more bytes behind those not decoded yet (the start of a character cut by the last read). */
    private void fill() throws IOException {
        boolean first = bytesBefore == 0 && !bytes.hasRemaining();
        bytesBefore += bytes.position();
        bytes.compact();
        int read = in.readNBytes(bytes.array(), bytes.position(), bytes.remaining());
        if (read == 0) {
            endOfStream = true;
        }
        bytes.position(bytes.position() + read);
        bytes.flip();
        if (first && startsWithByteOrderMark()) {
            // What UTF-8 may start with to say it is UTF-8: not text, as Jackson's stream parser skips it.
            bytes.position(3);
        }
    }

    private boolean startsWithByteOrderMark() {
        return bytes.remaining() >= 3
                && (bytes.get(0) & 0xFF) == 0xEF
                && (bytes.get(1) & 0xFF) == 0xBB
                && (bytes.get(2) & 0xFF) == 0xBF;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
