package io.flowhound.adapters.azure;

import io.flowhound.adapters.CollectingConsumer;
import static io.flowhound.adapters.azure.AzureSamples.document;
import static io.flowhound.adapters.azure.AzureSamples.nsgRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Record-level problems are reported with object and position, and everything else is read. */
class AzureBadInputTest {

    private static final String GOOD = "1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,B,,,,";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static CollectingConsumer parse(byte[] document) {
        return CollectedFlows.parse(new AzureNsgParser(), document, ResumePoint.START, true);
    }

    @Test
    void reportsAByteThatIsNotUtf8InATupleAsThatTupleAndReadsTheRestOfTheRecord() {
        String record = nsgRecord("2024-05-03T10:00:00Z", GOOD, "1714730402,192.0.2.1,10.0.1.4,1,2,T,I,A,B,,,,", GOOD);
        byte[] document = bytes(document(record, nsgRecord("2024-05-03T10:01:00Z", GOOD)));
        int second = new String(document, StandardCharsets.UTF_8).indexOf("192.0.2.1", new String(document,
                StandardCharsets.UTF_8).indexOf(GOOD) + GOOD.length());
        document[second + 2] = (byte) 0xff;

        CollectingConsumer out = parse(document);

        assertEquals(3, out.flows.size());
        assertEquals(List.of(1, 3, 1), out.flows.stream().map(f -> f.getTupleIndex()).toList());
        assertEquals(1, out.errors.size(), out.errors.toString());
        ParseError error = out.errors.get(0);
        assertEquals(1, error.line());
        assertEquals(CollectedFlows.NSG_KEY, error.objectKey());
        assertTrue(error.reason().contains("tuple 2") && error.reason().contains("not UTF-8")
                && error.reason().contains("at byte " + (second + 2)), error.reason());
    }

    @Test
    void reportsABadByteOutsideTheTuplesOnceForItsRecordAndStillReadsItsTuples() {
        byte[] document = bytes(document(nsgRecord("2024-05-03T10:00:00Z", GOOD).replace("UserRule_allow-https", "UserRule_caf?")));
        int at = new String(document, StandardCharsets.UTF_8).indexOf("caf?") + 3;
        document[at] = (byte) 0xe9;  // Latin-1 é

        CollectingConsumer out = parse(document);

        assertEquals(1, out.flows.size());
        assertEquals("UserRule_caf\u007f", out.flows.get(0).getRuleName());
        assertEquals(1, out.errors.size());
        assertTrue(out.errors.get(0).reason().contains("not UTF-8 outside its flow tuples"), out.errors.get(0).reason());
    }

    @Test
    void keepsValidNonAsciiTextOutsideTuples() {
        String record = nsgRecord("2024-05-03T10:00:00Z", GOOD).replace("UserRule_allow-https", "UserRule_café");

        CollectingConsumer out = parse(bytes(document(record))).withoutErrors();

        assertEquals("UserRule_café", out.flows.get(0).getRuleName());
    }

    @Test
    void reportsARecordThatIsNotValidJsonAndReadsTheNextRecord() {
        String broken = nsgRecord("2024-05-03T10:00:00Z", GOOD).replace("\"Version\":2,", "\"Version\" 2,");
        byte[] document = bytes(document(broken, nsgRecord("2024-05-03T10:01:00Z", GOOD)));

        CollectingConsumer out = parse(document);

        assertEquals(1, out.flows.size());
        assertEquals(2, out.flows.get(0).getRecordIndex());
        assertEquals(1, out.errors.size());
        assertEquals(1, out.errors.get(0).line());
        assertTrue(out.errors.get(0).reason().contains("not valid JSON at byte"), out.errors.get(0).reason());
    }

    @Test
    void recoversFromGarbageAndAMissingCommaBetweenRecords() {
        String text = "{\"records\":[" + nsgRecord("2024-05-03T10:00:00Z", GOOD) + ", oops ,"
                + nsgRecord("2024-05-03T10:01:00Z", GOOD) + nsgRecord("2024-05-03T10:02:00Z", GOOD) + ",17]}";

        CollectingConsumer out = parse(bytes(text));

        assertEquals(3, out.flows.size());
        assertEquals(List.of(1L, 2L, 3L), out.flows.stream().map(f -> f.getRecordIndex()).toList());
        List<String> reasons = out.errors.stream().map(ParseError::reason).toList();
        assertEquals(3, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("unexpected \"o\" between records"), reasons.get(0));
        assertTrue(reasons.get(1).contains("missing comma before record 3"), reasons.get(1));
        assertTrue(reasons.get(2).contains("record 4") && reasons.get(2).contains("not a JSON object"), reasons.get(2));
        assertEquals(RecordsDocumentReader.STATE_CLOSED, out.returned.state());
    }

    @Test
    void abandonsADocumentThatIsNotARecordsDocumentOnceAndForAll() {
        AzureNsgParser parser = new AzureNsgParser();
        byte[] notRecords = bytes("{\"value\":[1,2,3]}");

        CollectingConsumer out = CollectedFlows.parse(parser, notRecords, ResumePoint.START, false);

        assertEquals(1, out.errors.size());
        assertEquals(0, out.errors.get(0).line());
        assertTrue(out.errors.get(0).reason().contains("does not start with {\"records\":["), out.errors.get(0).reason());
        assertEquals(RecordsDocumentReader.STATE_ABANDONED, out.returned.state());
        CollectingConsumer again = CollectedFlows.parse(parser, notRecords, out.returned, false);
        assertEquals(List.of(), again.errors, "reported once");
    }

    @Test
    void skipsARecordLongerThanTheLimitWithoutKeepingIt() throws java.io.IOException {
        RecordsDocumentReader reader = new RecordsDocumentReader(1024);
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            big.append(i == 0 ? "" : ",").append('"').append(GOOD).append('"');
        }
        String huge = nsgRecord("2024-05-03T10:00:00Z", GOOD).replace("\"" + GOOD + "\"", big);
        byte[] document = bytes(document(huge, nsgRecord("2024-05-03T10:01:00Z", GOOD)));
        CollectingConsumer out = new CollectingConsumer();
        List<Long> records = new java.util.ArrayList<>();

        reader.read(new java.io.ByteArrayInputStream(document), ResumePoint.START,
                new io.flowhound.adapters.ParseContext("s", "k", true), out,
                (b, start, end, index, offset, replaced) -> {
                    records.add(index);
                    return 0;
                });

        assertEquals(List.of(2L), records);
        assertEquals(1, out.errors.size());
        assertTrue(out.errors.get(0).reason().contains("longer than 1024 bytes"), out.errors.get(0).reason());
    }

    @Test
    void readsADocumentWithAByteOrderMark() {
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        document.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        document.writeBytes(bytes(document(nsgRecord("2024-05-03T10:00:00Z", GOOD))));

        assertEquals(1, parse(document.toByteArray()).withoutErrors().flows.size());
    }
}
