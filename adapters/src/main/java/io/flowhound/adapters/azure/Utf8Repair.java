package io.flowhound.adapters.azure;

/**
 * Replaces, in place, every byte that is not part of a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF). Jackson stops at the first such
 * byte; replacing them first lets the rest of the record be read and the bad byte be reported
 * where it is, in its tuple.
 */
final class Utf8Repair {

    private Utf8Repair() {
    }

    /** @return how many bytes of {@code bytes[from, to)} were replaced by {@code replacement} */
    static int replaceInvalid(byte[] bytes, int from, int to, byte replacement) {
        int replaced = 0;
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, to);
            if (length == 0) {
                bytes[i++] = replacement;
                replaced++;
            } else {
                i += length;
            }
        }
        return replaced;
    }

    /** The length of the well-formed sequence starting at {@code i}, or 0 when there is none. */
    private static int sequenceLength(byte[] bytes, int i, int to) {
        int b = bytes[i] & 0xff;
        int length;
        int secondMin = 0x80;
        int secondMax = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            if (b == 0xe0) {
                secondMin = 0xa0;  // overlong
            } else if (b == 0xed) {
                secondMax = 0x9f;  // surrogates
            }
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            if (b == 0xf0) {
                secondMin = 0x90;  // overlong
            } else if (b == 0xf4) {
                secondMax = 0x8f;  // above U+10FFFF
            }
        } else {
            return 0;
        }
        if (i + length > to) {
            return 0;
        }
        int second = bytes[i + 1] & 0xff;
        if (second < secondMin || second > secondMax) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[i + k] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                return 0;
            }
        }
        return length;
    }
}
