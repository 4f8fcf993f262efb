package io.flowhound.adapters.aws;

import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.FlowParser;
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
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Parses AWS VPC Flow Logs and Transit Gateway flow logs in plain text (formats.md 1.5), every
 * field of versions 2 to 8, from the decompressed bytes of one object.
 *
 * <p>Field order comes from the header line (formats.md 1.9 item 1): a line whose first value
 * is a field name is a header and sets the layout for the lines after it. Headers may recur
 * mid-stream (concatenated files, as in the beats fixture {@code tcp-flag-sequence-skip-data.log})
 * and replace the layout. The header in force is the {@link ResumePoint#state()}, so a read
 * resumed at a byte offset knows the order. Lines before any header (CloudWatch Logs and
 * Firehose deliveries, formats.md 1.7) use the configured LogFormat or, without one, AWS's
 * default layout with the same number of fields ({@link AwsVpcLayout#defaultForFieldCount}).
 *
 * <p>What it tolerates, because real or peer data has it: runs of spaces between values (one
 * beats line has a double space), {@code \r\n}, empty lines (skipped, but counted as lines),
 * non-ASCII bytes in values (decoded as UTF-8: the beats v6 sample has a Cyrillic letter in a
 * subnet id), counters on NODATA/SKIPDATA rows (kept as reported), and lines that are not flow
 * records at all (the beats {@code bad.log}: one {@link ParseError}, then reading goes on).
 *
 * <p>Records are scanned as bytes from a reused buffer; repeated strings and IPv4 addresses
 * come from small caches, so a record costs little more than its {@link Flow}.
 */
public final class AwsVpcTextParser implements FlowParser {

    /** The format name used in configuration. */
    public static final String FORMAT = "aws_vpc_text";

    /** Records are at most a few hundred bytes; anything this long is not one. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    /** Bounds the header cache; an object has one header, a stream of objects a handful. */
    private static final int MAX_CACHED_HEADERS = 64;

    private final AwsVpcLayout configuredLayout;
    private final LineReader lines = new LineReader(MAX_LINE_BYTES);
    private final FieldSpans spans = new FieldSpans();
    private final LineValues values = new LineValues();
    private final AwsVpcRecordDecoder decoder = new AwsVpcRecordDecoder();
    private final Map<String, AwsVpcLayout> headers = new HashMap<>();
    /** For records without header or LogFormat: the default layout the previous one had, tried first. */
    private AwsVpcLayout lastDefaultLayout;

    /**
     * A parser for objects with header lines (S3 delivery). Records before any header are
     * matched to AWS's default layout with the same number of fields.
     */
    public AwsVpcTextParser() {
        this(List.of());
    }

    /**
     * @param logFormat the flow log's configured field names in order (its LogFormat without
     *                  {@code ${}}), used for records before any header line: CloudWatch Logs
     *                  and Firehose deliveries have none (formats.md 1.7). Empty to match such
     *                  records to AWS's default layout with the same number of fields. Header
     *                  lines, where present, always take precedence.
     */
    public AwsVpcTextParser(List<String> logFormat) {
        this.configuredLayout = logFormat.isEmpty() ? null : AwsVpcLayout.of(logFormat);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public ResumePoint parse(InputStream in, ResumePoint from, ParseContext context, FlowConsumer out)
            throws IOException {
        String objectKey = context.objectKey();
        Provenance provenance = Provenance.newBuilder()
                .setSource(context.source())
                .setObjectKey(objectKey)
                .build();
        String headerText = from.state();
        AwsVpcLayout header = headerText.isEmpty() ? null : layoutOfHeader(headerText);
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
                        "line is longer than " + MAX_LINE_BYTES + " bytes; not a flow log record",
                        lines.overlongPrefix()));
            } else if (mayBeHeader(buffer)) {
                spans.split(buffer, lines.lineStart(), lines.lineEnd());
                // An empty line is skipped, yet counted and consumed like any other line.
                if (spans.count > 0 && isHeader(buffer)) {
                    header = layoutOfHeader(new String(buffer, lines.lineStart(),
                            lines.lineEnd() - lines.lineStart(), StandardCharsets.UTF_8));
                    headerText = header.text();
                } else if (spans.count > 0) {
                    parseRecord(buffer, header, lineNumber, provenance, objectKey, out);
                }
            } else {
                parseRecord(buffer, header, lineNumber, provenance, objectKey, out);
            }
            consumedOffset = lines.endOffset();
            out.consumedUpTo(consumedOffset, lineNumber, headerText);
        }
        return new ResumePoint(consumedOffset, lineNumber, headerText);
    }

    /**
     * Decodes a record line in one pass with the layout it most likely has; only when that fails
     * are its values counted ({@link FieldSpans}), to pick another default layout or to say
     * whether the count or a value is wrong.
     */
    private void parseRecord(byte[] buffer, AwsVpcLayout header, long lineNumber,
            Provenance provenance, String objectKey, FlowConsumer out) {
        boolean headerless = header == null && configuredLayout == null;
        AwsVpcLayout layout = header != null ? header : configuredLayout != null ? configuredLayout : lastDefaultLayout;
        String problem = layout == null ? AwsVpcRecordDecoder.FIELD_COUNT_MISMATCH
                : decodeRecord(buffer, layout, lineNumber, provenance, out);
        if (problem == null) {
            return;
        }
        spans.split(buffer, lines.lineStart(), lines.lineEnd());
        if (headerless && (layout == null || spans.count != layout.size())) {
            layout = AwsVpcLayout.defaultForFieldCount(spans.count);
            if (layout == null) {
                problem = "record without a header has " + spans.count + " fields, which matches no AWS default layout "
                        + AwsVpcLayout.defaultFieldCounts() + "; configure the flow log's LogFormat";
            } else {
                lastDefaultLayout = layout;
                problem = decodeRecord(buffer, layout, lineNumber, provenance, out);
                if (problem == null) {
                    return;
                }
            }
        } else if (spans.count != layout.size()) {
            problem = "record has " + spans.count + " fields but its " + (layout == header ? "header" : "layout")
                    + " names " + layout.size() + " (" + layout.text() + ")";
        }
        out.error(new ParseError(objectKey, lineNumber, problem, rawLine(buffer)));
    }

    /** Emits the line's flow and returns null, or returns why it could not (see {@link AwsVpcRecordDecoder#decode}). */
    private String decodeRecord(byte[] buffer, AwsVpcLayout layout, long lineNumber, Provenance provenance,
            FlowConsumer out) {
        // A fresh builder is cheaper than clear(): clearing a built builder's map field
        // (extra) makes every later build copy it.
        Flow.Builder flow = Flow.newBuilder();
        values.reset(buffer, lines.lineStart(), lines.lineEnd());
        String problem = null;
        if (!layout.isDefaultVersion2() || !decoder.decodeDefaultVersion2(values, flow)) {
            if (layout.isDefaultVersion2()) {
                // Something unusual ('-', a bad value, a count mismatch): the general decoder
                // reads the line again, into a builder without the values set so far.
                flow = Flow.newBuilder();
                values.reset(buffer, lines.lineStart(), lines.lineEnd());
            }
            problem = decoder.decode(values, layout, flow);
        }
        if (problem == null) {
            flow.setCloud(Cloud.AWS).setProvenance(provenance).setRecordIndex(lineNumber);
            out.flow(flow.build());
        } else {
            decoder.discardPartial();
        }
        return problem;
    }

    /**
     * Whether the line could be a header or empty: it is blank or its first value starts with a
     * lower-case letter (header names all do; record values, which start with the version, or
     * with a digit or '-' in any column order AWS writes, rarely). Such lines take the two-pass path.
     */
    private boolean mayBeHeader(byte[] buffer) {
        int i = lines.lineStart();
        int end = lines.lineEnd();
        while (i < end && buffer[i] == ' ') {
            i++;
        }
        return i == end || (buffer[i] >= 'a' && buffer[i] <= 'z');
    }

    /** A header is a line whose first value is a field name; record values never are. */
    private boolean isHeader(byte[] buffer) {
        int start = spans.starts[0];
        byte first = buffer[start];
        return first >= 'a' && first <= 'z' && AwsVpcField.byName(buffer, start, spans.ends[0]) != null;
    }

    private AwsVpcLayout layoutOfHeader(String text) {
        AwsVpcLayout layout = headers.get(text);
        if (layout == null) {
            if (headers.size() >= MAX_CACHED_HEADERS) {
                headers.clear();
            }
            layout = AwsVpcLayout.parse(text);
            headers.put(text, layout);
        }
        return layout;
    }

    private String rawLine(byte[] buffer) {
        int length = Math.min(lines.lineEnd() - lines.lineStart(), 4 * ParseError.MAX_RAW_CHARS);
        return new String(buffer, lines.lineStart(), length, StandardCharsets.UTF_8);
    }
}
