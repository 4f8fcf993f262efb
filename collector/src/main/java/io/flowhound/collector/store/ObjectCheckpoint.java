package io.flowhound.collector.store;

import io.flowhound.adapters.ResumePoint;

/**
 * How far one object has been read, as committed.
 *
 * @param source     configured source name
 * @param key        object key
 * @param storedSize the object's stored size when it was last read; a listing with the same size
 *                   and version has nothing new
 * @param version    ETag or generation; empty for local files
 * @param resume     where the next read continues
 * @param pendingTail the object ended in a line without a newline that was left for later (a
 *                    file still being written); it is looked at again even if its size is unchanged
 * @param failure    why the object could not be read to its end; empty when it was. A failed
 *                   object is not retried until its size or version changes.
 */
public record ObjectCheckpoint(String source, String key, long storedSize, String version,
                               ResumePoint resume, boolean pendingTail, String failure) {

    public ObjectCheckpoint {
        version = version == null ? "" : version;
        failure = failure == null ? "" : failure;
    }

    public boolean failed() {
        return !failure.isEmpty();
    }

    /** Whether a listed object holds nothing this checkpoint has not seen. */
    public boolean covers(long listedSize, String listedVersion) {
        return listedSize == storedSize && listedVersion.equals(version) && !pendingTail;
    }
}
