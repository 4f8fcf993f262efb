package io.flowhound.adapters.gcp;

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

/**
 * Writes realistic Cloud Logging sink objects for GCP (formats.md 2.3: one LogEntry per line,
 * keys in the alphabetical order sinks write), deterministic for a seed, in the real Cloud
 * Storage layout: {@code compute.googleapis.com/vpc_flows/YYYY/MM/DD/HH:00:00_HH:59:59_S0.json}
 * and {@code compute.googleapis.com/firewall/YYYY/MM/DD/HH:00:00_HH:59:59_S0.json}, one hour per
 * pair of objects.
 *
 * <p>VPC flows: web, api and database VMs and GKE pods in project {@code acme-prod}, VPC
 * {@code prod}. Traffic between VMs is reported twice, by the source (SRC) and by the
 * destination (DEST), with independently sampled counts and slightly different times; traffic
 * to and from the internet (documentation ranges, with geographic details) and to Google APIs
 * is reported by the VM end only; ICMP without ports; a little IPv6. Firewall: allowed HTTPS
 * ingress, allowed database egress, and DENIED SSH/RDP scans and egress to a blocked range.
 *
 * <p>Usage: {@code GcpSampleWriter <output dir> <objects> <records per object> <seed>}
 */
public final class GcpSampleWriter {

    static final String PROJECT = "acme-prod";
    private static final String VPC = "prod";
    private static final Instant FIRST_HOUR = Instant.parse("2024-05-03T10:00:00Z");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private record Vm(String name, String ip, String ipv6, String zone, String subnet, String subnetId, String gkePod,
            String gkeWorkload) {
        String region() {
            return zone.substring(0, zone.lastIndexOf('-'));
        }
    }

    private record External(String ip, String continent, String country, String region, String city, int asn) {
    }

    private static final Vm WEB_1 = new Vm("web-1", "10.128.0.7", "2600:1900:4000:10::7", "us-central1-a", "web",
            "4411223344556677889", null, null);
    private static final Vm WEB_2 = new Vm("web-2", "10.128.0.8", "2600:1900:4000:10::8", "us-central1-a", "web",
            "4411223344556677889", null, null);
    private static final Vm API_1 = new Vm("api-1", "10.128.1.21", null, "us-central1-b", "api", "4411223344556677890", null, null);
    private static final Vm API_2 = new Vm("api-2", "10.128.1.22", null, "us-central1-b", "api", "4411223344556677890", null, null);
    private static final Vm DB = new Vm("db-1", "10.130.0.4", null, "us-east1-b", "db", "4411223344556677891", null, null);
    private static final Vm CART = new Vm("gke-shop-pool-1-7f3a", "10.8.1.14", null, "us-central1-c", "gke",
            "4411223344556677892", "cart-5d8f7c9b4-x2kqp", "cart");
    private static final Vm CHECKOUT = new Vm("gke-shop-pool-1-9c1e", "10.8.2.31", null, "us-central1-c", "gke",
            "4411223344556677892", "checkout-6b7c8d9f5-q9wzt", "checkout");
    private static final Vm[] WEBS = {WEB_1, WEB_2};
    private static final Vm[] APIS = {API_1, API_2};
    private static final Vm[] PODS = {CART, CHECKOUT};
    private static final External[] CLIENTS = {
        new External("198.51.100.23", "Europe", "deu", "Hesse", "Frankfurt am Main", 64500),
        new External("198.51.100.140", "America", "usa", "California", "San Jose", 64501),
        new External("203.0.113.77", "Asia", "sgp", null, "Singapore", 64502),
    };
    private static final External[] SCANNERS = {
        new External("192.0.2.23", "Europe", "rus", "Saint Petersburg", "Saint Petersburg", 64510),
        new External("192.0.2.117", "Asia", "chn", null, null, 64511),
    };
    private static final String GOOGLE_API = "199.36.153.8";

    private final Random random;

    public GcpSampleWriter(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: GcpSampleWriter <output dir> <objects> <records per object> <seed>");
            System.exit(2);
        }
        GcpSampleWriter writer = new GcpSampleWriter(Long.parseLong(args[3]));
        List<Path> written = writer.writeObjects(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println("wrote " + written.size() + " objects under " + args[0]);
    }

