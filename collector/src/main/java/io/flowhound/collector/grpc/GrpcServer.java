package io.flowhound.collector.grpc;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC endpoint: Flowhound's services plus the standard health service and server
 * reflection, so generic clients (grpcurl and the like) can discover and call it.
 */
public final class GrpcServer implements AutoCloseable {

    private final Server server;
    private final HealthStatusManager health;
    private final FlowHub hub;

    private GrpcServer(Server server, HealthStatusManager health, FlowHub hub) {
        this.server = server;
        this.health = health;
        this.hub = hub;
    }

    public static GrpcServer start(InetSocketAddress address, FlowHub hub) throws IOException {
        HealthStatusManager health = new HealthStatusManager();
        Server server = NettyServerBuilder.forAddress(address)
                .addService(new FlowStreamService(hub))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .build()
                .start();
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
        return new GrpcServer(server, health, hub);
    }

    /** The port actually bound (useful when the configured port is 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        health.enterTerminalState();
        hub.closeAll();
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
    }
}
