package io.flowhound.adapters.azure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the NSG and VNet flow log parsers share: the {@code {"records":[…]}} document
 * ({@link RecordsDocumentReader}), a Jackson parser per record, the flow tuple fields, and how
 * flows and errors are delivered. A subclass walks one record's keys.
 *
 * <p>Record keys are read in the order Azure writes them, metadata first and the flows last.
 * A subclass processes a flows container in the same pass when the metadata it needs has been
 * seen; otherwise it notes the container's byte range ({@link #skipRange}) and reads it after the
 * enclosing object ({@link #parserOver}), so key order never changes the result and the usual
 * order costs one pass.
 */
abstract class AzureRecordsParser implements FlowParser {

    /** Resource ids repeat in every record of an object; parsing them once per distinct id is enough. */
    private static final int MAX_CACHED_IDS = 256;

    private final RecordsDocumentReader document = new RecordsDocumentReader();
    private final JsonFactory json = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(RecordsDocumentReader.MAX_RECORD_BYTES).build())
            .build();
    private final Map<String, AzureResourceId> resourceIds = new HashMap<>();
    private final Map<String, String> macs = new HashMap<>();
    final FlowTupleFields tuple = new FlowTupleFields();

    // The object being read.
    private FlowConsumer out;
    private String objectKey;
    /** Source and object: one message shared by every flow of the object. */
    private Provenance provenance;

    // The record being read.
    byte[] bytes;
    private int recordEnd;
    long recordIndex;
    private long recordOffset;
    /** Buffer index of the record's first byte, whose object offset is {@link #recordOffset}. */
    private int recordStart;
    /** Buffer index where the Jackson parser in use starts: its token offsets are relative to it. */
    private int jsonBase;
    /** 1-based position of the last tuple seen in the record, across all its groups. */
    int tupleIndex;
    /** Bytes replaced for not being UTF-8 that this record's tuple errors reported. */
    private int reportedReplacements;

    @Override
    public final ResumePoint parse(InputStream in, ResumePoint from, ParseContext context, FlowConsumer out)
            throws IOException {
        this.out = out;
        this.objectKey = context.objectKey();
        provenance = Provenance.newBuilder().setSource(context.source()).setObjectKey(context.objectKey()).build();
        try {
            return document.read(in, from, context, out, this::record);
        } finally {
            this.out = null;
            this.bytes = null;
        }
    }

    /** Only the closing {@code ]}} is left when the document was seen to end: nothing is pending. */
    @Override
    public final boolean leftPendingTail(ResumePoint end, long storedSize) {
        return switch (end.state()) {
            case RecordsDocumentReader.STATE_CLOSED, RecordsDocumentReader.STATE_ABANDONED -> false;
            default -> end.offset() < storedSize;
        };
    }

    private int record(byte[] bytes, int start, int end, long recordIndex, long offset, int replacedBytes) {
        this.bytes = bytes;
        this.recordStart = start;
        this.recordEnd = end;
        this.recordIndex = recordIndex;
        this.recordOffset = offset;
        this.tupleIndex = 0;
        this.reportedReplacements = 0;
        this.jsonBase = start;
        beginRecord();
        try (JsonParser parser = json.createParser(bytes, start, end - start)) {
            parser.nextToken();
            readRecord(parser);
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            error("not valid JSON" + (at >= 0 ? " at byte " + offsetOf(jsonBase + (int) at) : "")
                    + " (after its tuple " + tupleIndex + "): " + e.getOriginalMessage(),
                    new String(bytes, start, Math.min(end - start, ParseError.MAX_RAW_CHARS), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Parsing bytes in memory: Jackson reports every problem as a JsonProcessingException.
            throw new IllegalStateException(e);
        }
        return reportedReplacements;
    }

    /** Resets the record's metadata before its keys are read. */
    abstract void beginRecord();

    /** Reads the record's keys; {@code parser} is at the record's START_OBJECT. */
    abstract void readRecord(JsonParser parser) throws IOException;

    /** Reads a container whose reading was put off ({@link #skipRange}). */
    @FunctionalInterface
    interface ContainerReader {
        /** {@code parser} is at the container's first token. */
        void read(JsonParser parser) throws IOException;
    }

    /** Delivers a flow with the fields every Azure flow has. */
    final void emit(Flow.Builder flow) {
        flow.setCloud(Cloud.AZURE).setProvenance(provenance).setRecordIndex(recordIndex).setTupleIndex(tupleIndex);
        out.flow(flow.build());
    }

    /** Reports the current tuple as bad. */
    final void tupleError(String problem) {
        if (tuple.badByte >= 0 && tuple.bytes == bytes && bytes[tuple.badByte] == RecordsDocumentReader.REPLACEMENT) {
            reportedReplacements++;
        }
        error("tuple " + tupleIndex + " at byte " + offsetOf(tuple.start) + ": " + problem, tuple.text());
    }

    /** The problem with the tuple's bytes, or null: a tuple is printable ASCII. */
    final String badByteProblem() {
        if (tuple.badByte < 0) {
            return null;
        }
        byte b = tuple.bytes[tuple.badByte];
        String where = tuple.bytes == bytes ? " at byte " + offsetOf(tuple.badByte) : "";
        return b == RecordsDocumentReader.REPLACEMENT
                ? "has a byte that is not UTF-8" + where
                : "has a character that cannot be in a flow tuple (control or non-ASCII)" + where;
    }

    final void error(String reason, String raw) {
        out.error(new ParseError(objectKey, recordIndex, "record " + recordIndex + ": " + reason, raw));
    }

    /** Reports a value of the wrong JSON type and skips it. */
    /**
     * Reads the elements of the array the parser is in, each with {@code each}; an element that
     * is not an object is reported as a type error naming {@code elementsOf} and skipped.
     */
    final void readObjects(JsonParser parser, String elementsOf, ContainerReader each) throws IOException {
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
            if (element == JsonToken.START_OBJECT) {
                each.read(parser);
            } else {
                typeError(parser, "an element of " + elementsOf, "an object");
            }
        }
    }

    final void typeError(JsonParser parser, String field, String expected) throws IOException {
        error(field + " is " + describe(parser.currentToken()) + ", expected " + expected
                + " (at byte " + tokenOffset(parser) + ")", "");
        parser.skipChildren();
    }

    /**
     * Reads the next array element as a tuple: splits it and returns true, or reports it and
     * returns false when it is not a string.
     */
    final boolean nextTuple(JsonParser parser, JsonToken token, String field) throws IOException {
        tupleIndex++;
        if (token != JsonToken.VALUE_STRING) {
            error("tuple " + tupleIndex + " in " + field + " is " + describe(token) + ", expected a string"
                    + " (at byte " + tokenOffset(parser) + ")", token.isScalarValue() ? parser.getText() : "");
            parser.skipChildren();
            return false;
        }
        // The string's bytes are scanned in place; Jackson skips them without decoding.
        int contents = jsonBase + (int) parser.currentTokenLocation().getByteOffset() + 1;
        if (!tuple.split(bytes, contents, recordEnd)) {
            tuple.splitText(parser.getText());
        }
        return true;
    }

    /** A string value, or null (reported) when it is another type. */
    final String string(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        typeError(parser, field, "a string");
        return null;
    }

    /** The record's ISO-8601 {@code time} in epoch milliseconds, or 0 (reported) when it is not one. */
    final long time(JsonParser parser, JsonToken token) throws IOException {
        String text = string(parser, token, "time");
        if (text == null) {
            return 0;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            error("time \"" + text + "\" is not an ISO-8601 UTC time", "");
            return 0;
        }
    }

    /** An integer value, or -1 (reported) when it is another type. */
    final int integer(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getIntValue();
        }
        typeError(parser, field, "an integer");
        return -1;
    }

    final AzureResourceId resourceId(String id) {
        AzureResourceId parsed = resourceIds.get(id);
        if (parsed == null) {
            if (resourceIds.size() >= MAX_CACHED_IDS) {
                resourceIds.clear();
            }
            parsed = AzureResourceId.parse(id);
            resourceIds.put(id, parsed);
        }
        return parsed;
    }

    final String mac(String written) {
        String normalized = macs.get(written);
        if (normalized == null) {
            if (macs.size() >= MAX_CACHED_IDS) {
                macs.clear();
            }
            normalized = MacAddressFormat.normalize(written);
            macs.put(written, normalized);
        }
        return normalized;
    }

    /**
     * Skips the container at the current token and returns its buffer range, to read it later
     * with {@link #readDeferred}.
     */
    final long skipRange(JsonParser parser) throws IOException {
        long from = jsonBase + parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        long to = jsonBase + parser.currentLocation().getByteOffset();
        return from << 32 | to;
    }

    /** Reads a container skipped with {@link #skipRange}, with a parser over its bytes. */
    final void readDeferred(long range, ContainerReader reader) throws IOException {
        int from = (int) (range >>> 32);
        int outerBase = jsonBase;
        jsonBase = from;
        try (JsonParser parser = json.createParser(bytes, from, (int) range - from)) {
            parser.nextToken();
            reader.read(parser);
        }
        // Not restored on an exception: record() reports it relative to the parser that failed.
        jsonBase = outerBase;
    }

    private long offsetOf(int bufferIndex) {
        return recordOffset + (bufferIndex - recordStart);
    }

    private long tokenOffset(JsonParser parser) {
        return offsetOf(jsonBase + (int) parser.currentTokenLocation().getByteOffset());
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
