package io.flowhound.adapters;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one object from a resume point through a parser: opens the stored bytes, decompresses
 * them when they are gzip, positions the stream at the resume offset and hands it to the parser.
 */
public final class ObjectReader {

    private ObjectReader() {
    }

    /**
     * What a read achieved.
     *
     * @param end         where the next read of this object continues
     * @param pendingTail the object ends in a line without a newline that was left for a later read
     */
    public record Outcome(ResumePoint end, boolean pendingTail) {
    }

    /**
     * @param readToEnd true when the caller knows the object will not grow any more (replay, or
     *                  an object that has been quiet), so an unterminated last line is read too
     * @throws ObjectReadException when the object's bytes cannot be read to their end; every
     *                             record before the failure has been delivered to {@code out}
     */
    public static Outcome read(ObjectSource source, ObjectRef object, ResumePoint from, FlowParser parser,
                                   boolean readToEnd, FlowConsumer out) throws ObjectReadException {
        try (BufferedInputStream stored = Decompression.buffered(source.open(object, 0))) {
            boolean gzip = Decompression.isGzip(stored);
            ParseContext context = new ParseContext(source.name(), object.key(),
                    gzip || readToEnd || !source.objectsMayGrow());
            if (gzip) {
                InputStream decompressed = Decompression.decompressed(stored);
                skipExactly(decompressed, from.offset(), object);
                return new Outcome(parser.parse(decompressed, from, context, out), false);
            }
            // Plain text: stored and decompressed offsets are the same, so seek instead of skipping.
            try (InputStream positioned = Decompression.buffered(source.open(object, from.offset()))) {
                ResumePoint end = parser.parse(positioned, from, context, out);
                return new Outcome(end, parser.leftPendingTail(end, object.size()));
            }
        } catch (ObjectReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ObjectReadException(object.key(), "cannot read object", e);
        }
    }

    private static void skipExactly(InputStream in, long bytes, ObjectRef object) throws IOException {
        try {
            in.skipNBytes(bytes);
        } catch (EOFException e) {
            throw new ObjectReadException(object.key(),
                    "object is shorter than the " + bytes + " bytes already read; it was replaced", e);
        }
    }
}
