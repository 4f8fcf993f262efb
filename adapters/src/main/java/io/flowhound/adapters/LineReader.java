package io.flowhound.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads an InputStream in large chunks into one reusable buffer and hands out lines as ranges
 * of that buffer, with the byte offset after each line so reading can resume there. Lines end
 * at {@code \n}; a {@code \r} before it (or ending the stream) is dropped. A line longer than
 * the bound is reported as overlong (its start kept for the error message) and skipped without
 * being held in memory.
 */
public final class LineReader {

    private static final int CHUNK = 128 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final int maxLineBytes;
    private final byte[] buffer;
    private InputStream in;
    private long bufferOffset;  // offset in the object of buffer[0]
    private int position;       // start of the next line
    private int limit;          // end of the bytes read
    private int scanned;        // bytes before this index hold no '\n' of the next line
    private boolean eof;

    private int lineStart;
    private int lineEnd;
    private long endOffset;
    private boolean terminated;
    private String overlongPrefix;

    /** @param maxLineBytes the longest line handed out; longer ones are reported as overlong */
    public LineReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[maxLineBytes + CHUNK];
    }

    /** Starts reading {@code in}, whose first byte is at {@code offset} of the object. */
    public void reset(InputStream in, long offset) {
        this.in = in;
        this.bufferOffset = offset;
        this.position = 0;
        this.limit = 0;
        this.scanned = 0;
        this.eof = false;
    }

    /** Advances to the next line; false at the end of the stream. */
    public boolean next() throws IOException {
        overlongPrefix = null;
        while (true) {
            int newline = indexOfNewline(scanned, limit);
            if (newline >= 0) {
                setLine(position, newline, true);
                position = newline + 1;
                scanned = position;
                return true;
            }
            scanned = limit;
            if (limit - position > maxLineBytes) {
                skipOverlongLine();
                return true;
            }
            if (!fill()) {
                if (position == limit) {
                    return false;
                }
                setLine(position, limit, false);
                position = limit;
                return true;
            }
        }
    }

    /**
     * The first {@code \n} in {@code buffer[from, to)}, or -1. Tests eight bytes per step
     * (the "has zero byte" test of Hacker's Delight 6-1 applied to bytes XOR '\n'): finding line
     * ends is a pass over every byte, and it is the one pass that is not also parsing.
     */
    private int indexOfNewline(int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(buffer, i) ^ NEWLINES;
            long found = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    public byte[] buffer() {
        return buffer;
    }

    /** Start of the current line in {@link #buffer()}. */
    public int lineStart() {
        return lineStart;
    }

    /** End of the current line in {@link #buffer()}, excluding {@code \n} and a {@code \r} before it or at the end. */
    public int lineEnd() {
        return lineEnd;
    }

    /** Offset in the object just after the current line and its line break. */
    public long endOffset() {
        return endOffset;
    }

    /** False when the current line is the last of the stream and has no line break. */
    public boolean terminated() {
        return terminated;
    }

    /** The start of the current line when it exceeded the bound (its range is then empty), else null. */
    public String overlongPrefix() {
        return overlongPrefix;
    }

    private void setLine(int start, int newline, boolean hasNewline) {
        lineStart = start;
        lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        terminated = hasNewline;
        endOffset = bufferOffset + (hasNewline ? newline + 1 : newline);
    }

    /** Reads more bytes after the buffered ones, first moving the unread part to the front. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (buffer.length - limit < CHUNK / 2 && position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferOffset += position;
            limit -= position;
            scanned -= position;
            position = 0;
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        while (read == 0) {
            read = in.read(buffer, limit, buffer.length - limit);
        }
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }

    /** Keeps the start of an overlong line for the error message and discards the rest of it. */
    private void skipOverlongLine() throws IOException {
        String prefix = new String(buffer, position, Math.min(limit - position, 4 * 4096), StandardCharsets.UTF_8);
        position = limit;
        scanned = limit;
        while (true) {
            int newline = indexOfNewline(scanned, limit);
            if (newline >= 0) {
                setLine(newline, newline, true);
                position = newline + 1;
                scanned = position;
                overlongPrefix = prefix;
                return;
            }
            position = limit;
            scanned = limit;
            if (!fill()) {
                setLine(limit, limit, false);
                overlongPrefix = prefix;
                return;
            }
        }
    }
}
