package io.flowhound.adapters;

import io.flowhound.proto.Flow;

/** Receives what a parser produces, in order. Implementations are not required to be thread-safe. */
public interface FlowConsumer {

    /** A parsed flow. NODATA and SKIPDATA rows arrive here too, marked by their log status. */
    void flow(Flow flow);

    /** A record that could not be parsed. */
    void error(ParseError error);

    /**
     * Every record up to this point has been delivered through {@link #flow} or
     * {@link #error}; a read that resumes at {@code new ResumePoint(offset, records, state)}
     * would continue with the next one. Called by parsers after each record, so it takes the
     * parts rather than an allocated {@link ResumePoint}, and it must be cheap.
     */
    default void consumedUpTo(long offset, long records, String state) {
    }
}
