package io.flowhound.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Action;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpSampleWriterTest {

    @TempDir
    Path root;

    @Test
    void writesVpcFlowAndFirewallObjectsInTheSinkLayoutThatTheParsersReadWithoutErrors() throws IOException {
        List<Path> files = new GcpSampleWriter(7).writeObjects(root, 4, 600);

        assertEquals(4, files.size());
        for (int i = 0; i < files.size(); i++) {
            String key = root.relativize(files.get(i)).toString();
            boolean firewall = i % 2 == 1;
            String hour = i < 2 ? "10" : "11";
            assertEquals("compute.googleapis.com/" + (firewall ? "firewall" : "vpc_flows") + "/2024/05/03/" + hour + ":00:00_"
                    + hour + ":59:59_S0.json", key);
            byte[] object = Files.readAllBytes(files.get(i));
            String format = (firewall ? GcpFormatRecognizer.FIREWALL : GcpFormatRecognizer.VPC_FLOW).format();
            assertTrue((firewall ? GcpFormatRecognizer.FIREWALL : GcpFormatRecognizer.VPC_FLOW).recognizes("x.json", object), format);
            FlowParser parser = firewall ? new GcpFirewallParser() : new GcpVpcFlowParser();
            CollectingConsumer out = CollectingConsumer.parse(parser, key, object, ResumePoint.START, true);
            assertEquals(List.of(), out.errors, key);
            assertEquals(600, out.flows.size(), key);
            if (firewall) {
                assertTrue(out.flows.stream().anyMatch(f -> f.getAction() == Action.REJECT), "some DENIED records");
                assertTrue(out.flows.stream().anyMatch(f -> f.getAction() == Action.ACCEPT));
            } else {
                assertVpcFlowMix(out.flows);
            }
        }
    }

    private static void assertVpcFlowMix(List<Flow> flows) {
        Map<String, List<Flow>> byKey = flows.stream().collect(Collectors.groupingBy(f -> f.getGcp().getFlowKey()));
        assertTrue(byKey.values().stream().anyMatch(twins -> twins.size() == 2
                && twins.get(0).getReporter() == Reporter.SRC && twins.get(1).getReporter() == Reporter.DEST
                && twins.get(0).getSrcAddr().equals(twins.get(1).getSrcAddr())), "VM-to-VM flows reported by both ends");
        assertTrue(flows.stream().anyMatch(f -> f.getProtocol() == 1 && !f.hasSrcPort() && !f.hasDstPort()), "ICMP without ports");
        assertTrue(flows.stream().anyMatch(f -> !f.getSrcDetails().getGkePod().isEmpty()), "GKE pods");
        assertTrue(flows.stream().anyMatch(f -> !f.getSrcDetails().getCountry().isEmpty()), "internet clients");
        assertTrue(flows.stream().anyMatch(f -> !f.getDstDetails().getGoogleService().isEmpty()), "Google APIs");
        assertTrue(flows.stream().anyMatch(f -> f.getDstAddr().size() == 16), "a little IPv6");
    }

    @Test
    void writesTheSameBytesForTheSameSeed(@TempDir Path other) throws IOException {
        List<Path> first = new GcpSampleWriter(42).writeObjects(root, 2, 100);
        List<Path> second = new GcpSampleWriter(42).writeObjects(other, 2, 100);

        for (int i = 0; i < first.size(); i++) {
            assertEquals(root.relativize(first.get(i)), other.relativize(second.get(i)));
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)));
        }
    }
}
