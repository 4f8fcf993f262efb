package io.flowhound.adapters.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Flow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB PT1H.json read through a stream that makes each record's bytes when asked and never
 * holds the document: the parser must keep up with it record by record.
 */
class AzureLargeDocumentTest {

    private static final long DOCUMENT_BYTES = 100L * 1024 * 1024;
    private static final int TUPLES_PER_RECORD = 500;

    @Test
    void readsA100MegabyteDocumentRecordByRecord() throws IOException {
        GeneratedDocument document = new GeneratedDocument();
        long[] flows = {0};
        long[] largestBacklog = {0};

        ResumePoint end = new AzureNsgParser().parse(document, ResumePoint.START, new ParseContext("s", "big/PT1H.json", true),
                new FlowConsumer() {
                    @Override
                    public void flow(Flow flow) {
                        flows[0]++;
                    }

                    @Override
                    public void error(ParseError error) {
                        throw new AssertionError(error.toString());
                    }

                    @Override
                    public void consumedUpTo(long offset, long records, String state) {
                        // How far the stream has been read beyond what the parser has finished.
                        largestBacklog[0] = Math.max(largestBacklog[0], document.produced - offset);
                    }
                });

        assertTrue(document.produced >= DOCUMENT_BYTES, "the document is at least 100 MB: " + document.produced);
        assertEquals(document.records * TUPLES_PER_RECORD, flows[0]);
        assertEquals(new ResumePoint(document.produced - 2, document.records, RecordsDocumentReader.STATE_CLOSED), end);
        assertTrue(largestBacklog[0] < 1024 * 1024, "records are parsed as they arrive: backlog " + largestBacklog[0]);
    }

    /** {"records":[ record, record, … ]} made one record at a time as the parser reads. */
    private static final class GeneratedDocument extends InputStream {
        private byte[] chunk = "{\"records\":[".getBytes(StandardCharsets.UTF_8);
        private int position;
        long produced;
        long records;
        private boolean closed;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == chunk.length && !next()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, target, offset, n);
            position += n;
            produced += n;
            return n;
        }

        private boolean next() {
            if (closed) {
                return false;
            }
            if (produced >= DOCUMENT_BYTES) {
                chunk = "]}".getBytes(StandardCharsets.UTF_8);
                closed = true;
            } else {
                String[] tuples = new String[TUPLES_PER_RECORD];
                long second = 1714730400L + records * 60;
                for (int i = 0; i < TUPLES_PER_RECORD; i++) {
                    tuples[i] = (second + i % 60) + ",10.0." + (i % 4) + "." + (4 + i % 200) + ",203.0.113." + (i % 250)
                            + "," + (30000 + i) + ",443,T,O,A,E," + i + "," + (i * 100) + "," + i + "," + (i * 90);
                }
                String record = AzureSamples.nsgRecord("2024-05-03T10:00:00Z", tuples);
                chunk = ((records == 0 ? "" : ",") + record).getBytes(StandardCharsets.UTF_8);
                records++;
            }
            position = 0;
            return true;
        }
    }
}
