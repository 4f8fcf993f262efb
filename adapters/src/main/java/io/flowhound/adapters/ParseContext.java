package io.flowhound.adapters;

/**
 * What a parser knows about the object it is reading.
 *
 * @param source         the configured source name, copied into each flow's provenance
 * @param objectKey      the object's key or path relative to the source
 * @param objectComplete true when the stream ends where the object ends for good (an uploaded
 *                       object, a gzip file); false for a file that may still grow, in which case
 *                       a last line without a newline is left for the next read
 */
public record ParseContext(String source, String objectKey, boolean objectComplete) {
}
