package io.flowhound.collector.grpc;

import io.flowhound.proto.FlowBatch;
import io.flowhound.proto.FlowServiceGrpc;
import io.flowhound.proto.StreamFlowsRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** {@code FlowService}: live flow subscriptions served from the {@link FlowHub}. */
public final class FlowStreamService extends FlowServiceGrpc.FlowServiceImplBase {

    private final FlowHub hub;

    public FlowStreamService(FlowHub hub) {
        this.hub = hub;
    }

    @Override
    public void streamFlows(StreamFlowsRequest request, StreamObserver<FlowBatch> responses) {
        FlowPredicate filter;
        try {
            filter = FlowPredicate.of(request.getFilter());
        } catch (IllegalArgumentException e) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        hub.subscribe(filter, (ServerCallStreamObserver<FlowBatch>) responses);
    }
}
