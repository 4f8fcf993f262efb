package io.flowhound.collector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.flowhound.collector.cli.FlowLogFiles.V2_HEADER;
import static io.flowhound.collector.cli.FlowLogFiles.appendGzipMember;
import static io.flowhound.collector.cli.FlowLogFiles.appendText;
import static io.flowhound.collector.cli.FlowLogFiles.lines;
import static io.flowhound.collector.cli.FlowLogFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayCommandTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "replayed objects=(\\d+) flows=(\\d+) bad_records=(\\d+) findings=(\\d+) seconds=\\d+\\.\\d{3} flows_per_s=\\d+");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one replay printed: its summary counts, and stdout for anything else. */
    record Run(int exitCode, long objects, long flows, long badRecords, long findings, String stdout, String stderr) {
    }

    private Run replay(Path config, Path flowsOut) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FlowhoundCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("replay", "--config", config.toString(), "--flows-out", flowsOut.toString());
        String[] stdout = out.toString().strip().split("\n");
        Matcher summary = SUMMARY.matcher(stdout[stdout.length - 1]);
        assertTrue(summary.matches(), "last line of stdout is the summary: " + out + err);
        return new Run(exit, Long.parseLong(summary.group(1)), Long.parseLong(summary.group(2)),
                Long.parseLong(summary.group(3)), Long.parseLong(summary.group(4)), out.toString(), err.toString());
    }

    private static List<JsonNode> readFlows(Path flowsOut) throws IOException {
        List<JsonNode> flows = new ArrayList<>();
        for (String line : Files.readAllLines(flowsOut, StandardCharsets.UTF_8)) {
            flows.add(JSON.readTree(line));
        }
        return flows;
    }

    @Test
    void aSecondReplayReadsNothingAndAThirdReadsExactlyWhatWasAdded() throws IOException {
        Path data = dir.resolve("data");
        Path gzipped = data.resolve("AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/05/03/a.log.gz");
        Path plain = data.resolve("plain/b.log");
        appendGzipMember(gzipped, lines(List.of(V2_HEADER)) + lines(records(1000, 3)));
        appendText(plain, lines(List.of(V2_HEADER)) + lines(records(2000, 4)));
        Path config = FlowLogFiles.config(dir, data, 0, 0, "1s");
        Path flowsOut = dir.resolve("out/flows.jsonl");

        Run first = replay(config, flowsOut);
        assertEquals(0, first.exitCode());
        assertEquals(2, first.objects());
        assertEquals(7, first.flows());
        assertEquals(0, first.badRecords());
        assertEquals(0, first.findings());

        Run second = replay(config, flowsOut);
        assertEquals(0, second.objects());
        assertEquals(0, second.flows());

        appendGzipMember(gzipped, lines(records(1003, 2)));
        appendText(plain, lines(records(2004, 1)));
        appendText(data.resolve("plain/c.log"), lines(List.of(V2_HEADER)) + lines(records(3000, 5)));
        Run third = replay(config, flowsOut);
        assertEquals(3, third.objects());
        assertEquals(8, third.flows());

        List<JsonNode> flows = readFlows(flowsOut);
        assertEquals(15, flows.size(), "every flow written exactly once over the three runs");
        Set<Integer> ports = new HashSet<>();
        for (JsonNode flow : flows) {
            ports.add(flow.get("srcPort").asInt());
        }
        assertEquals(15, ports.size(), "no flow written twice");
        JsonNode appended = flows.stream().filter(f -> f.get("srcPort").asInt() == 2004).findFirst().orElseThrow();
        assertEquals(6, appended.get("recordIndex").asInt(), "line numbers continue after a resume");
        assertEquals("plain/b.log", appended.get("provenance").get("objectKey").asText());
    }

    /** One NSG v2 record (formats.md 4.4) for minute {@code minute}, with {@code tuples} tuples. */
    private static String nsgRecord(int minute, int tuples) {
        StringBuilder flowTuples = new StringBuilder();
        for (int i = 0; i < tuples; i++) {
            flowTuples.append(i == 0 ? "" : ",").append('"').append(1714730400 + minute * 60 + i)
                    .append(",10.0.1.4,203.0.113.77,").append(40000 + minute * 100 + i).append(",443,T,O,A,C,40,21880,35,90112\"");
        }
        return "{\"time\":\"2024-05-03T10:%02d:31.000Z\",\"systemId\":\"0b6e4f4a\",\"macAddress\":\"000D3A1B2C3D\",".formatted(minute)
                + "\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000"
                + "/RESOURCEGROUPS/PROD-RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG\","
                + "\"operationName\":\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":2,\"flows\":[{\"rule\":"
                + "\"DefaultRule_AllowInternetOutBound\",\"flows\":[{\"mac\":\"000D3A1B2C3D\",\"flowTuples\":[" + flowTuples + "]}]}]}}";
    }

    /** A PT1H.json holding one record per minute in {@code minutes}, as Azure commits it. */
    private static String pt1h(int minutes, int tuplesPerRecord) {
        StringBuilder document = new StringBuilder("{\"records\":[");
        for (int minute = 0; minute < minutes; minute++) {
            document.append(minute == 0 ? "" : ",").append(nsgRecord(minute, tuplesPerRecord));
        }
        return document.append("]}").toString();
    }

    @Test
    void aGrowingAzureBlobIsReadFromWhereItStoppedAndOnlyItsNewTuplesAreDelivered() throws IOException {
        Path data = dir.resolve("data");
        Path blob = data.resolve("insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/"
                + "00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/PROD-RG/PROVIDERS/MICROSOFT.NETWORK/"
                + "NETWORKSECURITYGROUPS/WEB-NSG/y=2024/m=05/d=03/h=10/m=00/macAddress=000D3A1B2C3D/PT1H.json");
        Files.createDirectories(blob.getParent());
        Files.writeString(blob, pt1h(3, 4));
        Path config = FlowLogFiles.config(dir, data, 0, 0, "1s");
        Path flowsOut = dir.resolve("flows.jsonl");

        assertEquals(12, replay(config, flowsOut).flows());
        assertEquals(0, replay(config, flowsOut).flows(), "a blob whose closing ]} was read is not read again");

        // Azure inserts each new minute's record before the closing ]}: same prefix, bigger blob.
        Files.writeString(blob, pt1h(5, 4));
        Run grown = replay(config, flowsOut);

        assertEquals(8, grown.flows(), "exactly the two new records' tuples");
        assertEquals(0, grown.badRecords());
        List<JsonNode> flows = readFlows(flowsOut);
        assertEquals(20, flows.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode flow : flows) {
            ids.add(flow.get("recordIndex").asInt() + "/" + flow.get("tupleIndex").asInt());
        }
        assertEquals(20, ids.size(), "every tuple once");
        assertTrue(ids.contains("5/4"), ids.toString());
    }

    @Test
    void aCorruptGzipIsReportedAndTheOtherObjectsAreStillRead() throws IOException {
        Path data = dir.resolve("data");
        appendGzipMember(data.resolve("a-good.log.gz"), lines(List.of(V2_HEADER)) + lines(records(1000, 3)));
        byte[] corrupt = Files.readAllBytes(data.resolve("a-good.log.gz"));
        for (int i = 12; i < corrupt.length - 8; i++) {
            corrupt[i] = (byte) (corrupt[i] ^ 0x5a);
        }
        Files.write(data.resolve("b-corrupt.log.gz"), corrupt);
        appendText(data.resolve("c-garbage-line.log"), lines(List.of(V2_HEADER, FlowLogFiles.record(4000),
                "this is not a flow log line", FlowLogFiles.record(4001))));
        Path config = FlowLogFiles.config(dir, data, 0, 0, "1s");

        Run run = replay(config, dir.resolve("flows.jsonl"));

        assertEquals(0, run.exitCode());
        assertEquals(5, run.flows(), "3 from the good object, 2 around the garbage line");
        assertEquals(2, run.badRecords(), "one failed object and one bad line");
        assertTrue(run.stdout().contains("failed_objects=1"), run.stdout());
        List<JsonNode> deadLetters = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("state/dead-letter/test-aws.jsonl"))) {
            deadLetters.add(JSON.readTree(line));
        }
        assertEquals(2, deadLetters.size());
        JsonNode corruptEntry = deadLetters.stream().filter(d -> d.get("object").asText().equals("b-corrupt.log.gz"))
                .findFirst().orElseThrow();
        assertTrue(corruptEntry.get("reason").asText().length() > 10, corruptEntry.toString());
        JsonNode garbage = deadLetters.stream().filter(d -> d.get("object").asText().equals("c-garbage-line.log"))
                .findFirst().orElseThrow();
        assertEquals(3, garbage.get("line").asInt());
        assertEquals("this is not a flow log line", garbage.get("raw").asText());

        Run again = replay(config, dir.resolve("flows.jsonl"));
        assertEquals(0, again.flows(), "a failed object is not retried until it changes");
        assertEquals(0, again.badRecords());
    }

    @Test
    void aBadConfigExitsTwoNamingFileLineAndKey() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "state_dir: state\nsources:\n  - name: x\n    type: local\n    path: .\n    formatt: auto\n");
        StringWriter err = new StringWriter();
        CommandLine cli = FlowhoundCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));

        int exit = cli.execute("check-config", "--config", config.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().startsWith(config + ":6:5: sources[0].formatt"), err.toString());
    }
}