    /**
     * Writes {@code objects} sink objects under {@code root}, alternating a VPC flow object and a
     * firewall object; each pair covers the next hour.
     *
     * @return the files written
     */
    public List<Path> writeObjects(Path root, int objects, int recordsPerObject) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            boolean firewall = i % 2 == 1;
            Instant hour = FIRST_HOUR.plusSeconds(3600L * (i / 2));
            String hh = HOUR.format(hour);
            Path file = root.resolve("compute.googleapis.com/" + (firewall ? "firewall" : "vpc_flows") + "/" + DAY.format(hour)
                    + "/" + hh + ":00:00_" + hh + ":59:59_S0.json");
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                if (firewall) {
                    writeFirewallRecords(out, recordsPerObject, hour);
                } else {
                    writeVpcFlowRecords(out, recordsPerObject, hour);
                }
            }
            files.add(file);
        }
        return files;
    }

    /** Writes {@code records} VPC flow entries of the hour starting at {@code hour}. */
    public void writeVpcFlowRecords(OutputStream out, int records, Instant hour) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        int written = 0;
        while (written < records) {
            long start = hour.getEpochSecond() * 1_000_000_000L + (long) random.nextInt(3590) * 1_000_000_000L
                    + random.nextInt(1_000_000_000);
            int kind = random.nextInt(100);
            if (kind < 45 && records - written >= 2) {
                // VM to VM: the source and the destination each report the flow.
                Vm client;
                Vm server;
                int port;
                switch (random.nextInt(3)) {
                    case 0 -> { client = pick(WEBS); server = pick(APIS); port = 8080; }
                    case 1 -> { client = pick(APIS); server = DB; port = 5432; }
                    default -> { client = pick(PODS); server = pick(APIS); port = 8080; }
                }
                Flow flow = tcp(client.ip, server.ip, 32768 + random.nextInt(28000), port, start);
                flow.src = client;
                flow.dst = server;
                writer.write(vpcFlowEntry(flow, "SRC"));
                writer.write(vpcFlowEntry(flow.resampled(random), "DEST"));
                written += 2;
                continue;
            }
            Flow flow;
            String reporter;
            if (kind < 65) {
                Vm web = pick(WEBS);
                External client = pick(CLIENTS);
                boolean ipv6 = random.nextInt(10) == 0;
                flow = tcp(ipv6 ? "2001:db8:ff::" + Integer.toHexString(1 + random.nextInt(0xfff)) : client.ip,
                        ipv6 ? web.ipv6 : web.ip, 32768 + random.nextInt(28000), 443, start);
                flow.dst = web;
                flow.srcLocation = client;
                reporter = "DEST";
            } else if (kind < 80) {
                Vm web = pick(WEBS);
                External client = pick(CLIENTS);
                flow = tcp(web.ip, client.ip, 443, 32768 + random.nextInt(28000), start);
                flow.src = web;
                flow.dstLocation = client;
                reporter = "SRC";
            } else if (kind < 92) {
                Vm from = random.nextBoolean() ? pick(APIS) : pick(PODS);
                flow = tcp(from.ip, GOOGLE_API, 32768 + random.nextInt(28000), 443, start);
                flow.src = from;
                flow.googleService = random.nextBoolean() ? "logging.googleapis.com" : "storage.googleapis.com";
                reporter = "SRC";
            } else {
                // A ping from a monitoring address: ICMP has no ports.
                Vm target = random.nextBoolean() ? pick(WEBS) : DB;
                External scanner = pick(SCANNERS);
                flow = new Flow(scanner.ip, target.ip, -1, -1, 1, start);
                flow.packets = 1 + random.nextInt(4);
                flow.bytes = 84L * flow.packets;
                flow.dst = target;
                flow.srcLocation = scanner;
                reporter = "DEST";
            }
            writer.write(vpcFlowEntry(flow, reporter));
            written++;
        }
        writer.flush();
    }

    /** Writes {@code records} firewall rule log entries of the hour starting at {@code hour}. */
    public void writeFirewallRecords(OutputStream out, int records, Instant hour) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        for (int r = 0; r < records; r++) {
            long time = hour.getEpochSecond() * 1_000_000_000L + (long) random.nextInt(3590) * 1_000_000_000L
                    + random.nextInt(1_000_000_000);
            int kind = random.nextInt(100);
            StringBuilder payload = new StringBuilder(700);
            String disposition;
            String direction;
            Vm instance;
            if (kind < 55) {
                instance = pick(WEBS);
                External client = pick(CLIENTS);
                connection(payload, client.ip, 32768 + random.nextInt(28000), instance.ip, 443, 6);
                disposition = "ALLOWED";
                direction = "INGRESS";
                instance(payload.append(','), "instance", instance);
                location(payload.append(','), "remote_location", client);
                rule(payload, "ALLOW", direction, 1000, "allow-https", "\"source_range\":[\"0.0.0.0/0\"],\"target_tag\":[\"web\"]");
            } else if (kind < 85) {
                instance = pick(APIS);
                connection(payload, instance.ip, 32768 + random.nextInt(28000), DB.ip, 5432, 6);
                disposition = "ALLOWED";
                direction = "EGRESS";
                instance(payload.append(','), "instance", instance);
                instance(payload.append(','), "remote_instance", DB);
                vpc(payload.append(','), "remote_vpc", DB);
                rule(payload, "ALLOW", direction, 1000, "allow-db-egress", "\"destination_range\":[\"10.130.0.0/20\"]");
            } else if (kind < 95) {
                instance = pick(WEBS);
                External scanner = pick(SCANNERS);
                int port = random.nextBoolean() ? 22 : 3389;
                connection(payload, scanner.ip, 1024 + random.nextInt(64000), instance.ip, port, 6);
                disposition = "DENIED";
                direction = "INGRESS";
                instance(payload.append(','), "instance", instance);
                location(payload.append(','), "remote_location", scanner);
                rule(payload, "DENY", direction, 900, "deny-admin-internet", "\"source_range\":[\"0.0.0.0/0\"]");
            } else {
                instance = pick(APIS);
                connection(payload, instance.ip, 32768 + random.nextInt(28000), "203.0.113.250", 25, 6);
                disposition = "DENIED";
                direction = "EGRESS";
                instance(payload.append(','), "instance", instance);
                rule(payload, "DENY", direction, 800, "deny-smtp-egress", "\"destination_range\":[\"0.0.0.0/0\"]");
            }
            payload.insert(payload.indexOf("},") + 2, "\"disposition\":\"" + disposition + "\",");
            vpc(payload.append(','), "vpc", instance);
            writer.write(entry(payload, instance, "firewall", time));
        }
        writer.flush();
    }

    /** One directional flow as the generator sees it; the reporter decides which end writes it. */
    private static final class Flow {
        final String srcIp;
        final String dstIp;
        final int srcPort;
        final int dstPort;
        final int protocol;
        long startNanos;
        long endNanos;
        long packets;
        long bytes;
        Integer rttMs;
        Vm src;
        Vm dst;
        External srcLocation;
        External dstLocation;
        String googleService;

        Flow(String srcIp, String dstIp, int srcPort, int dstPort, int protocol, long startNanos) {
            this.srcIp = srcIp;
            this.dstIp = dstIp;
            this.srcPort = srcPort;
            this.dstPort = dstPort;
            this.protocol = protocol;
            this.startNanos = startNanos;
            this.endNanos = startNanos;
        }

        /** The same flow as the other end samples it: its own counts, times a few ms apart. */
        Flow resampled(Random random) {
            Flow twin = new Flow(srcIp, dstIp, srcPort, dstPort, protocol, startNanos + random.nextInt(20_000_000));
            twin.endNanos = endNanos + random.nextInt(20_000_000);
            twin.packets = Math.max(1, packets + random.nextInt(5) - 2);
            twin.bytes = twin.packets * (bytes / packets);
            twin.rttMs = rttMs;
            twin.src = src;
            twin.dst = dst;
            return twin;
        }
    }

    private Flow tcp(String src, String dst, int srcPort, int dstPort, long startNanos) {
        Flow flow = new Flow(src, dst, srcPort, dstPort, 6, startNanos);
        flow.endNanos = startNanos + random.nextInt(5_000_000) * 1000L;
        flow.packets = 1 + random.nextInt(300);
        flow.bytes = flow.packets * (60 + random.nextInt(1400));
        flow.rttMs = random.nextInt(4) == 0 ? null : 1 + random.nextInt(80);
        return flow;
    }

    private String vpcFlowEntry(Flow flow, String reporter) {
        StringBuilder p = new StringBuilder(1200);
        p.append("\"bytes_sent\":\"").append(flow.bytes).append("\",");
        connection(p, flow.srcIp, flow.srcPort, flow.dstIp, flow.dstPort, flow.protocol);
        if (flow.dst != null && flow.dst.gkePod != null) {
            gke(p.append(','), "dest_gke_details", flow.dst);
        }
        if (flow.googleService != null) {
            p.append(",\"dest_google_service\":{\"connectivity\":\"PRIVATE_GOOGLE_ACCESS\",\"service_name\":\"")
                    .append(flow.googleService).append("\",\"type\":\"GOOGLE_API\"}");
        }
        if (flow.dst != null) {
            instance(p.append(','), "dest_instance", flow.dst);
        }
        if (flow.dstLocation != null) {
            location(p.append(','), "dest_location", flow.dstLocation);
        }
        if (flow.dst != null) {
            vpc(p.append(','), "dest_vpc", flow.dst);
        }
        p.append(",\"end_time\":\"").append(rfc3339(flow.endNanos)).append('"');
        p.append(",\"packets_sent\":\"").append(flow.packets).append('"');
        p.append(",\"reporter\":\"").append(reporter).append('"');
        if (flow.rttMs != null) {
            p.append(",\"rtt_msec\":\"").append(flow.rttMs).append('"');
        }
        if (flow.src != null && flow.src.gkePod != null) {
            gke(p.append(','), "src_gke_details", flow.src);
        }
        if (flow.src != null) {
            instance(p.append(','), "src_instance", flow.src);
        }
        if (flow.srcLocation != null) {
            location(p.append(','), "src_location", flow.srcLocation);
        }
        if (flow.src != null) {
            vpc(p.append(','), "src_vpc", flow.src);
        }
        p.append(",\"start_time\":\"").append(rfc3339(flow.startNanos)).append('"');
        Vm at = reporter.equals("SRC") ? flow.src : flow.dst;
        return entry(p, at, "vpc_flows", flow.endNanos + 20_000_000_000L + random.nextInt(15_000) * 1_000_000L);
    }

    private String entry(CharSequence payload, Vm at, String log, long timestampNanos) {
        String timestamp = rfc3339(timestampNanos);
        return "{\"insertId\":\"" + insertId() + "\",\"jsonPayload\":{" + payload + "},\"logName\":\"projects/" + PROJECT
                + "/logs/compute.googleapis.com%2F" + log + "\",\"receiveTimestamp\":\""
                + rfc3339(timestampNanos + 300_000_000L + random.nextInt(900_000_000)) + "\",\"resource\":{\"labels\":{\"location\":\""
                + at.zone + "\",\"project_id\":\"" + PROJECT + "\",\"subnetwork_id\":\"" + at.subnetId + "\",\"subnetwork_name\":\""
                + at.subnet + "\"},\"type\":\"gce_subnetwork\"},\"timestamp\":\"" + timestamp + "\"}\n";
    }

    private static void connection(StringBuilder p, String srcIp, int srcPort, String dstIp, int dstPort, int protocol) {
        p.append("\"connection\":{\"dest_ip\":\"").append(dstIp).append('"');
        if (dstPort >= 0) {
            p.append(",\"dest_port\":").append(dstPort);
        }
        p.append(",\"protocol\":").append(protocol).append(",\"src_ip\":\"").append(srcIp).append('"');
        if (srcPort >= 0) {
            p.append(",\"src_port\":").append(srcPort);
        }
        p.append('}');
    }

    private static void instance(StringBuilder p, String key, Vm vm) {
        p.append('"').append(key).append("\":{");
        if (vm.gkePod != null) {
            p.append("\"managed_instance_group\":{\"name\":\"gke-shop-pool-1-grp\",\"zone\":\"").append(vm.zone).append("\"},");
        }
        p.append("\"project_id\":\"").append(PROJECT).append("\",\"region\":\"").append(vm.region())
                .append("\",\"vm_name\":\"").append(vm.name).append("\",\"zone\":\"").append(vm.zone).append("\"}");
    }

    private static void vpc(StringBuilder p, String key, Vm vm) {
        p.append('"').append(key).append("\":{\"project_id\":\"").append(PROJECT).append("\",\"subnetwork_name\":\"")
                .append(vm.subnet).append("\",\"subnetwork_region\":\"").append(vm.region()).append("\",\"vpc_name\":\"")
                .append(VPC).append("\"}");
    }

    private static void location(StringBuilder p, String key, External external) {
        p.append('"').append(key).append("\":{\"asn\":").append(external.asn);
        if (external.city != null) {
            p.append(",\"city\":\"").append(external.city).append('"');
        }
        p.append(",\"continent\":\"").append(external.continent).append("\",\"country\":\"").append(external.country).append('"');
        if (external.region != null) {
            p.append(",\"region\":\"").append(external.region).append('"');
        }
        p.append('}');
    }

    private static void gke(StringBuilder p, String key, Vm vm) {
        p.append('"').append(key).append("\":{\"cluster\":{\"cluster_location\":\"us-central1\",\"cluster_name\":\"shop\"},")
                .append("\"pod\":{\"pod_name\":\"").append(vm.gkePod).append("\",\"pod_namespace\":\"prod\",\"pod_workload\":{")
                .append("\"workload_name\":\"").append(vm.gkeWorkload).append("\",\"workload_type\":\"DEPLOYMENT\"}},")
                .append("\"service\":[{\"service_name\":\"").append(vm.gkeWorkload).append("\",\"service_namespace\":\"prod\"}]}");
    }

    private static void rule(StringBuilder p, String action, String direction, int priority, String name, String ranges) {
        p.append(",\"rule_details\":{\"action\":\"").append(action).append("\",\"direction\":\"").append(direction)
                .append("\",\"ip_port_info\":[{\"ip_protocol\":\"TCP\"}],\"priority\":").append(priority)
                .append(",\"reference\":\"network:").append(VPC).append("/firewall:").append(name).append("\",").append(ranges)
                .append('}');
    }

    private String insertId() {
        return Long.toString(random.nextLong() >>> 1, 36);
    }

    private static String rfc3339(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        return SECONDS.format(Instant.ofEpochSecond(seconds)) + "." + String.format("%09d", Math.floorMod(epochNanos, 1_000_000_000L))
                + "Z";
    }

    private <T> T pick(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
