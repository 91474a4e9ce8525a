package dev.sodamaven.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One damage done to a file's bytes. The position is a fraction of the file ({@code at} / {@link #SCALE}),
 * so one edit fits files of any size and shrinks towards the start of the file.
 *
 * @param kind   what is done
 * @param at     where, as a fraction of the length
 * @param length how many bytes a delete or duplicate covers
 * @param bytes  what an insert puts in, or the mask a flip applies (its first byte)
 */
record ByteEdit(Kind kind, int at, int length, byte[] bytes) {

    static final int SCALE = 1 << 20;

    enum Kind {
        TRUNCATE,
        FLIP,
        INSERT,
        DELETE,
        DUPLICATE
    }

    /** Bits of JSON, encodings and limits that reach the parser's corners faster than random bytes. */
    private static final List<byte[]> SNIPPETS = snippets();

    byte[] apply(byte[] in) {
        int position = (int) ((long) at * in.length / SCALE);
        return switch (kind) {
            case TRUNCATE -> Arrays.copyOf(in, position);
            case FLIP -> {
                if (in.length == 0) {
                    yield in;
                }
                byte[] out = in.clone();
                int index = Math.min(position, in.length - 1);
                out[index] ^= (byte) ((bytes.length == 0 ? 0 : bytes[0]) | 1);
                yield out;
            }
            case INSERT -> splice(in, position, 0, bytes);
            case DELETE -> splice(in, position, Math.min(length, in.length - position), new byte[0]);
            case DUPLICATE ->
                splice(in, position, 0, Arrays.copyOfRange(in, position, Math.min(in.length, position + length)));
        };
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }

    static Arbitrary<ByteEdit> any() {
        Arbitrary<byte[]> inserted = Arbitraries.oneOf(
                Arbitraries.of(SNIPPETS),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16));
        return Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, SCALE - 1),
                        Arbitraries.integers().between(1, 4096),
                        inserted)
                .as(ByteEdit::new);
    }

    /** Up to {@code max} edits, applied in order. */
    static Arbitrary<List<ByteEdit>> some(int max) {
        return any().list().ofMinSize(1).ofMaxSize(max);
    }

    static byte[] applyAll(List<ByteEdit> edits, byte[] in) {
        byte[] out = in;
        for (ByteEdit edit : edits) {
            out = edit.apply(out);
        }
        return out;
    }

    @Override
    public String toString() {
        return kind + "@" + at + "/" + SCALE
                + (kind == Kind.DELETE || kind == Kind.DUPLICATE
                        ? " x" + length
                        : kind == Kind.TRUNCATE
                                ? ""
                                : " " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 24)));
    }

    private static List<byte[]> snippets() {
        List<String> text = List.of(
                "{",
                "}",
                "[",
                "]",
                "\"",
                ",",
                ":",
                "null",
                "true",
                "\\",
                "\\u12",
                "\\uD800",
                "1e999999999",
                "-0.0e-99999",
                "123456789012345678901234567890",
                "NaN",
                "/*",
                "\"test.x.y\":",
                "{\"unique_id\":",
                "\"results\":[",
                "\"nodes\":{",
                "[".repeat(1_200),
                "{\"a\":".repeat(1_100),
                "\uFEFF",
                "\u0000",
                "\t\r\n ");
        List<byte[]> bytes = new ArrayList<>(text.stream()
                .map(snippet -> snippet.getBytes(StandardCharsets.UTF_8))
                .toList());
        bytes.add(new byte[] {(byte) 0xC3, 0x28}); // invalid UTF-8 sequence
        bytes.add(new byte[] {(byte) 0xF0, (byte) 0x9F}); // UTF-8 cut in the middle of a character
        bytes.add(new byte[] {(byte) 0xFF, (byte) 0xFE}); // UTF-16 byte order mark
        bytes.add(new byte[] {0x1F, (byte) 0x8B, 0x08, 0x00}); // gzip header
        return List.copyOf(bytes);
    }
}
