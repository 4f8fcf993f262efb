package io.flowhound.collector.run;

import io.flowhound.adapters.FlowFormats;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.FormatOptions;
import io.flowhound.adapters.ObjectSource;
import io.flowhound.adapters.local.LocalFolderSource;
import io.flowhound.collector.config.SourceConfig;
import io.flowhound.collector.config.SourceFormat;
import io.flowhound.collector.pipeline.ParserChooser;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Turns a source's config into the adapter objects that read it. */
final class SourceFactory {

    private SourceFactory() {
    }

    static ObjectSource objectSource(SourceConfig config) {
        return switch (config.type()) {
            case LOCAL -> new LocalFolderSource(config.name(), config.path(), config.include().orElse(null));
            // check-config refuses these before a run starts (AvailableInThisVersion).
            case S3, GCS, AZURE_BLOB -> throw new IllegalStateException(
                    "source type " + config.type().yamlName() + " is not available in this version yet");
        };
    }

    /** One parser per format per source, created when first needed and reused for every object. */
    static ParserChooser parserChooser(SourceConfig config) {
        FormatOptions options = new FormatOptions(config.logFormat());
        Map<String, FlowParser> parsers = new HashMap<>();
        if (config.format() != SourceFormat.AUTO) {
            FlowParser parser = FlowFormats.create(config.format().yamlName(), options);
            return (source, object) -> Optional.of(parser);
        }
        return (source, object) -> FlowFormats.detect(source, object)
                .map(format -> parsers.computeIfAbsent(format, name -> FlowFormats.create(name, options)));
    }
}
