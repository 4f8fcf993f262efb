package io.flowhound.adapters.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.FlowFormats;
import io.flowhound.adapters.FlowFormatsProbe;
import io.flowhound.adapters.FormatOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AzureFormatRecognizerTest {

    private static final byte[] NOTHING = new byte[0];

    @Test
    void recognisesTheBlobLayouts() {
        String nsgBlob = "resourceId=/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/PROD-RG/PROVIDERS/"
                + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG/y=2024/m=05/d=03/h=10/m=00/macAddress=000D3A1B2C3D/PT1H.json";
        String vnetBlob = "flowLogResourceID=/00000000-0000-0000-0000-000000000000_NETWORKWATCHERRG/"
                + "NETWORKWATCHER_WESTEUROPE_PROD-VNET-FLOWLOG/y=2024/m=05/d=03/h=10/m=00/macAddress=6045BD1A2B3C/PT1H.json";

        assertTrue(AzureFormatRecognizer.nsg().recognizes(nsgBlob, NOTHING));
        assertTrue(AzureFormatRecognizer.nsg().recognizes("backup/insights-logs-networksecuritygroupflowevent/x/PT1H.json", NOTHING));
        assertFalse(AzureFormatRecognizer.nsg().recognizes(vnetBlob, NOTHING));
        assertTrue(AzureFormatRecognizer.vnet().recognizes(vnetBlob, NOTHING));
        assertTrue(AzureFormatRecognizer.vnet().recognizes("insights-logs-flowlogflowevent/anything/PT1H.json", NOTHING));
        assertFalse(AzureFormatRecognizer.vnet().recognizes(nsgBlob, NOTHING));
    }

    @Test
    void recognisesTheContentWhenTheKeySaysNothing() {
        byte[] nsg = AzureSamples.NSG_V1.getBytes(StandardCharsets.UTF_8);
        byte[] vnet = AzureSamples.VNET.getBytes(StandardCharsets.UTF_8);

        assertEquals("azure_nsg", detect("copy/PT1H.json", nsg));
        assertEquals("azure_vnet", detect("copy/PT1H.json", vnet));
        assertEquals("azure_nsg", detect("a.json", ("{ \"records\" : [ " + AzureSamples.NSG_V2.substring(12))
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("none", detect("a.json", "{\"records\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("none", detect("a.json", "{\"records\":[{\"category\":\"Other\",\"properties\":{}}]}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("aws_vpc_text", detect("flows.log", ("version account-id interface-id srcaddr dstaddr srcport dstport"
                + " protocol packets bytes start end action log-status\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bothFormatsAreAvailable() {
        assertTrue(FlowFormats.isAvailable("azure_nsg"));
        assertTrue(FlowFormats.isAvailable("azure_vnet"));
        assertEquals("azure_nsg", FlowFormats.create("azure_nsg", FormatOptions.NONE).format());
        assertEquals("azure_vnet", FlowFormats.create("azure_vnet", FormatOptions.NONE).format());
    }

    /** Through the registry, as {@code format: auto} does. */
    private static String detect(String key, byte[] head) {
        return FlowFormatsProbe.detect(key, head);
    }
}
