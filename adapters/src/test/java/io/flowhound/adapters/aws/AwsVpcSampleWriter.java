package io.flowhound.adapters.aws;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic AWS VPC flow log objects ({@code .log.gz} with a header line, in the S3 key
 * layout of formats.md 1.5), deterministic for a seed. Two flow logs deliver into the bucket:
 * one in the default v2 format, one in a custom v5 format with its own field order. Traffic:
 * web, api, db and cache workloads in 10.1.x talking on 443/5432/6379, egress to documentation
 * addresses and to AWS service addresses, REJECTed inbound scans, NODATA rows and a little IPv6.
 *
 * <p>Usage: {@code AwsVpcSampleWriter <output dir> <objects> <records per object> <seed>}
 */
public final class AwsVpcSampleWriter {

    static final String DEFAULT_V2_FORMAT =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    static final String CUSTOM_V5_FORMAT = "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr"
            + " srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status region"
            + " az-id flow-direction traffic-path pkt-src-aws-service pkt-dst-aws-service";
    /**
     * Changes whenever the bytes written for a seed change, so that files cached by that name
     * (the benchmark's, in the temp folder) are rewritten rather than reused.
     */
    static final int GENERATOR_VERSION = 1;

    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "eu-west-1";
    private static final String ZONE = "euw1-az2";
    private static final String VPC = "vpc-0123456789abcdef0";
    private static final Instant FIRST_WINDOW = Instant.parse("2024-05-03T10:00:00Z");
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KEY_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private record Workload(String ip, String eni, String instance, String subnet) {
    }

    private static final Workload WEB_1 = new Workload("10.1.1.11", "eni-0a1b2c3d4e5f60711", "i-0aa11bb22cc33dd11", "subnet-0fedcba9876543201");
    private static final Workload WEB_2 = new Workload("10.1.1.12", "eni-0a1b2c3d4e5f60712", "i-0aa11bb22cc33dd12", "subnet-0fedcba9876543201");
    private static final Workload API_1 = new Workload("10.1.2.21", "eni-0a1b2c3d4e5f60721", "i-0aa11bb22cc33dd21", "subnet-0fedcba9876543202");
    private static final Workload API_2 = new Workload("10.1.2.22", "eni-0a1b2c3d4e5f60722", "i-0aa11bb22cc33dd22", "subnet-0fedcba9876543202");
    private static final Workload DB = new Workload("10.1.3.31", "eni-0a1b2c3d4e5f60731", "i-0aa11bb22cc33dd31", "subnet-0fedcba9876543203");
    private static final Workload CACHE = new Workload("10.1.3.41", "eni-0a1b2c3d4e5f60741", "i-0aa11bb22cc33dd41", "subnet-0fedcba9876543203");
    private static final Workload[] FRONT = {WEB_1, WEB_2};
    private static final Workload[] APIS = {API_1, API_2};
    /** Partners on documentation ranges; then AWS service addresses with their ip-ranges service names. */
    private static final String[] PARTNERS = {"192.0.2.10", "198.51.100.23", "203.0.113.77"};
    private static final String[][] AWS_SERVICES = {{"52.94.5.100", "DYNAMODB"}, {"52.216.8.46", "S3"}};
    private static final int[] SCANNED_PORTS = {22, 23, 445, 3389, 8080};
    private static final int[] TCP_FLAG_MIXES = {2, 18, 19, 3, 1, 0};

    /** One generated record; unset values are written as {@code -}. */
    private static final class Sample {
        String eni;
        String instance;
        String subnet;
        String src;
        String dst;
        String srcPort;
        String dstPort;
        String protocol;
        String packets;
        String bytes;
        long start;
        long end;
        String action;
        String logStatus = "OK";
        String tcpFlags;
        String type;
        String direction;
        String trafficPath;
        String dstService;
    }

    private final Random random;

    public AwsVpcSampleWriter(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: AwsVpcSampleWriter <output dir> <objects> <records per object> <seed>");
            System.exit(2);
        }
        AwsVpcSampleWriter writer = new AwsVpcSampleWriter(Long.parseLong(args[3]));
        List<Path> written = writer.writeObjects(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println("wrote " + written.size() + " objects under " + args[0]);
    }

