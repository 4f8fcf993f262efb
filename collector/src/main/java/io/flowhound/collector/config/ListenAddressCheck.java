package io.flowhound.collector.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries to listen on the configured addresses, the way {@code serve} will, and closes the sockets
 * again. Both sockets are held open together so that two sections naming the same port through
 * different spellings ({@code localhost} and {@code 127.0.0.1}) are caught too.
 */
final class ListenAddressCheck {

    private ListenAddressCheck() {
    }

    static List<ConfigProblem> problems(FlowhoundConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        try (ServerSocket grpc = new ServerSocket(); ServerSocket metrics = new ServerSocket()) {
            bind(grpc, config.grpc().listen(), "grpc.listen", config.positions(), problems);
            bind(metrics, config.metrics().listen(), "metrics.listen", config.positions(), problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open or close a probe socket", e);
        }
        return problems;
    }

    private static void bind(ServerSocket socket, ListenAddress address, String keyPath,
                             ConfigPositions positions, List<ConfigProblem> problems) {
        InetSocketAddress resolved = address.socketAddress();
        if (resolved.isUnresolved()) {
            problems.add(positions.problem(keyPath, "cannot resolve host \"" + address.host() + "\""));
            return;
        }
        try {
            socket.bind(resolved);
        } catch (IOException e) {
            problems.add(positions.problem(keyPath, "cannot listen on " + address + ": " + e.getMessage()));
        }
    }
}
