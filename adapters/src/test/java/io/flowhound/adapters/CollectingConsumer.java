package io.flowhound.adapters;

import io.flowhound.proto.Flow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a parser delivers, for assertions (shared by the per-cloud parser tests). */
public final class CollectingConsumer implements FlowConsumer {

    public static final String SOURCE = "test-source";
    public static final String KEY = "AWSLogs/111122223333/vpcflowlogs/eu-west-1/2024/05/03/test.log.gz";

    public final List<Flow> flows = new ArrayList<>();
    public final List<ParseError> errors = new ArrayList<>();
    public final List<ResumePoint> consumed = new ArrayList<>();
    public ResumePoint returned;

    @Override
    public void flow(Flow flow) {
        flows.add(flow);
    }

    @Override
    public void error(ParseError error) {
        errors.add(error);
    }

    @Override
    public void consumedUpTo(long offset, long records, String state) {
        consumed.add(new ResumePoint(offset, records, state));
    }

    /** Parses a whole, complete object from its start. */
    public static CollectingConsumer parse(FlowParser parser, String text) {
        return parse(parser, text.getBytes(StandardCharsets.UTF_8), ResumePoint.START, true);
    }

    /** Parses {@code object} from {@code from.offset()}, as a source would hand it over. */
    public static CollectingConsumer parse(FlowParser parser, byte[] object, ResumePoint from, boolean complete) {
        return parse(parser, KEY, object, from, complete);
    }

    /** Parses {@code object}, stored under {@code key}, from {@code from.offset()}. */
    public static CollectingConsumer parse(FlowParser parser, String key, byte[] object, ResumePoint from, boolean complete) {
        ByteArrayInputStream in = new ByteArrayInputStream(object, (int) from.offset(), object.length - (int) from.offset());
        return parse(parser, SOURCE, key, in, from, complete);
    }

    /** Parses the stream {@code in}, positioned at {@code from.offset()} of object {@code key} of {@code source}. */
    public static CollectingConsumer parse(FlowParser parser, String source, String key, InputStream in, ResumePoint from,
                                           boolean complete) {
        CollectingConsumer out = new CollectingConsumer();
        try {
            out.returned = parser.parse(in, from, new ParseContext(source, key, complete), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public CollectingConsumer withoutErrors() {
        if (!errors.isEmpty()) {
            throw new AssertionError("expected no errors, got " + errors);
        }
        return this;
    }

    public Flow onlyFlow() {
        if (flows.size() != 1 || !errors.isEmpty()) {
            throw new AssertionError("expected exactly one flow and no error, got " + flows.size()
                    + " flows and errors " + errors);
        }
        return flows.get(0);
    }
}
