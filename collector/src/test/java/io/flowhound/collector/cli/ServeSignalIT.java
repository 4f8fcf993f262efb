package io.flowhound.collector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.flowhound.collector.cli.FlowLogFiles.V2_HEADER;
import static io.flowhound.collector.cli.FlowLogFiles.appendGzipMember;
import static io.flowhound.collector.cli.FlowLogFiles.lines;
import static io.flowhound.collector.cli.FlowLogFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged daemon stops cleanly on SIGTERM, as systemd and container runtimes stop it. */
class ServeSignalIT {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsServeWithExitCodeZeroAfterItCommitted() throws Exception {
        Path data = dir.resolve("data");
        appendGzipMember(data.resolve("AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/05/03/a.log.gz"),
                lines(List.of(V2_HEADER)) + lines(records(1000, 10)));
        int grpcPort;
        int metricsPort;
        try (ServerSocket grpc = new ServerSocket(0); ServerSocket metrics = new ServerSocket(0)) {
            grpcPort = grpc.getLocalPort();
            metricsPort = metrics.getLocalPort();
        }
        Path config = FlowLogFiles.config(dir, data, grpcPort, metricsPort, "200ms");
        Path log = dir.resolve("stderr.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process serve = new ProcessBuilder(java.toString(), "-jar", Path.of("target", "flowhound.jar").toAbsolutePath().toString(),
                "serve", "--config", config.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains("object_read") && System.nanoTime() < deadline && serve.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(log).contains("object_read"), Files.readString(log));

            serve.destroy();  // SIGTERM

            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stopped within 30 s");
            assertEquals(0, serve.exitValue(), Files.readString(log));
            String written = Files.readString(log);
            assertTrue(written.contains("stopping reason=signal") && written.contains("stopped"), written);
        } finally {
            serve.destroyForcibly();
        }
    }
}
