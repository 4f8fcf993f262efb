package io.flowhound.adapters.aws;

import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Flow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a parser delivers, for assertions. */
final class CollectingConsumer implements FlowConsumer {

    static final String SOURCE = "test-source";
    static final String KEY = "AWSLogs/111122223333/vpcflowlogs/eu-west-1/2024/05/03/test.log.gz";

    final List<Flow> flows = new ArrayList<>();
    final List<ParseError> errors = new ArrayList<>();
    final List<ResumePoint> consumed = new ArrayList<>();
    ResumePoint returned;

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
    static CollectingConsumer parse(FlowParser parser, String text) {
        return parse(parser, text.getBytes(StandardCharsets.UTF_8), ResumePoint.START, true);
    }

    /** Parses {@code object} from {@code from.offset()}, as a source would hand it over. */
    static CollectingConsumer parse(FlowParser parser, byte[] object, ResumePoint from, boolean complete) {
        CollectingConsumer out = new CollectingConsumer();
        ByteArrayInputStream in = new ByteArrayInputStream(object, (int) from.offset(), object.length - (int) from.offset());
        try {
            out.returned = parser.parse(in, from, new ParseContext(SOURCE, KEY, complete), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    Flow onlyFlow() {
        if (flows.size() != 1 || !errors.isEmpty()) {
            throw new AssertionError("expected exactly one flow and no error, got " + flows.size()
                    + " flows and errors " + errors);
        }
        return flows.get(0);
    }
}
