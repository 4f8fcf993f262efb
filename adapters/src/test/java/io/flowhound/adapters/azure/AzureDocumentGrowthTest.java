package io.flowhound.adapters.azure;

import io.flowhound.adapters.CollectingConsumer;
import static io.flowhound.adapters.azure.AzureSamples.nsgRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Flow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PT1H.json grows as formats.md 4.2 describes: the first block is {@code {"records":[}, the
 * last {@code ]}}, and each minute's record is a block inserted before the last one, with a
 * leading comma after the first. Reads resume at the returned offset, on a stream positioned
 * there, as the local source's seek into a plain file does.
 */
class AzureDocumentGrowthTest {

    /** The blob's committed blocks. */
    private final List<String> blocks = new ArrayList<>();

    private byte[] blob() {
        StringBuilder text = new StringBuilder("{\"records\":[");
        blocks.forEach(text::append);
        return text.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendMinute(int minute, int tuples) {
        String[] tuple = new String[tuples];
        for (int i = 0; i < tuples; i++) {
            tuple[i] = (1714730400 + minute * 60 + i) + ",10.0.1.4,203.0.113." + (i + 1) + "," + (40000 + minute) + ",443,T,O,A,"
                    + (i % 3 == 0 ? "B,,,," : i % 3 == 1 ? "C,10,1000,8,9000" : "E,2,120,2,400");
        }
        String record = nsgRecord(String.format("2024-05-03T10:%02d:30.1234567Z", minute), tuple);
        blocks.add(blocks.isEmpty() ? record : "," + record);
    }

    @Test
    void readsOnlyTheTwoNewMinutesAfterTheBlobGrows() {
        AzureNsgParser parser = new AzureNsgParser();
        for (int minute = 0; minute < 3; minute++) {
            appendMinute(minute, 5);
        }
        byte[] first = blob();
        CollectingConsumer firstRead = CollectedFlows.parse(parser, first, ResumePoint.START, false).withoutErrors();
        assertEquals(15, firstRead.flows.size());
        ResumePoint resume = firstRead.returned;
        assertEquals(first.length - 2, resume.offset(), "just before the final ]}");
        assertEquals(3, resume.records());
        assertEquals(RecordsDocumentReader.STATE_CLOSED, resume.state());
        assertEquals(resume, firstRead.consumed.get(firstRead.consumed.size() - 1), "the last progress report is the end");
        assertFalse(parser.leftPendingTail(resume, first.length), "only ]} is left");

        appendMinute(3, 4);
        appendMinute(4, 6);
        byte[] grown = blob();
        assertEquals(new String(first, 0, first.length - 2, StandardCharsets.UTF_8),
                new String(grown, 0, first.length - 2, StandardCharsets.UTF_8), "same prefix, bigger blob");

        CollectingConsumer secondRead = CollectedFlows.parse(parser, grown, resume, false).withoutErrors();

        assertEquals(10, secondRead.flows.size(), "exactly the new tuples");
        Flow firstNew = secondRead.flows.get(0);
        assertEquals(4, firstNew.getRecordIndex());
        assertEquals(1, firstNew.getTupleIndex());
        assertEquals(40003, firstNew.getSrcPort());
        assertEquals(5, secondRead.flows.get(9).getRecordIndex());
        assertEquals(new ResumePoint(grown.length - 2, 5, RecordsDocumentReader.STATE_CLOSED), secondRead.returned);

        CollectingConsumer thirdRead = CollectedFlows.parse(parser, grown, secondRead.returned, false).withoutErrors();
        assertEquals(0, thirdRead.flows.size(), "nothing new: the stream holds only ]}");
        assertEquals(secondRead.returned, thirdRead.returned);
    }

    @Test
    void leavesARecordCutOffByTheEndOfAGrowingObjectForTheNextRead() {
        AzureNsgParser parser = new AzureNsgParser();
        appendMinute(0, 3);
        appendMinute(1, 3);
        byte[] whole = blob();
        // A copy caught mid-write: the second record's block is only half there.
        int cut = whole.length - 2 - blocks.get(1).length() / 2;
        byte[] partial = java.util.Arrays.copyOf(whole, cut);

        CollectingConsumer growing = CollectedFlows.parse(parser, partial, ResumePoint.START, false).withoutErrors();

        assertEquals(3, growing.flows.size());
        assertEquals(new ResumePoint(12 + blocks.get(0).length(), 1, RecordsDocumentReader.STATE_RECORDS), growing.returned);
        assertTrue(parser.leftPendingTail(growing.returned, partial.length));

        CollectingConsumer rest = CollectedFlows.parse(parser, whole, growing.returned, false).withoutErrors();
        assertEquals(3, rest.flows.size());
        assertEquals(2, rest.flows.get(0).getRecordIndex());
    }

    @Test
    void reportsTruncatedJsonInACompleteObjectWithTheRecordAndKeepsTheRecordsBefore() {
        appendMinute(0, 3);
        appendMinute(1, 3);
        byte[] whole = blob();
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 40);

        CollectingConsumer out = CollectedFlows.parse(new AzureNsgParser(), truncated, ResumePoint.START, true);

        assertEquals(3, out.flows.size());
        assertEquals(1, out.errors.size());
        assertEquals(2, out.errors.get(0).line());
        assertTrue(out.errors.get(0).reason().contains("truncated JSON")
                && out.errors.get(0).reason().contains("starts at byte " + (12 + blocks.get(0).length() + 1)),
                out.errors.get(0).reason());
        assertEquals(1, out.returned.records(), "the resume point stays before the truncated record");
    }

    @Test
    void waitsForTheOpeningBlockAndReadsAnEmptyDocument() {
        AzureNsgParser parser = new AzureNsgParser();
        byte[] opening = "{\"rec".getBytes(StandardCharsets.UTF_8);
        CollectingConsumer early = CollectedFlows.parse(parser, opening, ResumePoint.START, false).withoutErrors();
        assertEquals(ResumePoint.START, early.returned);

        byte[] empty = blob();
        CollectingConsumer none = CollectedFlows.parse(parser, empty, ResumePoint.START, false).withoutErrors();
        assertEquals(new ResumePoint(12, 0, RecordsDocumentReader.STATE_CLOSED), none.returned);

        // The first record is inserted without a comma.
        appendMinute(0, 2);
        CollectingConsumer first = CollectedFlows.parse(parser, blob(), none.returned, false).withoutErrors();
        assertEquals(2, first.flows.size());
        assertEquals(1, first.flows.get(0).getRecordIndex());
    }

    @Test
    void reportsProgressAfterEveryRecord() {
        appendMinute(0, 2);
        appendMinute(1, 2);
        byte[] blob = blob();

        CollectingConsumer out = CollectedFlows.parse(new AzureNsgParser(), blob, ResumePoint.START, true).withoutErrors();

        long afterFirst = 12 + blocks.get(0).length();
        assertEquals(List.of(new ResumePoint(12, 0, "records"), new ResumePoint(afterFirst, 1, "records"),
                new ResumePoint(blob.length - 2, 2, "records"), new ResumePoint(blob.length - 2, 2, "closed")), out.consumed);
    }
}
