package io.flowhound.adapters.aws;

import static io.flowhound.adapters.CollectingConsumer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Action;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Direction;
import io.flowhound.proto.Flow;
import io.flowhound.proto.LogStatus;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsVpcTextParserTest {

    private static final String V2_HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private static final String V2_RECORD =
            "2 111122223333 eni-0a1b2c3d4e5f60718 198.51.100.7 10.1.2.15 51544 443 6 12 4380 1714731301 1714731358 ACCEPT OK";

    private final AwsVpcTextParser parser = new AwsVpcTextParser();

    @Test
    void readsEveryDefaultV2FieldWithProvenance() {
        Flow flow = parse(parser, V2_HEADER + "\n" + V2_RECORD + "\n").onlyFlow();

        assertEquals(Cloud.AWS, flow.getCloud());
        assertEquals(2, flow.getVersion());
        assertEquals("111122223333", flow.getObserver().getAccountId());
        assertEquals("eni-0a1b2c3d4e5f60718", flow.getObserver().getInterfaceId());
        assertEquals(ip("198.51.100.7"), flow.getSrcAddr());
        assertEquals(ip("10.1.2.15"), flow.getDstAddr());
        assertEquals(51544, flow.getSrcPort());
        assertEquals(443, flow.getDstPort());
        assertEquals(6, flow.getProtocol());
        assertEquals(12, flow.getPackets());
        assertEquals(4380, flow.getBytes());
        assertEquals(1714731301000L, flow.getStartMs());
        assertEquals(1714731358000L, flow.getEndMs());
        assertEquals(Action.ACCEPT, flow.getAction());
        assertEquals(LogStatus.OK, flow.getLogStatus());
        assertEquals(CollectingConsumer.SOURCE, flow.getProvenance().getSource());
        assertEquals(CollectingConsumer.KEY, flow.getProvenance().getObjectKey());
        assertEquals(2, flow.getRecordIndex(), "the header is line 1");
        assertFalse(flow.getAws().hasTgw());
        assertFalse(flow.getAws().hasEcs());
        assertTrue(flow.getExtraMap().isEmpty());
    }

    @Test
    void readsFieldsInTheOrderTheHeaderGives() {
        Flow flow = parse(parser, "dstport srcaddr log-status action account-id dstaddr bytes\n"
                + "443 203.0.113.9 OK REJECT 000011112222 10.0.0.5 60\n").onlyFlow();

        assertEquals(443, flow.getDstPort());
        assertEquals(ip("203.0.113.9"), flow.getSrcAddr());
        assertEquals(LogStatus.OK, flow.getLogStatus());
        assertEquals(Action.REJECT, flow.getAction());
        assertEquals("000011112222", flow.getObserver().getAccountId(), "account ids keep their leading zeros");
        assertEquals(ip("10.0.0.5"), flow.getDstAddr());
        assertEquals(60, flow.getBytes());
        assertFalse(flow.hasSrcPort(), "a field the format lacks is unset");
        assertFalse(flow.hasPackets());
    }

    @Test
    void treatsDashAsAbsentInEveryColumn() {
        String header = AwsVpcLayout.defaultForFieldCount(40).text();
        String allDashes = "- ".repeat(39) + "-";

        Flow flow = parse(parser, header + "\n" + allDashes + "\n").onlyFlow();

        assertEquals(Flow.newBuilder().setCloud(Cloud.AWS).setProvenance(flow.getProvenance()).setRecordIndex(2).build(), flow,
                "only cloud, provenance and record index are set when every value is -");
    }

    @Test
    void emitsNodataAndSkipdataRowsWithTheirLogStatus() {
        CollectingConsumer out = parse(parser,
                "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA\n"
                + "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA\n");

        assertEquals(List.of(), out.errors);
        assertEquals(2, out.flows.size());
        Flow nodata = out.flows.get(0);
        assertEquals(LogStatus.NODATA, nodata.getLogStatus());
        assertEquals(Action.ACTION_UNSPECIFIED, nodata.getAction());
        assertFalse(nodata.hasPackets(), "NODATA has no counters, not zero counters");
        assertFalse(nodata.hasSrcPort());
        assertTrue(nodata.getSrcAddr().isEmpty());
        assertEquals(1431280876000L, nodata.getStartMs());
        assertEquals(LogStatus.SKIPDATA, out.flows.get(1).getLogStatus());
    }

    @Test
    void keepsCountersThatSomeNodataRowsCarry() {
        // Elastic's ECS samples put counters on NODATA lines (formats.md 1.9 item 4): kept as reported.
        Flow flow = parse(parser, "2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 5 500 10 20 ACCEPT NODATA\n").onlyFlow();

        assertEquals(LogStatus.NODATA, flow.getLogStatus());
        assertEquals(5, flow.getPackets());
        assertEquals(Action.ACCEPT, flow.getAction());
    }

    @Test
    void parsesIpv6Addresses() {
        Flow flow = parse(parser, "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105"
                + " 2a02:cf40:: 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK\n").onlyFlow();

        assertEquals(ip("2001:db8:1234:a100:8d6e:3477:df66:f105"), flow.getSrcAddr());
        assertEquals(ip("2a02:cf40::"), flow.getDstAddr());
        assertEquals(16, flow.getDstAddr().size());
    }

    @Test
    void readsTransitGatewayFieldsOfTheV6DefaultLayout() {
        Flow flow = parse(parser, "6 TransitGateway 123456789123 tgw-3b86d5e89ec8ebd55 tgw-attach-3e0bbb28e9ac7e3d8"
                + " 111111111111 222222222222 vpc-3620ee62fdaf70d01 vpc-3da88d2d64d3e7d16 subnet-3fbc536e360c36ca1"
                + " subnet-3abc2577ee1022895 eni-008ffff1f06bf8d10 eni-309ffff1f06bf8d99 use1-az1 use1-az2"
                + " tgw-attach-0000000000000000f 10.100.8.1 10.200.8.2 43228 53 6 1 1600 1766848875 1766848933 OK IPv4"
                + " 1 0 2 3 2 us-east-1 egress - S3\n").onlyFlow();

        assertEquals(6, flow.getVersion());
        assertEquals("123456789123", flow.getObserver().getAccountId());
        assertEquals("TransitGateway", flow.getAws().getTgw().getResourceType());
        assertEquals("tgw-3b86d5e89ec8ebd55", flow.getAws().getTgw().getTgwId());
        assertEquals("tgw-attach-3e0bbb28e9ac7e3d8", flow.getAws().getTgw().getAttachmentId());
        assertEquals("111111111111", flow.getAws().getTgw().getSrcVpcAccountId());
        assertEquals("222222222222", flow.getAws().getTgw().getDstVpcAccountId());
        assertEquals("vpc-3620ee62fdaf70d01", flow.getAws().getTgw().getSrcVpcId());
        assertEquals("vpc-3da88d2d64d3e7d16", flow.getAws().getTgw().getDstVpcId());
        assertEquals("subnet-3fbc536e360c36ca1", flow.getAws().getTgw().getSrcSubnetId());
        assertEquals("subnet-3abc2577ee1022895", flow.getAws().getTgw().getDstSubnetId());
        assertEquals("eni-008ffff1f06bf8d10", flow.getAws().getTgw().getSrcEni());
        assertEquals("eni-309ffff1f06bf8d99", flow.getAws().getTgw().getDstEni());
        assertEquals("use1-az1", flow.getAws().getTgw().getSrcAzId());
        assertEquals("use1-az2", flow.getAws().getTgw().getDstAzId());
        assertEquals("tgw-attach-0000000000000000f", flow.getAws().getTgw().getPairAttachmentId());
        assertEquals(1, flow.getAws().getTgw().getPacketsLostNoRoute());
        assertEquals(0, flow.getAws().getTgw().getPacketsLostBlackhole());
        assertTrue(flow.getAws().getTgw().hasPacketsLostBlackhole(), "0 is a value, not absence");
        assertEquals(2, flow.getAws().getTgw().getPacketsLostMtuExceeded());
        assertEquals(3, flow.getAws().getTgw().getPacketsLostTtlExpired());
        assertEquals(2, flow.getTcpFlags());
        assertEquals("us-east-1", flow.getObserver().getRegion());
        assertEquals(Direction.EGRESS, flow.getDirection());
        assertEquals("", flow.getAws().getPktSrcAwsService());
        assertEquals("S3", flow.getAws().getPktDstAwsService());
        assertEquals(Action.ACTION_UNSPECIFIED, flow.getAction(), "TGW records have no action");
        assertEquals(1600, flow.getBytes());
    }

    @Test
    void readsEcsFieldsOfVersion7() {
        String header = AwsVpcLayout.defaultForFieldCount(39).text();
        Flow flow = parse(parser, header + "\n"
                + "7 111122223333 eni-1 10.0.0.1 10.0.0.2 1 2 6 3 4 5 6 ACCEPT OK - - - - - - - - - - - - - ingress -"
                + " arn:aws:ecs:us-east-1:111122223333:cluster/web web"
                + " arn:aws:ecs:us-east-1:111122223333:container-instance/web/abc abc c1 c2 websvc"
                + " arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
                + " arn:aws:ecs:us-east-1:111122223333:task/web/t1 t1\n").onlyFlow();

        assertEquals("arn:aws:ecs:us-east-1:111122223333:cluster/web", flow.getAws().getEcs().getClusterArn());
        assertEquals("web", flow.getAws().getEcs().getClusterName());
        assertEquals("arn:aws:ecs:us-east-1:111122223333:container-instance/web/abc",
                flow.getAws().getEcs().getContainerInstanceArn());
        assertEquals("abc", flow.getAws().getEcs().getContainerInstanceId());
        assertEquals("c1", flow.getAws().getEcs().getContainerId());
        assertEquals("c2", flow.getAws().getEcs().getSecondContainerId());
        assertEquals("websvc", flow.getAws().getEcs().getServiceName());
        assertEquals("arn:aws:ecs:us-east-1:111122223333:task-definition/web:3", flow.getAws().getEcs().getTaskDefinitionArn());
        assertEquals("arn:aws:ecs:us-east-1:111122223333:task/web/t1", flow.getAws().getEcs().getTaskArn());
        assertEquals("t1", flow.getAws().getEcs().getTaskId());
        assertEquals(Direction.INGRESS, flow.getDirection());
        assertFalse(flow.hasTrafficPath(), "traffic-path is - for ingress");
    }

    @Test
    void readsRejectReasonOfVersion8() {
        Flow flow = parse(parser, """
                version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path reject-reason
                8 111122223333 eni-0a1b2c3d4e5f60718 203.0.113.44 10.1.2.15 61022 3389 6 3 180 1714731411 1714731440 REJECT OK vpc-0123456789abcdef0 subnet-0fedcba9876543210 i-0aa11bb22cc33dd44 2 IPv4 203.0.113.44 10.1.2.15 eu-west-1 euw1-az2 - - - - ingress - BPA
                """).onlyFlow();

        assertEquals("BPA", flow.getAws().getRejectReason());
        assertEquals(Action.REJECT, flow.getAction());
        assertEquals("euw1-az2", flow.getObserver().getZone());
        assertEquals(2, flow.getTcpFlags());
    }

    @Test
    void keepsUnknownHeaderFieldsInExtra() {
        Flow flow = parse(parser, "version srcaddr future-field another-one\n9 10.0.0.1 some-value -\n").onlyFlow();

        assertEquals(Map.of("future-field", "some-value"), flow.getExtraMap(), "an absent (-) unknown value is left out");
        assertEquals(9, flow.getVersion());
    }

    @ParameterizedTest(name = "{0} fields read as version {1}")
    @CsvSource({"14, 2", "21, 3", "25, 4", "29, 5", "39, 7", "40, 8"})
    void infersAwsDefaultLayoutsByFieldCountWithoutHeader(int fieldCount, int version) {
        List<String> names = AwsVpcLayout.defaultForFieldCount(fieldCount).names();
        assertEquals(fieldCount, names.size());
        StringBuilder record = new StringBuilder(V2_RECORD.replaceFirst("^2", String.valueOf(version)));
        for (int i = 14; i < fieldCount; i++) {
            record.append(' ').append(names.get(i).equals("region") ? "eu-west-1" : "-");
        }

        Flow flow = parse(parser, record + "\n").onlyFlow();

        assertEquals(version, flow.getVersion());
        assertEquals(4380, flow.getBytes());
        assertEquals(fieldCount >= 25 ? "eu-west-1" : "", flow.getObserver().getRegion());
    }

    @Test
    void usesTheConfiguredLogFormatForHeaderlessRecords() {
        AwsVpcTextParser configured = new AwsVpcTextParser(List.of("instance-id", "interface-id", "srcaddr", "dstaddr",
                "pkt-srcaddr", "pkt-dstaddr"));

        Flow flow = parse(configured, "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5\n").onlyFlow();

        assertEquals("", flow.getObserver().getInstanceId());
        assertEquals(ip("203.0.113.5"), flow.getPktDstAddr());
    }

    @Test
    void reportsGarbageLineWithItsLineNumberAndKeepsParsing() {
        CollectingConsumer out = parse(parser, V2_HEADER + "\n" + V2_RECORD + "\n"
                + "Phony unsupported log format.\n" + V2_RECORD + "\n");

        assertEquals(2, out.flows.size());
        assertEquals(List.of(2L, 4L), out.flows.stream().map(f -> f.getRecordIndex()).toList());
        ParseError error = out.errors.get(0);
        assertEquals(1, out.errors.size());
        assertEquals(3, error.line());
        assertEquals(CollectingConsumer.KEY, error.objectKey());
        assertEquals("Phony unsupported log format.", error.raw());
        assertTrue(error.reason().contains("4 fields") && error.reason().contains("14"), error.reason());
    }

    @Test
    void reportsAHeaderlessLineThatFitsNoDefaultLayout() {
        ParseError error = parse(parser, "Phony unsupported log format.").errors.get(0);

        assertEquals(1, error.line());
        assertTrue(error.reason().contains("matches no AWS default layout"), error.reason());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "2 1 eni-1 10.0.0.1 10.0.0.2 70000 443 6 1 1 1 1 ACCEPT OK | field srcport: '70000' is not a whole number from 0 to 65535",
        "2 1 eni-1 10.0.0.1 10.0.0.2 1 443 6 1 x1 1 1 ACCEPT OK    | field bytes: 'x1' is not a whole number",
        "2 1 eni-1 10.0.0.1 10.0.0.2 1 443 256 1 1 1 1 ACCEPT OK   | field protocol: '256' is not a whole number from 0 to 255",
        "2 1 eni-1 10.0.0.1 10.0.0.2 1 443 6 -5 1 1 1 ACCEPT OK    | field packets: '-5' is not a whole number",
        "2 1 eni-1 10.0.0.256 10.0.0.2 1 443 6 1 1 1 1 ACCEPT OK   | field srcaddr: '10.0.0.256' is not an IPv4 or IPv6 address",
        "2 1 eni-1 10.0.0.1 2001:db8:::1 1 443 6 1 1 1 1 ACCEPT OK | field dstaddr: '2001:db8:::1' is not an IPv4 or IPv6 address",
        "2 1 eni-1 10.0.0.1 10.0.0.2 1 443 6 1 1 1 1 ALLOW OK      | field action: 'ALLOW' is not one of ACCEPT, REJECT or -",
        "2 1 eni-1 10.0.0.1 10.0.0.2 1 443 6 1 1 1 1 ACCEPT ok     | field log-status: 'ok' is not one of OK, NODATA, SKIPDATA or -",
        "2 1 eni-1 10.0.0.1 10.0.0.2 1 443 6 1 1 1 99999999999999999 ACCEPT OK | field end: '99999999999999999' is not a whole number",
    })
    void namesTheMalformedFieldAndValue(String record, String expectedReason) {
        CollectingConsumer out = parse(parser, record.strip() + "\n" + V2_RECORD + "\n");

        assertEquals(1, out.flows.size(), "the next line is still parsed");
        assertEquals(1, out.errors.size());
        assertTrue(out.errors.get(0).reason().startsWith(expectedReason.strip()), out.errors.get(0).reason());
        assertEquals(record.strip(), out.errors.get(0).raw());
    }

    @Test
    void reportsARecordWhoseFieldCountDiffersFromItsHeader() {
        CollectingConsumer out = parse(parser, V2_HEADER + "\n" + V2_RECORD + " extra\n");

        assertEquals(List.of(), out.flows);
        assertEquals("record has 15 fields but its header names 14 (" + V2_HEADER + ")", out.errors.get(0).reason());
    }

    @Test
    void replacesTheLayoutWhenAHeaderRecursMidStream() {
        CollectingConsumer out = parse(parser, V2_HEADER + "\n" + V2_RECORD + "\n\n"
                + "srcaddr dstaddr\n10.9.9.9 10.8.8.8\n");

        assertEquals(2, out.flows.size());
        assertEquals(ip("10.9.9.9"), out.flows.get(1).getSrcAddr());
        assertEquals(5, out.flows.get(1).getRecordIndex(), "header and empty lines count as lines");
        assertEquals("srcaddr dstaddr", out.returned.state());
    }

    @Test
    void reportsConsumptionAfterEveryLine() {
        String text = V2_HEADER + "\n" + V2_RECORD + "\n\nbad line\n";
        CollectingConsumer out = parse(parser, text);

        assertEquals(4, out.consumed.size());
        assertEquals(new ResumePoint(V2_HEADER.length() + 1, 1, V2_HEADER), out.consumed.get(0));
        assertEquals(new ResumePoint(text.length(), 4, V2_HEADER), out.returned);
        assertEquals(out.returned, out.consumed.get(3));
    }

    @Test
    void resumesMidObjectWithExactlyTheRemainingFlows() {
        String text = V2_HEADER + "\n" + V2_RECORD + "\n" + V2_RECORD.replace("51544", "1") + "\n"
                + V2_RECORD.replace("51544", "2") + "\n";
        byte[] object = text.getBytes(StandardCharsets.UTF_8);
        ResumePoint afterFirstRecord = parse(parser, text).consumed.get(1);

        CollectingConsumer rest = parse(new AwsVpcTextParser(), object, afterFirstRecord, true);

        assertEquals(List.of(1, 2), rest.flows.stream().map(Flow::getSrcPort).toList());
        assertEquals(List.of(3L, 4L), rest.flows.stream().map(f -> f.getRecordIndex()).toList());
        assertEquals(new ResumePoint(object.length, 4, V2_HEADER), rest.returned);
    }

    @Test
    void leavesAnUnterminatedLastLineForTheNextReadWhileTheObjectMayGrow() {
        byte[] growing = (V2_HEADER + "\n" + V2_RECORD + "\n" + "2 111122223333 eni-0a1b2c3d4e5f").getBytes(StandardCharsets.UTF_8);

        CollectingConsumer first = parse(parser, growing, ResumePoint.START, false);

        assertEquals(1, first.flows.size());
        assertEquals(List.of(), first.errors);
        assertEquals(new ResumePoint(V2_HEADER.length() + V2_RECORD.length() + 2, 2, V2_HEADER), first.returned);

        byte[] grown = (V2_HEADER + "\n" + V2_RECORD + "\n" + V2_RECORD + "\n").getBytes(StandardCharsets.UTF_8);
        CollectingConsumer second = parse(parser, grown, first.returned, false);
        assertEquals(3, second.onlyFlow().getRecordIndex());
    }

    @Test
    void parsesAnUnterminatedLastLineWhenTheObjectIsComplete() {
        CollectingConsumer out = parse(parser, V2_HEADER + "\n" + V2_RECORD);

        assertEquals(2, out.onlyFlow().getRecordIndex());
        assertEquals(V2_HEADER.length() + 1 + V2_RECORD.length(), out.returned.offset());
    }

    @Test
    void handlesCrlfLineEndings() {
        CollectingConsumer out = parse(parser, V2_HEADER + "\r\n" + V2_RECORD + "\r\n\r\n" + V2_RECORD + "\r");

        assertEquals(List.of(), out.errors);
        assertEquals(2, out.flows.size());
        assertEquals(LogStatus.OK, out.flows.get(1).getLogStatus());
        assertEquals(V2_HEADER, out.returned.state());
    }

    @Test
    void toleratesRunsOfSpaces() {
        // The beats tcp-flag-sequence sample has a double space between two values.
        Flow flow = parse(parser, "  " + V2_RECORD.replace(" 443 ", "  443   ") + "  \n").onlyFlow();

        assertEquals(443, flow.getDstPort());
        assertEquals(LogStatus.OK, flow.getLogStatus());
    }

    @Test
    void decodesNonAsciiValuesAsUtf8() {
        // The beats v6 sample has a Cyrillic letter at the end of a subnet id.
        Flow flow = parse(parser, "subnet-id srcport\nsubnet-3fbc536e360c36caб 80\n").onlyFlow();

        assertEquals("subnet-3fbc536e360c36caб", flow.getObserver().getSubnetId());
    }

    @Test
    void rejectsAnOverlongLineWithoutHoldingItAndContinues() {
        String longLine = "x".repeat(AwsVpcTextParser.MAX_LINE_BYTES * 3);
        CollectingConsumer out = parse(parser, V2_RECORD + "\n" + longLine + "\n" + V2_RECORD + "\n");

        assertEquals(2, out.flows.size());
        assertEquals(3, out.flows.get(1).getRecordIndex());
        assertEquals(2, out.errors.get(0).line());
        assertTrue(out.errors.get(0).reason().contains("longer than"));
        assertEquals(ParseError.MAX_RAW_CHARS, out.errors.get(0).raw().length());
    }

    @Test
    void readsStreamsThatDeliverFewBytesAtATimeAndSpanManyBuffers() throws IOException {
        StringBuilder text = new StringBuilder(V2_HEADER).append('\n');
        int records = 5_000;
        for (int i = 0; i < records; i++) {
            text.append(V2_RECORD.replace("51544", String.valueOf(i))).append('\n');
        }
        byte[] object = text.toString().getBytes(StandardCharsets.UTF_8);
        CollectingConsumer out = new CollectingConsumer();

        ResumePoint end = parser.parse(new TrickleInputStream(new ByteArrayInputStream(object)), ResumePoint.START,
                new ParseContext("s", "k", true), out);

        assertEquals(records, out.flows.size());
        assertEquals(records - 1, out.flows.get(records - 1).getSrcPort());
        assertEquals(new ResumePoint(object.length, records + 1, V2_HEADER), end);
    }

    @Test
    void reusesStringsThatRepeatAcrossRecords() {
        CollectingConsumer out = parse(parser, V2_RECORD + "\n" + V2_RECORD + "\n");

        assertSame(out.flows.get(0).getObserver().getAccountId(), out.flows.get(1).getObserver().getAccountId());
        assertSame(out.flows.get(0).getObserver().getInterfaceId(), out.flows.get(1).getObserver().getInterfaceId());
    }

    static ByteString ip(String text) {
        try {
            return ByteString.copyFrom(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Returns at most 7 bytes per read, as a slow network stream might. */
    private static final class TrickleInputStream extends FilterInputStream {
        TrickleInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 7));
        }
    }
}
