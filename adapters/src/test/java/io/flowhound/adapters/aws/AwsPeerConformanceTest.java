package io.flowhound.adapters.aws;

import static io.flowhound.adapters.aws.AwsVpcTextParserTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Action;
import io.flowhound.proto.Direction;
import io.flowhound.proto.Flow;
import io.flowhound.proto.LogStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the parser against the AWS fixtures of other collectors (shared/fixtures/peers, see its
 * README): every line of every AWS log fixture must become a flow or a parse error, our flows
 * must agree with the peers' expected documents where both mean the same thing (see
 * {@link PeerExpectedFields} for the deliberate differences), and AWS's documented examples,
 * as the beats processor's YAML quotes them, must read field by field as AWS describes them.
 *
 * <p>The fixtures are read from the folder named by the system property {@code flowhound.peers}
 * (default {@code ../../shared/fixtures/peers}, relative to the module directory Maven runs
 * tests in); the test is skipped when it is absent.
 */
class AwsPeerConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A CloudWatch subscription wrapper ({"message": "..."}), not flow log text: a different reader's input. */
    private static final String JSON_WRAPPED_FIXTURE = "test-with-message-field.log";

    private static Path peers;
    private static Map<String, ProcessorSamples> processorSamples;

    @BeforeAll
    static void locatePeerFixtures() throws IOException {
        peers = Path.of(System.getProperty("flowhound.peers", "../../shared/fixtures/peers"));
        if (fixturesPresent()) {
            processorSamples = ProcessorSamples.read(peers.resolve("beats/aws_vpcflow_processor/aws-vpc-flow-logs.yml"));
        }
    }

    /** Each test is reported as skipped, with the reason, when the fixtures are absent. */
    @BeforeEach
    void requirePeerFixtures() {
        assumeTrue(fixturesPresent(),
                "peer fixtures not found at " + peers.toAbsolutePath() + "; set -Dflowhound.peers=<folder> to run this test");
    }

    private static boolean fixturesPresent() {
        return Files.isDirectory(peers.resolve("beats/aws_vpcflow"));
    }

    @Test
    void turnsEveryLineOfEveryAwsLogFixtureIntoAFlowOrAnError() throws IOException {
        int files = 0;
        for (Path file : awsLogFixtures()) {
            List<String> lines = physicalLines(file);
            CollectingConsumer out = parseFixture(file);
            long records = lines.stream().filter(l -> !l.isBlank() && !isHeader(l)).count();

            assertEquals(records, out.flows.size() + out.errors.size(), file + ": every record line is a flow or an error");
            assertEquals(lines.size(), out.returned.records(), file + ": every physical line is consumed");
            assertEquals(Files.size(file), out.returned.offset(), file + ": every byte is consumed");
            if (file.getFileName().toString().equals("bad.log")) {
                // "Phony unsupported log format.": 4 values fit no AWS layout.
                assertEquals(1, out.errors.size(), file.toString());
                assertEquals(1, out.errors.get(0).line());
            } else {
                assertEquals(List.of(), out.errors, file.toString());
            }
            files++;
        }
        assertEquals(14, files, "the AWS log fixtures listed in peers/SOURCES.txt, less the JSON-wrapped one");
    }

    @TestFactory
    Stream<DynamicTest> agreesWithThePeersExpectedDocuments() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String log : List.of("beats/aws_vpcflow/ipv6.log", "beats/aws_vpcflow/no-data-skip-data.log",
                "beats/aws_vpcflow/custom-nat-gateway.log", "integrations/aws_vpcflow/test-v5-all-fields.log",
                "integrations/aws_vpcflow/test-v8-samples.log", "integrations/aws_vpcflow/test-tcp-flag-sequence.log")) {
            tests.add(DynamicTest.dynamicTest(log, () -> {
                Path file = peers.resolve(log);
                assertAgrees(parseFixture(file), expectedDocuments(peers.resolve(log + "-expected.json")), log);
            }));
        }
        for (String[] golden : new String[][] {
                {"service-name-path-direction", "service-name-path-direction.golden.json"},
                {"v7-fields-original", "v7-fields-ecs.golden.json"}}) {
            tests.add(DynamicTest.dynamicTest(golden[1], () -> {
                ProcessorSamples samples = processorSamples.get(golden[0]);
                CollectingConsumer out = samples.parse();
                assertAgrees(out, expectedDocuments(peers.resolve("beats/aws_vpcflow_processor/" + golden[1])), golden[1]);
            }));
        }
        return tests.stream();
    }

    @Test
    void parsesEveryBeatsProcessorSampleWithItsFormat() {
        int samples = 0;
        for (ProcessorSamples entry : processorSamples.values()) {
            CollectingConsumer out = entry.parse();
            assertEquals(List.of(), out.errors, entry.name());
            assertEquals(entry.samples().size(), out.flows.size(), entry.name());
            samples += out.flows.size();
        }
        assertEquals(30, samples, "samples in the YAML's own entries (the merge-key variants repeat them)");
    }

    @Test
    void readsTheV5SampleAsAwsDocumentsEveryField() {
        Flow flow = processorSamples.get("v5-fields-original").parse().onlyFlow();

        assertEquals(5, flow.getVersion());
        assertEquals("64111117617", flow.getObserver().getAccountId(), "an 11-digit account id stays as written");
        assertEquals("eni-069xxxxxb7a490", flow.getObserver().getInterfaceId());
        assertEquals(ip("89.160.20.156"), flow.getSrcAddr());
        assertEquals(ip("10.200.0.0"), flow.getDstAddr());
        assertEquals(50041, flow.getSrcPort());
        assertEquals(33004, flow.getDstPort());
        assertEquals(17, flow.getProtocol());
        assertEquals(52, flow.getPackets());
        assertEquals(1, flow.getBytes());
        assertEquals(1616729292000L, flow.getStartMs());
        assertEquals(1616729349000L, flow.getEndMs());
        assertEquals(Action.REJECT, flow.getAction());
        assertEquals(LogStatus.OK, flow.getLogStatus());
        assertEquals("vpc-09676f97xxxxxb8a7", flow.getObserver().getVpcId());
        assertEquals("subnet-02d645xxxxxxxdbc0", flow.getObserver().getSubnetId());
        assertEquals("i-0axxxxxx1ad77", flow.getObserver().getInstanceId());
        assertEquals(1, flow.getTcpFlags());
        assertEquals("IPv4", flow.getAws().getAddressType());
        assertEquals(ip("89.160.20.156"), flow.getPktSrcAddr());
        assertEquals(ip("10.200.0.80"), flow.getPktDstAddr());
        assertEquals("us-east-1", flow.getObserver().getRegion());
        assertEquals("use1-az5", flow.getObserver().getZone());
        assertEquals("wavelength", flow.getAws().getSublocationType());
        assertEquals("fake-id", flow.getAws().getSublocationId());
        assertEquals("AMAZON", flow.getAws().getPktSrcAwsService());
        assertEquals("CLOUDFRONT", flow.getAws().getPktDstAwsService());
        assertEquals(Direction.INGRESS, flow.getDirection());
        assertEquals(1, flow.getTrafficPath());
    }

    @Test
    void readsTheV6TransitGatewaySampleDespiteDoubleSpacesAndACyrillicLetter() {
        // The sample has two double spaces and a Cyrillic "б" (UTF-8 D0 B1) ending a subnet id:
        // runs of spaces are one separator, and the value keeps the letter as UTF-8 text.
        Flow flow = processorSamples.get("v6-fields-original").parse().onlyFlow();

        assertEquals("TransitGateway", flow.getAws().getTgw().getResourceType());
        assertEquals("123456789123", flow.getObserver().getAccountId());
        assertEquals("tgw-3b86d5e89ec8ebd55", flow.getAws().getTgw().getTgwId());
        assertEquals("tgw-attach-3e0bbb28e9ac7e3d8", flow.getAws().getTgw().getAttachmentId());
        assertEquals("123456789123", flow.getAws().getTgw().getSrcVpcAccountId());
        assertEquals("123456789123", flow.getAws().getTgw().getDstVpcAccountId());
        assertEquals("vpc-3620ee62fdaf70d01", flow.getAws().getTgw().getSrcVpcId());
        assertEquals("vpc-3da88d2d64d3e7d16", flow.getAws().getTgw().getDstVpcId());
        assertEquals("subnet-3fbc536e360c36ca\u0431", flow.getAws().getTgw().getSrcSubnetId());
        assertEquals("subnet-3abc2577ee1022895", flow.getAws().getTgw().getDstSubnetId());
        assertEquals("eni-008ffff1f06bf8d10", flow.getAws().getTgw().getSrcEni());
        assertEquals("eni-309ffff1f06bf8d99", flow.getAws().getTgw().getDstEni());
        assertEquals("us-east-1a", flow.getAws().getTgw().getSrcAzId());
        assertEquals("us-east-1b", flow.getAws().getTgw().getDstAzId());
        assertEquals("", flow.getAws().getTgw().getPairAttachmentId());
        assertEquals(ip("10.100.8.1"), flow.getSrcAddr());
        assertEquals(ip("10.200.8.2"), flow.getDstAddr());
        assertEquals(43228, flow.getSrcPort());
        assertEquals(53, flow.getDstPort());
        assertEquals(6, flow.getProtocol());
        assertEquals(1, flow.getPackets());
        assertEquals(1600, flow.getBytes());
        assertEquals(1766848875000L, flow.getStartMs());
        assertEquals(1766848933000L, flow.getEndMs());
        assertEquals(LogStatus.OK, flow.getLogStatus());
        assertEquals("IPv4", flow.getAws().getAddressType());
        assertEquals(1, flow.getAws().getTgw().getPacketsLostNoRoute());
        assertEquals(0, flow.getAws().getTgw().getPacketsLostBlackhole());
        assertEquals(2, flow.getAws().getTgw().getPacketsLostMtuExceeded());
        assertEquals(0, flow.getAws().getTgw().getPacketsLostTtlExpired());
        assertEquals(2, flow.getTcpFlags());
        assertEquals("us-east-1", flow.getObserver().getRegion());
        assertEquals(Direction.EGRESS, flow.getDirection());
        assertEquals("", flow.getAws().getPktSrcAwsService());
        assertEquals("", flow.getAws().getPktDstAwsService());
        assertEquals(0, flow.getVersion(), "this format has no version field");
    }

    @Test
    void readsTheV7EcsSampleInItsCustomOrder() {
        Flow flow = processorSamples.get("v7-fields-original").parse().onlyFlow();

        assertEquals("b9ad2f8a90b24f7bbce4b0341034852f", flow.getAws().getEcs().getTaskId());
        assertEquals("arn:aws:ecs:us-east-1:123456789012:task/DEMOGO-ECS/b9ad2f8a90b24f7bbce4b0341034852f",
                flow.getAws().getEcs().getTaskArn());
        assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/catsdef:2", flow.getAws().getEcs().getTaskDefinitionArn());
        assertEquals("DEMOGO-ECS", flow.getAws().getEcs().getClusterName());
        assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/DEMOGO-ECS", flow.getAws().getEcs().getClusterArn());
        assertEquals("39623aba81594d79b596c0c5f556d47b", flow.getAws().getEcs().getContainerInstanceId());
        assertEquals("arn:aws:ecs:us-east-1:123456789012:container-instance/DEMOGO-ECS/39623aba81594d79b596c0c5f556d47b",
                flow.getAws().getEcs().getContainerInstanceArn());
        assertEquals("0c5c6db7540ca5c4dbc692a53c1d7bab0a4e17e9cf44fc9167659c8687fd13df", flow.getAws().getEcs().getContainerId());
        assertEquals("", flow.getAws().getEcs().getSecondContainerId());
        assertEquals("cats", flow.getAws().getEcs().getServiceName());
    }

    @Test
    void readsTheTcpFlagSequenceIncludingTheDoubleSpacedLine() {
        List<Flow> flows = processorSamples.get("tcp-flag-sequence").parse().flows;

        // AWS's example: SYN, SYN-ACK, ..., FIN, FIN, SYN|FIN, SYN-ACK|FIN (formats.md 1.3).
        assertEquals(List.of(2, 18, 2, 18, 1, 1, 3, 19), flows.stream().map(Flow::getTcpFlags).toList());
        Flow doubleSpaced = flows.get(7);
        assertEquals(43638, doubleSpaced.getDstPort());
        assertEquals(ip("10.0.0.62"), doubleSpaced.getPktSrcAddr());
        assertEquals(967, doubleSpaced.getBytes());
        assertEquals(14, doubleSpaced.getPackets());
    }

    @Test
    void readsTheNatGatewaySamplesWithTheirPacketLevelAddresses() {
        List<Flow> flows = processorSamples.get("custom-nat-gateway").parse().flows;

        assertEquals(6, flows.size());
        assertEquals("", flows.get(0).getObserver().getInstanceId(), "requester-managed NAT ENI: instance-id is -");
        assertEquals(ip("10.0.0.220"), flows.get(3).getSrcAddr());
        assertEquals(ip("203.0.113.5"), flows.get(3).getPktSrcAddr());
        assertEquals("i-01234567890123456", flows.get(4).getObserver().getInstanceId());
        assertEquals(ip("203.0.113.5"), flows.get(5).getPktSrcAddr());
    }

    @Test
    void readsTheDefaultV2SamplesIncludingNodataSkipdataAndIpv6() {
        List<Flow> flows = processorSamples.get("default-v2-format").parse().flows;

        assertEquals(List.of(LogStatus.OK, LogStatus.OK, LogStatus.NODATA, LogStatus.SKIPDATA, LogStatus.OK, LogStatus.OK,
                LogStatus.OK), flows.stream().map(Flow::getLogStatus).toList());
        assertEquals(List.of(Action.ACCEPT, Action.REJECT, Action.ACTION_UNSPECIFIED, Action.ACTION_UNSPECIFIED,
                Action.ACCEPT, Action.REJECT, Action.ACCEPT), flows.stream().map(Flow::getAction).toList());
        assertEquals(ip("2001:db8:1234:a102:3304:8879:34cf:4071"), flows.get(6).getDstAddr());
        assertEquals(1, flows.get(4).getProtocol());
        assertEquals(0, flows.get(4).getSrcPort());
        assertTrue(flows.get(4).hasSrcPort(), "ICMP port 0 is a value");
    }

    @Test
    void readsWhatTheIntegrationFixturesCarryWithoutExpectedDocuments() throws IOException {
        // The integration's v8 expectation leaves reject-reason out; the record says BPA.
        Flow v8 = parseFixture(peers.resolve("integrations/aws_vpcflow/test-v8-samples.log")).onlyFlow();
        assertEquals("BPA", v8.getAws().getRejectReason());
        assertEquals("e504f037-35c", v8.getAws().getEcs().getTaskId());

        // The ECS samples (39 values, the v7 default) carry counters on NODATA and SKIPDATA rows: kept.
        Flow nodata = parseFixture(peers.resolve("integrations/aws_vpcflow/test-ecs-samples.log")).flows.get(1);
        assertEquals(LogStatus.NODATA, nodata.getLogStatus());
        assertEquals(6, nodata.getPackets());
        assertEquals("orders-cluster", nodata.getAws().getEcs().getClusterName());

        // The TGW samples follow the 36-value Transit Gateway default; resource-type is "-" there.
        Flow tgw = parseFixture(peers.resolve("integrations/aws_vpcflow/test-tgw-samples.log")).flows.get(0);
        assertEquals("748335378900", tgw.getObserver().getAccountId());
        assertEquals("tgw-0a12bc34de56f7890", tgw.getAws().getTgw().getTgwId());
        assertEquals("", tgw.getAws().getTgw().getResourceType());
        assertEquals(ip("2a02:cf40::"), tgw.getDstAddr());
        assertEquals(LogStatus.SKIPDATA, tgw.getLogStatus());
        assertEquals(Direction.INGRESS, tgw.getDirection());
    }

    private static void assertAgrees(CollectingConsumer out, List<JsonNode> expected, String where) {
        assertEquals(List.of(), out.errors, where);
        assertEquals(expected.size(), out.flows.size(), where + ": flows");
        Map<Long, Long> startOffsets = recordStartOffsets(out);
        for (int i = 0; i < expected.size(); i++) {
            Flow flow = out.flows.get(i);
            long offset = startOffsets.get(flow.getRecordIndex());
            int compared = PeerExpectedFields.assertMatches(expected.get(i), flow, offset, where + " #" + i);
            assertTrue(compared >= 5, where + " #" + i + ": only " + compared + " fields compared");
        }
    }

    /** Where each line starts: the offset after the previous line (what beats calls log.offset). */
    private static Map<Long, Long> recordStartOffsets(CollectingConsumer out) {
        Map<Long, Long> starts = new HashMap<>();
        starts.put(1L, 0L);
        for (ResumePoint point : out.consumed) {
            starts.put(point.records() + 1, point.offset());
        }
        return starts;
    }

    private static List<Path> awsLogFixtures() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("beats/aws_vpcflow", "integrations/aws_vpcflow")) {
            try (Stream<Path> listing = Files.list(peers.resolve(folder))) {
                listing.filter(p -> p.toString().endsWith(".log"))
                        .filter(p -> !p.getFileName().toString().equals(JSON_WRAPPED_FIXTURE))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static CollectingConsumer parseFixture(Path file) throws IOException {
        // custom-transit-gateway.log is headerless in a custom order; the beats processor YAML
        // gives that order ("transit-gateway") for the same record, so we configure it as a
        // LogFormat. Every other fixture has a header or one of AWS's default layouts.
        AwsVpcTextParser parser = file.getFileName().toString().equals("custom-transit-gateway.log")
                ? new AwsVpcTextParser(AwsVpcLayout.parse(processorSamples.get("transit-gateway").format()).names())
                : new AwsVpcTextParser();
        return CollectingConsumer.parse(parser, Files.readAllBytes(file), ResumePoint.START, true);
    }

    private static List<String> physicalLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);  // the text after a final newline is not a line
        }
        return lines;
    }

    private static boolean isHeader(String line) {
        return AwsVpcField.byName(line.strip().split(" +")[0]) != null;
    }

    private static List<JsonNode> expectedDocuments(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode documents = root.isArray() ? root : root.get("expected");
        List<JsonNode> list = new ArrayList<>();
        documents.forEach(list::add);
        return list;
    }

    /**
     * One entry of the beats processor's test YAML: a format string and sample records. Read by
     * hand: the file is a flat list of {@code name:}, {@code format:} and {@code - sample} lines,
     * and the entries that use YAML merge keys only repeat other entries' samples in other
     * output modes of the beats processor, so they are left out.
     */
    private record ProcessorSamples(String name, String format, List<String> samples) {

        /** A top-level key, possibly with an anchor: {@code v5-fields-original: &v5-fields}. */
        private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_-]+):( &\\S+)?");

        static Map<String, ProcessorSamples> read(Path yaml) {
            Map<String, ProcessorSamples> entries = new LinkedHashMap<>();
            String name = null;
            String format = null;
            List<String> samples = new ArrayList<>();
            List<String> lines;
            try {
                lines = Files.readAllLines(yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lines.add("end-of-file:");
            for (String line : lines) {
                String stripped = line.strip();
                Matcher entry = ENTRY.matcher(line);
                if (entry.matches()) {
                    if (name != null && format != null) {
                        entries.put(name, new ProcessorSamples(name, format, List.copyOf(samples)));
                    }
                    name = entry.group(1);
                    format = null;
                    samples.clear();
                } else if (stripped.startsWith("format: ")) {
                    format = stripped.substring("format: ".length());
                } else if (stripped.startsWith("- ")) {
                    samples.add(scalar(stripped.substring(2)));
                }
            }
            return entries;
        }

        /** A YAML scalar: single-quoted, or plain with an optional trailing {@code  #comment}. */
        private static String scalar(String text) {
            if (text.startsWith("'")) {
                return text.substring(1, text.lastIndexOf('\''));
            }
            int comment = text.indexOf(" #");
            return comment >= 0 ? text.substring(0, comment) : text;
        }

        /** Parses the samples as headerless records of the entry's format. */
        CollectingConsumer parse() {
            AwsVpcTextParser parser = new AwsVpcTextParser(AwsVpcLayout.parse(format).names());
            return CollectingConsumer.parse(parser, String.join("\n", samples) + "\n");
        }
    }
}
