package io.flowhound.collector.pipeline;

/** Running totals of one source, for the replay summary and the logs. */
public final class SourceStats {

    long objects;
    long flows;
    long nodata;
    long skipdata;
    long badRecords;
    long failedObjects;

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
}
