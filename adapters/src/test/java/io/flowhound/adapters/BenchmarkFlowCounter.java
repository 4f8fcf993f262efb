package io.flowhound.adapters;

import io.flowhound.proto.Flow;

import java.util.Arrays;

/**
 * What the parser benchmarks share: a consumer that touches every flow so that building it
 * cannot be optimised away, and the median of measured rounds.
 */
public final class BenchmarkFlowCounter implements FlowConsumer {

    private long flows;
    private long checksum;

    @Override
    public void flow(Flow flow) {
        flows++;
        checksum += flow.getBytes() + flow.getSrcAddr().size() + flow.getRecordIndex() + flow.getTupleIndex()
                + flow.getGcp().getFlowKey().length();
    }

    @Override
    public void error(ParseError error) {
        throw new IllegalStateException("benchmark data should parse: " + error);
    }

    public long flows() {
        return flows;
    }

    /** A value that depends on every flow, for the benchmark to print. */
    public long checksum() {
        return checksum;
    }

    /** Seconds, from the median of the measured nanosecond times. */
    public static double medianSeconds(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e9;
    }
}
