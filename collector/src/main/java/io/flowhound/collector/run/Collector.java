package io.flowhound.collector.run;

import io.flowhound.collector.config.FlowhoundConfig;
import io.flowhound.collector.config.SourceConfig;
import io.flowhound.collector.pipeline.DeadLetterFile;
import io.flowhound.collector.pipeline.Pipeline;
import io.flowhound.collector.pipeline.SourceReader;
import io.flowhound.collector.store.StateStore;

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

    /** Reads what is new in every source, one source after the other. */
    public void readAll(boolean readToEnd) throws IOException {
        readAll(readToEnd, () -> false);
    }

    /**
     * Reads what is new in every source, stopping between two objects once {@code stop} says
     * so; whatever was not read yet is read by the next call or the next run.
     */
    public void readAll(boolean readToEnd, BooleanSupplier stop) throws IOException {
        for (SourceReader reader : readers) {
            if (stop.getAsBoolean()) {
                return;
            }
            reader.readNew(readToEnd, stop);
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
