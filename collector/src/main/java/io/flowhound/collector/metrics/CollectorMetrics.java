package io.flowhound.collector.metrics;

import io.flowhound.collector.grpc.FlowHub;
import io.flowhound.collector.pipeline.SourceReader;
import io.flowhound.collector.pipeline.SourceStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Registers what the collector counts as Prometheus meters. Counters read the pipeline's own
 * totals when scraped, so the hot path pays nothing for metrics.
 */
public final class CollectorMetrics {

    private CollectorMetrics() {
    }

    public static void register(MeterRegistry registry, List<SourceReader> readers, FlowHub hub) {
        for (SourceReader reader : readers) {
            SourceStats stats = reader.stats();
            String source = reader.sourceName();
            counter(registry, "flowhound.objects.read", "Objects read to their end or to their last complete line", source, stats, SourceStats::objects);
            counter(registry, "flowhound.flows", "Flow records read, NODATA and SKIPDATA rows included", source, stats, SourceStats::flows);
            counter(registry, "flowhound.nodata.records", "AWS NODATA rows: no traffic in the window", source, stats, SourceStats::nodata);
            counter(registry, "flowhound.skipdata.records", "AWS SKIPDATA rows: records AWS lost", source, stats, SourceStats::skipdata);
            counter(registry, "flowhound.bad.records", "Malformed records and unreadable objects", source, stats, SourceStats::badRecords);
            counter(registry, "flowhound.failed.objects", "Objects that could not be read to their end", source, stats, SourceStats::failedObjects);
            counter(registry, "flowhound.source.poll.failures", "Polls that failed as a whole and were retried", source, stats, SourceStats::pollFailures);
        }
        Gauge.builder("flowhound.flow.subscribers", hub, FlowHub::subscriberCount)
                .description("gRPC clients subscribed to the flow stream").register(registry);
        FunctionCounter.builder("flowhound.flow.subscriber.dropped", hub, FlowHub::droppedFlows)
                .description("Flows dropped for subscribers whose queue was full").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, String source,
                                SourceStats stats, ToDoubleFunction<SourceStats> value) {
        FunctionCounter.builder(name, stats, value).description(description).tag("source", source).register(registry);
    }
}
