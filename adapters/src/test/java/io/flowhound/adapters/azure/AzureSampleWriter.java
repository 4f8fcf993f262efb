package io.flowhound.adapters.azure;

import java.io.IOException;
import java.io.OutputStream;
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
 * Writes realistic Azure PT1H.json documents, deterministic for a seed, in the blob layouts
 * Azure uses: NSG flow logs version 2 under
 * {@code insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/<SUB>/RESOURCEGROUPS/<RG>/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/<NSG>/y=/m=/d=/h=/m=00/macAddress=<MAC>/PT1H.json}
 * (formats.md 4.1) and VNet flow logs under
 * {@code insights-logs-flowlogflowevent/flowLogResourceID=/<SUB>_NETWORKWATCHERRG/NETWORKWATCHER_<REGION>_<FLOWLOG>/y=/m=/d=/h=/m=00/macAddress=<MAC>/PT1H.json}
 * (formats.md 5.1). One record per minute; each object is one NIC for one hour. Traffic: web
 * VMs allowing HTTPS in and talking to a database, B/C/E lifecycles with delta counters, denied
 * scans from documentation addresses (NSG decision D, VNet state D), a few rules and MACs, and
 * one encryption code besides NX.
 *
 * <p>Usage: {@code AzureSampleWriter <output dir> <objects> <records per object> <seed>}; half
 * the objects (rounded up) are NSG, the rest VNet.
 */
public final class AzureSampleWriter {

    static final String SUBSCRIPTION = "5f2a7c1e-8d3b-4e6a-9c0f-1b2d3e4f5a6b";
    private static final String RESOURCE_GROUP = "SHOP-PROD-RG";
    private static final String NSG = "SHOP-WEB-NSG";
    private static final String REGION = "WESTEUROPE";
    private static final String FLOW_LOG = "SHOP-VNET-FLOWLOG";
    private static final String[] MACS = {"000D3A6E1B01", "000D3A6E1B02", "6045BDA17C03", "6045BDA17C04"};
    private static final String[] WEB = {"10.20.1.4", "10.20.1.5", "10.20.1.6", "10.20.1.7"};
    private static final String DB = "10.20.2.10";
    private static final String[] CLIENTS = {"198.51.100.23", "198.51.100.77", "203.0.113.9", "203.0.113.140"};
    private static final String[] SCANNERS = {"192.0.2.66", "192.0.2.201", "203.0.113.250"};
    private static final int[] SCANNED_PORTS = {22, 23, 445, 1433, 3389, 8080};
    private static final Instant FIRST_HOUR = Instant.parse("2024-05-03T10:00:00Z");
    private static final DateTimeFormatter RECORD_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Random random;

    public AzureSampleWriter(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: AzureSampleWriter <output dir> <objects> <records per object> <seed>");
            System.exit(2);
        }
        AzureSampleWriter writer = new AzureSampleWriter(Long.parseLong(args[3]));
        List<Path> written = writer.writeObjects(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        for (Path file : written) {
            System.out.println(file);
        }
    }

