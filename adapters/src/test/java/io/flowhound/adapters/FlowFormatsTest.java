package io.flowhound.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.aws.AwsVpcTextParser;
import io.flowhound.adapters.gcp.GcpFirewallParser;
import io.flowhound.adapters.gcp.GcpVpcFlowParser;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowFormatsTest {

    @Test
    void offersTheAwsAndGcpParsersByTheirConfiguredNames() {
        assertTrue(FlowFormats.isAvailable("gcp_vpc_flow"));
        assertTrue(FlowFormats.isAvailable("gcp_firewall"));
        assertInstanceOf(GcpVpcFlowParser.class, FlowFormats.create("gcp_vpc_flow", FormatOptions.NONE));
        assertInstanceOf(GcpFirewallParser.class, FlowFormats.create("gcp_firewall", FormatOptions.NONE));
        assertInstanceOf(AwsVpcTextParser.class, FlowFormats.create("aws_vpc_text", FormatOptions.NONE));
    }

    @Test
    void recognisesGcpObjectsByKeyOrByTheirFirstEntry() {
        byte[] vpcFlow = "{\"insertId\":\"a\",\"logName\":\"projects/p/logs/compute.googleapis.com%2Fvpc_flows\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] firewall = "{\"insertId\":\"a\",\"logName\":\"projects/p/logs/compute.googleapis.com%2Ffirewall\"}\n"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(Optional.of("gcp_vpc_flow"), FlowFormats.detect("bucket-export/part-1.json", vpcFlow));
        assertEquals(Optional.of("gcp_firewall"), FlowFormats.detect("bucket-export/part-2.json", firewall));
        assertEquals(Optional.of("gcp_firewall"),
                FlowFormats.detect("compute.googleapis.com/firewall/2024/05/03/10:00:00_10:59:59_S0.json", new byte[0]));
        assertEquals(Optional.of("aws_vpc_text"), FlowFormats.detect("AWSLogs/111122223333/vpcflowlogs/eu-west-1/x.log.gz",
                "version account-id\n".getBytes(StandardCharsets.UTF_8)));
    }
}
