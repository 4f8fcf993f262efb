package io.flowhound.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A place flow log objects are listed and read from. */
public interface ObjectSource {

    /** The configured source name. */
    String name();

    /** Every object currently present, sorted by key. */
    List<ObjectRef> list() throws IOException;

    /**
     * Opens the stored bytes of an object (compressed as stored), starting at byte
     * {@code storedOffset}.
     */
    InputStream open(ObjectRef object, long storedOffset) throws IOException;

    /**
     * Whether the object can still grow after it was listed. Local files can (a writer may be
     * appending); uploaded objects cannot. A growing object's unterminated last line is left
     * for the next read.
     */
    boolean objectsMayGrow();
}
