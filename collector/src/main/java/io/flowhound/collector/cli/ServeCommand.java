package io.flowhound.collector.cli;

import io.flowhound.collector.config.FlowhoundConfig;
import io.flowhound.collector.config.SourceConfig;
import io.flowhound.collector.grpc.FlowHub;
import io.flowhound.collector.grpc.GrpcServer;
import io.flowhound.collector.metrics.CollectorMetrics;
import io.flowhound.collector.metrics.MetricsServer;
import io.flowhound.collector.pipeline.Pipeline;
import io.flowhound.collector.run.Collector;
import io.flowhound.collector.run.Detectors;
import io.flowhound.collector.store.StateStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code flowhound serve}: polls the sources until SIGTERM or SIGINT, serves the live flow
 * stream over gRPC and Prometheus metrics over HTTP. On the signal it finishes the object it
 * is reading (every batch is checkpointed anyway), stops the servers and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Poll the sources and serve flows over gRPC until stopped (SIGTERM).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** Batches each flow subscriber may have waiting before new ones are dropped for it. */
    private static final int SUBSCRIBER_QUEUE_BATCHES = 64;

    @Mixin
    ConfigFileOption config;

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        FlowhoundConfig loaded = config.load();
        StopSignals.onStop(stopRequested::countDown);
        FlowHub hub = new FlowHub(SUBSCRIBER_QUEUE_BATCHES);
        PrometheusMeterRegistry registry = MetricsServer.newRegistry();
        Duration poll = loaded.sources().stream().map(SourceConfig::pollInterval).min(Duration::compareTo)
                .orElse(SourceConfig.DEFAULT_POLL_INTERVAL);
        try (StateStore store = StateStore.open(loaded.stateDir());
             Collector collector = Collector.open(loaded, store,
                     new Pipeline(Detectors.engine(), List.of(hub), Optional.empty(), Optional.empty()));
             GrpcServer server = GrpcServer.start(loaded.grpc().listen().socketAddress(), hub);
             MetricsServer metrics = MetricsServer.start(loaded.metrics().listen().socketAddress(), registry)) {
            CollectorMetrics.register(registry, collector.readers(), hub);
            LOG.info("serving grpc={}:{} metrics={}:{} sources={} poll_interval={}",
                    loaded.grpc().listen().host(), server.port(), loaded.metrics().listen().host(), metrics.port(),
                    loaded.sources().size(), poll);
            do {
                collector.poll(() -> stopRequested.getCount() == 0);
            } while (!stopRequested.await(poll.toMillis(), TimeUnit.MILLISECONDS));
            LOG.info("stopping reason=signal");
        }
        LOG.info("stopped");
        return ExitCodes.OK;
    }
}
