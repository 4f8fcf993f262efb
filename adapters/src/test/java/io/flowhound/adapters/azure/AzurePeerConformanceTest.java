package io.flowhound.adapters.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowhound.adapters.FlowParser;
import io.flowhound.proto.Action;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Direction;
import io.flowhound.proto.Flow;
import io.flowhound.proto.FlowState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the Azure parsers against the Elastic integrations' Azure fixtures
 * (shared/fixtures/peers/integrations/azure_nsg and azure_vnet, see the folder's README) and the
 * composed samples of formats.md 4.4 and 5.3.
 *
 * <ul>
 *   <li>Every key of the peers' expected documents is compared where it means what one of our
 *       fields means; the keys that are not are listed in {@link #NOT_COMPARED} with the reason.</li>
 *   <li>Every tuple of the full sample documents (and of formats.md's samples) is checked field by
 *       field: our flow, written back in the tuple layout, must be the tuple as Azure wrote it,
 *       and its group's rule and MAC and its record's ids must be on the flow.</li>
 * </ul>
 *
 * <p>Deliberate differences from the peers:
 * <ul>
 *   <li>The peers' per-record inputs ({@code test-*.log}) hold one bare record per line, as the
 *       Elastic pipeline receives them after splitting {@code records}; we read documents, so the
 *       test wraps the line in {@code {"records":[…]}}.</li>
 *   <li>The peers keep the category and operation name; they are constant per format
 *       ({@code NetworkSecurityGroupFlowEvent}, {@code FlowLogFlowEvent}), so we do not.</li>
 *   <li>The VNet peer dedups ECS arrays across tuples ({@code destination.bytes: [0]}); we have
 *       one flow per tuple, so those arrays are compared with the set of our values.</li>
 *   <li>The peers spell enums as words (Allowed, Outbound, End, TCP); we have enums and IANA numbers.</li>
 * </ul>
 *
 * <p>The folders are read from {@code -Dflowhound.peers} (default {@code ../../shared/fixtures/peers})
 * and formats.md from {@code -Dflowhound.docs} (default {@code ../../shared/docs}); each part is
 * skipped, saying so, when its folder is absent.
 */
class AzurePeerConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Expected keys without a counterpart in our flow, and why. */
    private static final Set<String> NOT_COMPARED = Set.of(
            "ecs.version", "event.category", "event.kind", "event.type", "event.original", "tags",
            "azure_network_watcher_nsg.log.category", "azure_network_watcher_nsg.log.operation_name",
            "azure_network_watcher_vnet.log.category", "azure_network_watcher_vnet.log.operation_name");

    private static Path peers;
    private static Path docs;

    @BeforeAll
    static void locateFixtures() {
        peers = Path.of(System.getProperty("flowhound.peers", "../../shared/fixtures/peers"));
        docs = Path.of(System.getProperty("flowhound.docs", "../../shared/docs"));
    }

    private static void assumePeers(String folder) {
        assumeTrue(Files.isDirectory(peers.resolve(folder)), "peer fixtures not found at "
                + peers.resolve(folder).toAbsolutePath() + "; set -Dflowhound.peers=<folder> to run this test");
    }

    @Test
    void agreesWithThePeersExpectedNsgDocumentKeyByKey() throws IOException {
        assumePeers("integrations/azure_nsg");
        Path input = peers.resolve("integrations/azure_nsg/test-nsg.log");
        String record = Files.readString(input).strip();
        JsonNode expected = JSON.readTree(peers.resolve("integrations/azure_nsg/test-nsg.log-expected.json").toFile())
                .get("expected").get(0);

        Flow flow = CollectedFlows.parse(new AzureNsgParser(), "{\"records\":[" + record + "]}").onlyFlow();

        JsonNode log = expected.at("/azure_network_watcher_nsg/log");
        JsonNode group = log.at("/properties/flows/0");
        JsonNode tuple = group.at("/flows/0/tuples/0");
        List<String> compared = new ArrayList<>();
        compare(compared, "@timestamp", millis(expected.get("@timestamp")), flow.getAzure().getRecordTimeMs());
        compare(compared, "azure_network_watcher_nsg.log.time", millis(log.get("time")), flow.getAzure().getRecordTimeMs());
        compare(compared, "azure_network_watcher_nsg.log.resource_id", log.get("resource_id").asText(), flow.getAzure().getSecurityGroup());
        compare(compared, "azure_network_watcher_nsg.log.system_id", log.get("system_id").asText(), flow.getAzure().getSystemId());
        compare(compared, "azure_network_watcher_nsg.log.properties.version", log.at("/properties/version").asInt(), flow.getVersion());
        compare(compared, "azure_network_watcher_nsg.log.properties.flows.rule", group.get("rule").asText(), flow.getRuleName());
        compare(compared, "azure_network_watcher_nsg.log.properties.flows.flows.mac", group.at("/flows/0/mac").asText(),
                flow.getAzure().getMac());
        compare(compared, "tuples.timestamp", millis(tuple.get("timestamp")), flow.getStartMs());
        compare(compared, "tuples.source.ip", tuple.at("/source/ip").asText(), address(flow.getSrcAddr().toByteArray()));
        compare(compared, "tuples.source.port", tuple.at("/source/port").asInt(), flow.getSrcPort());
        compare(compared, "tuples.destination.ip", tuple.at("/destination/ip").asText(), address(flow.getDstAddr().toByteArray()));
        compare(compared, "tuples.destination.port", tuple.at("/destination/port").asInt(), flow.getDstPort());
        compare(compared, "tuples.protocol", tuple.get("protocol").asText(), flow.getProtocol() == 6 ? "TCP" : "UDP");
        compare(compared, "tuples.traffic.flow", tuple.at("/traffic/flow").asText(),
                flow.getDirection() == Direction.EGRESS ? "Outbound" : "Inbound");
        compare(compared, "tuples.traffic.decision", tuple.at("/traffic/decision").asText(),
                flow.getAction() == Action.ACCEPT ? "Allowed" : "Denied");
        compare(compared, "tuples.flow_state", tuple.get("flow_state").asText(), stateWord(flow.getFlowState()));
        compare(compared, "tuples.packets.sent", tuple.at("/packets/sent").asLong(), flow.getPackets());
        compare(compared, "tuples.bytes.sent", tuple.at("/bytes/sent").asLong(), flow.getBytes());
        compare(compared, "tuples.packets.received", tuple.at("/packets/received").asLong(), flow.getPacketsReverse());
        compare(compared, "tuples.bytes.received", tuple.at("/bytes/received").asLong(), flow.getBytesReverse());
        compareEcs(compared, expected, List.of(flow));
        assertEquals(Cloud.AZURE, flow.getCloud());
        assertEquals("00000000-0000-0000-0000-000000000000", flow.getObserver().getAccountId(), "the subscription in resource_id");
        assertEveryKeyAccountedFor(expected, compared);
    }

    @Test
    void agreesWithThePeersExpectedVnetDocumentKeyByKey() throws IOException {
        assumePeers("integrations/azure_vnet");
        String record = Files.readString(peers.resolve("integrations/azure_vnet/test-vnet.log")).strip();
        JsonNode expected = JSON.readTree(peers.resolve("integrations/azure_vnet/test-vnet.log-expected.json").toFile())
                .get("expected").get(0);

        List<Flow> flows = CollectedFlows.parse(new AzureVnetParser(), "{\"records\":[" + record + "]}").withoutErrors().flows;

        JsonNode log = expected.at("/azure_network_watcher_vnet/log");
        JsonNode acl = log.at("/records/flows/0");
        JsonNode group = acl.at("/groups/0");
        assertEquals(group.get("tuples").size(), flows.size());
        List<String> compared = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            Flow flow = flows.get(i);
            JsonNode tuple = group.get("tuples").get(i);
            compare(compared, "@timestamp", millis(expected.get("@timestamp")), flow.getAzure().getRecordTimeMs());
            compare(compared, "azure_network_watcher_vnet.log.time", millis(log.get("time")), flow.getAzure().getRecordTimeMs());
            compare(compared, "azure_network_watcher_vnet.log.flow_log.guid", log.at("/flow_log/guid").asText(),
                    flow.getAzure().getFlowLogGuid());
            compare(compared, "azure_network_watcher_vnet.log.flow_log.resource_id", log.at("/flow_log/resource_id").asText(),
                    flow.getAzure().getFlowLogResourceId());
            compare(compared, "azure_network_watcher_vnet.log.flow_log.version", log.at("/flow_log/version").asInt(),
                    flow.getVersion());
            compare(compared, "azure_network_watcher_vnet.log.mac_address", log.get("mac_address").asText(),
                    flow.getAzure().getMac());
            compare(compared, "azure_network_watcher_vnet.log.target_resource_id", log.get("target_resource_id").asText(),
                    flow.getAzure().getTargetResourceId());
            compare(compared, "records.flows.acl_id", acl.get("acl_id").asText(), flow.getAzure().getAclId());
            compare(compared, "records.flows.groups.rule", group.get("rule").asText(), flow.getRuleName());
            compare(compared, "tuples.timestamp", millis(tuple.get("timestamp")), flow.getStartMs());
            compare(compared, "tuples.source.ip", tuple.at("/source/ip").asText(), address(flow.getSrcAddr().toByteArray()));
            compare(compared, "tuples.source.port", tuple.at("/source/port").asInt(), flow.getSrcPort());
            compare(compared, "tuples.destination.ip", tuple.at("/destination/ip").asText(),
                    address(flow.getDstAddr().toByteArray()));
            compare(compared, "tuples.destination.port", tuple.at("/destination/port").asInt(), flow.getDstPort());
            compare(compared, "tuples.protocol", tuple.get("protocol").asInt(), flow.getProtocol());
            compare(compared, "tuples.flow.direction", tuple.at("/flow/direction").asText(),
                    flow.getDirection() == Direction.EGRESS ? "Outbound" : "Inbound");
            compare(compared, "tuples.flow.state", tuple.at("/flow/state").asText(), stateWord(flow.getFlowState()));
            compare(compared, "tuples.flow.encryption", tuple.at("/flow/encryption").asText(), flow.getAzure().getEncryption());
            compare(compared, "tuples.packets.sent", tuple.at("/packets/sent").asLong(), flow.getPackets());
            compare(compared, "tuples.bytes.sent", tuple.at("/bytes/sent").asLong(), flow.getBytes());
            compare(compared, "tuples.packets.received", tuple.at("/packets/received").asLong(), flow.getPacketsReverse());
            compare(compared, "tuples.bytes.received", tuple.at("/bytes/received").asLong(), flow.getBytesReverse());
        }
        compareEcs(compared, expected, flows);
        assertEveryKeyAccountedFor(expected, compared);
    }

    @Test
    void readsEveryTupleOfTheNsgSampleDocumentAsAzureWroteIt() throws IOException {
        assumePeers("integrations/azure_nsg");
        assertReadsEveryTuple(new AzureNsgParser(), Files.readString(peers.resolve("integrations/azure_nsg/sample_logs/testdata.log")), 11);
    }

    @Test
    void readsEveryTupleOfTheVnetSampleDocumentAsAzureWroteIt() throws IOException {
        assumePeers("integrations/azure_vnet");
        assertReadsEveryTuple(new AzureVnetParser(), Files.readString(peers.resolve("integrations/azure_vnet/sample_logs/testdata.log")), 19);
    }

    @Test
    void readsEveryTupleOfTheComposedSamples() throws IOException {
        assertReadsEveryTuple(new AzureNsgParser(), AzureSamples.NSG_V1, 3);
        assertReadsEveryTuple(new AzureNsgParser(), AzureSamples.NSG_V2, 4);
        assertReadsEveryTuple(new AzureVnetParser(), AzureSamples.VNET, 3);
        assertReadsEveryTuple(new AzureVnetParser(), AzureSamples.VNET_ENCRYPTION_DENY, 1);
    }

    @Test
    void theComposedSamplesAreFormatsMdsOwn() throws IOException {
        Path formats = docs.resolve("formats.md");
        assumeTrue(Files.isRegularFile(formats), "formats.md not found at " + formats.toAbsolutePath()
                + "; set -Dflowhound.docs=<folder> to run this test");
        Matcher block = Pattern.compile("```json\\n(\\{\"records\".*?)\\n```", Pattern.DOTALL).matcher(Files.readString(formats));
        List<String> documented = new ArrayList<>();
        while (block.find()) {
            documented.add(block.group(1));
        }
        assertEquals(List.of(AzureSamples.NSG_V1, AzureSamples.NSG_V2, AzureSamples.VNET, AzureSamples.VNET_ENCRYPTION_DENY),
                documented, "formats.md sections 4.4 and 5.3, in order");
    }

    /**
     * Every tuple string in {@code document} must come back from its flow, and the flow must carry
     * its group's rule and MAC and its record's ids.
     */
    private static void assertReadsEveryTuple(FlowParser parser, String document, int expectedTuples) throws IOException {
        List<Flow> flows = CollectedFlows.parse(parser, document).withoutErrors().flows;
        boolean vnet = parser instanceof AzureVnetParser;
        int next = 0;
        int recordIndex = 0;
        for (JsonNode record : JSON.readTree(document).get("records")) {
            recordIndex++;
            int tupleIndex = 0;
            List<JsonNode[]> groups = new ArrayList<>();  // {rule group or ACL, MAC group or flow group}
            if (vnet) {
                for (JsonNode acl : record.at("/flowRecords/flows")) {
                    for (JsonNode group : acl.get("flowGroups")) {
                        groups.add(new JsonNode[] {acl, group});
                    }
                }
            } else {
                for (JsonNode rule : record.at("/properties/flows")) {
                    for (JsonNode macGroup : rule.get("flows")) {
                        groups.add(new JsonNode[] {rule, macGroup});
                    }
                }
            }
            for (JsonNode[] group : groups) {
                for (JsonNode tuple : group[1].get("flowTuples")) {
                    Flow flow = flows.get(next++);
                    tupleIndex++;
                    String where = "record " + recordIndex + " tuple " + tupleIndex;
                    assertEquals(recordIndex, flow.getRecordIndex(), where);
                    assertEquals(tupleIndex, flow.getTupleIndex(), where);
                    assertEquals(tuple.asText(), vnet ? vnetTuple(flow) : nsgTuple(flow), where);
                    assertEquals(millis(record.get("time")), flow.getAzure().getRecordTimeMs(), where);
                    assertEquals(Cloud.AZURE, flow.getCloud(), where);
                    if (vnet) {
                        assertEquals(group[0].get("aclID").asText(), flow.getAzure().getAclId(), where);
                        assertEquals(group[1].get("rule").asText(), flow.getRuleName(), where);
                        assertEquals(MacAddressFormat.normalize(record.get("macAddress").asText()), flow.getAzure().getMac(), where);
                        assertEquals(record.get("flowLogVersion").asInt(), flow.getVersion(), where);
                        assertEquals(record.get("flowLogGUID").asText(), flow.getAzure().getFlowLogGuid(), where);
                        assertEquals(record.get("flowLogResourceID").asText(), flow.getAzure().getFlowLogResourceId(), where);
                        assertEquals(record.get("targetResourceID").asText(), flow.getAzure().getTargetResourceId(), where);
                        assertTrue(record.get("targetResourceID").asText().toLowerCase().contains(
                                "/subscriptions/" + flow.getObserver().getAccountId() + "/"), where);
                    } else {
                        assertEquals(group[0].get("rule").asText(), flow.getRuleName(), where);
                        assertEquals(MacAddressFormat.normalize(group[1].get("mac").asText()), flow.getAzure().getMac(), where);
                        assertEquals(record.at("/properties/Version").asInt(), flow.getVersion(), where);
                        assertEquals(record.get("resourceId").asText(), flow.getAzure().getSecurityGroup(), where);
                        assertEquals(record.get("systemId").asText(), flow.getAzure().getSystemId(), where);
                        assertTrue(flow.getAzure().getSecurityGroup().endsWith("/" + flow.getAzure().getNsgName()), where);
                        assertTrue(record.get("resourceId").asText().toLowerCase().contains(
                                "/subscriptions/" + flow.getObserver().getAccountId() + "/resourcegroups/"
                                        + flow.getAzure().getResourceGroup().toLowerCase() + "/"), where);
                    }
                }
            }
        }
        assertEquals(expectedTuples, next);
        assertEquals(next, flows.size());
    }

    /** A flow written back as an NSG tuple (formats.md 4.3). */
    private static String nsgTuple(Flow flow) throws UnknownHostException {
        String tuple = String.join(",", String.valueOf(flow.getStartMs() / 1000), address(flow.getSrcAddr().toByteArray()),
                address(flow.getDstAddr().toByteArray()), String.valueOf(flow.getSrcPort()), String.valueOf(flow.getDstPort()),
                flow.getProtocol() == 6 ? "T" : flow.getProtocol() == 17 ? "U" : "?",
                flow.getDirection() == Direction.INGRESS ? "I" : "O", flow.getAction() == Action.ACCEPT ? "A" : "D");
        if (flow.getVersion() == 1) {
            return tuple;
        }
        return tuple + "," + String.join(",", stateWord(flow.getFlowState()).substring(0, 1), counters(flow));
    }

    /** A flow written back as a VNet tuple (formats.md 5.2). */
    private static String vnetTuple(Flow flow) throws UnknownHostException {
        String state = flow.getFlowState() == FlowState.DENIED ? "D" : stateWord(flow.getFlowState()).substring(0, 1);
        return String.join(",", String.valueOf(flow.getStartMs()), address(flow.getSrcAddr().toByteArray()),
                address(flow.getDstAddr().toByteArray()), String.valueOf(flow.getSrcPort()), String.valueOf(flow.getDstPort()),
                String.valueOf(flow.getProtocol()), flow.getDirection() == Direction.INGRESS ? "I" : "O", state,
                flow.getAzure().getEncryption(), counters(flow));
    }

    private static String counters(Flow flow) {
        return String.join(",", flow.hasPackets() ? String.valueOf(flow.getPackets()) : "",
                flow.hasBytes() ? String.valueOf(flow.getBytes()) : "",
                flow.hasPacketsReverse() ? String.valueOf(flow.getPacketsReverse()) : "",
                flow.hasBytesReverse() ? String.valueOf(flow.getBytesReverse()) : "");
    }

    /** The ECS keys the peers derive from the tuples, as sets over our flows. */
    private static void compareEcs(List<String> compared, JsonNode expected, List<Flow> flows) throws UnknownHostException {
        Set<String> sources = new TreeSet<>();
        Set<String> destinations = new TreeSet<>();
        for (Flow flow : flows) {
            sources.add(address(flow.getSrcAddr().toByteArray()));
            destinations.add(address(flow.getDstAddr().toByteArray()));
        }
        Set<String> related = new TreeSet<>(sources);
        related.addAll(destinations);
        compareSet(compared, expected, "source.ip", sources);
        compareSet(compared, expected, "destination.ip", destinations);
        compareSet(compared, expected, "related.ip", related);
        compareSet(compared, expected, "source.port", values(flows, f -> f.getSrcPort()));
        compareSet(compared, expected, "destination.port", values(flows, f -> f.getDstPort()));
        compareSet(compared, expected, "source.packets", values(flows, Flow::getPackets));
        compareSet(compared, expected, "source.bytes", values(flows, Flow::getBytes));
        compareSet(compared, expected, "destination.packets", values(flows, Flow::getPacketsReverse));
        compareSet(compared, expected, "destination.bytes", values(flows, Flow::getBytesReverse));
        compareSet(compared, expected, "rule.name", values(flows, Flow::getRuleName));
        compareSet(compared, expected, "source.mac", values(flows, f -> f.getAzure().getMac()));
        compareSet(compared, expected, "network.direction",
                values(flows, f -> f.getDirection() == Direction.EGRESS ? "outbound" : "inbound"));
        if (expected.at("/network/transport").isArray()) {
            compareSet(compared, expected, "network.transport", values(flows, f -> f.getProtocol() == 6 ? "tcp" : "udp"));
        }
        if (expected.at("/network/iana_number").isArray()) {
            compareSet(compared, expected, "network.iana_number", values(flows, Flow::getProtocol));
        }
    }

    private static Set<String> values(List<Flow> flows, java.util.function.Function<Flow, Object> field) {
        return flows.stream().map(field).map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void compareSet(List<String> compared, JsonNode expected, String dottedKey, Set<String> ours) {
        JsonNode node = expected.at("/" + dottedKey.replace('.', '/'));
        assertTrue(!node.isMissingNode(), "the peer has " + dottedKey);
        Set<String> theirs = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(v -> theirs.add(v.asText()));
        } else {
            theirs.add(node.asText());
        }
        assertEquals(theirs, ours, dottedKey);
        compared.add(dottedKey);
    }

    private static void compare(List<String> compared, String key, Object expected, Object ours) {
        assertEquals(String.valueOf(expected), String.valueOf(ours), key);
        compared.add(key);
    }

    /** Every leaf of the expected document was compared above or is listed as not comparable. */
    private static void assertEveryKeyAccountedFor(JsonNode expected, List<String> compared) {
        List<String> leaves = new ArrayList<>();
        leaves(expected, "", leaves);
        for (String leaf : leaves) {
            String key = leaf.replaceAll("\\.(records|properties)\\.flows\\.", ".$1.flows.");
            boolean covered = NOT_COMPARED.contains(leaf)
                    || compared.stream().anyMatch(c -> key.equals(c) || key.endsWith("." + c));
            assertTrue(covered, "peer key " + leaf + " is neither compared nor listed as not comparable");
        }
    }

    private static void leaves(JsonNode node, String prefix, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            node.forEach(element -> leaves(element, prefix, out));
        } else if (!out.contains(prefix)) {
            out.add(prefix);
        }
    }

    private static long millis(JsonNode time) {
        return Instant.parse(time.asText()).toEpochMilli();
    }

    private static String stateWord(FlowState state) {
        return switch (state) {
            case BEGIN -> "Begin";
            case CONTINUE -> "Continue";
            case END -> "End";
            case DENIED -> "Deny";
            default -> "";
        };
    }

    private static String address(byte[] bytes) throws UnknownHostException {
        return InetAddress.getByAddress(bytes).getHostAddress();
    }
}