    /**
     * Writes {@code objects} gzip objects under {@code root}, alternating the v2 and the custom
     * v5 flow log; each pair covers the next 5-minute window.
     *
     * @return the files written
     */
    public List<Path> writeObjects(Path root, int objects, int recordsPerObject) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            boolean custom = i % 2 == 1;
            Instant window = FIRST_WINDOW.plusSeconds(300L * (i / 2));
            String flowLogId = custom ? "fl-0c5e7a9b1d3f50002" : "fl-0c5e7a9b1d3f50001";
            String name = ACCOUNT + "_vpcflowlogs_" + REGION + "_" + flowLogId + "_" + KEY_TIME.format(window)
                    + "_" + String.format("%08x", random.nextInt()) + ".log.gz";
            Path file = root.resolve("AWSLogs/" + ACCOUNT + "/vpcflowlogs/" + REGION + "/" + KEY_DAY.format(window) + "/" + name);
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                writeRecords(out, custom ? CUSTOM_V5_FORMAT : DEFAULT_V2_FORMAT, recordsPerObject, window.getEpochSecond());
            }
            files.add(file);
        }
        return files;
    }

    /** Writes a header line in {@code format} and {@code records} records of the window starting at {@code windowStart}. */
    public void writeRecords(OutputStream out, String format, int records, long windowStart) throws IOException {
        String[] fields = format.split(" ");
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 64 * 1024);
        writer.write(format);
        writer.write('\n');
        int version = format.equals(DEFAULT_V2_FORMAT) ? 2 : 5;
        for (int r = 0; r < records; r++) {
            Sample sample = nextSample(windowStart);
            for (int f = 0; f < fields.length; f++) {
                if (f > 0) {
                    writer.write(' ');
                }
                writer.write(value(fields[f], sample, version));
            }
            writer.write('\n');
        }
        writer.flush();
    }

    /**
     * Writes a header line in the default v2 format and {@code records} records of a
     * 500-interface fleet's traffic ({@link AwsVpcFleetTraffic}) in the 10-minute window starting
     * at {@code windowStart}: data as varied as a real account's, for benchmarks.
     */
    public void writeFleetRecords(OutputStream out, int records, long windowStart) throws IOException {
        AwsVpcFleetTraffic fleet = new AwsVpcFleetTraffic(random);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 64 * 1024);
        writer.write(DEFAULT_V2_FORMAT);
        writer.write('\n');
        for (int r = 0; r < records; r++) {
            writer.write(fleet.nextRecord(windowStart));
            writer.write('\n');
        }
        writer.flush();
    }

    private Sample nextSample(long windowStart) {
        Sample s = new Sample();
        int kind = random.nextInt(100);
        if (kind < 50) {
            internal(s);
        } else if (kind < 70) {
            egress(s);
        } else if (kind < 82) {
            scan(s);
        } else if (kind < 92) {
            response(s);
        } else if (kind < 96) {
            ipv6(s);
        } else {
            nodata(s);
        }
        if (s.start == 0) {
            s.start = windowStart + random.nextInt(240);
            s.end = s.start + random.nextInt(61);
        }
        return s;
    }

    /** web to api on 443, api to db on 5432 or cache on 6379; seen leaving the client or arriving at the server. */
    private void internal(Sample s) {
        Workload client;
        Workload server;
        int port;
        switch (random.nextInt(3)) {
            case 0 -> { client = pick(FRONT); server = pick(APIS); port = 443; }
            case 1 -> { client = pick(APIS); server = DB; port = 5432; }
            default -> { client = pick(APIS); server = CACHE; port = 6379; }
        }
        boolean atClient = random.nextBoolean();
        tcp(s, atClient ? client : server, client.ip, server.ip, 32768 + random.nextInt(28000), port, "ACCEPT");
        s.direction = atClient ? "egress" : "ingress";
        s.trafficPath = atClient ? "1" : null;
    }

    /** A workload calling a partner or an AWS service through the internet gateway. */
    private void egress(Sample s) {
        Workload from = random.nextBoolean() ? pick(APIS) : pick(FRONT);
        boolean awsService = random.nextInt(3) == 0;
        String[] service = AWS_SERVICES[random.nextInt(AWS_SERVICES.length)];
        tcp(s, from, from.ip, awsService ? service[0] : pick(PARTNERS), 32768 + random.nextInt(28000), 443, "ACCEPT");
        s.direction = "egress";
        s.trafficPath = "8";
        s.dstService = awsService ? service[1] : null;
    }

    /** A partner's reply arriving at a front end. */
    private void response(Sample s) {
        Workload to = pick(FRONT);
        tcp(s, to, pick(PARTNERS), to.ip, 443, 32768 + random.nextInt(28000), "ACCEPT");
        s.direction = "ingress";
    }

    /** An internet scanner probing a front end; the security group rejects it. */
    private void scan(Sample s) {
        Workload target = pick(FRONT);
        String scanner = "203.0.113." + (1 + random.nextInt(254));
        tcp(s, target, scanner, target.ip, 1024 + random.nextInt(64000), SCANNED_PORTS[random.nextInt(SCANNED_PORTS.length)], "REJECT");
        int packets = 1 + random.nextInt(3);
        s.packets = String.valueOf(packets);
        s.bytes = String.valueOf(packets * 44);
        s.tcpFlags = "2";
        s.direction = "ingress";
    }

    private void ipv6(Sample s) {
        Workload web = pick(FRONT);
        String local = "2001:db8:10:1::" + web.ip.substring(web.ip.lastIndexOf('.') + 1);
        String remote = "2001:db8:ff::" + Integer.toHexString(1 + random.nextInt(0xfff));
        tcp(s, web, remote, local, 32768 + random.nextInt(28000), 443, "ACCEPT");
        s.type = "IPv6";
        s.direction = "ingress";
    }

    /** An idle interface in the window: identity and times only (formats.md 1.9 item 4). */
    private void nodata(Sample s) {
        Workload idle = random.nextBoolean() ? DB : CACHE;
        s.eni = idle.eni;
        s.instance = idle.instance;
        s.subnet = idle.subnet;
        s.logStatus = "NODATA";
    }

    private void tcp(Sample s, Workload at, String src, String dst, int srcPort, int dstPort, String action) {
        s.eni = at.eni;
        s.instance = at.instance;
        s.subnet = at.subnet;
        s.src = src;
        s.dst = dst;
        s.srcPort = String.valueOf(srcPort);
        s.dstPort = String.valueOf(dstPort);
        s.protocol = "6";
        int packets = 1 + random.nextInt(400);
        s.packets = String.valueOf(packets);
        s.bytes = String.valueOf((long) packets * (60 + random.nextInt(1400)));
        s.action = action;
        s.tcpFlags = String.valueOf(TCP_FLAG_MIXES[random.nextInt(TCP_FLAG_MIXES.length)]);
        s.type = "IPv4";
    }

    private static String value(String field, Sample s, int version) {
        String value = switch (field) {
            case "version" -> String.valueOf(version);
            case "account-id" -> ACCOUNT;
            case "interface-id" -> s.eni;
            case "srcaddr", "pkt-srcaddr" -> s.src;
            case "dstaddr", "pkt-dstaddr" -> s.dst;
            case "srcport" -> s.srcPort;
            case "dstport" -> s.dstPort;
            case "protocol" -> s.protocol;
            case "packets" -> s.packets;
            case "bytes" -> s.bytes;
            case "start" -> String.valueOf(s.start);
            case "end" -> String.valueOf(s.end);
            case "action" -> s.action;
            case "log-status" -> s.logStatus;
            case "vpc-id" -> VPC;
            case "subnet-id" -> s.subnet;
            case "instance-id" -> s.instance;
            case "tcp-flags" -> s.tcpFlags;
            case "type" -> s.type;
            case "region" -> REGION;
            case "az-id" -> ZONE;
            case "flow-direction" -> s.direction;
            case "traffic-path" -> s.trafficPath;
            case "pkt-dst-aws-service" -> s.dstService;
            default -> null;
        };
        return value == null ? "-" : value;
    }

    private <T> T pick(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
