package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Skips a JSON object the parser stands on by matching braces in the raw bytes, instead of
 * letting Jackson tokenize every name and value in it ({@code skipChildren}): the endpoint
 * blocks of a VPC flow record are a third of its bytes and are skipped on every record.
 *
 * <p>Jackson cannot be told to jump ahead, so this moves its read position ({@code _inputPtr},
 * an index into the line's byte array for a parser over a byte array) onto the object's closing
 * brace and lets Jackson read that brace itself, so its nesting state stays its own.
 *
 * <p>Behaviour must not change: the byte scan accepts only a plain subset of JSON that Jackson
 * certainly accepts too (ASCII strings without escapes, integers, literals, spaces, shallow
 * nesting). For anything else (a broken block, non-ASCII or escaped text, a fraction, a line
 * break) it gives up and Jackson skips the object as before, reporting its errors as before.
 */
final class JsonObjectSkipper {

    /** Jackson's read position, or null where it cannot be reached (then Jackson always skips). */
    private static final VarHandle INPUT_PTR = inputPtr();
    private static final int MAX_DEPTH = 32;  // far below Jackson's nesting limit
    private static final int MAX_STRING = 4096;  // far below Jackson's name length limit
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private JsonObjectSkipper() {
    }

    /** Whether this Jackson lets the skipper move its read position (else Jackson always skips). */
    static boolean canJumpAhead() {
        return INPUT_PTR != null;
    }

    /**
     * Skips the object at the parser's {@code START_OBJECT}, leaving the parser on its
     * {@code END_OBJECT}, as {@link JsonParser#skipChildren()} does.
     *
     * @param open the index of the object's {@code '{'} in {@code bytes}, the array the parser reads
     * @param end the end of the parser's input in {@code bytes}
     */
    static void skip(JsonParser json, byte[] bytes, int open, int end) throws IOException {
        if (INPUT_PTR != null && json instanceof UTF8StreamJsonParser
                && (int) INPUT_PTR.get((ParserBase) json) == open + 1) {
            int close = closingBrace(bytes, open, end);
            if (close >= 0) {
                INPUT_PTR.set((ParserBase) json, close);
                if (json.nextToken() == JsonToken.END_OBJECT) {
                    return;
                }
                throw new IllegalStateException("byte scan and Jackson disagree at " + close);
            }
        }
        json.skipChildren();
    }

    /** The index of the '}' closing the object opened at {@code open}, or -1 if not plain JSON. */
    static int closingBrace(byte[] bytes, int open, int end) {
        int after = object(bytes, open, end, 1);
        return after < 0 ? -1 : after - 1;
    }

    // Each reader below takes the index of a value's first byte and returns the index just past
    // the value, or -1 when the bytes are not in the plain subset (or the line ends first).

    private static int value(byte[] b, int i, int end, int depth) {
        if (i >= end) {
            return -1;
        }
        return switch (b[i]) {
            case '{' -> object(b, i, end, depth + 1);
            case '[' -> array(b, i, end, depth + 1);
            case '"' -> string(b, i, end);
            case 't' -> literal(b, i, end, TRUE);
            case 'f' -> literal(b, i, end, FALSE);
            case 'n' -> literal(b, i, end, NULL);
            default -> integer(b, i, end);
        };
    }

    private static int object(byte[] b, int i, int end, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        i = spaces(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return -1;
            }
            i = spaces(b, string(b, i, end), end);
            if (i < 0 || i >= end || b[i] != ':') {
                return -1;
            }
            i = value(b, spaces(b, i + 1, end), end, depth);
            i = spaces(b, i, end);
            if (i < 0 || i >= end) {
                return -1;
            }
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = spaces(b, i + 1, end);
        }
    }

    private static int array(byte[] b, int i, int end, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        i = spaces(b, i + 1, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            i = spaces(b, value(b, i, end, depth), end);
            if (i < 0 || i >= end) {
                return -1;
            }
            if (b[i] == ']') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = spaces(b, i + 1, end);
        }
    }

    /** Printable ASCII without escapes only: anything else is for Jackson to judge. */
    private static int string(byte[] b, int i, int end) {
        int limit = Math.min(end, i + 1 + MAX_STRING);
        for (int j = i + 1; j < limit; j++) {
            byte c = b[j];
            if (c == '"') {
                return j + 1;
            }
            if (c < 0x20 || c > 0x7E || c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** {@code -?(0|[1-9][0-9]*)}; a fraction or exponent ends the scan (the caller sees no comma). */
    private static int integer(byte[] b, int i, int end) {
        if (i < end && b[i] == '-') {
            i++;
        }
        if (i >= end || b[i] < '0' || b[i] > '9') {
            return -1;
        }
        if (b[i] == '0') {
            return i + 1 < end && b[i + 1] >= '0' && b[i + 1] <= '9' ? -1 : i + 1;  // Jackson refuses leading zeroes
        }
        int start = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - start > 18 ? -1 : i;
    }

    private static int literal(byte[] b, int i, int end, byte[] word) {
        if (end - i < word.length) {
            return -1;
        }
        for (int j = 0; j < word.length; j++) {
            if (b[i + j] != word[j]) {
                return -1;
            }
        }
        return i + word.length;  // "truex" fails in the caller, which wants a comma or a brace next
    }

    /** Spaces only: a tab or line break would change Jackson's row and column counting. */
    private static int spaces(byte[] b, int i, int end) {
        if (i < 0) {
            return -1;
        }
        while (i < end && b[i] == ' ') {
            i++;
        }
        return i;
    }

    private static VarHandle inputPtr() {
        try {
            return MethodHandles.privateLookupIn(ParserBase.class, MethodHandles.lookup())
                    .findVarHandle(ParserBase.class, "_inputPtr", int.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
