package io.flowhound.collector.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code grpc} section: the gRPC API (findings, flow streams, client verbs).
 *
 * @param listen {@code listen}, optional, default {@code 127.0.0.1:50051}: {@code host:port} or
 *               {@code [v6-address]:port} to accept connections on.
 */
public record GrpcConfig(ListenAddress listen) {

    /** The keys of the section. */
    public static final List<String> KEYS = List.of("listen");

    /** {@code listen} when not given: loopback only, the API has no authentication yet. */
    public static final ListenAddress DEFAULT_LISTEN = new ListenAddress("127.0.0.1", 50051);

    public GrpcConfig {
        Objects.requireNonNull(listen, "listen");
    }
}
