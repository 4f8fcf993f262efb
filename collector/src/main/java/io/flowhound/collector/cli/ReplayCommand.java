package io.flowhound.collector.cli;

import io.flowhound.collector.config.FlowhoundConfig;
import io.flowhound.collector.pipeline.JsonLinesFile;
import io.flowhound.collector.pipeline.Pipeline;
import io.flowhound.collector.pipeline.SourceReader;
import io.flowhound.collector.pipeline.SourceStats;
import io.flowhound.collector.run.Collector;
import io.flowhound.collector.run.Detectors;
import io.flowhound.collector.store.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code flowhound replay}: reads every configured source to its end once, through the whole
 * pipeline, and exits. Checkpoints make a second replay read only what is new.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Read every configured source to its end, score the flows, and exit.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Option(names = "--flows-out", paramLabel = "FILE",
            description = "Append every flow to FILE, one per line in the proto3 JSON mapping.")
    Path flowsOut;

    @Option(names = "--findings-out", paramLabel = "FILE",
            description = "Append every finding to FILE, one per line in the proto3 JSON mapping.")
    Path findingsOut;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FlowhoundConfig loaded = config.load();
        long started = System.nanoTime();
        try (StateStore store = StateStore.open(loaded.stateDir());
             Collector collector = Collector.open(loaded, store, new Pipeline(Detectors.engine(), List.of(),
                     durableFile(store, flowsOut), durableFile(store, findingsOut)))) {
            collector.readAll();
            printSummary(collector, (System.nanoTime() - started) / 1e9);
        }
        return ExitCodes.OK;
    }

    private static Optional<JsonLinesFile> durableFile(StateStore store, Path path) throws IOException {
        if (path == null) {
            return Optional.empty();
        }
        String id = path.toAbsolutePath().normalize().toString();
        return Optional.of(JsonLinesFile.open(path, store.outputLength(id)));
    }

    /** One line per source, then the summary line, which is the interface scripts parse: keep it exact. */
    private void printSummary(Collector collector, double seconds) {
        PrintWriter out = spec.commandLine().getOut();
        long objects = 0;
        long flows = 0;
        long bad = 0;
        for (SourceReader reader : collector.readers()) {
            SourceStats stats = reader.stats();
            out.printf(Locale.ROOT, "source name=%s objects=%d flows=%d nodata=%d skipdata=%d bad_records=%d failed_objects=%d%n",
                    reader.sourceName(), stats.objects(), stats.flows(), stats.nodata(), stats.skipdata(),
                    stats.badRecords(), stats.failedObjects());
            objects += stats.objects();
            flows += stats.flows();
            bad += stats.badRecords();
        }
        long perSecond = seconds > 0 ? Math.round(flows / seconds) : 0;
        out.printf(Locale.ROOT, "replayed objects=%d flows=%d bad_records=%d findings=%d seconds=%.3f flows_per_s=%d%n",
                objects, flows, bad, collector.pipeline().findings(), seconds, perSecond);
        out.flush();
    }
}
