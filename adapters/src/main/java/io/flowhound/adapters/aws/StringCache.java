package io.flowhound.adapters.aws;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns byte ranges into Strings, handing back the same String for the same bytes while it is
 * still cached. Flow log values repeat heavily (account, ENI, VPC, subnet, instance, region), so
 * most records then allocate no String at all. Direct-mapped by hash: a collision simply
 * replaces the slot, which keeps lookups to one hash and one byte comparison.
 */
final class StringCache {

    /** Longer values (ECS ARNs) are rarer and costlier to compare; they are decoded directly. */
    private static final int MAX_CACHED_LENGTH = 96;

    private final byte[][] keys;
    private final String[] values;
    private final int mask;

    /** @param slots a power of two */
    StringCache(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        keys = new byte[slots][];
        values = new String[slots];
        mask = slots - 1;
    }

    /** The text of {@code bytes[from, to)}, decoded as UTF-8 (invalid bytes become U+FFFD). */
    String get(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > MAX_CACHED_LENGTH) {
            return new String(bytes, from, length, StandardCharsets.UTF_8);
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        byte[] key = keys[slot];
        if (key != null && sameBytes(key, bytes, from, length)) {
            return values[slot];
        }
        String value = new String(bytes, from, length, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(bytes, from, to);
        values[slot] = value;
        return value;
    }

    /** A plain loop: for keys this short it beats the call into the vectorized Arrays.equals. */
    private static boolean sameBytes(byte[] key, byte[] bytes, int from, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }
}
