package io.flowhound.adapters.gcp;

import static io.flowhound.adapters.gcp.GcpVpcFlowParserTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Action;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Direction;
import io.flowhound.proto.EndpointDetails;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Reporter;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the GCP parsers against the fixtures of other collectors (shared/fixtures/peers, see its
 * README): the beats {@code gcp/vpcflow} entries (no expected output: every field asserted here
 * from the input) and the beats {@code gcp/firewall} entries, whose expected documents are
 * compared key by key wherever beats and we mean the same thing.
 *
 * <p>Deliberate differences from beats, not asserted:
 * <ul>
 *   <li>{@code network.direction}: beats classifies the addresses (internal, inbound, ...); ours
 *       is the direction relative to the VM that enforced the rule (INGRESS/EGRESS).</li>
 *   <li>{@code network.iana_number}: beats has none for {@code "protocol":"udp"} in
 *       {@code rare.log}; we read the name as 17 (formats.md 2.5 item 2).</li>
 *   <li>{@code gcp.firewall.rule_details.ip_port_info}, {@code source_range},
 *       {@code target_tag}: the rule's match conditions are not kept, only its reference,
 *       action, direction and priority.</li>
 *   <li>{@code event.*} bookkeeping, {@code related.ip}, {@code tags}, {@code input.type},
 *       {@code service.type}, {@code fileset.name}: peer bookkeeping with no field of ours.</li>
 * </ul>
 *
 * <p>The fixtures are read from the folder named by the system property {@code flowhound.peers}
 * (default {@code ../../shared/fixtures/peers}, relative to the module directory Maven runs
 * tests in); the test is skipped, saying so, when it is absent.
 */
class GcpPeerConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VPC_KEY = "compute.googleapis.com/vpc_flows/2019/06/14/03:00:00_03:59:59_S0.json";
    private static final String FIREWALL_KEY = "compute.googleapis.com/firewall/2019/11/06/16:00:00_16:59:59_S0.json";

    private static Path peers;

    @BeforeAll
    static void locatePeerFixtures() {
        peers = Path.of(System.getProperty("flowhound.peers", "../../shared/fixtures/peers"));
    }

    /** Each test is reported as skipped, with the reason, when the fixtures are absent. */
    @BeforeEach
    void requirePeerFixtures() {
        assumeTrue(Files.isDirectory(peers.resolve("beats/gcp_vpcflow")) && Files.isDirectory(peers.resolve("beats/gcp_firewall")),
                "GCP peer fixtures not found at " + peers.toAbsolutePath() + "; set -Dflowhound.peers=<folder> to run this test");
    }

    @Test
    void readsEveryBeatsVpcFlowEntryWithoutErrors() throws IOException {
        CollectingConsumer out = parse(new GcpVpcFlowParser(), VPC_KEY, "beats/gcp_vpcflow/vpc-flow-log-entries.json.log.head");

        assertEquals(List.of(), out.errors);
        assertEquals(6, out.flows.size());
        assertEquals(Files.size(peers.resolve("beats/gcp_vpcflow/vpc-flow-log-entries.json.log.head")), out.returned.offset());
        byte[] head = Files.readAllBytes(peers.resolve("beats/gcp_vpcflow/vpc-flow-log-entries.json.log.head"));
        assertTrue(GcpFormatRecognizer.VPC_FLOW.recognizes("export/entries.json", head), "recognised by its logName");
        assertFalse(GcpFormatRecognizer.FIREWALL.recognizes("export/entries.json", head));
    }

    @Test
    void readsEveryFieldOfTheFirstBeatsVpcFlowEntry() throws IOException {
        Flow flow = parse(new GcpVpcFlowParser(), VPC_KEY, "beats/gcp_vpcflow/vpc-flow-log-entries.json.log.head").flows.get(0);

        assertEquals(Cloud.GCP, flow.getCloud());
        assertEquals(ip("10.87.40.76"), flow.getSrcAddr());
        assertEquals(ip("203.0.113.12"), flow.getDstAddr());
        assertEquals(5601, flow.getSrcPort());
        assertEquals(33478, flow.getDstPort());
        assertEquals(6, flow.getProtocol());
        assertEquals(1776, flow.getBytes());
        assertEquals(7, flow.getPackets());
        assertEquals(36, flow.getRttMs());
        assertEquals(millis("2019-06-14T03:45:37.186193305Z"), flow.getStartMs());
        assertEquals(millis("2019-06-14T03:45:37.301953198Z"), flow.getEndMs());
        assertEquals(Reporter.SRC, flow.getReporter());
        assertEquals(Direction.EGRESS, flow.getDirection());
        assertEquals(Action.ACTION_UNSPECIFIED, flow.getAction(), "classic VPC flow logs carry no verdict (formats.md 2.2)");
        assertEquals("my-sample-project", flow.getObserver().getAccountId());
        assertEquals("us-east1", flow.getObserver().getRegion());
        assertEquals("us-east1-b", flow.getObserver().getZone());
        assertEquals("default", flow.getObserver().getVpcId());
        assertEquals("default", flow.getObserver().getSubnetId());
        assertEquals("kibana", flow.getObserver().getInstanceId());
        assertEquals(EndpointDetails.newBuilder().setProjectId("my-sample-project").setRegion("us-east1")
                .setVmName("kibana").setZone("us-east1-b").setVpcProjectId("my-sample-project")
                .setSubnetName("default").setVpcName("default").build(), flow.getSrcDetails());
        assertEquals(EndpointDetails.newBuilder().setAsn(15169).setContinent("America").setCountry("usa").build(),
                flow.getDstDetails());
        assertEquals("ut8lbrffooxyw", flow.getGcp().getInsertId());
        assertEquals("projects/my-sample-project/logs/compute.googleapis.com%2Fvpc_flows", flow.getGcp().getLogName());
        assertEquals(millis("2019-06-14T03:50:10.845445834Z"), flow.getGcp().getEntryTimeMs());
        assertEquals("6|10.87.40.76|5601|203.0.113.12|33478", flow.getGcp().getFlowKey());
        assertEquals("", flow.getGcp().getDisposition());
        assertTrue(flow.getExtraMap().isEmpty());
        assertEquals(VPC_KEY, flow.getProvenance().getObjectKey());
        assertEquals(1, flow.getRecordIndex());
    }

    @Test
    void readsTheBeatsDestReportFromTheDestinationSide() throws IOException {
        Flow flow = parse(new GcpVpcFlowParser(), VPC_KEY, "beats/gcp_vpcflow/vpc-flow-log-entries.json.log.head").flows.get(1);

        assertEquals(Reporter.DEST, flow.getReporter());
        assertEquals(Direction.INGRESS, flow.getDirection());
        assertEquals(ip("198.51.100.248"), flow.getSrcAddr());
        assertEquals(ip("10.87.40.76"), flow.getDstAddr());
        assertEquals(173663, flow.getBytes());
        assertEquals(68, flow.getPackets());
        assertEquals(1, flow.getRttMs());
        assertEquals("kibana", flow.getObserver().getInstanceId(), "the reporter is the destination VM");
        assertEquals("elasticsearch", flow.getSrcDetails().getVmName());
        assertEquals("usa", flow.getSrcDetails().getCountry(), "the fixture gives the source both an instance and a location");
        assertEquals(15169, flow.getSrcDetails().getAsn());
        assertEquals("kibana", flow.getDstDetails().getVmName());
        assertEquals("default", flow.getDstDetails().getSubnetName());
    }

    @Test
    void givesBothDirectionsOfOneBeatsConnectionTheSameFlowKey() throws IOException {
        List<Flow> flows = parse(new GcpVpcFlowParser(), VPC_KEY, "beats/gcp_vpcflow/vpc-flow-log-entries.json.log.head").flows;
        // Lines 5 and 6: kibana:5601 -> 192.0.2.117:50646 (SRC) and its reverse, reported at kibana (DEST).
        Flow out = flows.get(4);
        Flow back = flows.get(5);

        assertEquals(out.getSrcAddr(), back.getDstAddr());
        assertEquals(out.getGcp().getFlowKey(), back.getGcp().getFlowKey());
        assertEquals("6|10.87.40.76|5601|192.0.2.117|50646", back.getGcp().getFlowKey());
        assertNotEquals(flows.get(0).getGcp().getFlowKey(), out.getGcp().getFlowKey());
        assertEquals(0, flows.get(3).getBytes(), "bytes_sent \"0\" is a value");
        assertTrue(flows.get(3).hasBytes());
        assertFalse(flows.get(3).hasRttMs(), "no rtt_msec in the entry");
        assertEquals("Saint Petersburg", flows.get(3).getDstDetails().getGeoRegion());
        assertEquals("Saint Petersburg", flows.get(3).getDstDetails().getCity());
        assertEquals(49505, flows.get(3).getDstDetails().getAsn());
    }

    @Test
    void agreesWithTheBeatsFirewallExpectedDocuments() throws IOException {
        Path log = peers.resolve("beats/gcp_firewall/rare.log");
        CollectingConsumer out = parse(new GcpFirewallParser(), FIREWALL_KEY, "beats/gcp_firewall/rare.log");
        JsonNode expected = JSON.readTree(peers.resolve("beats/gcp_firewall/rare.log-expected.json").toFile());
        List<Long> offsets = lineOffsets(Files.readAllBytes(log));

        assertEquals(List.of(), out.errors);
        assertEquals(expected.size(), out.flows.size());
        int compared = 0;
        for (int i = 0; i < expected.size(); i++) {
            compared += assertMatches(expected.get(i), out.flows.get(i), offsets.get(i), "rare.log entry " + (i + 1));
        }
        assertEquals(2 * COMPARED_KEYS.size(), compared, "every comparable key is in both documents");
    }

    @Test
    void readsTheBeatsFirewallProtocolNameAndPutsTheInstanceOnTheSideOfItsDirection() throws IOException {
        List<Flow> flows = parse(new GcpFirewallParser(), FIREWALL_KEY, "beats/gcp_firewall/rare.log").flows;

        Flow ingress = flows.get(0);
        assertEquals(17, ingress.getProtocol(), "\"protocol\":\"udp\" (beats leaves the number out)");
        assertEquals(Direction.INGRESS, ingress.getDirection());
        assertEquals(Reporter.DEST, ingress.getReporter());
        assertEquals("local-adrian-test", ingress.getObserver().getInstanceId());
        assertEquals("local-test", ingress.getObserver().getAccountId(), "the enforcing VM's project, not the host project test-beats");
        assertEquals("us-central1", ingress.getObserver().getRegion());
        assertEquals("us-central1-a", ingress.getObserver().getZone());
        assertEquals("mysubnet", ingress.getObserver().getSubnetId());
        assertEquals(1000, ingress.getGcp().getRulePriority());
        assertEquals("DENIED", ingress.getGcp().getDisposition());
        assertEquals(ingress.getStartMs(), ingress.getEndMs());
        assertFalse(ingress.hasBytes());
        assertFalse(ingress.hasPackets());

        Flow egress = flows.get(1);
        assertEquals(Direction.EGRESS, egress.getDirection());
        assertEquals(Reporter.SRC, egress.getReporter());
        assertEquals("local-adrian-test", egress.getSrcDetails().getVmName());
        assertEquals("test-es", egress.getDstDetails().getVmName());
    }

    @Test
    void readsTheBeatsFirewallTestEntries() throws IOException {
        CollectingConsumer out = parse(new GcpFirewallParser(), FIREWALL_KEY, "beats/gcp_firewall/test.log.head");

        assertEquals(List.of(), out.errors);
        assertEquals(List.of(Action.REJECT, Action.ACCEPT, Action.REJECT, Action.ACCEPT),
                out.flows.stream().map(Flow::getAction).toList());
        Flow dns = out.flows.get(0);
        assertEquals(17, dns.getProtocol());
        assertEquals(ip("175.16.199.1"), dns.getDstAddr());
        assertEquals(53, dns.getDstPort());
        assertEquals(Direction.EGRESS, dns.getDirection());
        assertEquals("adrian-test", dns.getSrcDetails().getVmName());
        assertEquals("usa", dns.getDstDetails().getCountry());
        assertEquals("network:default/firewall:adrian-test-1", dns.getRuleName());
        assertEquals(millis("2019-11-12T12:35:17.214711274Z"), dns.getStartMs());

        Flow rdp = out.flows.get(1);
        assertEquals("test-windows", rdp.getDstDetails().getVmName());
        assertEquals("omn", rdp.getSrcDetails().getCountry());
        assertEquals("Asia", rdp.getSrcDetails().getContinent());
        assertEquals("windows-isolated", rdp.getObserver().getVpcId());
        assertEquals("ALLOW", rdp.getGcp().getRuleAction());

        Flow krasnodar = out.flows.get(2);
        assertEquals("Krasnodar Krai", krasnodar.getSrcDetails().getGeoRegion());
        assertEquals("Krasnodar", krasnodar.getSrcDetails().getCity());

        Flow kibana = out.flows.get(3);
        assertEquals("test-kibana", kibana.getSrcDetails().getVmName(), "remote_instance and remote_location both describe the source");
        assertEquals("usa", kibana.getSrcDetails().getCountry());
        assertEquals("test-es", kibana.getDstDetails().getVmName());
    }

    /** The beats keys that mean what one of our fields means; each has a case in {@link #ourValue}. */
    private static final Set<String> COMPARED_KEYS = Set.of(
            "@timestamp", "source.address", "source.ip", "source.port", "source.domain",
            "destination.address", "destination.ip", "destination.port", "destination.domain", "event.id", "event.type",
            "gcp.source.instance.project_id", "gcp.source.instance.region", "gcp.source.instance.zone",
            "gcp.source.vpc.project_id", "gcp.source.vpc.subnetwork_name", "gcp.source.vpc.vpc_name",
            "gcp.destination.instance.project_id", "gcp.destination.instance.region", "gcp.destination.instance.zone",
            "gcp.destination.vpc.project_id", "gcp.destination.vpc.subnetwork_name", "gcp.destination.vpc.vpc_name",
            "gcp.firewall.rule_details.action", "gcp.firewall.rule_details.direction", "gcp.firewall.rule_details.priority",
            "log.logger", "log.offset", "network.name", "network.type", "rule.name");

    private static int assertMatches(JsonNode expected, Flow flow, long offset, String where) {
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (!COMPARED_KEYS.contains(key)) {
                continue;
            }
            String expectedValue = switch (key) {
                case "@timestamp" -> String.valueOf(millis(entry.getValue().asText()));
                // beats lists ["connection", "allowed"|"denied"]: the second word is the verdict.
                case "event.type" -> entry.getValue().get(1).asText().equals("denied") ? "REJECT" : "ACCEPT";
                default -> entry.getValue().asText();
            };
            assertEquals(expectedValue, ourValue(key, flow, offset), where + ": " + key);
            compared++;
        }
        return compared;
    }

    private static String ourValue(String key, Flow flow, long offset) {
        EndpointDetails src = flow.getSrcDetails();
        EndpointDetails dst = flow.getDstDetails();
        return switch (key) {
            case "@timestamp" -> String.valueOf(flow.getStartMs());
            case "source.address", "source.ip" -> address(flow.getSrcAddr());
            case "destination.address", "destination.ip" -> address(flow.getDstAddr());
            case "source.port" -> String.valueOf(flow.getSrcPort());
            case "destination.port" -> String.valueOf(flow.getDstPort());
            case "source.domain" -> src.getVmName();
            case "destination.domain" -> dst.getVmName();
            case "event.id" -> flow.getGcp().getInsertId();
            case "event.type" -> flow.getAction().name();
            case "gcp.source.instance.project_id" -> src.getProjectId();
            case "gcp.source.instance.region" -> src.getRegion();
            case "gcp.source.instance.zone" -> src.getZone();
            case "gcp.source.vpc.project_id" -> src.getVpcProjectId();
            case "gcp.source.vpc.subnetwork_name" -> src.getSubnetName();
            case "gcp.source.vpc.vpc_name" -> src.getVpcName();
            case "gcp.destination.instance.project_id" -> dst.getProjectId();
            case "gcp.destination.instance.region" -> dst.getRegion();
            case "gcp.destination.instance.zone" -> dst.getZone();
            case "gcp.destination.vpc.project_id" -> dst.getVpcProjectId();
            case "gcp.destination.vpc.subnetwork_name" -> dst.getSubnetName();
            case "gcp.destination.vpc.vpc_name" -> dst.getVpcName();
            case "gcp.firewall.rule_details.action" -> flow.getGcp().getRuleAction();
            case "gcp.firewall.rule_details.direction" -> flow.getGcp().getRuleDirection();
            case "gcp.firewall.rule_details.priority" -> String.valueOf(flow.getGcp().getRulePriority());
            case "log.logger" -> flow.getGcp().getLogName();
            case "log.offset" -> String.valueOf(offset);
            case "network.name" -> flow.getObserver().getVpcId();
            case "network.type" -> flow.getSrcAddr().size() == 4 ? "ipv4" : "ipv6";
            case "rule.name" -> flow.getRuleName();
            default -> throw new AssertionError("no mapping for beats key " + key);
        };
    }

    private static CollectingConsumer parse(FlowParser parser, String key, String fixture) throws IOException {
        return CollectingConsumer.parse(parser, key, Files.readAllBytes(peers.resolve(fixture)), ResumePoint.START, true);
    }

    private static List<Long> lineOffsets(byte[] bytes) {
        List<Long> offsets = new ArrayList<>(List.of(0L));
        for (int i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] == '\n') {
                offsets.add(i + 1L);
            }
        }
        return offsets;
    }

    static long millis(String rfc3339) {
        return Instant.parse(rfc3339).toEpochMilli();
    }

    private static String address(ByteString bytes) {
        try {
            return InetAddress.getByAddress(bytes.toByteArray()).getHostAddress();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
