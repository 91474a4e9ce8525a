package dev.sodamaven.dbt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.ReaderBasedJsonParser;
import com.fasterxml.jackson.core.sym.CharsToNameCanonicalizer;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Jackson's character parser with a faster skip of what a reader does not read ({@link #skipChildren()},
 * {@link #skipValue()}): it checks the skipped value character by character against JSON's grammar
 * instead of turning it into tokens. Jackson's own skip tokenizes all it skips, makes a string of every
 * field name in it and unescapes skipped strings through a call per escape; in a manifest nearly all is
 * skipped (configs, columns, SQL, the maps of parents and children). On the benchmark's 1 GB manifest
 * the manifest read went from 3.9 to 2.6 s and the names Jackson made were most of what an ingestion
 * allocated (docs/benchmarks.md).
 *
 * <p>The skim accepts only what Jackson accepts, and leaves the parser as Jackson's skip would: on the
 * closing bracket, with the same line and column count (SkimmingJsonParserTest compares the two on
 * random and broken documents). It does not describe faults: on anything it is not sure of (broken JSON,
 * an end of input, a limit reached, a failure of the reader) it throws {@link Refused}, and
 * {@link ArtifactFile} reads the file again with Jackson's skip, which describes the fault exactly as
 * before. A valid file is read once, unless a number in it has as many digits as Jackson's limit.
 *
 * <p>One difference is meant: the names the skim passes are not put in Jackson's table of field names
 * (the run results' parser keeps one), so its guard against names whose hashes collide, a defence of
 * that table, does not count them. A file with hundreds of such names in a skipped value is read, where
 * Jackson would refuse it; none of them is ever looked up.
 */
final class SkimmingJsonParser extends ReaderBasedJsonParser {

    /**
     * The skim met something it does not vouch for; the file must be read again without it. Not an
     * {@link IOException}: no reader may catch it on the way to {@link ArtifactFile}.
     */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(
                    "the skim of a skipped JSON value stopped; the file is read again with Jackson's skip",
                    null,
                    false,
                    false);
        }
    }

    /** Jackson's factory, making this parser for text read from a {@link Reader}. */
    static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        Factory(JsonFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected JsonParser _createParser(Reader reader, IOContext context) {
            return new SkimmingJsonParser(context, _parserFeatures, reader, _objectCodec, _rootCharSymbols.makeChild());
        }
    }

    private static final int NAME_OR_CLOSE = 0;
    private static final int NAME = 1;
    private static final int COLON = 2;
    private static final int VALUE_OR_CLOSE = 3;
    private static final int VALUE = 4;
    private static final int AFTER_VALUE = 5;

    /** Off for a second read of a file the skim refused: Jackson's skip then describes what it finds. */
    private boolean skimming = true;

    /**
     * Longest name vouched for, in characters, escapes counted as one: Jackson limits a name's length, and
     * builds a name with an escape in a buffer limited as text is.
     */
    private final int longestName;

    /** Fewest digits refused in a number (see {@link #number}). */
    private final int tooManyDigits;

    /** Whether the open containers, innermost last, are objects; grown as deeper nesting is met. */
    private boolean[] inObject = new boolean[64];

    SkimmingJsonParser(
            IOContext context, int features, Reader reader, ObjectCodec codec, CharsToNameCanonicalizer names) {
        super(context, features, reader, codec, names);
        longestName = Math.min(_streamReadConstraints.getMaxNameLength(), _streamReadConstraints.getMaxStringLength());
        tooManyDigits = _streamReadConstraints.getMaxNumberLength();
    }

    /** Skips as Jackson does, from now on. */
    void stopSkimming() {
        skimming = false;
    }

    /**
     * Skips the value the parser stands on, unread: an object or array as {@link #skipChildren()} does,
     * and a string not read yet past its closing quote, whose text is then gone. Jackson would skip such a
     * string on the next token, unescaping each escape through a call; a manifest is mostly SQL and
     * descriptions skipped this way.
     */
    void skipValue() throws IOException {
        if (_currToken == JsonToken.VALUE_STRING && _tokenIncomplete && canSkim()) {
            string(false);
            _tokenIncomplete = false;
            return;
        }
        skipChildren();
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken token = _currToken;
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return this;
        }
        if (!canSkim()) {
            return super.skipChildren();
        }
        skim(token == JsonToken.START_OBJECT);
        // As Jackson's closing of a scope leaves it: the token's place, the enclosing context, the end token.
        _tokenInputTotal = _currInputProcessed + _inputPtr;
        _tokenInputRow = _currInputRow;
        _tokenInputCol = _inputPtr - _currInputRowStart;
        _parsingContext = _parsingContext.clearAndGetParent();
        _currToken = token == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        return this;
    }

    /** Jackson counts the tokens it skips when a limit is set, and may check names for duplicates; the skim does neither. */
    private boolean canSkim() {
        return skimming && !_trackMaxTokenCount && !isEnabled(Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Reads past the closing bracket of the container just opened. */
    private void skim(boolean object) throws IOException {
        // Jackson refuses a container nested deeper than its limit; this one is at the context's depth.
        int maxDepth = _streamReadConstraints.getMaxNestingDepth() - _parsingContext.getNestingDepth();
        int depth = 0;
        inObject[0] = object;
        int state = object ? NAME_OR_CLOSE : VALUE_OR_CLOSE;
        while (true) {
            int c = next();
            if (c <= ' ') {
                whiteSpace(c);
                continue;
            }
            switch (state) {
                case NAME_OR_CLOSE, NAME -> {
                    if (c == '"') {
                        string(true);
                        state = COLON;
                    } else if (c == '}' && state == NAME_OR_CLOSE) {
                        if (--depth < 0) {
                            return;
                        }
                        state = AFTER_VALUE;
                    } else {
                        throw new Refused();
                    }
                }
                case COLON -> {
                    if (c != ':') {
                        throw new Refused();
                    }
                    state = VALUE;
                }
                case VALUE_OR_CLOSE, VALUE -> {
                    if (c == ']' && state == VALUE_OR_CLOSE) {
                        if (--depth < 0) {
                            return;
                        }
                        state = AFTER_VALUE;
                    } else if (c == '{' || c == '[') {
                        if (++depth > maxDepth) {
                            throw new Refused();
                        }
                        if (depth == inObject.length) {
                            inObject = Arrays.copyOf(inObject, depth * 2);
                        }
                        inObject[depth] = c == '{';
                        state = c == '{' ? NAME_OR_CLOSE : VALUE_OR_CLOSE;
                    } else {
                        scalar(c);
                        state = AFTER_VALUE;
                    }
                }
                default -> {
                    if (c == ',') {
                        state = inObject[depth] ? NAME : VALUE;
                    } else if (c == (inObject[depth] ? '}' : ']')) {
                        if (--depth < 0) {
                            return;
                        }
                    } else {
                        throw new Refused();
                    }
                }
            }
        }
    }

    /** The next character, or a refusal at the end of the input. */
    private int next() throws IOException {
        if (_inputPtr >= _inputEnd && !refill()) {
            throw new Refused();
        }
        return _inputBuffer[_inputPtr++];
    }

    /** The next character without taking it, or -1 at the end of the input. */
    private int peek() throws IOException {
        if (_inputPtr >= _inputEnd && !refill()) {
            return -1;
        }
        return _inputBuffer[_inputPtr];
    }

    /** Jackson's refill, whose failures (the reader's, a limit) become a refusal: Jackson will meet them again. */
    private boolean refill() {
        try {
            return _loadMore();
        } catch (IOException | RuntimeException failed) {
            throw new Refused();
        }
    }

    /** Space, tab and line ends, counted into lines as Jackson counts them; any other control character is refused. */
    private void whiteSpace(int c) throws IOException {
        if (c == '\n') {
            ++_currInputRow;
            _currInputRowStart = _inputPtr;
        } else if (c == '\r') {
            if (peek() == '\n') {
                ++_inputPtr;
            }
            ++_currInputRow;
            _currInputRowStart = _inputPtr;
        } else if (c != ' ' && c != '\t') {
            throw new Refused();
        }
    }

    /** The rest of a string whose opening quote was read; control characters and bad escapes are refused. */
    private void string(boolean name) throws IOException {
        int length = 0;
        while (true) {
            // The common case, a run of plain characters within the buffer, without a call per character.
            int ptr = _inputPtr;
            int end = _inputEnd;
            char[] buffer = _inputBuffer;
            while (ptr < end) {
                char c = buffer[ptr];
                if (c == '"' || c == '\\' || c < ' ') {
                    break;
                }
                ptr++;
            }
            length += ptr - _inputPtr;
            _inputPtr = ptr;
            if (ptr == end) {
                if (!refill()) {
                    throw new Refused();
                }
                continue;
            }
            int c = _inputBuffer[_inputPtr++];
            if (c == '"') {
                if (name && length > longestName) {
                    throw new Refused();
                }
                return;
            }
            if (c != '\\') {
                throw new Refused();
            }
            escape();
            length++;
        }
    }

    private void escape() throws IOException {
        int c = next();
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                // one character
            }
            case 'u' -> {
                for (int i = 0; i < 4; i++) {
                    int h = next();
                    boolean hex = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
                    if (!hex) {
                        throw new Refused();
                    }
                }
            }
            default -> throw new Refused();
        }
    }

    /** A string, number, true, false or null, its first character read. */
    private void scalar(int first) throws IOException {
        switch (first) {
            case '"' -> string(false);
            case 't' -> literal("rue");
            case 'f' -> literal("alse");
            case 'n' -> literal("ull");
            default -> number(first);
        }
    }

    private void literal(String rest) throws IOException {
        for (int i = 0; i < rest.length(); i++) {
            if (next() != rest.charAt(i)) {
                throw new Refused();
            }
        }
    }

    /**
     * A number as JSON writes it: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. What may follow it
     * (a comma, a bracket, space) is left to the caller, which refuses anything else, as Jackson does.
     * Jackson limits the digits of the integer part, or of all three parts; a number with as many digits as
     * the limit is refused here whichever Jackson counts (and whether it counts an exponent's sign).
     */
    private void number(int first) throws IOException {
        int c = first;
        if (c == '-') {
            c = next();
        }
        int digits;
        if (c == '0') {
            int after = peek();
            if (after >= '0' && after <= '9') {
                throw new Refused(); // a leading zero
            }
            digits = 1;
        } else if (c >= '1' && c <= '9') {
            digits = 1 + digits();
        } else {
            throw new Refused();
        }
        int after = peek();
        if (after == '.') {
            _inputPtr++;
            int fraction = digits();
            if (fraction == 0) {
                throw new Refused();
            }
            digits += fraction;
            after = peek();
        }
        if (after == 'e' || after == 'E') {
            _inputPtr++;
            after = peek();
            if (after == '+' || after == '-') {
                _inputPtr++;
            }
            int exponent = digits();
            if (exponent == 0) {
                throw new Refused();
            }
            digits += exponent;
        }
        if (digits >= tooManyDigits) {
            throw new Refused();
        }
    }

    /** Takes the digits that follow; how many. */
    private int digits() throws IOException {
        int count = 0;
        while (true) {
            int c = peek();
            if (c < '0' || c > '9') {
                return count;
            }
            _inputPtr++;
            count++;
        }
    }
}
