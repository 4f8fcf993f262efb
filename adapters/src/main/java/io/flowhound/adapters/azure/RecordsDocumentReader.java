package io.flowhound.adapters.azure;

import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks an Azure {@code {"records":[ record, … ]}} document (formats.md 4.3, 5.2) record by
 * record and hands each record's bytes to a {@link RecordHandler}, holding at most one record in
 * memory. It frames records itself, scanning bytes for strings and brackets, so that it knows
 * each record's exact byte range: that gives exact resume offsets, lets a read start inside the
 * records array, and confines a broken record (bad JSON, a byte that is not UTF-8) to itself
 * while the records after it are still read. The handler parses the record with Jackson.
 *
 * <p>Resume points (formats.md 4.2: Azure appends each minute's record as a block
 * {@code ,{…}} inserted before the final 2-byte block {@code ]}}):
 * <ul>
 *   <li>{@code offset} is just after the last record read, so the next read starts at
 *       {@code ,{…}} (records added since) or at {@code ]}} (nothing new);</li>
 *   <li>{@code records} is the number of records read, so the next record is {@code records + 1};</li>
 *   <li>{@code state} is {@value #STATE_RECORDS} (inside the array, its end not seen yet),
 *       {@value #STATE_CLOSED} (the document's closing {@code ]}} followed), or
 *       {@value #STATE_ABANDONED} (the document is not a records document or is broken beyond
 *       recovery: later reads of the object deliver nothing); empty before the opening
 *       {@code {"records":[} has been read.</li>
 * </ul>
 *
 * <p>A record cut off by the end of the stream is left for the next read when the object may
 * still grow; in a complete object it is a {@link ParseError} (truncated JSON), and the resume
 * point stays before it, so an object that does grow later is read from that record on.
 */
final class RecordsDocumentReader {

    /** Inside the records array; more records may be appended. */
    static final String STATE_RECORDS = "records";
    /** The closing {@code ]}} came right after the last record read. */
    static final String STATE_CLOSED = "closed";
    /** Not readable as a records document; the rest of the object is ignored. */
    static final String STATE_ABANDONED = "abandoned";

    /** Azure writes one record per NIC per minute, kilobytes to a few megabytes; far more is not a record. */
    static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    /** The byte that replaces bytes that are not UTF-8 before Jackson sees a record (DEL: valid UTF-8, never in a tuple). */
    static final byte REPLACEMENT = 0x7f;

    private static final int READ_BYTES = 64 * 1024;
    private static final int SNIPPET_BYTES = 200;
    private static final byte[] RECORDS_KEY = "\"records\"".getBytes(StandardCharsets.US_ASCII);

    /** Receives one record. */
    interface RecordHandler {

        /**
         * Parses the record in {@code bytes[start, end)}.
         *
         * @param offset        the record's byte offset in the object
         * @param replacedBytes how many bytes that were not UTF-8 were replaced by {@link #REPLACEMENT}
         * @return how many of the replaced bytes the handler reported in its own errors; the reader
         *         reports the rest as one error for the record
         */
        int record(byte[] bytes, int start, int end, long recordIndex, long offset, int replacedBytes);
    }

    private final int maxRecordBytes;
    private byte[] buf = new byte[READ_BYTES];
    private int pos;
    private int limit;
    /** Object offset of {@code buf[0]}. */
    private long base;
    private boolean eof;
    private InputStream in;
    /** How far the last {@link #fill} moved the buffer's contents down. */
    private int shift;
    /** Set by {@link #scanValue}: the value had a byte with the high bit set. */
    private boolean nonAscii;
    /** Set by {@link #scanValue}: the value was longer than {@link #maxRecordBytes} and was not kept. */
    private boolean oversize;

    RecordsDocumentReader() {
        this(MAX_RECORD_BYTES);
    }

    RecordsDocumentReader(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Reads the records from {@code in}, positioned at {@code from.offset()}, to the end of the stream.
     *
     * @return where the next read continues
     */
    ResumePoint read(InputStream in, ResumePoint from, ParseContext context, FlowConsumer out, RecordHandler handler)
            throws IOException {
        this.in = in;
        this.pos = 0;
        this.limit = 0;
        this.base = from.offset();
        this.eof = false;
        String key = context.objectKey();
        try {
            String state = from.state();
            if (state.equals(STATE_ABANDONED)) {
                return from;
            }
            if (state.isEmpty()) {
                if (from.offset() != 0) {
                    return abandon(from.records(), from.offset(), 0, context, out,
                            "resume point at byte " + from.offset() + " has no state; read the object again from its start");
                }
                Boolean header = readHeader();
                if (header == null) {
                    return incompleteHeader(from, context, out);
                }
                if (!header) {
                    return abandon(0, base + pos, 0, context, out, "not an Azure flow log document: it does not start with"
                            + " {\"records\":[ (found " + quoted(snippet(pos)) + ")");
                }
                out.consumedUpTo(base + pos, 0, STATE_RECORDS);
            }
            return readRecords(from.records(), base + pos, context, out, handler, key);
        } finally {
            this.in = null;
        }
    }

    private ResumePoint readRecords(long records, long consumed, ParseContext context, FlowConsumer out,
                                    RecordHandler handler, String key) throws IOException {
        boolean expectComma = false;
        while (true) {
            int c = peekNonWhitespace();
            if (c < 0) {
                return new ResumePoint(consumed, records, STATE_RECORDS);
            }
            if (c == ']') {
                return close(records, consumed, context, out);
            }
            if (c == ',') {
                // The first record of a document has no comma, but every block appended after it does.
                pos++;
                expectComma = false;
                c = peekNonWhitespace();
                if (c < 0) {
                    return new ResumePoint(consumed, records, STATE_RECORDS);
                }
            } else if (expectComma) {
                out.error(new ParseError(key, records + 1, "missing comma before record " + (records + 1)
                        + " at byte " + (base + pos) + "; read it anyway", snippet(pos)));
            }
            if (c != '{' && c != '[' && c != '"' && !isScalarStart(c)) {
                long at = base + pos;
                skipToNextValue();
                out.error(new ParseError(key, records + 1, "unexpected " + quoted(String.valueOf((char) c))
                        + " between records at byte " + at + "; skipped to the next record", ""));
                expectComma = false;
                continue;
            }
            long recordOffset = base + pos;
            int end = scanValue();
            if (end < 0) {
                if (context.objectComplete()) {
                    out.error(new ParseError(key, records + 1, "truncated JSON: the document ends inside record "
                            + (records + 1) + ", which starts at byte " + recordOffset, snippet(pos)));
                }
                return new ResumePoint(consumed, records, STATE_RECORDS);
            }
            records++;
            if (oversize) {
                out.error(new ParseError(key, records, "record " + records + " at byte " + recordOffset
                        + " is longer than " + maxRecordBytes + " bytes; skipped", ""));
            } else if (c != '{') {
                out.error(new ParseError(key, records, "record " + records + " at byte " + recordOffset
                        + " is not a JSON object", snippet(pos)));
            } else {
                int replaced = nonAscii ? Utf8Repair.replaceInvalid(buf, pos, end, REPLACEMENT) : 0;
                int reported = handler.record(buf, pos, end, records, recordOffset, replaced);
                if (replaced > reported) {
                    out.error(new ParseError(key, records, "record " + records + " at byte " + recordOffset + " has "
                            + (replaced - reported) + " byte(s) that are not UTF-8 outside its flow tuples;"
                            + " they were read as U+007F", ""));
                }
            }
            pos = end;
            consumed = base + pos;
            expectComma = true;
            out.consumedUpTo(consumed, records, STATE_RECORDS);
        }
    }

    /** At the {@code ]} that ends the records: expects {@code ]}}, then nothing but whitespace. */
    private ResumePoint close(long records, long consumed, ParseContext context, FlowConsumer out) throws IOException {
        pos++;
        int c = peekNonWhitespace();
        if (c < 0) {
            if (context.objectComplete()) {
                out.error(new ParseError(context.objectKey(), records + 1,
                        "truncated JSON: the document ends after its records array, before the closing }", ""));
            }
            return new ResumePoint(consumed, records, STATE_RECORDS);
        }
        if (c != '}') {
            return abandon(records, consumed, records + 1, context, out, "expected } after the records array at byte " + (base + pos)
                    + ", found " + quoted(snippet(pos)));
        }
        pos++;
        c = peekNonWhitespace();
        if (c >= 0) {
            out.error(new ParseError(context.objectKey(), records + 1, "data after the end of the document at byte "
                    + (base + pos) + " ignored", snippet(pos)));
        }
        out.consumedUpTo(consumed, records, STATE_CLOSED);
        return new ResumePoint(consumed, records, STATE_CLOSED);
    }

    /**
     * Reads {@code {"records":[} with any whitespace (and a UTF-8 byte order mark).
     *
     * @return true when read, false when the document starts otherwise, null when the stream
     *         ends first
     */
    private Boolean readHeader() throws IOException {
        if (!ensure(3)) {
            if (limit == pos) {
                return null;
            }
        } else if ((buf[pos] & 0xff) == 0xef && (buf[pos + 1] & 0xff) == 0xbb && (buf[pos + 2] & 0xff) == 0xbf) {
            pos += 3;
        }
        int c = peekNonWhitespace();
        if (c < 0) {
            return null;
        }
        if (c != '{') {
            return false;
        }
        pos++;
        c = peekNonWhitespace();
        if (c < 0) {
            return null;
        }
        for (byte expected : RECORDS_KEY) {
            if (!ensure(1)) {
                return null;
            }
            if (buf[pos] != expected) {
                return false;
            }
            pos++;
        }
        for (byte expected : new byte[] {':', '['}) {
            c = peekNonWhitespace();
            if (c < 0) {
                return null;
            }
            if (c != expected) {
                return false;
            }
            pos++;
        }
        return true;
    }

    private ResumePoint incompleteHeader(ResumePoint from, ParseContext context, FlowConsumer out) {
        if (context.objectComplete() && base + pos > 0) {
            out.error(new ParseError(context.objectKey(), 0,
                    "truncated JSON: the document ends before its records array begins", snippet(0)));
        }
        return from;
    }

    /**
     * Reports a document-level problem that cannot be recovered from; the rest of the object is ignored.
     *
     * @param line the record the problem is at, or 0 when it concerns the whole document
     */
    private ResumePoint abandon(long records, long consumed, long line, ParseContext context, FlowConsumer out,
                                String reason) {
        out.error(new ParseError(context.objectKey(), line, reason + "; the rest of the object is not read", ""));
        out.consumedUpTo(consumed, records, STATE_ABANDONED);
        return new ResumePoint(consumed, records, STATE_ABANDONED);
    }

    /**
     * Finds the end of the JSON value starting at {@code pos}, keeping its bytes in the buffer
     * from {@code pos} (which {@link #fill} may move) unless it grows beyond the record limit.
     *
     * @return the index just after the value, or -1 when the stream ends inside it
     */
    private int scanValue() throws IOException {
        nonAscii = false;
        oversize = false;
        int acc = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        int i = pos;
        long startOffset = base + pos;
        if (isScalarStart(buf[pos] & 0xff)) {
            return scanScalar();
        }
        while (true) {
            if (i == limit) {
                if (base + i - startOffset > maxRecordBytes) {
                    // Too long to be a record: keep scanning for its end without keeping its bytes.
                    oversize = true;
                    pos = i;
                }
                if (fill(pos) < 0) {
                    nonAscii = acc < 0;
                    return -1;
                }
                i -= shift;
            }
            byte b = buf[i++];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '"') {
                    inString = false;
                    if (depth == 0) {
                        break;
                    }
                } else if (b == '\\') {
                    escaped = true;
                } else {
                    acc |= b;
                    // The common case: run through the string without looking at structure.
                    while (i < limit && (b = buf[i]) != '"' && b != '\\') {
                        acc |= b;
                        i++;
                    }
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> depth--;
                default -> acc |= b;
            }
            if (depth == 0) {
                break;
            }
        }
        oversize |= base + i - startOffset > maxRecordBytes;
        nonAscii = acc < 0;
        return i;
    }

    /** A number or literal: ends at a delimiter or whitespace. */
    private int scanScalar() throws IOException {
        int i = pos + 1;
        while (true) {
            if (i == limit) {
                if (fill(pos) < 0) {
                    return i;
                }
                i -= shift;
            }
            byte b = buf[i];
            if (b == ',' || b == ']' || b == '}' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return i;
            }
            i++;
        }
    }

    /** After an unexpected byte between records: skips to the next {@code ,}, {@code {} or {@code ]}. */
    private void skipToNextValue() throws IOException {
        pos++;
        while (true) {
            if (pos == limit && fill(pos) < 0) {
                return;
            }
            byte b = buf[pos];
            if (b == ',' || b == '{' || b == ']') {
                return;
            }
            pos++;
        }
    }

    private static boolean isScalarStart(int c) {
        return c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
    }

    private int peekNonWhitespace() throws IOException {
        while (true) {
            while (pos < limit) {
                byte b = buf[pos];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    return b & 0xff;
                }
                pos++;
            }
            if (fill(pos) < 0) {
                return -1;
            }
        }
    }

    /** Whether at least {@code n} bytes from {@code pos} are in the buffer (reading more if needed). */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (fill(pos) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keeps {@code buf[keepFrom, limit)}, moved to the start of the buffer (the move is left in
     * {@link #shift}; {@code pos} is adjusted), and reads more bytes after it, growing the buffer
     * when it is full.
     *
     * @return the number of bytes read, or -1 at the end of the stream
     */
    private int fill(int keepFrom) throws IOException {
        shift = 0;
        if (eof) {
            return -1;
        }
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, limit - keepFrom);
            limit -= keepFrom;
            pos -= keepFrom;
            base += keepFrom;
            shift = keepFrom;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return -1;
        }
        limit += n;
        return n;
    }

    private String snippet(int from) {
        int length = Math.max(0, Math.min(limit - from, SNIPPET_BYTES));
        return new String(buf, from, length, StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
