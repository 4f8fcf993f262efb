package io.flowhound.adapters.aws;

/**
 * The space-separated values of one line, as start/end offsets into the line's buffer: no
 * String per value. Runs of spaces count as one separator (a beats fixture has a double
 * space; formats.md 1.9 item 2).
 */
final class FieldSpans {

    /** More values than any AWS format has (40 flow log fields, 36 Transit Gateway fields). */
    static final int CAPACITY = 128;

    final int[] starts = new int[CAPACITY];
    final int[] ends = new int[CAPACITY];
    /** How many values the line holds; may exceed {@link #CAPACITY}, beyond which spans are not kept. */
    int count;

    /** Splits {@code line[from, to)} on runs of spaces. */
    void split(byte[] line, int from, int to) {
        int n = 0;
        int i = from;
        while (true) {
            while (i < to && line[i] == ' ') {
                i++;
            }
            if (i == to) {
                break;
            }
            int start = i;
            while (i < to && line[i] != ' ') {
                i++;
            }
            if (n < CAPACITY) {
                starts[n] = start;
                ends[n] = i;
            }
            n++;
        }
        count = n;
    }
}
