package io.flowhound.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Flow;
import io.flowhound.proto.LogStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsVpcSampleWriterTest {

    @TempDir
    Path root;

    @Test
    void writesObjectsInTheS3KeyLayoutThatTheParserReadsWithoutErrors() throws IOException {
        List<Path> files = new AwsVpcSampleWriter(7).writeObjects(root, 4, 500);

        assertEquals(4, files.size());
        for (Path file : files) {
            String key = root.relativize(file).toString();
            assertTrue(key.matches("AWSLogs/111122223333/vpcflowlogs/eu-west-1/2024/05/03/"
                    + "111122223333_vpcflowlogs_eu-west-1_fl-[0-9a-f]+_20240503T10[0-9]{2}Z_[0-9a-f]{8}\\.log\\.gz"), key);
            CollectingConsumer out = new CollectingConsumer();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                new AwsVpcTextParser().parse(in, ResumePoint.START, new ParseContext("samples", key, true), out);
            }
            assertEquals(List.of(), out.errors, key);
            assertEquals(500, out.flows.size(), key);
            assertTrue(out.flows.stream().anyMatch(f -> f.getLogStatus() == LogStatus.NODATA), key);
            assertTrue(out.flows.stream().anyMatch(f -> f.getSrcAddr().size() == 16), key);
        }
    }

    @Test
    void writesTheSameBytesForTheSameSeed(@TempDir Path other) throws IOException {
        List<Path> first = new AwsVpcSampleWriter(42).writeObjects(root, 2, 100);
        List<Path> second = new AwsVpcSampleWriter(42).writeObjects(other, 2, 100);

        for (int i = 0; i < first.size(); i++) {
            assertEquals(root.relativize(first.get(i)), other.relativize(second.get(i)));
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)));
        }
    }

    @Test
    void writesFleetTrafficWithManyInterfacesAndPeersThatTheParserReadsWithoutErrors() throws IOException {
        long windowStart = 1714730400L;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new AwsVpcSampleWriter(3).writeFleetRecords(bytes, 20_000, windowStart);

        CollectingConsumer out = new CollectingConsumer();
        new AwsVpcTextParser().parse(new ByteArrayInputStream(bytes.toByteArray()), ResumePoint.START,
                new ParseContext("samples", "fleet.log", true), out);

        assertEquals(List.of(), out.errors);
        assertEquals(20_000, out.flows.size());
        long interfaces = out.flows.stream().map(flow -> flow.getObserver().getInterfaceId()).distinct().count();
        long addresses = out.flows.stream().flatMap(f -> Stream.of(f.getSrcAddr(), f.getDstAddr()))
                .collect(Collectors.toSet()).size();
        assertTrue(interfaces > 450, "interfaces: " + interfaces);
        assertTrue(addresses > 8_000, "addresses: " + addresses);
        long nodata = out.flows.stream().filter(f -> f.getLogStatus() == LogStatus.NODATA).count();
        assertTrue(nodata > 100 && nodata < 500, "NODATA rows: " + nodata);
        assertTrue(out.flows.stream().anyMatch(f -> f.getSrcAddr().size() == 16));
        for (Flow flow : out.flows) {
            assertTrue(flow.getStartMs() >= windowStart * 1000 && flow.getStartMs() <= flow.getEndMs()
                    && flow.getEndMs() < (windowStart + AwsVpcFleetTraffic.WINDOW_SECONDS) * 1000, flow.toString());
        }
    }

    @Test
    void writesTheSameFleetTrafficForTheSameSeed() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        new AwsVpcSampleWriter(9).writeFleetRecords(first, 1_000, 1714730400L);
        new AwsVpcSampleWriter(9).writeFleetRecords(second, 1_000, 1714730400L);

        assertArrayEquals(first.toByteArray(), second.toByteArray());
    }
}
