package io.flowhound.adapters.azure;

import io.flowhound.adapters.CollectingConsumer;
import static io.flowhound.adapters.azure.AzureSamples.FLOW_LOG_ID;
import static io.flowhound.adapters.azure.AzureSamples.VNET_ID;
import static io.flowhound.adapters.azure.AzureSamples.document;
import static io.flowhound.adapters.azure.AzureSamples.ip;
import static io.flowhound.adapters.azure.AzureSamples.vnetRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.proto.Action;
import io.flowhound.proto.AzureDetails;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Direction;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Observer;
import io.flowhound.proto.FlowState;
import io.flowhound.proto.Provenance;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureVnetParserTest {

    private static CollectingConsumer parse(String document) {
        return CollectedFlows.parse(new AzureVnetParser(), document);
    }

    @Test
    void readsTheDocumentedSampleEveryField() {
        List<Flow> flows = parse(AzureSamples.VNET).withoutErrors().flows;

        assertEquals(3, flows.size());
        AzureDetails.Builder details = AzureDetails.newBuilder()
                .setMac("60-45-BD-1A-2B-3C")
                .setResourceGroup("prod-rg")
                .setEncryption("NX")
                .setTargetResourceId(VNET_ID)
                .setAclId("3f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b")
                .setFlowLogGuid("6c2f1e9a-3b4d-4c5e-9f60-718293a4b5c6")
                .setFlowLogResourceId(FLOW_LOG_ID)
                .setRecordTimeMs(Instant.parse("2024-05-03T10:07:12.445Z").toEpochMilli());
        Flow expectedEnd = Flow.newBuilder()
                .setCloud(Cloud.AZURE)
                .setObserver(Observer.newBuilder().setAccountId("00000000-0000-0000-0000-000000000000")
                        .setRegion("westeurope").setVpcId("prod-vnet"))
                .setSrcAddr(ip("10.2.0.4"))
                .setDstAddr(ip("203.0.113.77"))
                .setSrcPort(49900)
                .setDstPort(443)
                .setProtocol(6)
                .setPackets(18)
                .setBytes(2310)
                .setPacketsReverse(22)
                .setBytesReverse(40960)
                .setStartMs(1714730860456L)
                .setEndMs(1714730860456L)
                .setAction(Action.ACCEPT)
                .setDirection(Direction.EGRESS)
                .setFlowState(FlowState.END)
                .setRuleName("DefaultRule_AllowInternetOutBound")
                .setVersion(4)
                .setAzure(details)
                .setProvenance(Provenance.newBuilder().setSource(CollectedFlows.SOURCE)
                        .setObjectKey(CollectedFlows.NSG_KEY)).setRecordIndex(1).setTupleIndex(2)
                .build();
        assertEquals(expectedEnd, flows.get(1));

        Flow begin = flows.get(0);
        assertEquals(FlowState.BEGIN, begin.getFlowState());
        assertEquals(Action.ACCEPT, begin.getAction());
        assertEquals(1714730801123L, begin.getStartMs(), "milliseconds as written");
        assertTrue(begin.hasPackets() && begin.getPackets() == 0, "a written 0 stays 0");

        Flow denied = flows.get(2);
        assertEquals(FlowState.DENIED, denied.getFlowState());
        assertEquals(Action.REJECT, denied.getAction(), "state D is the deny");
        assertEquals(Direction.INGRESS, denied.getDirection());
        assertEquals("UserRule_deny-rdp", denied.getRuleName());
        assertEquals(3389, denied.getDstPort());
    }

    @Test
    void keepsTheEncryptionCodeOfAnEncryptionDeny() {
        Flow flow = parse(AzureSamples.VNET_ENCRYPTION_DENY).onlyFlow();

        assertEquals("NX_NOT_ACCEPTED", flow.getAzure().getEncryption());
        assertEquals("unspecified", flow.getAzure().getAclId());
        assertEquals("", flow.getAzure().getSecurityGroup(), "unspecified is no NSG");
        assertEquals("unspecified", flow.getRuleName());
        assertEquals(Action.REJECT, flow.getAction());
        assertEquals(FlowState.DENIED, flow.getFlowState());
        assertEquals(5432, flow.getDstPort());
    }

    @Test
    void keepsEveryEncryptionCodeAndUnknownOnesPerTuple() {
        List<String> codes = List.of("X", "NX", "NX_HW_NOT_SUPPORTED", "NX_SW_NOT_READY", "NX_NOT_ACCEPTED",
                "NX_NOT_SUPPORTED", "NX_LOCAL_DST", "NX_FALLBACK", "NX_SOMETHING_NEW", "X");
        String[] tuples = codes.stream().map(c -> "1714730801123,10.2.0.4,10.2.1.9,1,2,6,O,C," + c + ",1,2,3,4")
                .toArray(String[]::new);

        List<Flow> flows = parse(document(vnetRecord(VNET_ID, tuples))).withoutErrors().flows;

        assertEquals(codes, flows.stream().map(f -> f.getAzure().getEncryption()).toList());
        assertTrue(flows.get(0).getAzure() == flows.get(9).getAzure(), "one details message per group and code");
    }

    @Test
    void readsEmptyCountersAsAbsentAndAcceptsSecondsAndOtherProtocols() {
        List<Flow> flows = parse(document(vnetRecord(VNET_ID,
                "1714730801,10.2.0.4,10.2.1.9,,,1,O,B,NX,,,,",
                "1714730801123,10.2.0.4,10.2.1.9,1,2,17,I,C,X,5,500,,"))).withoutErrors().flows;

        Flow icmp = flows.get(0);
        assertEquals(1714730801000L, icmp.getStartMs(), "10-digit times are seconds (formats.md 5.4 item 1)");
        assertEquals(1, icmp.getProtocol());
        assertFalse(icmp.hasSrcPort() || icmp.hasDstPort());
        assertFalse(icmp.hasPackets() || icmp.hasBytes() || icmp.hasPacketsReverse() || icmp.hasBytesReverse());
        Flow udp = flows.get(1);
        assertEquals(17, udp.getProtocol());
        assertEquals(Direction.INGRESS, udp.getDirection());
        assertEquals(FlowState.CONTINUE, udp.getFlowState());
        assertEquals(500, udp.getBytes());
        assertFalse(udp.hasBytesReverse());
    }

    @Test
    void fillsSubnetAndNicFromTheTargetAndTheNsgFromAnAclThatIsOne() {
        String subnet = VNET_ID + "/subnets/web";
        String nic = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/app-rg/providers/"
                + "Microsoft.Network/networkInterfaces/web-1-nic";
        String nsgAcl = "{\"records\":[" + vnetRecord(subnet, "1714730801123,10.2.0.4,10.2.1.9,1,2,6,O,B,NX,0,0,0,0")
                .replace("3f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "/subscriptions/00000000-0000-0000-0000-000000000000/"
                        + "resourceGroups/prod-rg/providers/Microsoft.Network/networkSecurityGroups/web-nsg")
                + "," + vnetRecord(nic, "1714730801123,10.2.0.4,10.2.1.9,1,2,6,O,B,NX,0,0,0,0") + "]}";

        List<Flow> flows = parse(nsgAcl).withoutErrors().flows;

        Flow inSubnet = flows.get(0);
        assertEquals("prod-vnet", inSubnet.getObserver().getVpcId());
        assertEquals("web", inSubnet.getObserver().getSubnetId());
        assertEquals("", inSubnet.getObserver().getInterfaceId());
        assertEquals("web-nsg", inSubnet.getAzure().getNsgName());
        assertTrue(inSubnet.getAzure().getSecurityGroup().endsWith("/networkSecurityGroups/web-nsg"));
        Flow onNic = flows.get(1);
        assertEquals(nic, onNic.getObserver().getInterfaceId());
        assertEquals("", onNic.getObserver().getVpcId());
        assertEquals("11111111-2222-3333-4444-555555555555", onNic.getObserver().getAccountId());
        assertEquals("app-rg", onNic.getAzure().getResourceGroup());
        assertEquals(2, onNic.getRecordIndex());
    }

    @Test
    void leavesTheRegionEmptyWhenTheNetworkWatcherHasNoDefaultName() {
        String record = vnetRecord(VNET_ID, "1714730801123,10.2.0.4,10.2.1.9,1,2,6,O,B,NX,0,0,0,0")
                .replace("NETWORKWATCHER_WESTEUROPE", "MY-WATCHER");

        assertEquals("", parse(document(record)).onlyFlow().getObserver().getRegion());
    }

    @Test
    void reportsBadTuplesAndReadsTheRest() {
        CollectingConsumer out = parse(document(vnetRecord(VNET_ID,
                "1714730801123,10.2.0.4,10.2.1.9,1,2,T,O,B,NX,0,0,0,0",
                "1714730801123,10.2.0.4,10.2.1.9,1,2,6,O,A,NX,0,0,0,0",
                "1714730801123,10.2.0.4,10.2.1.9,1,2,6,O,B,0,0,0,0",
                "1714730801123,10.2.0.4,10.2.1.9,1,2,6,O,E,NX,1,2,3,4")));

        assertEquals(1, out.flows.size());
        assertEquals(4, out.flows.get(0).getTupleIndex());
        assertEquals(3, out.errors.size());
        assertTrue(out.errors.get(0).reason().contains("tuple 1") && out.errors.get(0).reason().contains("protocol \"T\""));
        assertTrue(out.errors.get(1).reason().contains("tuple 2") && out.errors.get(1).reason().contains("flow state \"A\""));
        assertTrue(out.errors.get(2).reason().contains("tuple 3") && out.errors.get(2).reason().contains("12 fields"));
    }
}
