package io.flowhound.adapters.aws;

import static io.flowhound.adapters.aws.AwsVpcTextParserTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.proto.Action;
import io.flowhound.proto.Direction;
import io.flowhound.proto.Flow;
import io.flowhound.proto.LogStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The composed samples of formats.md 1.8, read field by field as the field catalogue (1.2) describes them. */
class AwsVpcDocumentedSamplesTest {

    private final AwsVpcTextParser parser = new AwsVpcTextParser();

    @Test
    void readsTheDefaultV2File() {
        List<Flow> flows = CollectingConsumer.parse(parser, """
                version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
                2 111122223333 eni-0a1b2c3d4e5f60718 198.51.100.7 10.1.2.15 51544 443 6 12 4380 1714731301 1714731358 ACCEPT OK
                2 111122223333 eni-0a1b2c3d4e5f60718 203.0.113.80 10.1.2.15 40213 22 6 1 60 1714731302 1714731302 REJECT OK
                2 111122223333 eni-0f9e8d7c6b5a40312 - - - - - - - 1714731300 1714731360 - NODATA
                2 111122223333 eni-0a1b2c3d4e5f60718 2001:db8:10:1::15 2001:db8:ff::9 443 61001 6 9 7120 1714731305 1714731349 ACCEPT OK
                """).flows;

        assertEquals(4, flows.size());
        Flow rejected = flows.get(1);
        assertEquals(2, rejected.getVersion());
        assertEquals("111122223333", rejected.getObserver().getAccountId());
        assertEquals("eni-0a1b2c3d4e5f60718", rejected.getObserver().getInterfaceId());
        assertEquals(ip("203.0.113.80"), rejected.getSrcAddr());
        assertEquals(ip("10.1.2.15"), rejected.getDstAddr());
        assertEquals(40213, rejected.getSrcPort());
        assertEquals(22, rejected.getDstPort());
        assertEquals(6, rejected.getProtocol());
        assertEquals(1, rejected.getPackets());
        assertEquals(60, rejected.getBytes());
        assertEquals(1714731302000L, rejected.getStartMs());
        assertEquals(1714731302000L, rejected.getEndMs(), "start == end is common (formats.md 1.9 item 9)");
        assertEquals(Action.REJECT, rejected.getAction());
        assertEquals(LogStatus.OK, rejected.getLogStatus());
        assertEquals(3, rejected.getRecordIndex());

        Flow nodata = flows.get(2);
        assertEquals(LogStatus.NODATA, nodata.getLogStatus());
        assertEquals("eni-0f9e8d7c6b5a40312", nodata.getObserver().getInterfaceId());
        assertFalse(nodata.hasProtocol());
        assertFalse(nodata.hasBytes());
        assertEquals(Action.ACTION_UNSPECIFIED, nodata.getAction());
        assertEquals(1714731360000L, nodata.getEndMs());

        Flow ipv6 = flows.get(3);
        assertEquals(ip("2001:db8:10:1::15"), ipv6.getSrcAddr());
        assertEquals(ip("2001:db8:ff::9"), ipv6.getDstAddr());
        assertEquals(61001, ipv6.getDstPort());
    }

    @Test
    void readsTheCustomV8FileInItsHeaderOrder() {
        List<Flow> flows = CollectingConsumer.parse(parser, """
                version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path reject-reason
                8 111122223333 eni-0a1b2c3d4e5f60718 10.1.2.15 52.94.5.100 44210 443 6 31 9841 1714731410 1714731468 ACCEPT OK vpc-0123456789abcdef0 subnet-0fedcba9876543210 i-0aa11bb22cc33dd44 19 IPv4 10.1.2.15 52.94.5.100 eu-west-1 euw1-az2 - - - DYNAMODB egress 2 -
                8 111122223333 eni-0a1b2c3d4e5f60718 203.0.113.44 10.1.2.15 61022 3389 6 3 180 1714731411 1714731440 REJECT OK vpc-0123456789abcdef0 subnet-0fedcba9876543210 i-0aa11bb22cc33dd44 2 IPv4 203.0.113.44 10.1.2.15 eu-west-1 euw1-az2 - - - - ingress - BPA
                """).flows;

        Flow egress = flows.get(0);
        assertEquals(8, egress.getVersion());
        assertEquals(ip("52.94.5.100"), egress.getDstAddr());
        assertEquals(31, egress.getPackets());
        assertEquals(9841, egress.getBytes());
        assertEquals("vpc-0123456789abcdef0", egress.getObserver().getVpcId());
        assertEquals("subnet-0fedcba9876543210", egress.getObserver().getSubnetId());
        assertEquals("i-0aa11bb22cc33dd44", egress.getObserver().getInstanceId());
        assertEquals(19, egress.getTcpFlags(), "SYN-ACK | FIN over the window");
        assertEquals("IPv4", egress.getAws().getAddressType());
        assertEquals(ip("10.1.2.15"), egress.getPktSrcAddr());
        assertEquals(ip("52.94.5.100"), egress.getPktDstAddr());
        assertEquals("eu-west-1", egress.getObserver().getRegion());
        assertEquals("euw1-az2", egress.getObserver().getZone());
        assertEquals("", egress.getAws().getSublocationType());
        assertEquals("", egress.getAws().getSublocationId());
        assertEquals("", egress.getAws().getPktSrcAwsService());
        assertEquals("DYNAMODB", egress.getAws().getPktDstAwsService());
        assertEquals(Direction.EGRESS, egress.getDirection());
        assertEquals(2, egress.getTrafficPath(), "internet gateway or gateway VPC endpoint (formats.md 1.4)");
        assertEquals("", egress.getAws().getRejectReason());

        Flow blocked = flows.get(1);
        assertEquals(Action.REJECT, blocked.getAction());
        assertEquals(Direction.INGRESS, blocked.getDirection());
        assertFalse(blocked.hasTrafficPath(), "traffic-path is - for ingress");
        assertEquals("BPA", blocked.getAws().getRejectReason());
    }

    @Test
    void readsTheNatGatewayExampleWithItsPacketLevelAddresses() {
        Flow flow = CollectingConsumer.parse(parser, """
                instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr
                - eni-0nat0000000000001 10.1.0.220 203.0.113.5 10.1.2.15 203.0.113.5
                """).onlyFlow();

        assertEquals("", flow.getObserver().getInstanceId(), "requester-managed ENI");
        assertEquals("eni-0nat0000000000001", flow.getObserver().getInterfaceId());
        assertEquals(ip("10.1.0.220"), flow.getSrcAddr());
        assertEquals(ip("203.0.113.5"), flow.getDstAddr());
        assertEquals(ip("10.1.2.15"), flow.getPktSrcAddr());
        assertEquals(ip("203.0.113.5"), flow.getPktDstAddr());
    }
}
