package io.flowhound.adapters.gcp;

import static io.flowhound.adapters.gcp.GcpPeerConformanceTest.millis;
import static io.flowhound.adapters.gcp.GcpVpcFlowParserTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.proto.Action;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Direction;
import io.flowhound.proto.EndpointDetails;
import io.flowhound.proto.Flow;
import io.flowhound.proto.GcpDetails;
import io.flowhound.proto.Reporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The composed samples of formats.md 2.4 and 3, every field read as sections 2.1, 2.2 and 3 describe it. */
class GcpDocumentedSamplesTest {

    private static final String VPC_FLOW_SAMPLES = """
            {"insertId":"1x9q2kf3ab12c","jsonPayload":{"bytes_sent":"5120","connection":{"dest_ip":"10.128.0.7","dest_port":443,"protocol":6,"src_ip":"198.51.100.23","src_port":50311},"dest_instance":{"project_id":"acme-prod","region":"us-central1","vm_name":"web-1","zone":"us-central1-a"},"dest_vpc":{"project_id":"acme-prod","subnetwork_name":"web","subnetwork_region":"us-central1","vpc_name":"prod"},"end_time":"2024-05-03T10:15:04.911223311Z","packets_sent":"14","reporter":"DEST","rtt_msec":"38","src_location":{"asn":64500,"city":"Frankfurt am Main","continent":"Europe","country":"deu","region":"Hesse"},"start_time":"2024-05-03T10:15:01.004512007Z"},"logName":"projects/acme-prod/logs/compute.googleapis.com%2Fvpc_flows","receiveTimestamp":"2024-05-03T10:15:31.771902200Z","resource":{"labels":{"location":"us-central1-a","project_id":"acme-prod","subnetwork_id":"4411223344556677889","subnetwork_name":"web"},"type":"gce_subnetwork"},"timestamp":"2024-05-03T10:15:31.771902200Z"}
            {"insertId":"7ak2mz0c19d","jsonPayload":{"bytes_sent":"2048","connection":{"dest_ip":"10.128.0.7","dest_port":8080,"protocol":6,"src_ip":"10.128.0.9","src_port":40022},"dest_instance":{"project_id":"acme-prod","region":"us-central1","vm_name":"web-1","zone":"us-central1-a"},"end_time":"2024-05-03T10:16:10.000000000Z","packets_sent":"8","reporter":"SRC","src_instance":{"project_id":"acme-prod","region":"us-central1","vm_name":"api-3","zone":"us-central1-b"},"start_time":"2024-05-03T10:16:05.000000000Z"},"logName":"projects/acme-prod/logs/compute.googleapis.com%2Fvpc_flows","receiveTimestamp":"2024-05-03T10:16:40.101010101Z","resource":{"labels":{"location":"us-central1-b","project_id":"acme-prod","subnetwork_id":"4411223344556677890","subnetwork_name":"api"},"type":"gce_subnetwork"},"timestamp":"2024-05-03T10:16:40.101010101Z"}
            """;

    private static final String FIREWALL_SAMPLES = """
            {"insertId":"q1w2e3r4t5","jsonPayload":{"connection":{"dest_ip":"10.128.0.7","dest_port":22,"protocol":6,"src_ip":"203.0.113.91","src_port":55110},"disposition":"DENIED","instance":{"project_id":"acme-prod","region":"us-central1","vm_name":"web-1","zone":"us-central1-a"},"remote_location":{"continent":"Asia","country":"sgp"},"rule_details":{"action":"DENY","direction":"INGRESS","ip_port_info":[{"ip_protocol":"TCP","port_range":["22"]}],"priority":900,"reference":"network:prod/firewall:deny-ssh-internet","source_range":["0.0.0.0/0"],"target_tag":["web"]},"vpc":{"project_id":"acme-prod","subnetwork_name":"web","vpc_name":"prod"}},"logName":"projects/acme-prod/logs/compute.googleapis.com%2Ffirewall","receiveTimestamp":"2024-05-03T10:20:07.112233445Z","resource":{"labels":{"location":"us-central1-a","project_id":"acme-prod","subnetwork_id":"4411223344556677889","subnetwork_name":"web"},"type":"gce_subnetwork"},"timestamp":"2024-05-03T10:20:01.998877665Z"}
            {"insertId":"z9x8c7v6b5","jsonPayload":{"connection":{"dest_ip":"10.130.0.4","dest_port":5432,"protocol":6,"src_ip":"10.128.0.7","src_port":41200},"disposition":"ALLOWED","instance":{"project_id":"acme-prod","region":"us-central1","vm_name":"web-1","zone":"us-central1-a"},"remote_instance":{"project_id":"acme-prod","region":"us-east1","vm_name":"db-1","zone":"us-east1-b"},"remote_vpc":{"project_id":"acme-prod","subnetwork_name":"db","vpc_name":"prod"},"rule_details":{"action":"ALLOW","destination_range":["10.130.0.0/20"],"direction":"EGRESS","ip_port_info":[{"ip_protocol":"TCP","port_range":["5432"]}],"priority":1000,"reference":"network:prod/firewall:allow-db-egress"},"vpc":{"project_id":"acme-prod","subnetwork_name":"web","vpc_name":"prod"}},"logName":"projects/acme-prod/logs/compute.googleapis.com%2Ffirewall","receiveTimestamp":"2024-05-03T10:21:09.000111222Z","resource":{"labels":{"location":"us-central1-a","project_id":"acme-prod","subnetwork_id":"4411223344556677889","subnetwork_name":"web"},"type":"gce_subnetwork"},"timestamp":"2024-05-03T10:21:03.500000000Z"}
            """;

