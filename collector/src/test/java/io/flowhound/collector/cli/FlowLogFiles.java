package io.flowhound.collector.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small AWS VPC flow log files for the command tests. */
final class FlowLogFiles {

    static final String V2_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    private FlowLogFiles() {
    }

    /** A default-format record with a distinct source port, so each flow can be told apart. */
    static String record(int srcPort) {
        return "2 123456789012 eni-0a1b2c3d4e5f60718 198.51.100.7 10.1.2.15 " + srcPort
                + " 443 6 12 4380 1714731301 1714731358 ACCEPT OK";
    }

    static List<String> records(int firstPort, int count) {
        return java.util.stream.IntStream.range(firstPort, firstPort + count).mapToObj(FlowLogFiles::record).toList();
    }

    static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Writes {@code text} as one gzip member, appended to the file (a second call makes a multi-member file). */
    static void appendGzipMember(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void appendText(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A config reading {@code data} with format auto, state in {@code state}, gRPC and metrics on the given ports. */
    static Path config(Path dir, Path data, int grpcPort, int metricsPort, String pollInterval) throws IOException {
        Path config = dir.resolve("flowhound.yaml");
        Files.writeString(config, """
                state_dir: state
                sources:
                  - name: test-aws
                    type: local
                    path: %s
                    format: auto
                    poll_interval: %s
                grpc:
                  listen: 127.0.0.1:%d
                metrics:
                  listen: 127.0.0.1:%d
                """.formatted(data, pollInterval, grpcPort, metricsPort));
        return config;
    }
}
