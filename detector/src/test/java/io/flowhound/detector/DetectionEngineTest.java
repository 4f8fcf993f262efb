package io.flowhound.detector;

import io.flowhound.proto.Finding;
import io.flowhound.proto.Flow;
import io.flowhound.proto.LogStatus;
import io.flowhound.proto.Observer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DetectionEngineTest {

    /** Raises one finding per flow it sees, naming the flow's interface. */
    private static final class EchoDetector implements Detector {
        final List<Flow> seen = new ArrayList<>();

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public void observe(Flow flow, Consumer<Finding> findings) {
            seen.add(flow);
            findings.accept(Finding.newBuilder().setDetector(name()).setEntity(flow.getObserver().getInterfaceId()).build());
        }
    }

    private static Flow flow(String eni, LogStatus status) {
        return Flow.newBuilder().setObserver(Observer.newBuilder().setInterfaceId(eni)).setLogStatus(status).build();
    }

    @Test
    void nodataAndSkipdataRowsAreCountedButNeverScored() {
        EchoDetector echo = new EchoDetector();
        DetectionEngine engine = new DetectionEngine(List.of(echo));

        List<Finding> findings = engine.process(List.of(
                flow("eni-1", LogStatus.OK),
                flow("eni-2", LogStatus.NODATA),
                flow("eni-3", LogStatus.SKIPDATA),
                flow("eni-4", LogStatus.LOG_STATUS_UNSPECIFIED)));

        assertEquals(List.of("eni-1", "eni-4"), echo.seen.stream().map(flow -> flow.getObserver().getInterfaceId()).toList());
        assertEquals(List.of("eni-1", "eni-4"), findings.stream().map(Finding::getEntity).toList());
        assertEquals(2, engine.scoredFlows());
        assertEquals(2, engine.notTrafficRows());
    }

    @Test
    void anEngineWithoutDetectorsRaisesNothing() {
        DetectionEngine engine = new DetectionEngine(List.of());
        assertEquals(List.of(), engine.process(List.of(flow("eni-1", LogStatus.OK))));
        assertEquals(1, engine.scoredFlows());
    }
}
