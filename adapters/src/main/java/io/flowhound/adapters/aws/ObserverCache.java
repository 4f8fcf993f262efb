package io.flowhound.adapters.aws;

import io.flowhound.proto.Observer;

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

    private final int[] froms = new int[VALUES];
    private final int[] tos = new int[VALUES];
    private final byte[][] keys;
    private final Observer[] observers;
    private final int mask;
    private final byte[] key = new byte[MAX_KEY_BYTES];

    /** @param slots a power of two */
    ObserverCache(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        keys = new byte[slots][];
        observers = new Observer[slots];
        mask = slots - 1;
    }

    /** Forgets the values noted for the previous record. */
    void startRecord() {
        Arrays.fill(tos, 0);
        Arrays.fill(froms, 0);
    }

    /** Notes that identity value {@code value} of this record is {@code line[from, to)}. */
    void note(int value, int from, int to) {
        froms[value] = from;
        tos[value] = to;
    }

    /** The shared Observer for the values noted since {@link #startRecord}, or null when none was. */
    Observer observer(byte[] line) {
        int length = 0;
        for (int value = 0; value < VALUES; value++) {
            int valueLength = tos[value] - froms[value];
            if (length + valueLength + 1 > MAX_KEY_BYTES) {
                return build(line);
            }
            System.arraycopy(line, froms[value], key, length, valueLength);
            length += valueLength;
            key[length++] = ' ';  // values never contain a space: the separator keeps keys unambiguous
        }
        if (length == VALUES) {
            return null;
        }
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + key[i];
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        byte[] cachedKey = keys[slot];
        if (cachedKey != null && Arrays.equals(cachedKey, 0, cachedKey.length, key, 0, length)) {
            return observers[slot];
        }
        Observer observer = build(line);
        keys[slot] = Arrays.copyOf(key, length);
        observers[slot] = observer;
        return observer;
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
        return new String(line, froms[value], tos[value] - froms[value], StandardCharsets.UTF_8);
    }
}
