package io.flowhound.detector;

import io.flowhound.proto.Finding;
import io.flowhound.proto.Flow;
import io.flowhound.proto.LogStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every configured detector over the flow stream. Rows that describe no traffic (AWS
 * NODATA and SKIPDATA) are counted but never scored: a SKIPDATA row stands for lost records,
 * not for a quiet interface, and scoring it would teach baselines a silence that did not happen.
 */
public final class DetectionEngine {

    private final List<Detector> detectors;
    private long scored;
    private long notTraffic;

    public DetectionEngine(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** Scores a batch of flows and returns the findings it raised, in the order raised. */
    public List<Finding> process(List<Flow> flows) {
        List<Finding> raised = new ArrayList<>();
        Consumer<Finding> sink = raised::add;
        for (Flow flow : flows) {
            if (!isTraffic(flow)) {
                notTraffic++;
                continue;
            }
            scored++;
            for (Detector detector : detectors) {
                detector.observe(flow, sink);
            }
        }
        return raised;
    }

    /** Flows that went through the detectors. */
    public long scoredFlows() {
        return scored;
    }

    /** NODATA and SKIPDATA rows that were kept out of scoring. */
    public long notTrafficRows() {
        return notTraffic;
    }

    public List<String> detectorNames() {
        return detectors.stream().map(Detector::name).toList();
    }

    static boolean isTraffic(Flow flow) {
        LogStatus status = flow.getLogStatus();
        return status != LogStatus.NODATA && status != LogStatus.SKIPDATA;
    }
}
