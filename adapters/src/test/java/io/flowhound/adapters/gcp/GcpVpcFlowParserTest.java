package io.flowhound.adapters.gcp;

import static io.flowhound.adapters.CollectingConsumer.parse;
import static io.flowhound.adapters.gcp.GcpPeerConformanceTest.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.adapters.IpAddressParser;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Action;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Direction;
import io.flowhound.proto.EndpointDetails;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Reporter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GcpVpcFlowParserTest {

    static final String LOG_NAME = "projects/acme-prod/logs/compute.googleapis.com%2Fvpc_flows";
    private static final String CONNECTION =
            "\"connection\":{\"dest_ip\":\"10.128.0.7\",\"dest_port\":8080,\"protocol\":6,\"src_ip\":\"10.128.0.9\",\"src_port\":40022}";

    private final GcpVpcFlowParser parser = new GcpVpcFlowParser();

    /** A sink line around {@code payload} (the inside of jsonPayload), keys in the sink's alphabetical order. */
    static String entry(String insertId, String payload) {
        return "{\"insertId\":\"" + insertId + "\",\"jsonPayload\":{" + payload + "},\"logName\":\"" + LOG_NAME + "\","
                + "\"receiveTimestamp\":\"2024-05-03T10:16:40.101010101Z\",\"resource\":{\"labels\":{\"location\":\"us-central1-b\","
                + "\"project_id\":\"acme-host\",\"subnetwork_id\":\"4411223344556677890\",\"subnetwork_name\":\"api\"},"
                + "\"type\":\"gce_subnetwork\"},\"timestamp\":\"2024-05-03T10:16:40.101010101Z\"}";
    }

    private static String vmToVm(String reporter, String times, String counters) {
        return CONNECTION + ",\"dest_instance\":{\"project_id\":\"acme-prod\",\"region\":\"us-central1\",\"vm_name\":\"web-1\","
                + "\"zone\":\"us-central1-a\"},\"dest_vpc\":{\"project_id\":\"acme-host\",\"subnetwork_name\":\"web\",\"vpc_name\":\"prod\"},"
                + times + "," + counters + ",\"reporter\":\"" + reporter + "\",\"src_instance\":{\"project_id\":\"acme-prod\","
                + "\"region\":\"us-central1\",\"vm_name\":\"api-3\",\"zone\":\"us-central1-b\"},\"src_vpc\":{\"project_id\":\"acme-host\","
                + "\"subnetwork_name\":\"api\",\"vpc_name\":\"prod\"}";
    }

    private static final String TIMES = "\"end_time\":\"2024-05-03T10:16:10.000000000Z\",\"start_time\":\"2024-05-03T10:16:05.000000000Z\"";
    private static final String COUNTERS = "\"bytes_sent\":\"2048\",\"packets_sent\":\"8\",\"rtt_msec\":\"3\"";

    @Test
    void readsASrcReportFromTheSourceVmsSide() {
        Flow flow = parse(parser, entry("a1", vmToVm("SRC", TIMES, COUNTERS)) + "\n").onlyFlow();

        assertEquals(Cloud.GCP, flow.getCloud());
        assertEquals(ip("10.128.0.9"), flow.getSrcAddr());
        assertEquals(ip("10.128.0.7"), flow.getDstAddr());
        assertEquals(40022, flow.getSrcPort());
        assertEquals(8080, flow.getDstPort());
        assertEquals(6, flow.getProtocol());
        assertEquals(2048, flow.getBytes());
        assertEquals(8, flow.getPackets());
        assertEquals(3, flow.getRttMs());
        assertEquals(millis("2024-05-03T10:16:05Z"), flow.getStartMs());
        assertEquals(millis("2024-05-03T10:16:10Z"), flow.getEndMs());
        assertEquals(Reporter.SRC, flow.getReporter());
        assertEquals(Direction.EGRESS, flow.getDirection(), "a SRC report is traffic leaving the reporting VM");
        assertEquals(Action.ACTION_UNSPECIFIED, flow.getAction());
        assertEquals("acme-prod", flow.getObserver().getAccountId(), "the reporting VM's project, not the host project of the log");
        assertEquals("us-central1", flow.getObserver().getRegion());
        assertEquals("us-central1-b", flow.getObserver().getZone());
        assertEquals("prod", flow.getObserver().getVpcId());
        assertEquals("api", flow.getObserver().getSubnetId());
        assertEquals("api-3", flow.getObserver().getInstanceId());
        assertEquals("", flow.getObserver().getInterfaceId());
        assertEquals("acme-prod", flow.getSrcDetails().getProjectId());
        assertEquals("acme-host", flow.getSrcDetails().getVpcProjectId());
        assertEquals("web-1", flow.getDstDetails().getVmName());
        assertEquals("web", flow.getDstDetails().getSubnetName());
        assertEquals("a1", flow.getGcp().getInsertId());
        assertEquals(LOG_NAME, flow.getGcp().getLogName());
        assertEquals(millis("2024-05-03T10:16:40.101Z"), flow.getGcp().getEntryTimeMs());
        assertEquals("6|10.128.0.7|8080|10.128.0.9|40022", flow.getGcp().getFlowKey());
        assertEquals(CollectingConsumer.SOURCE, flow.getProvenance().getSource());
        assertEquals(1, flow.getRecordIndex());
    }

    @Test
    void readsADestReportFromTheDestinationVmsSide() {
        Flow flow = parse(parser, entry("a2", vmToVm("DEST", TIMES, COUNTERS)) + "\n").onlyFlow();

        assertEquals(Reporter.DEST, flow.getReporter());
        assertEquals(Direction.INGRESS, flow.getDirection(), "a DEST report is traffic arriving at the reporting VM");
        assertEquals("web-1", flow.getObserver().getInstanceId());
        assertEquals("us-central1-a", flow.getObserver().getZone());
        assertEquals("web", flow.getObserver().getSubnetId());
        assertEquals("acme-prod", flow.getObserver().getAccountId());
    }

    @Test
    void givesTheSrcAndTheDestReportOfOneConnectionTheSameFlowKey() {
        // The two ends sample independently: different counts and slightly different times (formats.md 2.5 item 1).
        List<Flow> flows = parse(parser, entry("s", vmToVm("SRC", TIMES, COUNTERS)) + "\n"
                + entry("d", vmToVm("DEST", "\"end_time\":\"2024-05-03T10:16:10.093000000Z\","
                        + "\"start_time\":\"2024-05-03T10:16:04.998000000Z\"", "\"bytes_sent\":\"1900\",\"packets_sent\":\"7\"")) + "\n"
                + entry("r", "\"connection\":{\"dest_ip\":\"10.128.0.9\",\"dest_port\":40022,\"protocol\":6,\"src_ip\":\"10.128.0.7\","
                        + "\"src_port\":8080},\"reporter\":\"SRC\"") + "\n"
                + entry("u", CONNECTION.replace("\"protocol\":6", "\"protocol\":17") + ",\"reporter\":\"SRC\"") + "\n").flows;

        assertEquals(4, flows.size());
        String key = flows.get(0).getGcp().getFlowKey();
        assertEquals(key, flows.get(1).getGcp().getFlowKey(), "SRC and DEST report of the same flow");
        assertEquals(key, flows.get(2).getGcp().getFlowKey(), "the reply direction of the same connection");
        assertEquals("17|10.128.0.7|8080|10.128.0.9|40022", flows.get(3).getGcp().getFlowKey(), "another protocol, another key");
        assertEquals(Reporter.SRC, flows.get(0).getReporter());
        assertEquals(Reporter.DEST, flows.get(1).getReporter());
    }

    @Test
    void leavesPortsUnsetForIcmp() {
        Flow flow = parse(parser, entry("i", "\"bytes_sent\":\"84\",\"connection\":{\"dest_ip\":\"10.128.0.7\",\"protocol\":1,"
                + "\"src_ip\":\"10.128.0.9\"},\"packets_sent\":\"1\",\"reporter\":\"DEST\"") + "\n").onlyFlow();

        assertEquals(1, flow.getProtocol());
        assertFalse(flow.hasSrcPort());
        assertFalse(flow.hasDstPort());
        assertEquals("1|10.128.0.7||10.128.0.9|", flow.getGcp().getFlowKey());
        assertFalse(flow.hasDstDetails(), "no dest blocks in the entry");
        assertEquals("acme-host", flow.getObserver().getAccountId(), "without instance or VPC blocks: the log's project");
        assertEquals("api", flow.getObserver().getSubnetId(), "without a VPC block: the gce_subnetwork resource's subnet");
        assertEquals("", flow.getObserver().getInstanceId());
    }

    @Test
    void readsIpv6AddressesAndWritesThemCanonicallyInTheFlowKey() {
        Flow flow = parse(parser, entry("v6", "\"connection\":{\"dest_ip\":\"2001:db8::7\",\"dest_port\":443,\"protocol\":6,"
                + "\"src_ip\":\"2001:DB8:0:0:0:0:ff:1\",\"src_port\":50000},\"reporter\":\"SRC\"") + "\n").onlyFlow();

        assertEquals(ip("2001:db8::ff:1"), flow.getSrcAddr());
        assertEquals(ip("2001:db8::7"), flow.getDstAddr());
        assertEquals("6|2001:db8:0:0:0:0:0:7|443|2001:db8:0:0:0:0:ff:1|50000", flow.getGcp().getFlowKey());
    }

    @Test
    void readsGkeGoogleServiceGroupRoutingAndDscpDetails() {
        Flow flow = parse(parser, entry("g", "\"bytes_sent\":\"512\",\"connection\":{\"dest_ip\":\"199.36.153.8\",\"dest_port\":443,"
                + "\"protocol\":6,\"src_ip\":\"10.8.0.14\",\"src_port\":41000},\"dest_google_service\":{\"connectivity\":\"PUBLIC_IP\","
                + "\"service_name\":\"logging.googleapis.com\",\"type\":\"GOOGLE_API\"},\"disposition\":\"ALLOWED\","
                + "\"internet_routing_details\":{\"egress_as_path\":[{\"as_details\":[{\"asn\":15169},{\"asn\":64500}]},"
                + "{\"as_details\":[{\"asn\":1}]}]},\"network_service\":{\"dscp\":46},\"packets_sent\":\"4\",\"reporter\":\"SRC\","
                + "\"src_gke_details\":{\"cluster\":{\"cluster_location\":\"us-central1\",\"cluster_name\":\"shop\"},"
                + "\"pod\":{\"pod_name\":\"cart-7d9f-x2\",\"pod_namespace\":\"prod\",\"pod_workload\":{\"workload_name\":\"cart\","
                + "\"workload_type\":\"DEPLOYMENT\"}},\"service\":[{\"service_name\":\"cart\",\"service_namespace\":\"prod\"},"
                + "{\"service_name\":\"cart-internal\",\"service_namespace\":\"prod\"}]},\"src_instance\":{\"managed_instance_group\":"
                + "{\"name\":\"gke-shop-pool-1-grp\",\"zone\":\"us-central1-c\"},\"project_id\":\"acme-prod\",\"region\":\"us-central1\","
                + "\"vm_name\":\"gke-shop-pool-1-abcd\",\"zone\":\"us-central1-c\"},\"src_vpc\":{\"project_id\":\"acme-prod\","
                + "\"subnetwork_name\":\"gke\",\"subnetwork_region\":\"us-central1\",\"vpc_name\":\"prod\"}") + "\n").onlyFlow();

        assertEquals(EndpointDetails.newBuilder().setProjectId("acme-prod").setVmName("gke-shop-pool-1-abcd").setRegion("us-central1")
                .setZone("us-central1-c").setManagedInstanceGroup("gke-shop-pool-1-grp").setVpcName("prod").setSubnetName("gke")
                .setVpcProjectId("acme-prod").setGkeCluster("shop").setGkeClusterLocation("us-central1").setGkeNamespace("prod")
                .setGkePod("cart-7d9f-x2").setGkeWorkload("cart").setGkeWorkloadType("DEPLOYMENT").setGkeService("cart,cart-internal")
                .build(), flow.getSrcDetails());
        assertEquals(EndpointDetails.newBuilder().setGoogleService("logging.googleapis.com").setGoogleServiceType("GOOGLE_API")
                .setGoogleServiceConnectivity("PUBLIC_IP").build(), flow.getDstDetails());
        assertEquals(List.of(15169, 64500), flow.getGcp().getEgressAsPathList(), "the first AS path");
        assertEquals(46, flow.getGcp().getDscp());
        assertEquals("ALLOWED", flow.getGcp().getDisposition());
        assertEquals(Action.ACCEPT, flow.getAction());
    }

    @Test
    void takesTheRegionFromTheSubnetworkWhenThereIsNoInstanceBlock() {
        Flow flow = parse(parser, entry("r", CONNECTION + ",\"reporter\":\"SRC\",\"src_vpc\":{\"project_id\":\"acme-host\","
                + "\"subnetwork_name\":\"serverless\",\"subnetwork_region\":\"europe-west1\",\"vpc_name\":\"prod\"}") + "\n").onlyFlow();

        assertEquals("europe-west1", flow.getObserver().getRegion());
        assertEquals("acme-host", flow.getObserver().getAccountId(), "the VPC's project without an instance block");
        assertEquals("serverless", flow.getObserver().getSubnetId());
        assertEquals("", flow.getObserver().getZone());
    }

    @ParameterizedTest
    @CsvSource({"ALLOWED, ACCEPT", "DENIED, REJECT", "DROPPED, REJECT", "INTERCEPTED, ACTION_UNSPECIFIED",
            "SOMETHING_NEW, ACTION_UNSPECIFIED"})
    void mapsTheDispositionToTheActionAndKeepsItAsWritten(String disposition, Action action) {
        Flow flow = parse(parser, entry("x", CONNECTION + ",\"disposition\":\"" + disposition + "\",\"reporter\":\"SRC\"") + "\n")
                .onlyFlow();

        assertEquals(action, flow.getAction());
        assertEquals(disposition, flow.getGcp().getDisposition());
    }

    @ParameterizedTest
    @CsvSource({"SRC_GATEWAY, SRC_GATEWAY", "DEST_GATEWAY, DEST_GATEWAY"})
    void leavesTheDirectionOfGatewayReportsUnspecified(String reporter, Reporter expected) {
        Flow flow = parse(parser, entry("gw", CONNECTION + ",\"reporter\":\"" + reporter + "\"") + "\n").onlyFlow();

        assertEquals(expected, flow.getReporter());
        assertEquals(Direction.DIRECTION_UNSPECIFIED, flow.getDirection());
    }

    @Test
    void readsTheNetworkManagementVariantAndTakesTheProjectFromTheLogName() {
        String line = "{\"insertId\":\"nm1\",\"jsonPayload\":{" + CONNECTION + ",\"reporter\":\"SRC\"},\"labels\":{"
                + "\"target_resource_name\":\"projects/123/global/networks/default\"},\"logName\":"
                + "\"projects/acme-net/logs/networkmanagement.googleapis.com%2Fvpc_flows\",\"resource\":{\"labels\":{"
                + "\"location\":\"global\",\"name\":\"cfg-1\",\"resource_container\":\"projects/123\"},\"type\":\"vpc_flow_logs_config\"},"
                + "\"timestamp\":\"2025-01-02T03:04:05.678Z\"}\n";
        Flow flow = parse(parser, line).onlyFlow();

        assertEquals("acme-net", flow.getObserver().getAccountId());
        assertEquals("", flow.getObserver().getSubnetId(), "a vpc_flow_logs_config resource names no subnet");
        assertEquals(millis("2025-01-02T03:04:05.678Z"), flow.getGcp().getEntryTimeMs());
    }

    @Test
    void acceptsIntegersWrittenAsNumbersOrStringsAndProtocolsByName() {
        Flow flow = parse(parser, entry("n", "\"bytes_sent\":4096,\"connection\":{\"dest_ip\":\"10.0.0.1\",\"dest_port\":\"53\","
                + "\"protocol\":\"udp\",\"src_ip\":\"10.0.0.2\",\"src_port\":5353},\"packets_sent\":\"2\",\"reporter\":\"SRC\","
                + "\"src_location\":{\"asn\":\"64500\"}") + "\n").onlyFlow();

        assertEquals(4096, flow.getBytes());
        assertEquals(53, flow.getDstPort());
        assertEquals(17, flow.getProtocol());
        assertEquals(64500, flow.getSrcDetails().getAsn());
    }

    @Test
    void keepsUnknownScalarPayloadFieldsInExtraAndSkipsUnknownBlocks() {
        Flow flow = parse(parser, entry("e", CONNECTION + ",\"reporter\":\"SRC\",\"round_trip_time\":{\"median_msec\":\"2\"},"
                + "\"sampling_rate\":0.5,\"src_gateway\":{\"name\":\"vpn-1\",\"type\":\"VPN_TUNNEL\"},\"new_flag\":true") + "\n")
                .onlyFlow();

        assertEquals(java.util.Map.of("sampling_rate", "0.5", "new_flag", "true"), flow.getExtraMap());
        assertFalse(flow.hasSrcDetails());
    }

    @Test
    void reportsEachBadLineWithItsLineNumberAndReadsTheRest() {
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        String good = entry("ok", CONNECTION + ",\"reporter\":\"SRC\"");
        write(object, good + "\n");
        write(object, good.substring(0, good.length() / 2) + "\n");                                         // 2: truncated JSON
        write(object, entry("t", CONNECTION + ",\"bytes_sent\":{\"value\":1},\"reporter\":\"SRC\"") + "\n");  // 3: wrong type
        byte[] nonUtf8 = (entry("u", CONNECTION + ",\"reporter\":\"SRC\",\"src_instance\":{\"vm_name\":\"caf#\"}") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < nonUtf8.length; i++) {
            nonUtf8[i] = nonUtf8[i] == '#' ? (byte) 0xE9 : nonUtf8[i];                                          // 4: Latin-1 é
        }
        object.writeBytes(nonUtf8);
        write(object, entry("r", CONNECTION + ",\"reporter\":\"SOURCE\"") + "\n");                         // 5: unknown reporter
        write(object, entry("s", CONNECTION + ",\"reporter\":\"SRC\",\"start_time\":\"2024-05-03 10:16:05\"") + "\n");  // 6
        write(object, entry("c", "\"reporter\":\"SRC\"") + "\n");                                           // 7: no connection
        write(object, "[1,2]\n");                                                                             // 8
        write(object, entry("p", CONNECTION.replace("40022", "70000") + ",\"reporter\":\"SRC\"") + "\n");    // 9: port out of range
        write(object, entry("a", CONNECTION.replace("10.128.0.9", "10.128.0.999") + ",\"reporter\":\"SRC\"") + "\n");  // 10
        write(object, "{\"insertId\":\"x\"}\n");                                                              // 11: no payload
        write(object, good + " {}\n");                                                                        // 12: two values
        write(object, good + "\n");                                                                           // 13

        CollectingConsumer out = CollectingConsumer.parse(parser, object.toByteArray(), ResumePoint.START, true);

        assertEquals(List.of(1L, 13L), out.flows.stream().map(f -> f.getRecordIndex()).toList());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), out.errors.stream().map(ParseError::line).toList());
        assertReason(out.errors.get(0), "not valid JSON: Unexpected end-of-input");
        assertReason(out.errors.get(1), "jsonPayload.bytes_sent: expected an integer, got an object");
        assertReason(out.errors.get(2), "not valid JSON: Invalid UTF-8");
        assertReason(out.errors.get(3), "jsonPayload.reporter: unknown value \"SOURCE\"");
        assertReason(out.errors.get(4), "jsonPayload.start_time: \"2024-05-03 10:16:05\" is not an RFC 3339 timestamp");
        assertReason(out.errors.get(5), "jsonPayload.connection is missing");
        assertReason(out.errors.get(6), "line is not a JSON object");
        assertReason(out.errors.get(7), "jsonPayload.connection.src_port: 70000 is out of range (0 to 65535)");
        assertReason(out.errors.get(8), "jsonPayload.connection.src_ip: \"10.128.0.999\" is not an IP address");
        assertReason(out.errors.get(9), "LogEntry has no jsonPayload");
        assertReason(out.errors.get(10), "line holds more than one JSON value");
        assertTrue(out.errors.get(0).raw().startsWith("{\"insertId\":\"ok\""), "the bad line's text is kept");
        assertEquals(CollectingConsumer.KEY, out.errors.get(0).objectKey());
        assertEquals(13, out.returned.records());
    }

    @Test
    void skipsEmptyLinesButCountsThemAndHandlesCrlf() {
        String line = entry("a", CONNECTION + ",\"reporter\":\"SRC\"");
        CollectingConsumer out = parse(parser, line + "\r\n\r\n   \n" + line + "\r\n");

        assertEquals(List.of(), out.errors);
        assertEquals(List.of(1L, 4L), out.flows.stream().map(f -> f.getRecordIndex()).toList());
        assertEquals(4, out.returned.records());
    }

    @Test
    void resumesMidObjectWithExactlyTheRemainingFlows() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            text.append(entry("id" + i, CONNECTION.replace("40022", String.valueOf(40000 + i)) + ",\"reporter\":\"SRC\"")).append('\n');
        }
        byte[] object = text.toString().getBytes(StandardCharsets.UTF_8);
        CollectingConsumer whole = CollectingConsumer.parse(parser, object, ResumePoint.START, true);
        ResumePoint afterTwo = whole.consumed.get(1);

        CollectingConsumer rest = CollectingConsumer.parse(new GcpVpcFlowParser(), object, afterTwo, true);

        assertEquals(new ResumePoint(afterTwo.offset(), 2, ""), afterTwo, "state stays empty: every line stands alone");
        assertEquals(whole.flows.subList(2, 5), rest.flows);
        assertEquals(new ResumePoint(object.length, 5, ""), rest.returned);
    }

    @Test
    void leavesAnUnterminatedLastLineForTheNextReadWhileTheObjectMayGrow() {
        String line = entry("a", CONNECTION + ",\"reporter\":\"SRC\"");
        byte[] object = (line + "\n" + line.substring(0, 40)).getBytes(StandardCharsets.UTF_8);

        CollectingConsumer growing = CollectingConsumer.parse(parser, object, ResumePoint.START, false);

        assertEquals(1, growing.flows.size());
        assertEquals(List.of(), growing.errors);
        assertEquals(new ResumePoint(line.length() + 1, 1, ""), growing.returned);
    }

    static ByteString ip(String text) {
        return ByteString.copyFrom(IpAddressParser.parse(text));
    }

    private static void assertReason(ParseError error, String expectedStart) {
        assertTrue(error.reason().startsWith(expectedStart), "line " + error.line() + ": " + error.reason());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
