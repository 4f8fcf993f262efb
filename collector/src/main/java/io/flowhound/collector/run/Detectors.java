package io.flowhound.collector.run;

import io.flowhound.detector.DetectionEngine;

import java.util.List;

/**
 * The detectors a run scores flows with. None ships yet: the detection issues add theirs here,
 * each with its config section.
 */
public final class Detectors {

    private Detectors() {
    }

    public static DetectionEngine engine() {
        return new DetectionEngine(List.of());
    }
}
