package io.flowhound.collector.pipeline;

import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ObjectReadException;
import io.flowhound.adapters.ObjectReader;
import io.flowhound.adapters.ObjectRef;
import io.flowhound.adapters.ObjectSource;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.collector.store.ObjectCheckpoint;
import io.flowhound.collector.store.StateStore;
import io.flowhound.proto.Flow;
import io.flowhound.proto.LogStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Reads whatever is new in one source: lists its objects, skips those its checkpoints already
 * cover, reads the rest from their resume points, and commits a checkpoint after every batch
 * has passed the pipeline, so a crash resumes with the first flow not yet delivered.
 */
public final class SourceReader {

    private static final Logger LOG = LoggerFactory.getLogger(SourceReader.class);
    /** Flows per batch; also the most a crash can make the pipeline read again per source. */
    static final int BATCH_SIZE = 4096;
    /** Bad records logged one by one per object; the rest are summed up in the object's log line. */
    private static final int LOGGED_ERRORS_PER_OBJECT = 5;

    private final ObjectSource source;
    private final ParserChooser parsers;
    private final StateStore store;
    private final Pipeline pipeline;
    private final DeadLetterFile deadLetters;
    private final SourceStats stats = new SourceStats();

    public SourceReader(ObjectSource source, ParserChooser parsers, StateStore store, Pipeline pipeline,
                        DeadLetterFile deadLetters) {
        this.source = source;
        this.parsers = parsers;
        this.store = store;
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
    }

    public SourceStats stats() {
        return stats;
    }

    public String sourceName() {
        return source.name();
    }

    /**
     * Reads every object with data not yet read.
     *
     * @param readToEnd treat objects as complete: also read a last line that has no newline
     * @param stop      checked between objects; when true, returns without reading the rest
     */
    public void readNew(boolean readToEnd, BooleanSupplier stop) throws IOException {
        for (ObjectRef object : source.list()) {
            if (stop.getAsBoolean()) {
                return;
            }
            Optional<ObjectCheckpoint> checkpoint = store.checkpoint(source.name(), object.key());
            if (checkpoint.isPresent() && checkpoint.get().covers(object.size(), object.version())) {
                continue;
            }
            readObject(object, resumePointFor(object, checkpoint), readToEnd);
        }
    }

    private ResumePoint resumePointFor(ObjectRef object, Optional<ObjectCheckpoint> checkpoint) {
        if (checkpoint.isEmpty()) {
            return ResumePoint.START;
        }
        ObjectCheckpoint previous = checkpoint.get();
        if (object.size() < previous.storedSize() || !object.version().equals(previous.version())) {
            LOG.warn("object_replaced source={} object={} old_size={} new_size={} action=read_from_start",
                    source.name(), object.key(), previous.storedSize(), object.size());
            return ResumePoint.START;
        }
        return previous.resume();
    }

    private void readObject(ObjectRef object, ResumePoint from, boolean readToEnd) throws IOException {
        ObjectBatcher batcher = new ObjectBatcher(object, from);
        try {
            Optional<FlowParser> parser = parsers.parserFor(source, object);
            if (parser.isEmpty()) {
                fail(object, from, "format not recognised; set format: on the source");
                return;
            }
            ObjectReader.Outcome outcome = ObjectReader.read(source, object, from, parser.get(), readToEnd, batcher);
            batcher.finish(outcome.pendingTail());
            stats.objects++;
            LOG.info("object_read source={} object={} from_line={} to_line={} flows={} bad_records={}",
                    source.name(), object.key(), from.records(), outcome.end().records(), batcher.flows, batcher.errors);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (ObjectReadException e) {
            batcher.deliverBatch();
            fail(object, batcher.consumed(), e.reason());
        }
    }

    private void fail(ObjectRef object, ResumePoint consumed, String reason) throws IOException {
        stats.failedObjects++;
        LOG.error("object_failed source={} object={} after_line={} reason=\"{}\"",
                source.name(), object.key(), consumed.records(), reason);
        deadLetters.write(new ParseError(object.key(), 0, reason, ""));
        deadLetters.flush();
        commit(new ObjectCheckpoint(source.name(), object.key(), object.size(), object.version(), consumed, false, reason));
    }

    private void commit(ObjectCheckpoint checkpoint) throws IOException {
        Map<String, Long> outputs = pipeline.syncDurableOutputs();
        store.commit(List.of(checkpoint), outputs);
    }

    /** Collects one object's flows into batches and commits after each batch is delivered. */
    private final class ObjectBatcher implements FlowConsumer {
        private final ObjectRef object;
        private final List<Flow> batch = new ArrayList<>(BATCH_SIZE);
        /** The last point the parser reported, kept as parts: it is reported after every record. */
        private long consumedOffset;
        private long consumedRecords;
        private String consumedState;
        private long flows;
        private long errors;

        ObjectBatcher(ObjectRef object, ResumePoint from) {
            this.object = object;
            this.consumedOffset = from.offset();
            this.consumedRecords = from.records();
            this.consumedState = from.state();
        }

        @Override
        public void flow(Flow flow) {
            batch.add(flow);
            flows++;
            LogStatus status = flow.getLogStatus();
            if (status == LogStatus.NODATA) {
                stats.nodata++;
            } else if (status == LogStatus.SKIPDATA) {
                stats.skipdata++;
            }
        }

        @Override
        public void error(ParseError error) {
            errors++;
            stats.badRecords++;
            if (errors <= LOGGED_ERRORS_PER_OBJECT) {
                LOG.warn("bad_record source={} object={} line={} reason=\"{}\"",
                        source.name(), error.objectKey(), error.line(), error.reason());
            }
            try {
                deadLetters.write(error);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void consumedUpTo(long offset, long records, String state) {
            consumedOffset = offset;
            consumedRecords = records;
            consumedState = state;
            if (batch.size() >= BATCH_SIZE) {
                try {
                    deliverBatch();
                    commitProgress();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        ResumePoint consumed() {
            return new ResumePoint(consumedOffset, consumedRecords, consumedState);
        }

        void finish(boolean pendingTail) throws IOException {
            deliverBatch();
            deadLetters.flush();
            commit(new ObjectCheckpoint(source.name(), object.key(), object.size(), object.version(), consumed(),
                    pendingTail, ""));
        }

        void deliverBatch() throws IOException {
            if (batch.isEmpty()) {
                return;
            }
            pipeline.deliver(batch);
            stats.flows += batch.size();
            batch.clear();
        }

        /** A mid-object checkpoint: the object is not finished, so it stays due for reading. */
        private void commitProgress() throws IOException {
            deadLetters.flush();
            commit(new ObjectCheckpoint(source.name(), object.key(), object.size(), object.version(), consumed(),
                    true, ""));
        }
    }
}
