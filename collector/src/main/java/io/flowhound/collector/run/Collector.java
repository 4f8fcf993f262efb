package io.flowhound.collector.run;

import io.flowhound.collector.config.FlowhoundConfig;
import io.flowhound.collector.config.SourceConfig;
import io.flowhound.collector.pipeline.DeadLetterFile;
import io.flowhound.collector.pipeline.Pipeline;
import io.flowhound.collector.pipeline.SourceReader;
import io.flowhound.collector.store.StateStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The readers of every configured source, sharing one pipeline and one state store. Built once
 * per run; {@code replay} reads everything once, {@code serve} again on each poll.
 */
public final class Collector implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);

    private final StateStore store;
    private final Pipeline pipeline;
    private final List<SourceReader> readers;
    private final List<DeadLetterFile> deadLetters;

    private Collector(StateStore store, Pipeline pipeline, List<SourceReader> readers, List<DeadLetterFile> deadLetters) {
        this.store = store;
        this.pipeline = pipeline;
        this.readers = readers;
        this.deadLetters = deadLetters;
    }

    /** @param pipeline takes ownership: closed with the collector */
    public static Collector open(FlowhoundConfig config, StateStore store, Pipeline pipeline) throws IOException {
        List<SourceReader> readers = new ArrayList<>();
        List<DeadLetterFile> deadLetters = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            DeadLetterFile deadLetter = DeadLetterFile.open(config.deadLetterDir(), source.name());
            deadLetters.add(deadLetter);
            readers.add(new SourceReader(SourceFactory.objectSource(source), SourceFactory.parserChooser(source),
                    store, pipeline, deadLetter));
        }
        return new Collector(store, pipeline, readers, deadLetters);
    }

    /**
     * What {@code replay} runs: reads what is new in every source, one after the other, treating
     * objects as complete; a source that cannot be read ends the run with its error.
     */
    public void readAll() throws IOException {
        for (SourceReader reader : readers) {
            reader.readNew(true, () -> false);
        }
    }

    /**
     * What {@code serve} runs on every poll: reads what is new in every source, and when a source
     * cannot be read (its folder gone, the disk full) logs why, counts it and goes on with the
     * next source; the next poll tries again from the last checkpoint.
     */
    public void poll(BooleanSupplier stop) {
        for (SourceReader reader : readers) {
            if (stop.getAsBoolean()) {
                return;
            }
            try {
                reader.readNew(false, stop);
            } catch (IOException | RuntimeException e) {
                reader.stats().pollFailed();
                LOG.error("source_poll_failed source={} reason=\"{}\" action=retry_next_poll", reader.sourceName(), e.toString());
            }
        }
    }

    public List<SourceReader> readers() {
        return readers;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() throws IOException {
        for (DeadLetterFile deadLetter : deadLetters) {
            deadLetter.close();
        }
        pipeline.close();
        store.close();
    }
}
