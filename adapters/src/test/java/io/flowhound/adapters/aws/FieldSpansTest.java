package io.flowhound.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldSpansTest {

    private final FieldSpans spans = new FieldSpans();

    @Test
    void treatsRunsOfSpacesAsOneSeparatorAndIgnoresOuterSpaces() {
        byte[] line = "  2 123456789012  eni-1 ".getBytes(StandardCharsets.US_ASCII);

        spans.split(line, 0, line.length);

        assertEquals(3, spans.count);
        assertArrayEquals(new int[] {2, 4, 18}, Arrays.copyOf(spans.starts, 3));
        assertArrayEquals(new int[] {3, 16, 23}, Arrays.copyOf(spans.ends, 3));
    }

    @Test
    void countsValuesBeyondItsCapacity() {
        byte[] line = "1 ".repeat(FieldSpans.CAPACITY + 5).getBytes(StandardCharsets.US_ASCII);

        spans.split(line, 0, line.length);

        assertEquals(FieldSpans.CAPACITY + 5, spans.count);
        assertEquals(2 * (FieldSpans.CAPACITY - 1) + 1, spans.ends[FieldSpans.CAPACITY - 1]);
    }

    @Test
    void agreesWithAByteByByteSplitOnRandomLines() {
        Random random = new Random(5);
        byte[] alphabet = "ab1- .\u00e9\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int run = 0; run < 100_000; run++) {
            byte[] buffer = new byte[random.nextInt(70)];
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = random.nextInt(3) == 0 ? (byte) ' ' : alphabet[random.nextInt(alphabet.length)];
            }
            int from = buffer.length == 0 ? 0 : random.nextInt(buffer.length);
            int to = from + random.nextInt(buffer.length - from + 1);

            spans.split(buffer, from, to);

            List<int[]> expected = reference(buffer, from, to);
            assertEquals(expected.size(), spans.count);
            for (int v = 0; v < expected.size(); v++) {
                assertEquals(expected.get(v)[0], spans.starts[v]);
                assertEquals(expected.get(v)[1], spans.ends[v]);
            }
        }
    }

    /** The byte-at-a-time split FieldSpans used before. */
    private static List<int[]> reference(byte[] line, int from, int to) {
        List<int[]> values = new ArrayList<>();
        int i = from;
        while (true) {
            while (i < to && line[i] == ' ') {
                i++;
            }
            if (i == to) {
                return values;
            }
            int start = i;
            while (i < to && line[i] != ' ') {
                i++;
            }
            values.add(new int[] {start, i});
        }
    }
}
