package io.flowhound.adapters.aws;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A cursor over the space-separated values of one line, for decoding in a single pass: the
 * decoder asks for the next value and reads it as the type its column needs, and the read
 * itself finds where the value ends. Numbers and IPv4 addresses are the bulk of a record, so
 * finding their ends while converting them saves a separate splitting pass over every byte
 * ({@link FieldSpans}, which stays for headers and error messages). Runs of spaces separate
 * values, as in {@link FieldSpans}.
 *
 * <p>A typed read that fails returns -1 and leaves the cursor at the value's start; the caller
 * then either reads it another way ({@link #skip}) or reports it.
 */
final class LineValues {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SPACES = 0x2020202020202020L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ZEROS = 0x3030303030303030L;
    /** More digits than this overflow a long; such a value is not a number we accept. */
    private static final int MAX_DIGITS = 19;

    private byte[] line;
    private int end;
    private int position;
    private int start;

    /** Starts at {@code line[from]}; the line ends at {@code to} (exclusive). */
    void reset(byte[] line, int from, int to) {
        this.line = line;
        this.end = to;
        this.position = from;
    }

    byte[] line() {
        return line;
    }

    /** Moves to the next value; false when the line has no more. */
    boolean next() {
        int i = position;
        while (i < end && line[i] == ' ') {
            i++;
        }
        position = i;
        start = i;
        return i < end;
    }

    /** Where the current value starts. */
    int start() {
        return start;
    }

    /** True, and past the value, when the current value is {@code -} ("absent" in every column). */
    boolean absent() {
        int i = start;
        if (line[i] == '-' && (i + 1 == end || line[i + 1] == ' ')) {
            position = i + 1;
            return true;
        }
        return false;
    }

    /** Moves past the current value, whatever it holds, and returns where it ends. */
    int skip() {
        position = endOfValue(start);
        return position;
    }

    /** Where the current value ends, without moving: for error messages after a failed read. */
    int end() {
        return endOfValue(start);
    }

    /**
     * Reads the current value as decimal digits only, at most {@code max}; -1 when it is not
     * (no sign, no blanks, no overflow), as {@code AwsVpcRecordDecoder} always accepted.
     */
    long number(long max) {
        byte[] line = this.line;
        int end = this.end;
        int i = start;
        long value = 0;
        if (i + Long.BYTES <= line.length) {
            // Up to eight digits at once: the digit count of ports, counters and byte counts
            // varies at random, and a per-digit loop mispredicts its exit on nearly every value.
            long word = (long) LONGS.get(line, i);
            int digits = Math.min(Long.numberOfTrailingZeros(nonDigitFlags(word)) >>> 3, end - i);
            if (digits == 0) {
                return -1;
            }
            value = eightDigits((word - ZEROS) << (8 * (Long.BYTES - digits)));
            i += digits;
        }
        while (i < end) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > MAX_DIGITS || (i < end && line[i] != ' ') || value > max || value < 0) {
            return -1;
        }
        position = i;
        return value;
    }

    /**
     * 0x80 in each byte of {@code word} that is not an ASCII digit. Exact for the lowest such
     * byte, which is all that is used: borrows and carries only run towards higher bytes.
     */
    private static long nonDigitFlags(long word) {
        return ((word + 0x4646464646464646L) | (word - ZEROS)) & HIGH_BITS;
    }

    /**
     * The number whose eight decimal digits (0 to 9, the first in the lowest byte) make up
     * {@code digits}; leading zero bytes are leading zeros. The usual SWAR reduction: pairs,
     * then quadruples, then the two halves.
     */
    private static long eightDigits(long digits) {
        long pairs = digits * 10 + (digits >>> 8);
        return (((pairs & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                + (((pairs >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
    }

    /**
     * Reads the current value as a dotted-quad IPv4 address, with the strictness of
     * {@link io.flowhound.adapters.IpAddressParser#parseIpv4}: -1 when it is not one (IPv6, bad
     * text), so that the caller can take the general path.
     */
    long ipv4() {
        byte[] line = this.line;
        int end = this.end;
        int i = start;
        long address = 0;
        for (int octet = 0; octet < 4; octet++) {
            int octetStart = i;
            int value;
            if (i + 2 < line.length) {
                // One to three digits without a loop: whether the second and third bytes are
                // digits of this octet is computed, not branched on, because the octet lengths
                // of real addresses vary at random and a loop exit mispredicts on most octets.
                int first = line[i] - '0';
                int second = line[i + 1] - '0';
                int third = line[i + 2] - '0';
                int hasSecond = isDigit(second) & (i + 1 - end) >>> 31;
                int hasThird = hasSecond & isDigit(third) & (i + 2 - end) >>> 31;
                value = first;
                value += hasSecond * (value * 9 + second);
                value += hasThird * (value * 9 + third);
                if (isDigit(first) == 0 || i == end) {
                    return -1;
                }
                i += 1 + hasSecond + hasThird;
            } else {
                value = 0;
                while (i < end && i - octetStart < 3) {
                    int digit = line[i] - '0';
                    if (digit < 0 || digit > 9) {
                        break;
                    }
                    value = value * 10 + digit;
                    i++;
                }
            }
            int digits = i - octetStart;
            // A leading zero is octal to some parsers and decimal to others: refuse to choose.
            if (digits == 0 || value > 255 || (digits > 1 && line[octetStart] == '0')) {
                return -1;
            }
            address = address << 8 | value;
            if (octet < 3) {
                if (i == end || line[i] != '.') {
                    return -1;
                }
                i++;
            }
        }
        if (i < end && line[i] != ' ') {
            return -1;  // a fourth digit, a fifth octet, or other text
        }
        position = i;
        return address;
    }

    /** 1 when {@code digit} (a byte minus '0') is 0 to 9, else 0; without a branch. */
    private static int isDigit(int digit) {
        return ((digit - 10) & ~digit) >>> 31;
    }

    /** The first space at or after {@code i}, or the line's end; eight bytes per step. */
    private int endOfValue(int i) {
        byte[] line = this.line;
        int end = this.end;
        while (i + Long.BYTES <= end) {
            long spaces = spaceFlags((long) LONGS.get(line, i));
            if (spaces != 0) {
                return i + (Long.numberOfTrailingZeros(spaces) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < end && line[i] != ' ') {
            i++;
        }
        return i;
    }

    /** 0x80 in each byte of {@code word} that is a space, 0 in the others (exact: no carries between bytes). */
    private static long spaceFlags(long word) {
        long x = word ^ SPACES;
        return ~(((x & LOW_BITS) + LOW_BITS) | x) & HIGH_BITS;
    }
}
