package io.flowhound.adapters.gcp;

import com.google.protobuf.ByteString;

/**
 * The connection key of a GCP record ({@code GcpDetails.flow_key}): the same text for the SRC and
 * the DEST report of one connection, for both of its directions, and for the firewall record of
 * the same connection, so reports of one connection can be brought together and counted once
 * (formats.md 2.5 item 1 and section 6: GCP reports a flow from both ends).
 *
 * <p>Layout: {@code <protocol>|<address>|<port>|<address>|<port>}, the two endpoints in
 * ascending order (IPv4 before IPv6, then address bytes unsigned, then port), addresses in one
 * canonical text (IPv4 dotted; IPv6 as eight lower-case hex groups without {@code ::}, the way
 * {@code Inet6Address.getHostAddress} writes them), and empty text for an absent protocol or port
 * (ICMP). Readable rather than hashed: collisions are impossible and an operator can read it.
 * Time is left out on purpose; see the comment on {@code GcpDetails.flow_key}.
 */
final class FlowKey {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder text = new StringBuilder(96);

    /**
     * @param srcPort  the port, or a negative value when the record has none
     * @param protocol the IANA number, or a negative value when the record has none
     */
    String of(ByteString src, long srcPort, ByteString dst, long dstPort, long protocol) {
        boolean srcFirst = compare(src, srcPort, dst, dstPort) <= 0;
        text.setLength(0);
        if (protocol >= 0) {
            text.append(protocol);
        }
        text.append('|');
        endpoint(srcFirst ? src : dst, srcFirst ? srcPort : dstPort);
        text.append('|');
        endpoint(srcFirst ? dst : src, srcFirst ? dstPort : srcPort);
        return text.toString();
    }

    private static int compare(ByteString a, long aPort, ByteString b, long bPort) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            int diff = Integer.compare(a.byteAt(i) & 0xFF, b.byteAt(i) & 0xFF);
            if (diff != 0) {
                return diff;
            }
        }
        return Long.compare(aPort, bPort);
    }

    private void endpoint(ByteString address, long port) {
        if (address.size() == 4) {
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    text.append('.');
                }
                text.append(address.byteAt(i) & 0xFF);
            }
        } else {
            for (int group = 0; group < address.size() / 2; group++) {
                if (group > 0) {
                    text.append(':');
                }
                int value = (address.byteAt(2 * group) & 0xFF) << 8 | (address.byteAt(2 * group + 1) & 0xFF);
                boolean started = false;
                for (int shift = 12; shift >= 0; shift -= 4) {
                    int digit = value >>> shift & 0xF;
                    if (digit != 0 || started || shift == 0) {
                        text.append(HEX[digit]);
                        started = true;
                    }
                }
            }
        }
        text.append('|');
        if (port >= 0) {
            text.append(port);
        }
    }
}