    @Test
    void readsTheExternalDestReportEveryField() {
        Flow flow = CollectingConsumer.parse(new GcpVpcFlowParser(), VPC_FLOW_SAMPLES).flows.get(0);

        assertEquals(Cloud.GCP, flow.getCloud());
        assertEquals(ip("198.51.100.23"), flow.getSrcAddr());
        assertEquals(ip("10.128.0.7"), flow.getDstAddr());
        assertEquals(50311, flow.getSrcPort());
        assertEquals(443, flow.getDstPort());
        assertEquals(6, flow.getProtocol());
        assertEquals(5120, flow.getBytes());
        assertEquals(14, flow.getPackets());
        assertEquals(38, flow.getRttMs());
        assertEquals(millis("2024-05-03T10:15:01.004Z"), flow.getStartMs(), "nanoseconds truncated to the millisecond");
        assertEquals(millis("2024-05-03T10:15:04.911Z"), flow.getEndMs());
        assertEquals(Reporter.DEST, flow.getReporter());
        assertEquals(Direction.INGRESS, flow.getDirection());
        assertEquals(Action.ACTION_UNSPECIFIED, flow.getAction());
        assertEquals("acme-prod", flow.getObserver().getAccountId());
        assertEquals("us-central1", flow.getObserver().getRegion());
        assertEquals("us-central1-a", flow.getObserver().getZone());
        assertEquals("prod", flow.getObserver().getVpcId());
        assertEquals("web", flow.getObserver().getSubnetId());
        assertEquals("web-1", flow.getObserver().getInstanceId());
        assertEquals(EndpointDetails.newBuilder().setAsn(64500).setCity("Frankfurt am Main").setContinent("Europe")
                .setCountry("deu").setGeoRegion("Hesse").build(), flow.getSrcDetails());
        assertEquals(EndpointDetails.newBuilder().setProjectId("acme-prod").setRegion("us-central1").setVmName("web-1")
                .setZone("us-central1-a").setVpcProjectId("acme-prod").setSubnetName("web").setVpcName("prod").build(),
                flow.getDstDetails());
        assertEquals(GcpDetails.newBuilder().setFlowKey("6|10.128.0.7|443|198.51.100.23|50311").setInsertId("1x9q2kf3ab12c")
                .setLogName("projects/acme-prod/logs/compute.googleapis.com%2Fvpc_flows")
                .setEntryTimeMs(millis("2024-05-03T10:15:31.771Z")).build(), flow.getGcp());
        assertEquals("", flow.getRuleName());
        assertFalse(flow.hasAws());
        assertFalse(flow.hasAzure());
        assertEquals(1, flow.getRecordIndex());
    }

    @Test
    void readsTheInternalSrcReportEveryField() {
        Flow flow = CollectingConsumer.parse(new GcpVpcFlowParser(), VPC_FLOW_SAMPLES).flows.get(1);

        assertEquals(ip("10.128.0.9"), flow.getSrcAddr());
        assertEquals(ip("10.128.0.7"), flow.getDstAddr());
        assertEquals(40022, flow.getSrcPort());
        assertEquals(8080, flow.getDstPort());
        assertEquals(2048, flow.getBytes());
        assertEquals(8, flow.getPackets());
        assertFalse(flow.hasRttMs());
        assertEquals(millis("2024-05-03T10:16:05Z"), flow.getStartMs());
        assertEquals(millis("2024-05-03T10:16:10Z"), flow.getEndMs());
        assertEquals(Reporter.SRC, flow.getReporter());
        assertEquals(Direction.EGRESS, flow.getDirection());
        assertEquals("acme-prod", flow.getObserver().getAccountId());
        assertEquals("us-central1-b", flow.getObserver().getZone());
        assertEquals("us-central1", flow.getObserver().getRegion());
        assertEquals("", flow.getObserver().getVpcId(), "no src_vpc block");
        assertEquals("api", flow.getObserver().getSubnetId(), "the gce_subnetwork resource's subnet");
        assertEquals("api-3", flow.getObserver().getInstanceId());
        assertEquals("web-1", flow.getDstDetails().getVmName());
        assertEquals("api-3", flow.getSrcDetails().getVmName());
        assertEquals("6|10.128.0.7|8080|10.128.0.9|40022", flow.getGcp().getFlowKey());
        assertEquals(2, flow.getRecordIndex());
    }

