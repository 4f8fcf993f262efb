package io.flowhound.adapters.aws;

import io.flowhound.proto.Observer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hands out one shared {@link Observer} per distinct identity (account, region, zone, VPC,
 * subnet, interface, instance). An interface reports many flows per object, so most records
 * reuse a built Observer: one hash over the identity values instead of a String and a volatile
 * field write per value per record. Direct-mapped by hash; a collision replaces the slot.
 */
final class ObserverCache {

    /** The identity values, in the order they are keyed; the index is the slot of a value. */
    static final int ACCOUNT = 0;
    static final int REGION = 1;
    static final int ZONE = 2;
    static final int VPC = 3;
    static final int SUBNET = 4;
    static final int INTERFACE = 5;
    static final int INSTANCE = 6;
    private static final int VALUES = 7;
    /** Longer identities (they never are in AWS data) are built without caching. */
    private static final int MAX_KEY_BYTES = 256;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] froms = new int[VALUES];
    private final int[] tos = new int[VALUES];
    /** Bit {@code value} is set when that value was noted for the current record; the others are stale. */
    private int noted;
    private final byte[][] keys;
    private final int[] keyValues;
    private final Observer[] observers;
    private final int mask;

    /** @param slots a power of two */
    ObserverCache(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        keys = new byte[slots][];
        keyValues = new int[slots];
        observers = new Observer[slots];
        mask = slots - 1;
    }

    /** Forgets the values noted for the previous record. */
    void startRecord() {
        noted = 0;
    }

    /** Notes that identity value {@code value} of this record is {@code line[from, to)}. */
    void note(int value, int from, int to) {
        froms[value] = from;
        tos[value] = to;
        noted |= 1 << value;
    }

    /**
     * The shared Observer for the values noted since {@link #startRecord}, or null when none was.
     * The values are hashed and compared where they lie in the line: a slot's key is the values
     * it was built from, each followed by a space (values never contain one), so no per-record
     * copy into a key buffer is needed.
     */
    Observer observer(byte[] line) {
        int noted = this.noted;
        if (noted == 0) {
            return null;
        }
        // Only the noted values are visited: a v2 record has two of the seven.
        int length = 0;
        long hash = noted;
        for (int bits = noted; bits != 0; bits &= bits - 1) {
            int value = Integer.numberOfTrailingZeros(bits);
            int from = froms[value];
            int to = tos[value];
            length += to - from + 1;
            hash = (hash + to - from) * MULTIPLIER;  // the lengths keep ("ab", "c") apart from ("a", "bc")
            for (int i = from; i < to; i += Long.BYTES) {
                hash = (hash ^ word(line, i, to)) * MULTIPLIER;
            }
        }
        if (length > MAX_KEY_BYTES) {
            return build(line);
        }
        int slot = (int) (hash >>> 32) & mask;
        byte[] cachedKey = keys[slot];
        if (cachedKey != null && keyValues[slot] == noted && cachedKey.length == length && sameKey(cachedKey, line)) {
            return observers[slot];
        }
        Observer observer = build(line);
        keys[slot] = key(line, length);
        keyValues[slot] = noted;
        observers[slot] = observer;
        return observer;
    }

    /** The bytes of {@code line[i, min(i + 8, to))} as a little-endian word, zero beyond {@code to}. */
    private static long word(byte[] line, int i, int to) {
        int available = to - i;
        if (available >= Long.BYTES) {
            return (long) LONGS.get(line, i);
        }
        if (i + Long.BYTES <= line.length) {
            return (long) LONGS.get(line, i) & (-1L >>> (8 * (Long.BYTES - available)));
        }
        long word = 0;
        for (int b = to - 1; b >= i; b--) {
            word = word << 8 | (line[b] & 0xFF);
        }
        return word;
    }

    private boolean sameKey(byte[] key, byte[] line) {
        int position = 0;
        for (int bits = noted; bits != 0; bits &= bits - 1) {
            int value = Integer.numberOfTrailingZeros(bits);
            int from = froms[value];
            int to = tos[value];
            int end = position + to - from;
            if (!Arrays.equals(key, position, end, line, from, to) || key[end] != ' ') {
                return false;
            }
            position = end + 1;
        }
        return true;
    }

    /** The noted values, each followed by a space (values never contain one). */
    private byte[] key(byte[] line, int length) {
        byte[] key = new byte[length];
        int position = 0;
        for (int bits = noted; bits != 0; bits &= bits - 1) {
            int value = Integer.numberOfTrailingZeros(bits);
            int valueLength = tos[value] - froms[value];
            System.arraycopy(line, froms[value], key, position, valueLength);
            position += valueLength;
            key[position++] = ' ';
        }
        return key;
    }

    private Observer build(byte[] line) {
        return Observer.newBuilder()
                .setAccountId(text(line, ACCOUNT))
                .setRegion(text(line, REGION))
                .setZone(text(line, ZONE))
                .setVpcId(text(line, VPC))
                .setSubnetId(text(line, SUBNET))
                .setInterfaceId(text(line, INTERFACE))
                .setInstanceId(text(line, INSTANCE))
                .build();
    }

    private String text(byte[] line, int value) {
        if ((noted & 1 << value) == 0) {
            return "";
        }
        return new String(line, froms[value], tos[value] - froms[value], StandardCharsets.UTF_8);
    }
}
