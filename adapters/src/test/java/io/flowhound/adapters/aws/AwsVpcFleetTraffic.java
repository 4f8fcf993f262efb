package io.flowhound.adapters.aws;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * The traffic of a fleet as one account's VPC flow log sees it, for benchmarks that must not
 * flatter gzip: {@value #INTERFACES} interfaces with their own private addresses and instances,
 * a pool of {@value #PUBLIC_POOL} internet destinations with skewed popularity, scanners from
 * anywhere in the IPv4 space on any port, random ephemeral ports, heavy-tailed counters and
 * times spread over a 10-minute aggregation window. The small-fleet samples of
 * {@link AwsVpcSampleWriter#writeRecords} compress about 6.5x; this traffic about 3.7x, close to
 * the 3.6x of the team's reference log (shared/docs/dependencies.md, "Measured here").
 *
 * <p>Each record is a line in the default v2 format ({@link AwsVpcSampleWriter#DEFAULT_V2_FORMAT}).
 */
final class AwsVpcFleetTraffic {

    static final int INTERFACES = 500;
    static final int PUBLIC_POOL = 50_000;
    /** AWS's longest aggregation interval (10 minutes); start and end fall inside it. */
    static final int WINDOW_SECONDS = 600;

    private static final String ACCOUNT = "444455556666";
    /** Service ports of the east-west tier; 53 is DNS over UDP, the rest TCP. */
    private static final int[] SERVICE_PORTS = {443, 5432, 6379, 8080, 9092, 53};
    /** Ports scanners favour; the rest of their probes go to any port. */
    private static final int[] SCANNED_PORTS = {22, 23, 80, 443, 445, 1433, 3306, 3389, 5900, 6379, 8080, 8443};
    /** Linux's default ephemeral range (net.ipv4.ip_local_port_range). */
    private static final int EPHEMERAL_FIRST = 32768;
    private static final int EPHEMERAL_COUNT = 61000 - 32768;
    /** Pareto shape for packet counts: most flows are a few packets, a few carry millions. */
    private static final double PACKETS_SHAPE = 1.1;
    private static final long MAX_PACKETS = 20_000_000;

    private record Interface(String eni, String ip, String ipv6, int servicePort) {
    }

    private final Random random;
    private final Interface[] interfaces = new Interface[INTERFACES];
    private final String[] publicPool = new String[PUBLIC_POOL];
    private final StringBuilder line = new StringBuilder(160);

    AwsVpcFleetTraffic(Random random) {
        this.random = random;
        Set<String> used = new HashSet<>();
        for (int i = 0; i < INTERFACES; i++) {
            String ip;
            do {
                // Sixteen /20 subnets of 10.40.0.0/16, as a VPC spread over AZs and tiers would have.
                ip = "10.40." + random.nextInt(256) + "." + (4 + random.nextInt(250));
            } while (!used.add(ip));
            String ipv6 = random.nextInt(10) == 0 ? "2a05:d018:1f3:" + hex(0x4000 + random.nextInt(16)) + "::" + hex(1 + random.nextInt(0xffff)) : null;
            interfaces[i] = new Interface("eni-0" + hexDigits(16), ip, ipv6, SERVICE_PORTS[random.nextInt(SERVICE_PORTS.length)]);
        }
        for (int i = 0; i < PUBLIC_POOL; i++) {
            publicPool[i] = publicIpv4();
        }
    }

    /** The next record of the window starting at {@code windowStart} (epoch seconds), without its line break. */
    String nextRecord(long windowStart) {
        line.setLength(0);
        int kind = random.nextInt(1000);
        if (kind < 350) {
            eastWest(false);
        } else if (kind < 450) {
            eastWest(true);
        } else if (kind < 630) {
            egress(false);
        } else if (kind < 760) {
            egress(true);
        } else if (kind < 965) {
            scan();
        } else if (kind < 985) {
            ipv6();
        } else {
            nodata(windowStart);
            return line.toString();
        }
        times(windowStart);
        line.append(kind >= 760 && kind < 965 ? " REJECT OK" : " ACCEPT OK");
        return line.toString();
    }

    /** A client interface calling a server interface on its service port, seen at either end; or the reply. */
    private void eastWest(boolean reply) {
        Interface client = pick();
        Interface server = pick();
        int ephemeral = ephemeralPort();
        Interface at = random.nextBoolean() ? client : server;
        int protocol = server.servicePort == 53 ? 17 : 6;
        if (reply) {
            prefix(at.eni, server.ip, client.ip, server.servicePort, ephemeral, protocol);
        } else {
            prefix(at.eni, client.ip, server.ip, ephemeral, server.servicePort, protocol);
        }
        counters(heavyTailedPackets());
    }

    /** An interface calling an internet address (mostly HTTPS, some HTTP and NTP); or the reply arriving. */
    private void egress(boolean reply) {
        Interface local = pick();
        String remote = popularDestination();
        int choice = random.nextInt(20);
        int port = choice < 16 ? 443 : choice < 19 ? 80 : 123;
        int protocol = port == 123 ? 17 : 6;
        int ephemeral = ephemeralPort();
        if (reply) {
            prefix(local.eni, remote, local.ip, port, ephemeral, protocol);
        } else {
            prefix(local.eni, local.ip, remote, ephemeral, port, protocol);
        }
        counters(heavyTailedPackets());
    }

    /** A scanner anywhere on the internet probing any interface on a favoured or random port; rejected. */
    private void scan() {
        Interface target = pick();
        int port = random.nextInt(3) == 0 ? SCANNED_PORTS[random.nextInt(SCANNED_PORTS.length)] : 1 + random.nextInt(65535);
        prefix(target.eni, publicIpv4(), target.ip, 1024 + random.nextInt(64512), port, 6);
        counters(1 + random.nextInt(3));
    }

    /** IPv6 egress from the dual-stack interfaces to AWS-hosted and other internet addresses. */
    private void ipv6() {
        Interface local;
        do {
            local = pick();
        } while (local.ipv6 == null);
        StringBuilder remote = new StringBuilder("2600:1f18");
        for (int group = 0; group < 6; group++) {
            remote.append(':').append(hex(random.nextInt(0x10000)));
        }
        prefix(local.eni, local.ipv6, remote.toString(), ephemeralPort(), 443, 6);
        counters(heavyTailedPackets());
    }

    /** An idle interface in the window: identity and times only (formats.md 1.9 item 4). */
    private void nodata(long windowStart) {
        line.append("2 ").append(ACCOUNT).append(' ').append(pick().eni).append(" - - - - - - -");
        times(windowStart);
        line.append(" - NODATA");
    }

    private void prefix(String eni, String src, String dst, int srcPort, int dstPort, int protocol) {
        line.append("2 ").append(ACCOUNT).append(' ').append(eni).append(' ').append(src).append(' ').append(dst)
                .append(' ').append(srcPort).append(' ').append(dstPort).append(' ').append(protocol);
    }

    /** Packets, then bytes at an average packet size of 40 to 1500 bytes. */
    private void counters(long packets) {
        line.append(' ').append(packets).append(' ').append(packets * (40 + random.nextInt(1461)));
    }

    /** A flow starts anywhere in the window and lasts up to two minutes, never past the window's end. */
    private void times(long windowStart) {
        int offset = random.nextInt(WINDOW_SECONDS);
        int duration = Math.min(random.nextInt(121), WINDOW_SECONDS - 1 - offset);
        line.append(' ').append(windowStart + offset).append(' ').append(windowStart + offset + duration);
    }

    private long heavyTailedPackets() {
        double packets = Math.pow(1 - random.nextDouble(), -1 / PACKETS_SHAPE);
        return Math.min(MAX_PACKETS, (long) packets);
    }

    /** Popularity is skewed: a cubed uniform index sends most calls to the first few thousand addresses. */
    private String popularDestination() {
        double u = random.nextDouble();
        return publicPool[(int) (PUBLIC_POOL * u * u * u)];
    }

    private Interface pick() {
        return interfaces[random.nextInt(INTERFACES)];
    }

    private int ephemeralPort() {
        return EPHEMERAL_FIRST + random.nextInt(EPHEMERAL_COUNT);
    }

    /** Any unicast IPv4 address outside the private, shared, loopback, link-local and multicast ranges. */
    private String publicIpv4() {
        while (true) {
            int a = random.nextInt(224);
            int b = random.nextInt(256);
            boolean reserved = a == 0 || a == 10 || a == 127 || (a == 100 && b >= 64 && b < 128)
                    || (a == 169 && b == 254) || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168);
            if (!reserved) {
                return a + "." + b + "." + random.nextInt(256) + "." + random.nextInt(256);
            }
        }
    }

    private String hexDigits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(Character.forDigit(random.nextInt(16), 16));
        }
        return digits.toString();
    }

    private static String hex(int value) {
        return Integer.toHexString(value);
    }
}
