package io.flowhound.adapters;

/**
 * Where reading of one object stopped, so the next read continues there.
 *
 * @param offset  byte offset into the decompressed object just after the last record consumed
 * @param records how many records (for line formats: lines) were consumed up to {@code offset};
 *                the next record's index is {@code records + 1}
 * @param state   parser-specific state needed to continue at {@code offset} (for AWS text, the
 *                header line that gives the field order); empty when none
 */
public record ResumePoint(long offset, long records, String state) {

    /** The beginning of an object. */
    public static final ResumePoint START = new ResumePoint(0, 0, "");

    public ResumePoint {
        if (offset < 0 || records < 0) {
            throw new IllegalArgumentException("negative offset or record count: " + offset + "/" + records);
        }
        state = state == null ? "" : state;
    }

    public boolean isStart() {
        return offset == 0 && records == 0;
    }
}