    @Test
    void readsTheDeniedIngressFirewallRecordEveryField() {
        Flow flow = CollectingConsumer.parse(new GcpFirewallParser(), FIREWALL_SAMPLES).flows.get(0);

        assertEquals(Cloud.GCP, flow.getCloud());
        assertEquals(ip("203.0.113.91"), flow.getSrcAddr());
        assertEquals(ip("10.128.0.7"), flow.getDstAddr());
        assertEquals(55110, flow.getSrcPort());
        assertEquals(22, flow.getDstPort());
        assertEquals(6, flow.getProtocol());
        assertFalse(flow.hasBytes(), "firewall records carry no counters");
        assertFalse(flow.hasPackets());
        assertEquals(millis("2024-05-03T10:20:01.998Z"), flow.getStartMs(), "the entry's timestamp");
        assertEquals(flow.getStartMs(), flow.getEndMs());
        assertEquals(Action.REJECT, flow.getAction());
        assertEquals(Direction.INGRESS, flow.getDirection());
        assertEquals(Reporter.DEST, flow.getReporter(), "the enforcing VM is the destination");
        assertEquals("network:prod/firewall:deny-ssh-internet", flow.getRuleName());
        assertEquals("acme-prod", flow.getObserver().getAccountId());
        assertEquals("us-central1", flow.getObserver().getRegion());
        assertEquals("us-central1-a", flow.getObserver().getZone());
        assertEquals("prod", flow.getObserver().getVpcId());
        assertEquals("web", flow.getObserver().getSubnetId());
        assertEquals("web-1", flow.getObserver().getInstanceId());
        assertEquals(EndpointDetails.newBuilder().setContinent("Asia").setCountry("sgp").build(), flow.getSrcDetails());
        assertEquals(EndpointDetails.newBuilder().setProjectId("acme-prod").setRegion("us-central1").setVmName("web-1")
                .setZone("us-central1-a").setVpcProjectId("acme-prod").setSubnetName("web").setVpcName("prod").build(),
                flow.getDstDetails());
        assertEquals(GcpDetails.newBuilder().setFlowKey("6|10.128.0.7|22|203.0.113.91|55110").setInsertId("q1w2e3r4t5")
                .setLogName("projects/acme-prod/logs/compute.googleapis.com%2Ffirewall").setDisposition("DENIED")
                .setRuleAction("DENY").setRuleDirection("INGRESS").setRulePriority(900)
                .setEntryTimeMs(millis("2024-05-03T10:20:01.998Z")).build(), flow.getGcp());
    }

    @Test
    void readsTheAllowedEgressFirewallRecordWithTheRemoteInstanceAsDestination() {
        Flow flow = CollectingConsumer.parse(new GcpFirewallParser(), FIREWALL_SAMPLES).flows.get(1);

        assertEquals(Action.ACCEPT, flow.getAction());
        assertEquals(Direction.EGRESS, flow.getDirection());
        assertEquals(Reporter.SRC, flow.getReporter());
        assertEquals("web-1", flow.getObserver().getInstanceId());
        assertEquals("web", flow.getObserver().getSubnetId());
        assertEquals("web-1", flow.getSrcDetails().getVmName());
        assertEquals(EndpointDetails.newBuilder().setProjectId("acme-prod").setRegion("us-east1").setVmName("db-1")
                .setZone("us-east1-b").setVpcProjectId("acme-prod").setSubnetName("db").setVpcName("prod").build(),
                flow.getDstDetails());
        assertEquals(1000, flow.getGcp().getRulePriority());
        assertEquals("ALLOW", flow.getGcp().getRuleAction());
        assertEquals("network:prod/firewall:allow-db-egress", flow.getRuleName());
        assertEquals(millis("2024-05-03T10:21:03.500Z"), flow.getEndMs());
    }

    @Test
    void givesTheFirewallRecordAndTheFlowReportsOfOneConnectionTheSameKey() {
        List<Flow> flows = CollectingConsumer.parse(new GcpFirewallParser(), FIREWALL_SAMPLES
                + FIREWALL_SAMPLES.lines().findFirst().orElseThrow()
                        .replace("\"src_port\":55110", "\"src_port\":1").replace("\"dest_port\":22", "\"dest_port\":55110")
                        .replace("\"src_ip\":\"203.0.113.91\"", "\"src_ip\":\"10.128.0.7\"")
                        .replace("\"dest_ip\":\"10.128.0.7\"", "\"dest_ip\":\"203.0.113.91\"") + "\n").flows;

        assertEquals("6|10.128.0.7|1|203.0.113.91|55110", flows.get(2).getGcp().getFlowKey(),
                "ports belong to their address when the pair is ordered");
    }
}
