package io.flowhound.collector.pipeline;

import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ObjectRef;
import io.flowhound.adapters.ObjectSource;

import java.io.IOException;
import java.util.Optional;

/** Picks the parser for an object: the source's configured format, or one recognised from the object. */
@FunctionalInterface
public interface ParserChooser {

    /** The parser for {@code object}, or empty when its format cannot be recognised. */
    Optional<FlowParser> parserFor(ObjectSource source, ObjectRef object) throws IOException;
}
