package io.flowhound.adapters;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

/**
 * Parses address text into the {@link ByteString} a {@code Flow} holds, reusing the
 * ByteString of recently seen IPv4 addresses: the same few workload and peer addresses fill
 * most records. IPv6 is rarer and is parsed into a fresh 16-byte array each time.
 */
public final class AddressCache {

    private final int[] keys;
    private final ByteString[] values;
    private final int mask;

    /** @param slots a power of two */
    public AddressCache(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        keys = new int[slots];
        values = new ByteString[slots];
        mask = slots - 1;
    }

    /** The address in {@code text[from, to)}, or null when it is neither IPv4 nor IPv6. */
    public ByteString get(byte[] text, int from, int to) {
        long ipv4 = IpAddressParser.parseIpv4(text, from, to);
        if (ipv4 >= 0) {
            return ipv4((int) ipv4);
        }
        byte[] ipv6 = new byte[16];
        return IpAddressParser.parseIpv6(text, from, to, ipv6) ? UnsafeByteOperations.unsafeWrap(ipv6) : null;
    }

    /** The ByteString of the IPv4 address {@code address} (network order, as parsed), shared while cached. */
    public ByteString ipv4(int address) {
        int slot = (address * 0x9E3779B9 >>> 16) & mask;
        ByteString cached = values[slot];
        if (cached != null && keys[slot] == address) {
            return cached;
        }
        ByteString value = UnsafeByteOperations.unsafeWrap(new byte[] {
                (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
        keys[slot] = address;
        values[slot] = value;
        return value;
    }
}
