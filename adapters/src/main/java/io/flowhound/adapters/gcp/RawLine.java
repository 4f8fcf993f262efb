package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * The bytes of the line being parsed, so that a block can be located by byte offsets and read
 * again later with a parser of its own. Jackson's token offsets count from the start of the
 * range its parser was given, so {@link #tokenStart} adds the line's start back.
 */
final class RawLine {

    private final JsonFactory jsonFactory = new JsonFactory();
    byte[] buffer;
    int start;
    int end;

    void set(byte[] buffer, int start, int end) {
        this.buffer = buffer;
        this.start = start;
        this.end = end;
    }

    /**
     * The index in {@link #buffer} just past the parser's current token (for a structural
     * token, just past its brace). Jackson counts from the start of the range its parser was
     * given. Token start offsets are not used: after {@code nextFieldName()} Jackson reports a
     * value at the location of its field name.
     */
    int tokenEnd(JsonParser json) {
        return start + (int) json.currentLocation().getByteOffset();
    }

    /** A parser over {@code buffer[from, end of line)}, advanced to its first token. */
    JsonParser parserFrom(int from) throws IOException {
        JsonParser json = jsonFactory.createParser(buffer, from, end - from);
        json.nextToken();
        return json;
    }
}
