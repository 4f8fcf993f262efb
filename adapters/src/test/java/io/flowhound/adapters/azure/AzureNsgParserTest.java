package io.flowhound.adapters.azure;

import io.flowhound.adapters.CollectingConsumer;
import static io.flowhound.adapters.azure.AzureSamples.NSG_ID;
import static io.flowhound.adapters.azure.AzureSamples.document;
import static io.flowhound.adapters.azure.AzureSamples.ip;
import static io.flowhound.adapters.azure.AzureSamples.nsgRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.ParseError;
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

class AzureNsgParserTest {

    private static final long V2_RECORD_TIME = Instant.parse("2024-05-03T10:06:31.765Z").toEpochMilli();

    private static CollectingConsumer parse(String document) {
        return CollectedFlows.parse(new AzureNsgParser(), document);
    }

    @Test
    void readsTheDocumentedVersion1SampleEveryField() {
        List<Flow> flows = parse(AzureSamples.NSG_V1).withoutErrors().flows;

        assertEquals(3, flows.size());
        AzureDetails denyGroup = AzureDetails.newBuilder()
                .setMac("00-0D-3A-1B-2C-3D")
                .setResourceGroup("PROD-RG")
                .setSecurityGroup(NSG_ID)
                .setNsgName("WEB-NSG")
                .setSystemId("0b6e4f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b")
                .setRecordTimeMs(Instant.parse("2024-05-03T10:00:31.123Z").toEpochMilli())
                .build();
        Flow expected = Flow.newBuilder()
                .setCloud(Cloud.AZURE)
                .setObserver(Observer.newBuilder().setAccountId("00000000-0000-0000-0000-000000000000"))
                .setSrcAddr(ip("203.0.113.50"))
                .setDstAddr(ip("10.0.1.4"))
                .setSrcPort(44123)
                .setDstPort(3389)
                .setProtocol(6)
                .setStartMs(1714730402000L)
                .setEndMs(1714730402000L)
                .setAction(Action.REJECT)
                .setDirection(Direction.INGRESS)
                .setRuleName("DefaultRule_DenyAllInBound")
                .setVersion(1)
                .setAzure(denyGroup)
                .setProvenance(Provenance.newBuilder().setSource(CollectedFlows.SOURCE)
                        .setObjectKey(CollectedFlows.NSG_KEY)).setRecordIndex(1).setTupleIndex(1)
                .build();
        assertEquals(expected, flows.get(0), "every field of a v1 tuple; no flow state or counters in v1");

        Flow allowed = flows.get(2);
        assertEquals("UserRule_allow-https", allowed.getRuleName());
        assertEquals(Action.ACCEPT, allowed.getAction());
        assertEquals(ip("198.51.100.9"), allowed.getSrcAddr());
        assertEquals(50023, allowed.getSrcPort());
        assertEquals(1714730411000L, allowed.getStartMs());
        assertEquals(3, allowed.getTupleIndex(), "tuples are counted across the record's groups");
        assertEquals(FlowState.FLOW_STATE_UNSPECIFIED, allowed.getFlowState());
        assertFalse(allowed.hasPackets() || allowed.hasBytes() || allowed.hasPacketsReverse() || allowed.hasBytesReverse());
    }

