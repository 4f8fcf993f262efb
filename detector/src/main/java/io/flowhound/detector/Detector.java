package io.flowhound.detector;

import io.flowhound.proto.Finding;
import io.flowhound.proto.Flow;

import java.util.function.Consumer;

/**
 * One detection pattern. The engine hands it traffic flows only (never NODATA or SKIPDATA
 * rows), in event-time order per object, from a single thread.
 */
public interface Detector {

    /** A short snake_case name that findings carry, e.g. {@code new_external_destination}. */
    String name();

    /** Looks at one flow and reports any finding it completes. */
    void observe(Flow flow, Consumer<Finding> findings);
}
