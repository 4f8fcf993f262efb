package io.flowhound.collector.grpc;

import io.flowhound.collector.pipeline.FlowOutput;
import io.flowhound.proto.Flow;
import io.flowhound.proto.FlowBatch;
import io.grpc.stub.ServerCallStreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans the live flow stream out to gRPC subscribers. Each subscriber has its own bounded queue
 * of batches; when it is full the new batch is dropped for that subscriber only and counted, and
 * the count travels in the next batch it receives. The pipeline never waits for a subscriber.
 *
 * <p>The first message of every stream is an empty batch: it tells the client that its
 * subscription is in place, so it knows from which moment on it sees every flow.
 */
public final class FlowHub implements FlowOutput {

    private static final Logger LOG = LoggerFactory.getLogger(FlowHub.class);

    private final int queueBatches;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedFlows = new AtomicLong();

    /** @param queueBatches how many batches each subscriber may have waiting */
    public FlowHub(int queueBatches) {
        this.queueBatches = queueBatches;
    }

    @Override
    public void write(List<Flow> flows) {
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(flows);
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Flows dropped for slow subscribers since start, over all subscribers past and present. */
    public long droppedFlows() {
        return droppedFlows.get();
    }

    void subscribe(FlowPredicate filter, ServerCallStreamObserver<FlowBatch> stream) {
        Subscriber subscriber = new Subscriber(filter, stream, queueBatches, droppedFlows);
        stream.setOnCancelHandler(() -> {
            subscribers.remove(subscriber);
            LOG.info("flow_subscriber_left subscribers={} dropped_flows={}", subscribers.size(), subscriber.droppedTotal);
        });
        stream.setOnReadyHandler(subscriber::drain);
        subscriber.confirm();
        subscribers.add(subscriber);
        LOG.info("flow_subscriber_joined subscribers={}", subscribers.size());
    }

    /** Completes every stream, for a clean shutdown. */
    public void closeAll() {
        for (Subscriber subscriber : subscribers) {
            subscriber.complete();
        }
        subscribers.clear();
    }

    private static final class Subscriber {
        private final FlowPredicate filter;
        private final ServerCallStreamObserver<FlowBatch> stream;
        private final Queue<FlowBatch> queue;
        private final AtomicLong droppedSinceLastBatch = new AtomicLong();
        private final AtomicLong droppedInHub;
        private volatile long droppedTotal;

        Subscriber(FlowPredicate filter, ServerCallStreamObserver<FlowBatch> stream, int capacity, AtomicLong droppedInHub) {
            this.filter = filter;
            this.stream = stream;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.droppedInHub = droppedInHub;
        }

        void confirm() {
            queue.offer(FlowBatch.getDefaultInstance());
            drain();
        }

        void offer(List<Flow> flows) {
            List<Flow> matching = new ArrayList<>();
            for (Flow flow : flows) {
                if (filter.test(flow)) {
                    matching.add(flow);
                }
            }
            if (matching.isEmpty()) {
                return;
            }
            if (!queue.offer(FlowBatch.newBuilder().addAllFlows(matching).build())) {
                droppedSinceLastBatch.addAndGet(matching.size());
                droppedInHub.addAndGet(matching.size());
                droppedTotal += matching.size();
            }
            drain();
        }

        /** Sends queued batches while the transport accepts them; called by the pipeline and by gRPC's onReady. */
        synchronized void drain() {
            while (stream.isReady() && !stream.isCancelled()) {
                FlowBatch batch = queue.poll();
                if (batch == null) {
                    return;
                }
                long dropped = droppedSinceLastBatch.getAndSet(0);
                stream.onNext(dropped == 0 ? batch : batch.toBuilder().setDropped(dropped).build());
            }
        }

        synchronized void complete() {
            if (!stream.isCancelled()) {
                stream.onCompleted();
            }
        }
    }
}
