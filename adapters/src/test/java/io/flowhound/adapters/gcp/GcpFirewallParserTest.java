package io.flowhound.adapters.gcp;

import static io.flowhound.adapters.CollectingConsumer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.proto.Action;
import io.flowhound.proto.Direction;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GcpFirewallParserTest {

    private final GcpFirewallParser parser = new GcpFirewallParser();

    private static String entry(String payload) {
        return "{\"insertId\":\"fw1\",\"jsonPayload\":{\"connection\":{\"dest_ip\":\"10.128.0.7\",\"dest_port\":443,\"protocol\":6,"
                + "\"src_ip\":\"10.128.0.9\",\"src_port\":40100}," + payload + "},\"logName\":"
                + "\"projects/acme-prod/logs/compute.googleapis.com%2Ffirewall\",\"resource\":{\"labels\":{\"project_id\":\"acme-host\","
                + "\"subnetwork_name\":\"web\"},\"type\":\"gce_subnetwork\"},\"timestamp\":\"2024-05-03T10:20:01.998877665+02:00\"}\n";
    }

    private static final String INSTANCE = "\"instance\":{\"project_id\":\"acme-prod\",\"region\":\"us-central1\",\"vm_name\":\"web-1\","
            + "\"zone\":\"us-central1-a\"},\"vpc\":{\"project_id\":\"acme-host\",\"subnetwork_name\":\"web\",\"vpc_name\":\"prod\"}";
    private static final String REMOTE = "\"remote_instance\":{\"project_id\":\"acme-prod\",\"region\":\"us-central1\","
            + "\"vm_name\":\"api-3\",\"zone\":\"us-central1-b\"}";

    @ParameterizedTest
    @CsvSource({"ALLOWED, ALLOW, ACCEPT", "DENIED, DENY, REJECT", "INTERCEPTED, APPLY_SECURITY_PROFILE_GROUP, ACTION_UNSPECIFIED"})
    void mapsTheDispositionToTheAction(String disposition, String ruleAction, Action action) {
        Flow flow = parse(parser, entry("\"disposition\":\"" + disposition + "\",\"rule_details\":{\"action\":\"" + ruleAction
                + "\",\"direction\":\"INGRESS\"}")).onlyFlow();

        assertEquals(action, flow.getAction());
        assertEquals(disposition, flow.getGcp().getDisposition());
        assertEquals(ruleAction, flow.getGcp().getRuleAction());
    }

    @Test
    void fallsBackToTheRuleActionWithoutADisposition() {
        Flow flow = parse(parser, entry("\"rule_details\":{\"action\":\"DENIED\",\"direction\":\"EGRESS\"}")).onlyFlow();

        assertEquals(Action.REJECT, flow.getAction());
        assertEquals("", flow.getGcp().getDisposition());
    }

    @Test
    void putsTheInstanceOnTheDestinationSideForIngress() {
        Flow flow = parse(parser, entry("\"disposition\":\"ALLOWED\"," + INSTANCE + "," + REMOTE
                + ",\"rule_details\":{\"direction\":\"INGRESS\",\"priority\":\"65534\",\"reference\":\"network:prod/firewall:allow-internal\"}"))
                .onlyFlow();

        assertEquals(Direction.INGRESS, flow.getDirection());
        assertEquals(Reporter.DEST, flow.getReporter());
        assertEquals("web-1", flow.getDstDetails().getVmName());
        assertEquals("prod", flow.getDstDetails().getVpcName());
        assertEquals("api-3", flow.getSrcDetails().getVmName());
        assertEquals("web-1", flow.getObserver().getInstanceId(), "the top level describes the enforcing VM whatever the direction");
        assertEquals("acme-prod", flow.getObserver().getAccountId());
        assertEquals("prod", flow.getObserver().getVpcId());
        assertEquals(65534, flow.getGcp().getRulePriority(), "a priority written as a string");
        assertEquals("network:prod/firewall:allow-internal", flow.getRuleName());
    }

    @Test
    void putsTheInstanceOnTheSourceSideForEgress() {
        Flow flow = parse(parser, entry("\"disposition\":\"DENIED\"," + INSTANCE + "," + REMOTE
                + ",\"rule_details\":{\"direction\":\"EGRESS\"}")).onlyFlow();

        assertEquals(Direction.EGRESS, flow.getDirection());
        assertEquals(Reporter.SRC, flow.getReporter());
        assertEquals("web-1", flow.getSrcDetails().getVmName());
        assertEquals("api-3", flow.getDstDetails().getVmName());
    }

    @Test
    void leavesTheSidesEmptyWhenTheRuleHasNoDirection() {
        Flow flow = parse(parser, entry("\"disposition\":\"ALLOWED\"," + INSTANCE + "," + REMOTE)).onlyFlow();

        assertEquals(Direction.DIRECTION_UNSPECIFIED, flow.getDirection());
        assertEquals(Reporter.REPORTER_UNSPECIFIED, flow.getReporter());
        assertFalse(flow.hasSrcDetails());
        assertFalse(flow.hasDstDetails());
        assertEquals("web-1", flow.getObserver().getInstanceId());
    }

    @Test
    void usesTheEntryTimestampWithItsOffsetAsStartAndEnd() {
        Flow flow = parse(parser, entry("\"disposition\":\"ALLOWED\"")).onlyFlow();

        assertEquals(GcpPeerConformanceTest.millis("2024-05-03T08:20:01.998Z"), flow.getStartMs());
        assertEquals(flow.getStartMs(), flow.getEndMs());
        assertEquals("acme-host", flow.getObserver().getAccountId(), "without an instance block: the log's project");
    }

    @Test
    void reportsARuleDetailsValueOfTheWrongTypeAndReadsOn() {
        CollectingConsumer out = parse(parser, entry("\"rule_details\":{\"priority\":[1000]}")
                + entry("\"rule_details\":\"network:prod/firewall:x\"") + entry("\"disposition\":\"ALLOWED\""));

        assertEquals(1, out.flows.size());
        assertEquals(2, out.errors.size());
        assertEquals(1, out.errors.get(0).line());
        assertEquals("jsonPayload.rule_details.priority: expected a 32-bit integer, got an array", out.errors.get(0).reason());
        assertEquals(2, out.errors.get(1).line());
        assertTrue(out.errors.get(1).reason().startsWith("jsonPayload.rule_details: expected an object"), out.errors.get(1).reason());
        assertEquals(3, out.flows.get(0).getRecordIndex());
    }
}