    @Test
    void readsTheDocumentedVersion2SampleWithBeginContinueEndAndADeny() {
        List<Flow> flows = parse(AzureSamples.NSG_V2).withoutErrors().flows;

        assertEquals(4, flows.size());
        Flow begin = flows.get(0);
        assertEquals(FlowState.BEGIN, begin.getFlowState());
        assertFalse(begin.hasPackets() || begin.hasBytes() || begin.hasPacketsReverse() || begin.hasBytesReverse(),
                "empty counters of a B tuple are absent, not 0");
        assertEquals(Direction.EGRESS, begin.getDirection());
        assertEquals(Action.ACCEPT, begin.getAction());
        assertEquals(2, begin.getVersion());

        Flow continuing = flows.get(1);
        Flow expected = Flow.newBuilder()
                .setCloud(Cloud.AZURE)
                .setObserver(Observer.newBuilder().setAccountId("00000000-0000-0000-0000-000000000000"))
                .setSrcAddr(ip("10.0.1.4"))
                .setDstAddr(ip("203.0.113.77"))
                .setSrcPort(49812)
                .setDstPort(443)
                .setProtocol(6)
                .setPackets(40)
                .setBytes(21880)
                .setPacketsReverse(35)
                .setBytesReverse(90112)
                .setStartMs(1714730761000L)
                .setEndMs(1714730761000L)
                .setAction(Action.ACCEPT)
                .setDirection(Direction.EGRESS)
                .setFlowState(FlowState.CONTINUE)
                .setRuleName("DefaultRule_AllowInternetOutBound")
                .setVersion(2)
                .setAzure(AzureDetails.newBuilder().setMac("00-0D-3A-1B-2C-3D").setResourceGroup("PROD-RG")
                        .setSecurityGroup(NSG_ID).setNsgName("WEB-NSG").setSystemId("0b6e4f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b")
                        .setRecordTimeMs(V2_RECORD_TIME))
                .setProvenance(Provenance.newBuilder().setSource(CollectedFlows.SOURCE)
                        .setObjectKey(CollectedFlows.NSG_KEY)).setRecordIndex(1).setTupleIndex(2)
                .build();
        assertEquals(expected, continuing);

        Flow end = flows.get(2);
        assertEquals(FlowState.END, end.getFlowState());
        assertEquals(List.of(6L, 420L, 5L, 2210L),
                List.of(end.getPackets(), end.getBytes(), end.getPacketsReverse(), end.getBytesReverse()));

        Flow deny = flows.get(3);
        assertEquals(Action.REJECT, deny.getAction());
        assertEquals(Direction.INGRESS, deny.getDirection());
        assertEquals(FlowState.BEGIN, deny.getFlowState());
        assertEquals("DefaultRule_DenyAllInBound", deny.getRuleName());
        assertEquals(ip("192.0.2.200"), deny.getSrcAddr());
        assertEquals(22, deny.getDstPort());
    }

    @Test
    void mapsUdpAndIpv6() {
        Flow flow = parse(document(nsgRecord("2024-05-03T10:00:00Z",
                "1714730402,2001:db8::1,2001:db8:0:1::4,5353,53,U,O,A,E,1,80,1,120"))).onlyFlow();

        assertEquals(17, flow.getProtocol());
        assertEquals(16, flow.getSrcAddr().size());
        assertEquals(ip("2001:db8:0:1::4"), flow.getDstAddr());
    }

    @Test
    void decidesTheLayoutByEachTuplesFieldCountAndInfersTheVersionWhenTheRecordHasNone() {
        String record = "{\"time\":\"2024-05-03T10:00:00Z\",\"systemId\":\"s\",\"resourceId\":\"" + NSG_ID + "\","
                + "\"properties\":{\"flows\":[{\"rule\":\"r\",\"flows\":[{\"mac\":\"000D3A1B2C3D\",\"flowTuples\":["
                + "\"1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A\",\"1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,E,1,2,3,4\"]}]}]}}";

        List<Flow> flows = parse(document(record)).withoutErrors().flows;

        assertEquals(1, flows.get(0).getVersion());
        assertEquals(2, flows.get(1).getVersion());
        assertEquals(FlowState.END, flows.get(1).getFlowState());
    }

    @Test
    void readsARecordWhoseFlowsComeBeforeItsResourceIdAndGroupsWhoseTuplesComeBeforeTheirRuleAndMac() {
        String record = "{\"properties\":{\"flows\":[{\"flows\":[{\"flowTuples\":[\"1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A\"],"
                + "\"mac\":\"000d3a1b2c3d\"}],\"rule\":\"UserRule_late\"}],\"Version\":1},\"resourceId\":\"" + NSG_ID + "\","
                + "\"systemId\":\"s\",\"time\":\"2024-05-03T10:00:00Z\"}";

        Flow flow = parse(document(record)).onlyFlow();

        assertEquals("00000000-0000-0000-0000-000000000000", flow.getObserver().getAccountId());
        assertEquals("UserRule_late", flow.getRuleName());
        assertEquals("00-0D-3A-1B-2C-3D", flow.getAzure().getMac());
        assertEquals("WEB-NSG", flow.getAzure().getNsgName());
        assertEquals(Instant.parse("2024-05-03T10:00:00Z").toEpochMilli(), flow.getAzure().getRecordTimeMs());
        assertEquals(1, flow.getVersion());
    }

