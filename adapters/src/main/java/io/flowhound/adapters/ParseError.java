package io.flowhound.adapters;

/**
 * A record that could not be parsed. It is counted, logged and written to the dead-letter file;
 * the rest of the object is still read.
 *
 * @param objectKey the object the record came from
 * @param line      1-based line (or record) number in the decompressed object; 0 when the error
 *                  concerns the whole object (for example a corrupt gzip stream)
 * @param reason    a human sentence saying what is wrong
 * @param raw       the offending text, possibly truncated; empty when not available
 */
public record ParseError(String objectKey, long line, String reason, String raw) {

    /** How much of a bad line is kept: enough to recognise it, never a whole megabyte. */
    public static final int MAX_RAW_CHARS = 4096;

    public ParseError {
        raw = raw == null ? "" : raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) : raw;
    }
}
