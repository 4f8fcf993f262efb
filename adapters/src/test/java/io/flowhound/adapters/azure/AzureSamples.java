package io.flowhound.adapters.azure;

import com.google.protobuf.ByteString;
import io.flowhound.adapters.IpAddressParser;

/** The composed samples of formats.md 4.4 and 5.3, verbatim, and helpers to build more. */
final class AzureSamples {

    static final String NSG_ID = "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/PROD-RG/PROVIDERS/"
            + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG";
    static final String FLOW_LOG_ID = "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/NETWORKWATCHERRG/"
            + "PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/PROD-VNET-FLOWLOG";
    static final String VNET_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/prod-rg/providers/"
            + "Microsoft.Network/virtualNetworks/prod-vnet";

    /** formats.md 4.4, version 1. */
    static final String NSG_V1 = "{\"records\":[{\"time\":\"2024-05-03T10:00:31.1234567Z\",\"systemId\":\"0b6e4f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b\",\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/PROD-RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG\",\"operationName\":\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":1,\"flows\":[{\"rule\":\"DefaultRule_DenyAllInBound\",\"flows\":[{\"mac\":\"000D3A1B2C3D\",\"flowTuples\":[\"1714730402,203.0.113.50,10.0.1.4,44123,3389,T,I,D\"]}]},{\"rule\":\"UserRule_allow-https\",\"flows\":[{\"mac\":\"000D3A1B2C3D\",\"flowTuples\":[\"1714730405,198.51.100.9,10.0.1.4,50022,443,T,I,A\",\"1714730411,198.51.100.9,10.0.1.4,50023,443,T,I,A\"]}]}]}}]}";

    /** formats.md 4.4, version 2: B/C/E of one outbound flow plus an inbound deny. */
    static final String NSG_V2 = "{\"records\":[{\"time\":\"2024-05-03T10:06:31.7654321Z\",\"systemId\":\"0b6e4f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b\",\"macAddress\":\"000D3A1B2C3D\",\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/PROD-RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG\",\"operationName\":\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"DefaultRule_AllowInternetOutBound\",\"flows\":[{\"mac\":\"000D3A1B2C3D\",\"flowTuples\":[\"1714730701,10.0.1.4,203.0.113.77,49812,443,T,O,A,B,,,,\",\"1714730761,10.0.1.4,203.0.113.77,49812,443,T,O,A,C,40,21880,35,90112\",\"1714730790,10.0.1.4,203.0.113.77,49812,443,T,O,A,E,6,420,5,2210\"]}]},{\"rule\":\"DefaultRule_DenyAllInBound\",\"flows\":[{\"mac\":\"000D3A1B2C3D\",\"flowTuples\":[\"1714730755,192.0.2.200,10.0.1.4,51515,22,T,I,D,B,,,,\"]}]}]}}]}";

    /** formats.md 5.3: a B/E pair and a denied inbound RDP. */
    static final String VNET = "{\"records\":[{\"time\":\"2024-05-03T10:07:12.4455667Z\",\"flowLogVersion\":4,\"flowLogGUID\":\"6c2f1e9a-3b4d-4c5e-9f60-718293a4b5c6\",\"macAddress\":\"6045BD1A2B3C\",\"category\":\"FlowLogFlowEvent\",\"flowLogResourceID\":\"/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/PROD-VNET-FLOWLOG\",\"targetResourceID\":\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/prod-rg/providers/Microsoft.Network/virtualNetworks/prod-vnet\",\"operationName\":\"FlowLogFlowEvent\",\"flowRecords\":{\"flows\":[{\"aclID\":\"3f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\",\"flowGroups\":[{\"rule\":\"DefaultRule_AllowInternetOutBound\",\"flowTuples\":[\"1714730801123,10.2.0.4,203.0.113.77,49900,443,6,O,B,NX,0,0,0,0\",\"1714730860456,10.2.0.4,203.0.113.77,49900,443,6,O,E,NX,18,2310,22,40960\"]},{\"rule\":\"UserRule_deny-rdp\",\"flowTuples\":[\"1714730833001,198.51.100.14,10.2.0.4,61200,3389,6,I,D,NX,0,0,0,0\"]}]}]}}]}";

    /** formats.md 5.3: the encryption-deny variant. */
    static final String VNET_ENCRYPTION_DENY = "{\"records\":[{\"time\":\"2024-05-03T11:02:00.0000001Z\",\"flowLogVersion\":4,\"flowLogGUID\":\"6c2f1e9a-3b4d-4c5e-9f60-718293a4b5c6\",\"macAddress\":\"6045BD1A2B3C\",\"category\":\"FlowLogFlowEvent\",\"flowLogResourceID\":\"/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/PROD-VNET-FLOWLOG\",\"targetResourceID\":\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/prod-rg/providers/Microsoft.Network/virtualNetworks/prod-vnet\",\"operationName\":\"FlowLogFlowEvent\",\"flowRecords\":{\"flows\":[{\"aclID\":\"unspecified\",\"flowGroups\":[{\"rule\":\"unspecified\",\"flowTuples\":[\"1714734100321,10.2.0.4,10.2.1.9,50111,5432,6,O,D,NX_NOT_ACCEPTED,0,0,0,0\"]}]}]}}]}";

    private AzureSamples() {
    }

    /** An NSG v2 record with one rule group and the given tuples (written as JSON strings). */
    static String nsgRecord(String time, String... tuples) {
        return "{\"time\":\"" + time + "\",\"systemId\":\"0b6e4f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b\",\"macAddress\":\"000D3A1B2C3D\","
                + "\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"" + NSG_ID + "\","
                + "\"operationName\":\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":2,\"flows\":[{\"rule\":"
                + "\"UserRule_allow-https\",\"flows\":[{\"mac\":\"000D3A1B2C3D\",\"flowTuples\":[" + joined(tuples) + "]}]}]}}";
    }

    /** A VNet record with one ACL and one flow group holding the given tuples. */
    static String vnetRecord(String target, String... tuples) {
        return "{\"time\":\"2024-05-03T10:07:12.4455667Z\",\"flowLogVersion\":4,\"flowLogGUID\":\"6c2f1e9a-3b4d-4c5e-9f60-718293a4b5c6\","
                + "\"macAddress\":\"6045bd1a2b3c\",\"category\":\"FlowLogFlowEvent\",\"flowLogResourceID\":\"" + FLOW_LOG_ID + "\","
                + "\"targetResourceID\":\"" + target + "\",\"operationName\":\"FlowLogFlowEvent\",\"flowRecords\":{\"flows\":[{"
                + "\"aclID\":\"3f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\",\"flowGroups\":[{\"rule\":\"UserRule_web\",\"flowTuples\":["
                + joined(tuples) + "]}]}]}}";
    }

    /** A document holding {@code records}, as Azure commits it. */
    static String document(String... records) {
        return "{\"records\":[" + String.join(",", records) + "]}";
    }

    static ByteString ip(String text) {
        return ByteString.copyFrom(IpAddressParser.parse(text));
    }

    private static String joined(String... tuples) {
        StringBuilder out = new StringBuilder();
        for (String tuple : tuples) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(tuple.startsWith("\"") || tuple.startsWith("[") || tuple.startsWith("{")
                    || tuple.matches("-?[0-9]+|true|false|null") ? tuple : "\"" + tuple + "\"");
        }
        return out.toString();
    }
}
