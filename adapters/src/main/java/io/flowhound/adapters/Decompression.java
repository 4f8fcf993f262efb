package io.flowhound.adapters;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Recognises compression by the stream's magic bytes rather than by the key's suffix, since
 * objects are renamed and re-uploaded by people and tools that do not keep suffixes honest.
 */
public final class Decompression {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER_BYTES = 256 * 1024;

    private Decompression() {
    }

    /** Whether the stored bytes starting at {@code in} are gzip. Leaves the stream where it was. */
    public static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
    }

    /**
     * Wraps stored bytes into the decompressed stream. gzip files with several members are read
     * whole: {@link GZIPInputStream} continues into the next member as long as the underlying
     * stream reports bytes available, which a {@link BufferedInputStream} over the rest of the
     * object does.
     */
    public static InputStream decompressed(BufferedInputStream stored) throws IOException {
        return isGzip(stored) ? new GZIPInputStream(stored, BUFFER_BYTES) : stored;
    }

    public static BufferedInputStream buffered(InputStream in) {
        return new BufferedInputStream(in, BUFFER_BYTES);
    }
}
