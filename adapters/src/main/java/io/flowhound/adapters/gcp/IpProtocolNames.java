package io.flowhound.adapters.gcp;

/**
 * IANA protocol numbers of the protocol names that appear where GCP records should carry a
 * number (the beats firewall fixture {@code rare.log} writes {@code "protocol":"udp"};
 * formats.md 2.5 item 2). Names as the IANA "Protocol Numbers" registry spells them, matched
 * without regard to case.
 */
final class IpProtocolNames {

    private static final String[] NAMES = {"icmp", "igmp", "ipip", "tcp", "udp", "gre", "esp", "ah", "icmpv6", "ipv6-icmp", "sctp"};
    private static final int[] NUMBERS = {1, 2, 4, 6, 17, 47, 50, 51, 58, 58, 132};

    private IpProtocolNames() {
    }

    /** The number of the protocol named {@code chars[from, from + length)}, or -1 when unknown. */
    static int number(char[] chars, int from, int length) {
        String name = new String(chars, from, length);  // a rare path: records normally carry numbers
        for (int n = 0; n < NAMES.length; n++) {
            if (NAMES[n].equalsIgnoreCase(name)) {
                return NUMBERS[n];
            }
        }
        return -1;
    }
}
