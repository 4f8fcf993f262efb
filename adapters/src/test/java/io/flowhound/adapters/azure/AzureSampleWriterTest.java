package io.flowhound.adapters.azure;

import io.flowhound.adapters.CollectingConsumer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.FlowFormatsProbe;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Action;
import io.flowhound.proto.FlowState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureSampleWriterTest {

    @TempDir
    Path root;

    @Test
    void writesNsgAndVnetBlobsInAzuresLayoutsThatTheParsersReadWithoutErrors() throws IOException {
        List<Path> files = new AzureSampleWriter(7).writeObjects(root, 4, 60);

        assertEquals(4, files.size());
        for (int i = 0; i < files.size(); i++) {
            String key = root.relativize(files.get(i)).toString();
            boolean nsg = i < 2;
            assertTrue(key.matches(nsg
                    ? "insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/[0-9A-F-]{36}/RESOURCEGROUPS/"
                            + "SHOP-PROD-RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SHOP-WEB-NSG/y=2024/m=05/d=03/"
                            + "h=10/m=00/macAddress=[0-9A-F]{12}/PT1H.json"
                    : "insights-logs-flowlogflowevent/flowLogResourceID=/[0-9A-F-]{36}_NETWORKWATCHERRG/"
                            + "NETWORKWATCHER_WESTEUROPE_SHOP-VNET-FLOWLOG/y=2024/m=05/d=03/h=10/m=00/macAddress=[0-9A-F]{12}/PT1H.json"),
                    key);
            byte[] bytes = Files.readAllBytes(files.get(i));
            FlowParser parser = nsg ? new AzureNsgParser() : new AzureVnetParser();
            assertEquals(parser.format(), FlowFormatsProbe.detect(key, bytes), key);
            CollectingConsumer out = CollectedFlows.parse(parser, bytes, ResumePoint.START, true).withoutErrors();
            assertEquals(60, out.returned.records(), key);
            assertTrue(out.flows.size() > 60 * 8, key);
            for (FlowState state : nsg ? List.of(FlowState.BEGIN, FlowState.CONTINUE, FlowState.END)
                    : List.of(FlowState.BEGIN, FlowState.CONTINUE, FlowState.END, FlowState.DENIED)) {
                assertTrue(out.flows.stream().anyMatch(f -> f.getFlowState() == state), key + " has " + state);
            }
            assertTrue(out.flows.stream().anyMatch(f -> f.getAction() == Action.REJECT), key);
            assertTrue(out.flows.stream().anyMatch(f -> f.getProtocol() == 17), key);
            assertTrue(out.flows.stream().map(f -> f.getRuleName()).distinct().count() >= 3, key);
            if (!nsg) {
                assertTrue(out.flows.stream().anyMatch(f -> f.getAzure().getEncryption().equals("NX_LOCAL_DST")), key);
            }
        }
    }

    @Test
    void writesTheSameBytesForTheSameSeed(@TempDir Path other) throws IOException {
        List<Path> first = new AzureSampleWriter(42).writeObjects(root, 2, 10);
        List<Path> second = new AzureSampleWriter(42).writeObjects(other, 2, 10);

        for (int i = 0; i < first.size(); i++) {
            assertEquals(root.relativize(first.get(i)), other.relativize(second.get(i)));
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)));
        }
        assertTrue(new String(Files.readAllBytes(first.get(0)), StandardCharsets.UTF_8).startsWith("{\"records\":[{\"time\":"));
    }
}