    /** Writes {@code objects} PT1H.json blobs, NSG first, then VNet, each one NIC-hour. */
    public List<Path> writeObjects(Path root, int objects, int recordsPerObject) throws IOException {
        List<Path> files = new ArrayList<>();
        int nsgObjects = (objects + 1) / 2;
        for (int i = 0; i < objects; i++) {
            boolean nsg = i < nsgObjects;
            int index = nsg ? i : i - nsgObjects;
            String mac = MACS[index % MACS.length];
            Instant hour = FIRST_HOUR.plusSeconds(3600L * (index / MACS.length));
            Path file = root.resolve(nsg ? nsgKey(hour, mac) : vnetKey(hour, mac));
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write((nsg ? nsgDocument(hour, mac, index, recordsPerObject)
                        : vnetDocument(hour, mac, index, recordsPerObject)).getBytes(StandardCharsets.UTF_8));
            }
            files.add(file);
        }
        return files;
    }

    static String nsgKey(Instant hour, String mac) {
        return "insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/" + SUBSCRIPTION.toUpperCase()
                + "/RESOURCEGROUPS/" + RESOURCE_GROUP + "/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/" + NSG + "/"
                + hourPath(hour) + "/macAddress=" + mac + "/PT1H.json";
    }

    static String vnetKey(Instant hour, String mac) {
        return "insights-logs-flowlogflowevent/flowLogResourceID=/" + SUBSCRIPTION.toUpperCase() + "_NETWORKWATCHERRG/"
                + "NETWORKWATCHER_" + REGION + "_" + FLOW_LOG + "/" + hourPath(hour) + "/macAddress=" + mac + "/PT1H.json";
    }

    private static String hourPath(Instant hour) {
        return DateTimeFormatter.ofPattern("'y='yyyy'/m='MM'/d='dd'/h='HH'/m=00'").withZone(ZoneOffset.UTC).format(hour);
    }

    /** An NSG v2 document of one NIC-hour, one record a minute, as Azure commits it (formats.md 4.2). */
    public String nsgDocument(Instant hour, String mac, int nic, int records) {
        StringBuilder out = new StringBuilder("{\"records\":[");
        for (int minute = 0; minute < records; minute++) {
            out.append(minute == 0 ? "" : ",").append(nsgRecord(hour, mac, nic, minute));
        }
        return out.append("]}").toString();
    }

    /** A VNet flow log document of one NIC-hour. */
    public String vnetDocument(Instant hour, String mac, int nic, int records) {
        StringBuilder out = new StringBuilder("{\"records\":[");
        for (int minute = 0; minute < records; minute++) {
            out.append(minute == 0 ? "" : ",").append(vnetRecord(hour, mac, nic, minute));
        }
        return out.append("]}").toString();
    }

    /** One minute's NSG record: HTTPS in, SQL out (B/C/E with deltas), denied scans. */
    public String nsgRecord(Instant hour, String mac, int nic, int minute) {
        long second = hour.getEpochSecond() + minute * 60L;
        String web = WEB[nic % WEB.length];
        List<String> https = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        traffic(second, web, 1, https, sql, denied);
        StringBuilder rules = new StringBuilder();
        appendNsgRule(rules, "UserRule_allow-https-in", mac, https);
        appendNsgRule(rules, "UserRule_allow-sql-out", mac, sql);
        appendNsgRule(rules, "DefaultRule_DenyAllInBound", mac, denied);
        return "{\"time\":\"" + RECORD_TIME.format(Instant.ofEpochSecond(second + 59, 123456700)) + "\","
                + "\"systemId\":\"8a4c2e61-3f5d-4b7a-9e1c-2d3f4a5b6c7d\",\"macAddress\":\"" + mac + "\","
                + "\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/" + SUBSCRIPTION.toUpperCase()
                + "/RESOURCEGROUPS/" + RESOURCE_GROUP + "/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/" + NSG + "\","
                + "\"operationName\":\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":2,\"flows\":[" + rules + "]}}";
    }

    /** One minute's VNet record: the same traffic with IANA protocol numbers, state D for denies, ms times. */
    public String vnetRecord(Instant hour, String mac, int nic, int minute) {
        long second = hour.getEpochSecond() + minute * 60L;
        String web = WEB[nic % WEB.length];
        List<String> https = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        traffic(second, web, 2, https, sql, denied);
        StringBuilder acls = new StringBuilder();
        acls.append("{\"aclID\":\"/subscriptions/").append(SUBSCRIPTION).append("/resourceGroups/shop-prod-rg/providers/")
                .append("Microsoft.Network/networkSecurityGroups/shop-web-nsg\",\"flowGroups\":[");
        appendVnetGroup(acls, "UserRule_allow-https-in", https, false);
        appendVnetGroup(acls, "UserRule_allow-sql-out", sql, true);
        appendVnetGroup(acls, "DefaultRule_DenyAllInBound", denied, true);
        acls.append("]}");
        return "{\"time\":\"" + RECORD_TIME.format(Instant.ofEpochSecond(second + 59, 123456700)) + "\","
                + "\"flowLogVersion\":4,\"flowLogGUID\":\"2b7e9c41-5d6f-4a8b-8c9d-0e1f2a3b4c5d\",\"macAddress\":\"" + mac + "\","
                + "\"category\":\"FlowLogFlowEvent\",\"flowLogResourceID\":\"/SUBSCRIPTIONS/" + SUBSCRIPTION.toUpperCase()
                + "/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_" + REGION
                + "/FLOWLOGS/" + FLOW_LOG + "\",\"targetResourceID\":\"/subscriptions/" + SUBSCRIPTION
                + "/resourceGroups/shop-prod-rg/providers/Microsoft.Network/virtualNetworks/shop-vnet\","
                + "\"operationName\":\"FlowLogFlowEvent\",\"flowRecords\":{\"flows\":[" + acls + "]}}";
    }

    /**
     * One minute of flows, as tuples without the layout-specific columns: each entry is
     * {@code time,src,dst,sport,dport,PROTO,DIR,STATE,p1,b1,p2,b2}; the callers format them.
     * {@code layout} 1 = NSG (seconds, T/U, decision column), 2 = VNet (ms, IANA, encryption).
     */
    private void traffic(long second, String web, int layout, List<String> https, List<String> sql, List<String> denied) {
        int sessions = 3 + random.nextInt(4);
        for (int s = 0; s < sessions; s++) {
            String client = CLIENTS[random.nextInt(CLIENTS.length)];
            int port = 49152 + random.nextInt(16000);
            long begin = second + random.nextInt(20);
            https.add(tuple(layout, begin, client, web, port, 443, 'T', 'I', 'B', -1));
            if (random.nextInt(3) == 0) {
                https.add(tuple(layout, begin + 20 + random.nextInt(20), client, web, port, 443, 'T', 'I', 'C',
                        20 + random.nextInt(400)));
            }
            https.add(tuple(layout, begin + 40 + random.nextInt(19), client, web, port, 443, 'T', 'I', 'E',
                    5 + random.nextInt(200)));
        }
        int port = 50000 + random.nextInt(10000);
        sql.add(tuple(layout, second + 5, web, DB, port, 1433, 'T', 'O', 'B', -1));
        sql.add(tuple(layout, second + 35, web, DB, port, 1433, 'T', 'O', 'C', 50 + random.nextInt(500)));
        sql.add(tuple(layout, second + 30, web, "168.63.129.16", 53000 + random.nextInt(1000), 53, 'U', 'O', 'E', 1));
        int scans = random.nextInt(4);
        for (int s = 0; s < scans; s++) {
            denied.add(tuple(layout, second + random.nextInt(60), SCANNERS[random.nextInt(SCANNERS.length)], web,
                    1024 + random.nextInt(60000), SCANNED_PORTS[random.nextInt(SCANNED_PORTS.length)], 'T', 'I', 'D', -1));
        }
    }

    /** A tuple in NSG v2 (layout 1) or VNet (layout 2) form; {@code packets} -1 for none (B and denied). */
    private String tuple(int layout, long second, String src, String dst, int sport, int dport, char protocol,
                         char direction, char state, int packets) {
        boolean vnet = layout == 2;
        StringBuilder t = new StringBuilder();
        t.append(vnet ? second * 1000 + random.nextInt(1000) : second).append(',').append(src).append(',').append(dst)
                .append(',').append(sport).append(',').append(dport).append(',');
        t.append(vnet ? (protocol == 'T' ? "6" : "17") : String.valueOf(protocol)).append(',').append(direction).append(',');
        if (vnet) {
            t.append(state).append(',').append(dst.startsWith("10.") && src.startsWith("10.") ? "NX_LOCAL_DST" : "NX");
        } else {
            t.append(state == 'D' ? 'D' : 'A').append(',').append(state == 'D' ? 'B' : state);
        }
        if (packets < 0) {
            // NSG v2 leaves B counters empty; VNet writes 0 (formats.md 4.3, 5.2).
            t.append(vnet ? ",0,0,0,0" : ",,,,");
        } else {
            int reverse = Math.max(1, packets * (2 + random.nextInt(6)) / 4);
            t.append(',').append(packets).append(',').append(packets * (60 + random.nextInt(900)))
                    .append(',').append(reverse).append(',').append(reverse * (60 + random.nextInt(1400)));
        }
        return t.toString();
    }

    private static void appendNsgRule(StringBuilder rules, String rule, String mac, List<String> tuples) {
        if (tuples.isEmpty()) {
            return;
        }
        rules.append(rules.isEmpty() ? "" : ",").append("{\"rule\":\"").append(rule).append("\",\"flows\":[{\"mac\":\"")
                .append(mac).append("\",\"flowTuples\":[").append(quoted(tuples)).append("]}]}");
    }

    private static void appendVnetGroup(StringBuilder groups, String rule, List<String> tuples, boolean comma) {
        if (tuples.isEmpty()) {
            return;
        }
        if (comma && groups.charAt(groups.length() - 1) != '[') {
            groups.append(',');
        }
        groups.append("{\"rule\":\"").append(rule).append("\",\"flowTuples\":[").append(quoted(tuples)).append("]}");
    }

    private static String quoted(List<String> tuples) {
        StringBuilder out = new StringBuilder();
        for (String tuple : tuples) {
            out.append(out.isEmpty() ? "" : ",").append('"').append(tuple).append('"');
        }
        return out.toString();
    }
}
