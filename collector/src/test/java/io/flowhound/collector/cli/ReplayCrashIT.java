package io.flowhound.collector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.flowhound.collector.cli.FlowLogFiles.V2_HEADER;
import static io.flowhound.collector.cli.FlowLogFiles.appendGzipMember;
import static io.flowhound.collector.cli.FlowLogFiles.lines;
import static io.flowhound.collector.cli.FlowLogFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the packaged daemon with SIGKILL in the middle of a replay, runs it again, and checks
 * that the output holds every flow exactly once. Runs the real fat jar, which the package phase
 * has built before integration tests run.
 */
class ReplayCrashIT {

    private static final int OBJECTS = 40;
    private static final int RECORDS_PER_OBJECT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process replay(Path config, Path flowsOut) throws IOException {
        Path jar = Path.of("target", "flowhound.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the fat jar is built before integration tests: " + jar);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-jar", jar.toString(), "replay",
                "--config", config.toString(), "--flows-out", flowsOut.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    @Test
    void aReplayKilledMidwayAndRunAgainWritesEveryFlowExactlyOnce() throws Exception {
        Path data = dir.resolve("data");
        for (int object = 0; object < OBJECTS; object++) {
            appendGzipMember(data.resolve(String.format("AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/05/03/o%02d.log.gz", object)),
                    lines(List.of(V2_HEADER)) + lines(records(0, RECORDS_PER_OBJECT)));
        }
        Path config = FlowLogFiles.config(dir, data, 0, 0, "1s");
        Path flowsOut = dir.resolve("flows.jsonl");

        Process first = replay(config, flowsOut);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (first.isAlive() && (!Files.exists(flowsOut) || Files.size(flowsOut) < 4_000_000)
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(first.isAlive(), "the first replay was still running when killed; make the data set larger");
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        long writtenBeforeKill = Files.size(flowsOut);

        Process second = replay(config, flowsOut);
        assertTrue(second.waitFor(300, TimeUnit.SECONDS), "second replay finished");
        assertEquals(0, second.exitValue(), Files.readString(dir.resolve("stderr.txt")));

        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(flowsOut, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode flow = JSON.readTree(line);
                String id = flow.get("provenance").get("objectKey").asText() + "#" + flow.get("recordIndex").asText();
                if (!seen.add(id)) {
                    duplicates.add(id);
                }
            }
        }
        assertTrue(writtenBeforeKill > 0);
        assertEquals(List.of(), duplicates.subList(0, Math.min(5, duplicates.size())), "no flow written twice");
        assertEquals(OBJECTS * RECORDS_PER_OBJECT, seen.size(), "no flow lost");
    }
}
