package io.flowhound.adapters.gcp;

import java.util.Arrays;

/**
 * Turns the JSON parser's decoded characters into Strings, handing back the same String for the
 * same characters while it is still cached. GCP records repeat a few values heavily (project,
 * VM, VPC, subnet, region, zone, country), so most records then allocate no String for them.
 * Direct-mapped by hash: a collision simply replaces the slot.
 */
final class TextCache {

    /** Longer values (rule references, long pod names) are rarer; they are copied directly. */
    private static final int MAX_CACHED_LENGTH = 96;

    private final char[][] keys;
    private final String[] values;
    private final int mask;

    /** @param slots a power of two */
    TextCache(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        keys = new char[slots][];
        values = new String[slots];
        mask = slots - 1;
    }

    /** The text of {@code chars[from, from + length)}. */
    String get(char[] chars, int from, int length) {
        if (length > MAX_CACHED_LENGTH) {
            return new String(chars, from, length);
        }
        int hash = 0;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        char[] key = keys[slot];
        if (key != null && sameChars(key, chars, from, length)) {
            return values[slot];
        }
        String value = new String(chars, from, length);
        keys[slot] = Arrays.copyOfRange(chars, from, from + length);
        values[slot] = value;
        return value;
    }

    private static boolean sameChars(char[] key, char[] chars, int from, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != chars[from + i]) {
                return false;
            }
        }
        return true;
    }
}
