package io.flowhound.collector.pipeline;

import io.flowhound.proto.Flow;

import java.io.IOException;
import java.util.List;

/** Somewhere normalized flows go after the detector stage: a file, the gRPC hub. */
public interface FlowOutput {

    void write(List<Flow> flows) throws IOException;
}
