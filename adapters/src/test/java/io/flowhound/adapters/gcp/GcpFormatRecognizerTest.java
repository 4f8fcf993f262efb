package io.flowhound.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GcpFormatRecognizerTest {

    private static final byte[] NOT_JSON = "2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 1 2 ACCEPT OK\n".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"compute.googleapis.com/vpc_flows/2024/05/03/10:00:00_10:59:59_S0.json",
            "exports/compute.googleapis.com/vpc_flows/2024/05/03/10:00:00_10:59:59_A1.json",
            "networkmanagement.googleapis.com/vpc_flows/2025/01/02/03:00:00_03:59:59_S2.json"})
    void claimsVpcFlowObjectsByTheirKeyLayout(String key) {
        assertTrue(GcpFormatRecognizer.VPC_FLOW.recognizes(key, NOT_JSON), key);
        assertFalse(GcpFormatRecognizer.FIREWALL.recognizes(key, NOT_JSON), key);
    }

    @Test
    void claimsFirewallObjectsByTheirKeyLayout() {
        String key = "compute.googleapis.com/firewall/2024/05/03/10:00:00_10:59:59_S0.json";

        assertTrue(GcpFormatRecognizer.FIREWALL.recognizes(key, NOT_JSON));
        assertFalse(GcpFormatRecognizer.VPC_FLOW.recognizes(key, NOT_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"compute.googleapis.com%2Fvpc_flows", "networkmanagement.googleapis.com%2Fvpc_flows"})
    void claimsVpcFlowObjectsByTheFirstEntrysLogName(String logId) {
        byte[] head = ("{\"insertId\":\"a\",\"jsonPayload\":{},\"logName\":\"projects/p-1/logs/" + logId + "\"}\n{\"insertId\":")
                .getBytes(StandardCharsets.UTF_8);

        assertTrue(GcpFormatRecognizer.VPC_FLOW.recognizes("dump/today.json", head));
        assertFalse(GcpFormatRecognizer.FIREWALL.recognizes("dump/today.json", head));
    }

    @Test
    void claimsFirewallObjectsByTheFirstEntrysLogName() {
        byte[] head = "{\"logName\": \"projects/p-1/logs/compute.googleapis.com%2Ffirewall\"}".getBytes(StandardCharsets.UTF_8);

        assertTrue(GcpFormatRecognizer.FIREWALL.recognizes("today.json", head));
        assertFalse(GcpFormatRecognizer.VPC_FLOW.recognizes("today.json", head));
    }

    @Test
    void leavesOtherLogsAndOtherCloudsAlone() {
        byte[] audit = "{\"logName\":\"projects/p/logs/cloudaudit.googleapis.com%2Factivity\"}".getBytes(StandardCharsets.UTF_8);

        assertFalse(GcpFormatRecognizer.VPC_FLOW.recognizes("cloudaudit.googleapis.com/activity/2024/05/03/x.json", audit));
        assertFalse(GcpFormatRecognizer.FIREWALL.recognizes("cloudaudit.googleapis.com/activity/2024/05/03/x.json", audit));
        assertFalse(GcpFormatRecognizer.VPC_FLOW.recognizes("AWSLogs/1/vpcflowlogs/eu-west-1/x.log.gz", NOT_JSON));
        assertFalse(GcpFormatRecognizer.VPC_FLOW.recognizes("my-compute.googleapis.com/vpc_flows_old/x.json", NOT_JSON));
    }
}
