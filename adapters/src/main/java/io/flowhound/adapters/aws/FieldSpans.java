package io.flowhound.adapters.aws;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The space-separated values of one line, as start/end offsets into the line's buffer: no
 * String per value. Runs of spaces count as one separator (a beats fixture has a double
 * space; formats.md 1.9 item 2).
 */
final class FieldSpans {

    /** More values than any AWS format has (40 flow log fields, 36 Transit Gateway fields). */
    static final int CAPACITY = 128;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SPACES = 0x2020202020202020L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    final int[] starts = new int[CAPACITY];
    final int[] ends = new int[CAPACITY];
    /** How many values the line holds; may exceed {@link #CAPACITY}, beyond which spans are not kept. */
    int count;

    /**
     * Splits {@code line[from, to)} on runs of spaces, eight bytes per step: it marks the
     * spaces of a word, then the bytes where a value starts (a non-space after a space) and
     * ends (a space after a non-space). A byte-at-a-time scan mispredicts a branch at every
     * value boundary, twice per value; this costs one loop step per boundary instead.
     */
    void split(byte[] line, int from, int to) {
        int starts = 0;
        int ends = 0;
        long previousSpaces = Long.MIN_VALUE;  // the byte before the line counts as a space
        for (int i = from; i < to; i += Long.BYTES) {
            long spaces = spaceFlags(i + Long.BYTES <= line.length ? (long) LONGS.get(line, i) : tail(line, i));
            if (to - i < Long.BYTES) {
                spaces |= HIGH_BITS << (8 * (to - i));  // bytes past the line count as spaces
            }
            long before = spaces << 8 | previousSpaces >>> 56;  // the flag of the byte before each byte
            for (long valueStarts = ~spaces & before & HIGH_BITS; valueStarts != 0; valueStarts &= valueStarts - 1) {
                if (starts < CAPACITY) {
                    this.starts[starts] = i + (Long.numberOfTrailingZeros(valueStarts) >>> 3);
                }
                starts++;
            }
            for (long valueEnds = spaces & ~before; valueEnds != 0; valueEnds &= valueEnds - 1) {
                if (ends < CAPACITY) {
                    this.ends[ends] = i + (Long.numberOfTrailingZeros(valueEnds) >>> 3);
                }
                ends++;
            }
            previousSpaces = spaces;
        }
        if (ends < starts && ends < CAPACITY) {
            this.ends[ends] = to;  // the last value runs to the end of the line
        }
        count = starts;
    }

    /** 0x80 in each byte of {@code word} that is a space, 0 in the others (exact: no carries between bytes). */
    private static long spaceFlags(long word) {
        long x = word ^ SPACES;
        return ~(((x & LOW_BITS) + LOW_BITS) | x) & HIGH_BITS;
    }

    /** The bytes from {@code i} to the end of the array as a little-endian word, zero beyond. */
    private static long tail(byte[] line, int i) {
        long word = 0;
        for (int b = line.length - 1; b >= i; b--) {
            word = word << 8 | (line[b] & 0xFF);
        }
        return word;
    }
}
