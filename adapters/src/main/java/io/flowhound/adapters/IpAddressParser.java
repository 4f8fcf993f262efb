package io.flowhound.adapters;

import java.nio.charset.StandardCharsets;

/**
 * Parses textual IPv4 and IPv6 addresses straight from bytes into network-order bytes, without
 * the String, regex or DNS lookup {@code InetAddress} may bring. Strict: anything that is not
 * an address (leading zeros in an IPv4 octet, zone ids, a fifth octet, two {@code ::}) is
 * rejected rather than guessed at.
 */
public final class IpAddressParser {

    private IpAddressParser() {
    }

    /**
     * Parses dotted-quad IPv4 in {@code text[from, to)}.
     *
     * @return the address as an unsigned 32-bit value, or -1 when it is not an IPv4 address
     */
    public static long parseIpv4(byte[] text, int from, int to) {
        long address = 0;
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && text[i] >= '0' && text[i] <= '9') {
                if (i - start == 3) {
                    return -1;
                }
                value = value * 10 + (text[i] - '0');
                i++;
            }
            int digits = i - start;
            // A leading zero is octal to some parsers and decimal to others: refuse to choose.
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0')) {
                return -1;
            }
            address = address << 8 | value;
            octets++;
            if (i == to) {
                return octets == 4 ? address : -1;
            }
            if (text[i] != '.' || octets == 4) {
                return -1;
            }
            i++;
        }
    }

    /**
     * Parses IPv6 in {@code text[from, to)} into {@code out[0, 16)}: up to eight groups of one
     * to four hex digits, at most one {@code ::}, and an optional IPv4 tail
     * ({@code ::ffff:192.0.2.1}). IPv4-mapped addresses stay 16 bytes, as written.
     *
     * @return false, with {@code out} in an undefined state, when it is not an IPv6 address
     */
    public static boolean parseIpv6(byte[] text, int from, int to, byte[] out) {
        if (to - from < 2 || to - from > 45) {
            return false;
        }
        int words = 0;
        int gap = -1;
        int i = from;
        if (text[i] == ':') {
            if (text[i + 1] != ':') {
                return false;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            if (words == 8) {
                return false;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 5) {
                int digit = hexValue(text[i]);
                if (digit < 0) {
                    break;
                }
                value = value << 4 | digit;
                i++;
            }
            if (i < to && text[i] == '.') {
                long ipv4 = words <= 6 ? parseIpv4(text, start, to) : -1;
                if (ipv4 < 0) {
                    return false;
                }
                out[2 * words] = (byte) (ipv4 >>> 24);
                out[2 * words + 1] = (byte) (ipv4 >>> 16);
                out[2 * words + 2] = (byte) (ipv4 >>> 8);
                out[2 * words + 3] = (byte) ipv4;
                words += 2;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return false;
            }
            out[2 * words] = (byte) (value >>> 8);
            out[2 * words + 1] = (byte) value;
            words++;
            if (i == to) {
                break;
            }
            if (text[i] != ':' || ++i == to) {
                return false;
            }
            if (text[i] == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = words;
                i++;
            }
        }
        if (gap < 0) {
            return words == 8;
        }
        if (words == 8) {
            return false;
        }
        // Slide the groups written after "::" to the end and zero the gap.
        int tailBytes = 2 * (words - gap);
        System.arraycopy(out, 2 * gap, out, 16 - tailBytes, tailBytes);
        for (int b = 2 * gap; b < 16 - tailBytes; b++) {
            out[b] = 0;
        }
        return true;
    }

    /** Parses IPv4 or IPv6 in {@code text[from, to)}: 4 or 16 bytes, or null when it is neither. */
    public static byte[] parse(byte[] text, int from, int to) {
        long ipv4 = parseIpv4(text, from, to);
        if (ipv4 >= 0) {
            return new byte[] {(byte) (ipv4 >>> 24), (byte) (ipv4 >>> 16), (byte) (ipv4 >>> 8), (byte) ipv4};
        }
        byte[] ipv6 = new byte[16];
        return parseIpv6(text, from, to, ipv6) ? ipv6 : null;
    }

    /** Parses IPv4 or IPv6 text: 4 or 16 bytes, or null when it is neither. */
    public static byte[] parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return parse(bytes, 0, bytes.length);
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
