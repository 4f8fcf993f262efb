package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.LineReader;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a Cloud Logging sink object (formats.md 2.3: one JSON {@code LogEntry} per line, not an
 * array) and turns each line into one flow through a {@link PayloadDecoder}. Each line is
 * tokenized by its own Jackson parser over the line's bytes, so a broken line (truncated JSON, a
 * byte that is not UTF-8, a value of the wrong type) costs that line only: it becomes a
 * {@link ParseError} with its 1-based line number and the next line is read.
 *
 * <p>Resuming works as for AWS text: the {@link ResumePoint} is the byte offset after the last
 * consumed line and the number of lines consumed; {@link ResumePoint#state()} is always empty,
 * since every line stands alone. Empty lines are skipped but counted.
 */
final class LogEntryLines {

    /** Cloud Logging caps a LogEntry at 256 KiB; anything twice that long is not one. */
    static final int MAX_LINE_BYTES = 512 * 1024;

    private final JsonFactory jsonFactory = new JsonFactory();
    private final LineReader lines = new LineReader(MAX_LINE_BYTES);
    private final LogEntryEnvelope entry;
    private final PayloadDecoder decoder;
    private final RawLine line;

    LogEntryLines(JsonValueReader values, PayloadDecoder decoder) {
        this.entry = new LogEntryEnvelope(values);
        this.line = values.line;
        this.decoder = decoder;
    }

    ResumePoint parse(InputStream in, ResumePoint from, ParseContext context, FlowConsumer out) throws IOException {
        String objectKey = context.objectKey();
        Provenance provenance = Provenance.newBuilder().setSource(context.source()).setObjectKey(objectKey).build();
        long lineNumber = from.records();
        long consumedOffset = from.offset();
        lines.reset(in, from.offset());
        byte[] buffer = lines.buffer();
        while (lines.next()) {
            if (!lines.terminated() && !context.objectComplete()) {
                break;  // the object may still grow: this line may be incomplete
            }
            lineNumber++;
            if (lines.overlongPrefix() != null) {
                out.error(new ParseError(objectKey, lineNumber,
                        "line is longer than " + MAX_LINE_BYTES + " bytes; not a Cloud Logging entry", lines.overlongPrefix()));
            } else if (lines.lineEnd() > lines.lineStart()) {
                String problem = parseLine(buffer, lines.lineStart(), lines.lineEnd() - lines.lineStart(),
                        lineNumber, provenance, out);
                if (problem != null) {
                    out.error(new ParseError(objectKey, lineNumber, problem, rawLine(buffer)));
                }
            }
            consumedOffset = lines.endOffset();
            out.consumedUpTo(consumedOffset, lineNumber, "");
        }
        return new ResumePoint(consumedOffset, lineNumber, "");
    }

    /** Delivers the line's flow; returns null, or a sentence saying why the line is not a record. */
    private String parseLine(byte[] buffer, int start, int length, long lineNumber, Provenance provenance,
            FlowConsumer out) throws IOException {
        // A fresh builder is cheaper than clear() (see AwsVpcTextParser.parseRecord).
        Flow.Builder flow = Flow.newBuilder();
        decoder.begin();
        line.set(buffer, start, start + length);
        try (JsonParser json = jsonFactory.createParser(buffer, start, length)) {
            JsonToken first = json.nextToken();
            if (first == null) {
                return null;  // only whitespace: skipped like an empty line
            }
            if (first != JsonToken.START_OBJECT) {
                return "line is not a JSON object (a Cloud Logging entry), it starts with " + first.asString();
            }
            entry.read(json, decoder, flow);
            if (json.nextToken() != null) {
                return firstErrorOr("line holds more than one JSON value; expected one Cloud Logging entry per line");
            }
            if (!entry.hasPayload) {
                return "LogEntry has no jsonPayload";
            }
            decoder.complete(entry, flow);
        } catch (JsonProcessingException e) {
            return firstErrorOr("not valid JSON: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() != null ? " (column " + e.getLocation().getColumnNr() + ")" : ""));
        } catch (BadRecordException e) {
            return firstErrorOr(e.getMessage());
        }
        flow.setCloud(Cloud.GCP).setProvenance(provenance).setRecordIndex(lineNumber);
        out.flow(flow.build());
        return null;
    }

    /** The problem found, unless the decoder knows of one earlier in the line (see PayloadDecoder.firstError). */
    private String firstErrorOr(String problem) {
        BadRecordException earlier = decoder.firstError();
        return earlier != null ? earlier.getMessage() : problem;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }

    private String rawLine(byte[] buffer) {
        int length = Math.min(lines.lineEnd() - lines.lineStart(), 4 * ParseError.MAX_RAW_CHARS);
        return new String(buffer, lines.lineStart(), length, StandardCharsets.UTF_8);
    }
}
