package io.flowhound.adapters;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the decompressed bytes of one object into flows. Parsers are pure: no I/O besides the
 * stream they are handed, no clocks, no cloud SDKs. One parser instance may be used for many
 * objects but by one thread at a time.
 */
public interface FlowParser {

    /** The configured format name, e.g. {@code aws_vpc_text}. */
    String format();

    /**
     * Reads records from {@code in}, which is positioned at {@code from.offset()} of the
     * decompressed object, until the stream ends.
     *
     * @return where the next read of this object should continue
     * @throws IOException only when the stream itself fails; bad records are reported to
     *                     {@code out} as {@link ParseError}s and reading goes on
     */
    ResumePoint parse(InputStream in, ResumePoint from, ParseContext context, FlowConsumer out) throws IOException;

    /**
     * Whether bytes after {@code end} may still hold records, so the object must be looked at
     * again even if its size does not change: for line formats, an unterminated last line left
     * for later. Formats that end in a fixed trailer (Azure's {@code ]}}) say whether what is
     * left is more than that trailer.
     *
     * @param end        what {@link #parse} returned for a read of an object that may grow
     * @param storedSize the object's size as listed
     */
    default boolean leftPendingTail(ResumePoint end, long storedSize) {
        return end.offset() < storedSize;
    }
}
