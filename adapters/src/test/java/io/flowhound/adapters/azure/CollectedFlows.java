package io.flowhound.adapters.azure;

import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Flow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Everything a parser delivered from one read, for assertions. */
final class CollectedFlows implements FlowConsumer {

    static final String SOURCE = "azure-test";
    static final String NSG_KEY = "insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/"
            + "00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/PROD-RG/PROVIDERS/MICROSOFT.NETWORK/"
            + "NETWORKSECURITYGROUPS/WEB-NSG/y=2024/m=05/d=03/h=10/m=00/macAddress=000D3A1B2C3D/PT1H.json";

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

    /** Parses a whole, complete document from its start. */
    static CollectedFlows parse(FlowParser parser, String document) {
        return parse(parser, document.getBytes(StandardCharsets.UTF_8), ResumePoint.START, true);
    }

    /** Parses {@code object} from {@code from.offset()}, as a local source positions a plain file. */
    static CollectedFlows parse(FlowParser parser, byte[] object, ResumePoint from, boolean complete) {
        int offset = (int) from.offset();
        return parse(parser, new ByteArrayInputStream(object, offset, object.length - offset), from, complete);
    }

    static CollectedFlows parse(FlowParser parser, InputStream in, ResumePoint from, boolean complete) {
        CollectedFlows out = new CollectedFlows();
        try {
            out.returned = parser.parse(in, from, new ParseContext(SOURCE, NSG_KEY, complete), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    CollectedFlows withoutErrors() {
        if (!errors.isEmpty()) {
            throw new AssertionError("expected no errors, got " + errors);
        }
        return this;
    }

    Flow onlyFlow() {
        withoutErrors();
        if (flows.size() != 1) {
            throw new AssertionError("expected exactly one flow, got " + flows.size());
        }
        return flows.get(0);
    }
}