    @Test
    void acceptsWhitespaceAndNewlinesAroundEverything() {
        String pretty = "\n{ \"records\" : [\n  " + nsgRecord("2024-05-03T10:00:00Z", "1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,B,,,,")
                + " ,\n  " + nsgRecord("2024-05-03T10:01:00Z", "1714730462,192.0.2.1,10.0.1.4,1,2,T,I,A,E,1,2,3,4") + "\n]\n}\n";

        CollectingConsumer out = parse(pretty).withoutErrors();

        assertEquals(2, out.flows.size());
        assertEquals(2, out.flows.get(1).getRecordIndex());
        assertEquals(RecordsDocumentReader.STATE_CLOSED, out.returned.state());
    }

    @Test
    void reportsEachBadTupleWithItsRecordTupleIndexAndTextAndReadsTheRest() {
        String record = nsgRecord("2024-05-03T10:00:00Z",
                "1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,B,,,,",
                "1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,B,,,",
                "1714730402,192.0.2.999,10.0.1.4,1,2,T,I,A,B,,,,",
                "1714730402,192.0.2.1,10.0.1.4,70000,2,T,I,A,B,,,,",
                "1714730402,192.0.2.1,10.0.1.4,1,2,X,I,A,B,,,,",
                "1714730402,192.0.2.1,10.0.1.4,1,2,T,S,A,B,,,,",
                "1714730402,192.0.2.1,10.0.1.4,1,2,T,I,Q,B,,,,",
                "1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,Z,,,,",
                "1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,C,1,x,3,4",
                "later,192.0.2.1,10.0.1.4,1,2,T,I,A,B,,,,",
                "42",
                "[\"a\"]",
                "1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,E,1,2,3,4");

        CollectingConsumer out = parse(document(record));

        assertEquals(List.of(1, 13), out.flows.stream().map(f -> f.getTupleIndex()).toList());
        assertEquals(11, out.errors.size(), out.errors.toString());
        List<String> expectedWords = List.of("tuple 2 at byte", "12 fields", "tuple 3", "source IP \"192.0.2.999\"",
                "tuple 4", "source port \"70000\"", "tuple 5", "protocol \"X\"", "tuple 6", "traffic flow \"S\"",
                "tuple 7", "traffic decision \"Q\"", "tuple 8", "flow state \"Z\"", "tuple 9",
                "bytes source to destination \"x\"", "tuple 10", "timestamp \"later\"", "tuple 11", "a number",
                "tuple 12", "an array");
        for (int i = 0; i < out.errors.size(); i++) {
            ParseError error = out.errors.get(i);
            assertEquals(CollectedFlows.NSG_KEY, error.objectKey());
            assertEquals(1, error.line(), "the record index");
            assertTrue(error.reason().startsWith("record 1: "), error.reason());
            assertTrue(error.reason().contains(expectedWords.get(2 * i)), error.reason());
            assertTrue(error.reason().contains(expectedWords.get(2 * i + 1)), error.reason());
        }
        assertEquals("1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,B,,,", out.errors.get(0).raw(), "the raw tuple");
    }

    @Test
    void reportsFieldsOfTheWrongTypeAndReadsWhatItCan() {
        String record = "{\"time\":17,\"systemId\":\"s\",\"resourceId\":\"" + NSG_ID + "\",\"properties\":{\"Version\":\"2\","
                + "\"flows\":[{\"rule\":\"r\",\"flows\":{\"mac\":\"m\"}},\"x\",{\"rule\":\"r2\",\"flows\":[{\"mac\":\"000D3A1B2C3D\","
                + "\"flowTuples\":\"1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A\"},{\"mac\":\"000D3A1B2C3D\",\"flowTuples\":["
                + "\"1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A\"]}]}]}}";

        CollectingConsumer out = parse(document(record));

        Flow flow = out.flows.get(0);
        assertEquals(1, out.flows.size());
        assertEquals("r2", flow.getRuleName());
        assertEquals(1, flow.getVersion(), "Version was not a number: inferred from the tuple");
        assertEquals(0, flow.getAzure().getRecordTimeMs());
        List<String> reasons = out.errors.stream().map(ParseError::reason).toList();
        assertEquals(5, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("time is a number, expected a string"), reasons.get(0));
        assertTrue(reasons.get(1).contains("properties.Version is a string, expected an integer"), reasons.get(1));
        assertTrue(reasons.get(2).contains("properties.flows[].flows is an object, expected an array"), reasons.get(2));
        assertTrue(reasons.get(3).contains("an element of properties.flows is a string, expected an object"), reasons.get(3));
        assertTrue(reasons.get(4).contains("flowTuples is a string, expected an array"), reasons.get(4));
    }
}
