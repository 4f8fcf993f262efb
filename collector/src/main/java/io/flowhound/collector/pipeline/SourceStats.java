package io.flowhound.collector.pipeline;

/**
 * Running totals of one source, for the replay summary and the metrics. Written by the source's
 * reading thread only; volatile so a scrape from another thread sees current values.
 */
public final class SourceStats {

    volatile long objects;
    volatile long flows;
    volatile long nodata;
    volatile long skipdata;
    volatile long badRecords;
    volatile long failedObjects;
    volatile long pollFailures;

    public long objects() {
        return objects;
    }

    public long flows() {
        return flows;
    }

    public long nodata() {
        return nodata;
    }

    public long skipdata() {
        return skipdata;
    }

    /** Malformed records plus objects that could not be read to their end. */
    public long badRecords() {
        return badRecords + failedObjects;
    }

    public long failedObjects() {
        return failedObjects;
    }

    /** Polls of this source that failed as a whole (listing or committing), retried on the next poll. */
    public long pollFailures() {
        return pollFailures;
    }

    public void pollFailed() {
        pollFailures++;
    }
}
