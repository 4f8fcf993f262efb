package io.flowhound.collector.cli;

import io.flowhound.proto.Flow;
import io.flowhound.proto.FlowBatch;
import io.flowhound.proto.FlowFilter;
import io.flowhound.proto.FlowServiceGrpc;
import io.flowhound.proto.StreamFlowsRequest;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.flowhound.collector.cli.FlowLogFiles.V2_HEADER;
import static io.flowhound.collector.cli.FlowLogFiles.appendGzipMember;
import static io.flowhound.collector.cli.FlowLogFiles.lines;
import static io.flowhound.collector.cli.FlowLogFiles.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve} over a real Netty server and channel on loopback. */
class ServeFlowStreamIT {

    @TempDir
    Path dir;

    private ManagedChannel channel;
    private Thread server;
    private int metricsPort;

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts serve in a thread of this JVM (SIGTERM handling is exercised by the daemon, not here). */
    private void startServe(Path data) throws Exception {
        int port = freePort();
        metricsPort = freePort();
        Path config = FlowLogFiles.config(dir, data, port, metricsPort, "100ms");
        server = new Thread(() -> {
            picocli.CommandLine cli = FlowhoundCommand.commandLine();
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.execute("serve", "--config", config.toString());
        }, "serve-under-test");
        server.setDaemon(true);
        server.start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                HealthCheckResponse response = health.withDeadlineAfter(1, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance());
                if (response.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
                    return;
                }
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Subscribes and waits for the empty batch that confirms the subscription. */
    private BlockingQueue<FlowBatch> subscribe(FlowFilter filter) throws InterruptedException {
        BlockingQueue<FlowBatch> received = new LinkedBlockingQueue<>();
        CountDownLatch confirmed = new CountDownLatch(1);
        FlowServiceGrpc.newStub(channel).streamFlows(StreamFlowsRequest.newBuilder().setFilter(filter).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(FlowBatch batch) {
                        if (batch.getFlowsCount() == 0 && confirmed.getCount() > 0) {
                            confirmed.countDown();
                        } else {
                            received.add(batch);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        assertTrue(confirmed.await(10, TimeUnit.SECONDS), "subscription confirmed");
        return received;
    }

    private static List<Flow> take(BlockingQueue<FlowBatch> batches, int count) throws InterruptedException {
        List<Flow> flows = new ArrayList<>();
        while (flows.size() < count) {
            FlowBatch batch = batches.poll(20, TimeUnit.SECONDS);
            assertNotNull(batch, "received " + flows.size() + " of " + count + " flows");
            flows.addAll(batch.getFlowsList());
        }
        return flows;
    }

    @Test
    void aSubscriberReceivesTheFlowsOfObjectsThatArriveWhileItListens() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        startServe(data);
        BlockingQueue<FlowBatch> everything = subscribe(FlowFilter.getDefaultInstance());
        BlockingQueue<FlowBatch> port1001Only = subscribe(FlowFilter.newBuilder().addPorts(1001).build());

        appendGzipMember(data.resolve("AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/05/03/a.log.gz"),
                lines(List.of(V2_HEADER)) + lines(records(1000, 5)));

        List<Flow> flows = take(everything, 5);
        assertEquals(List.of(1000, 1001, 1002, 1003, 1004), flows.stream().map(Flow::getSrcPort).toList());
        Flow first = flows.get(0);
        assertEquals("123456789012", first.getObserver().getAccountId());
        assertEquals("eni-0a1b2c3d4e5f60718", first.getObserver().getInterfaceId());
        assertEquals(List.of((byte) 198, (byte) 51, (byte) 100, (byte) 7), toList(first.getSrcAddr().toByteArray()));
        assertEquals(443, first.getDstPort());
        assertEquals(4380, first.getBytes());
        assertEquals(1714731301000L, first.getStartMs());
        assertEquals("test-aws", first.getProvenance().getSource());
        assertEquals(2, first.getRecordIndex());

        List<Flow> filtered = take(port1001Only, 1);
        assertEquals(1, filtered.size());
        assertEquals(1001, filtered.get(0).getSrcPort());
        assertTrue(port1001Only.poll(500, TimeUnit.MILLISECONDS) == null, "the filter lets nothing else through");

        String scrape = scrapeMetrics();
        assertTrue(scrape.contains("flowhound_flows_total{source=\"test-aws\"} 5.0"), scrape);
        assertTrue(scrape.contains("flowhound_flow_subscribers 2.0"), scrape);
    }

    private String scrapeMetrics() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void aSourceThatCannotBeListedIsRetriedOnTheNextPollWithoutStoppingServe() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        startServe(data);
        BlockingQueue<FlowBatch> everything = subscribe(FlowFilter.getDefaultInstance());

        Files.delete(data);
        Pattern failedPolls = Pattern.compile("flowhound_source_poll_failures_total\\{source=\"test-aws\"} [1-9]");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!failedPolls.matcher(scrapeMetrics()).find() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(failedPolls.matcher(scrapeMetrics()).find(), scrapeMetrics());
        assertTrue(server.isAlive(), "serve keeps running");

        appendGzipMember(data.resolve("AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/05/03/b.log.gz"),
                lines(List.of(V2_HEADER)) + lines(records(3000, 3)));
        assertEquals(List.of(3000, 3001, 3002), take(everything, 3).stream().map(Flow::getSrcPort).toList());
    }

    @Test
    void reflectionListsTheFlowServiceForGenericClients() throws Exception {
        startServe(Files.createDirectories(dir.resolve("data")));
        BlockingQueue<ServerReflectionResponse> responses = new LinkedBlockingQueue<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        responses.add(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        ServerReflectionResponse response = responses.poll(10, TimeUnit.SECONDS);
        requests.onCompleted();
        assertNotNull(response);
        List<String> services = response.getListServicesResponse().getServiceList().stream()
                .map(service -> service.getName()).toList();
        assertTrue(services.contains("flowhound.v1.FlowService"), services.toString());
        assertTrue(services.contains("grpc.health.v1.Health"), services.toString());
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
