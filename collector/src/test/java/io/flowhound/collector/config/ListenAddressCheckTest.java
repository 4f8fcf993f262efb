package io.flowhound.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binds probe sockets on loopback only; nothing accepts connections. */
class ListenAddressCheckTest {

    @TempDir
    Path dir;

    @Test
    void freeLocalAddressesGiveNoProblems() throws Exception {
        FlowhoundConfig config = load("127.0.0.1:0", "[::1]:0");

        assertEquals(List.of(), ConfigLoader.checkRuntime(config));
    }

    @Test
    void anAddressInUseIsAProblemAtItsValue() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            FlowhoundConfig config = load("127.0.0.1:" + port, "127.0.0.1:0");

            assertEquals(List.of(dir.resolve("flowhound.yaml") + ":7:11: grpc.listen: cannot listen on 127.0.0.1:"
                            + port + ": Address already in use"),
                    formatted(ConfigLoader.checkRuntime(config)));
        }
    }

    @Test
    void anAddressOfAnotherMachineIsAProblemAtItsValue() throws Exception {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never assigned to a real interface.
        FlowhoundConfig config = load("127.0.0.1:0", "192.0.2.1:9464");

        assertEquals(List.of(dir.resolve("flowhound.yaml")
                        + ":9:11: metrics.listen: cannot listen on 192.0.2.1:9464: Cannot assign requested address"),
                formatted(ConfigLoader.checkRuntime(config)));
    }

    @Test
    void twoSpellingsOfOnePortCollide() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        FlowhoundConfig config = load("127.0.0.1:" + port, "localhost:" + port);

        assertEquals(List.of(dir.resolve("flowhound.yaml") + ":9:11: metrics.listen: cannot listen on localhost:"
                        + port + ": Address already in use"),
                formatted(ConfigLoader.checkRuntime(config)));
    }

    private FlowhoundConfig load(String grpc, String metrics) throws IOException, ConfigException {
        Files.createDirectories(dir.resolve("logs"));
        Path file = Files.writeString(dir.resolve("flowhound.yaml"), """
                state_dir: ./state
                sources:
                  - name: aws
                    type: local
                    path: logs
                grpc:
                  listen: "%s"
                metrics:
                  listen: "%s"
                """.formatted(grpc, metrics));
        return ConfigLoader.load(file);
    }

    private static List<String> formatted(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::format).toList();
    }
}
