package io.flowhound.collector.pipeline;

import io.flowhound.detector.DetectionEngine;
import io.flowhound.proto.Finding;
import io.flowhound.proto.Flow;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to a batch of parsed flows: the detector stage scores it, then the flows and the
 * findings go to every output. One thread delivers at a time.
 */
public final class Pipeline implements Closeable {

    private final DetectionEngine engine;
    private final List<FlowOutput> liveOutputs;
    private final Optional<JsonLinesFile> flowsFile;
    private final Optional<JsonLinesFile> findingsFile;
    private long findings;

    public Pipeline(DetectionEngine engine, List<FlowOutput> liveOutputs,
                    Optional<JsonLinesFile> flowsFile, Optional<JsonLinesFile> findingsFile) {
        this.engine = engine;
        this.liveOutputs = List.copyOf(liveOutputs);
        this.flowsFile = flowsFile;
        this.findingsFile = findingsFile;
    }

    public void deliver(List<Flow> batch) throws IOException {
        List<Finding> raised = engine.process(batch);
        findings += raised.size();
        if (flowsFile.isPresent()) {
            flowsFile.get().append(batch);
        }
        if (findingsFile.isPresent()) {
            findingsFile.get().append(raised);
        }
        for (FlowOutput output : liveOutputs) {
            output.write(batch);
        }
    }

    /** Makes the durable outputs durable and returns their lengths, to commit with the checkpoints. */
    public Map<String, Long> syncDurableOutputs() throws IOException {
        Map<String, Long> lengths = new HashMap<>();
        for (Optional<JsonLinesFile> file : List.of(flowsFile, findingsFile)) {
            if (file.isPresent()) {
                lengths.put(file.get().id(), file.get().sync());
            }
        }
        return lengths;
    }

    public long findings() {
        return findings;
    }

    @Override
    public void close() throws IOException {
        for (Optional<JsonLinesFile> file : List.of(flowsFile, findingsFile)) {
            if (file.isPresent()) {
                file.get().close();
            }
        }
    }
}
