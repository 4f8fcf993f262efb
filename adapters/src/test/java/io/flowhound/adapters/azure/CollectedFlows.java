package io.flowhound.adapters.azure;

import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ResumePoint;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads Azure test documents as one NSG blob of a test source, collecting what the parser delivers. */
final class CollectedFlows {

    static final String SOURCE = "azure-test";
    static final String NSG_KEY = "insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/"
            + "00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/PROD-RG/PROVIDERS/MICROSOFT.NETWORK/"
            + "NETWORKSECURITYGROUPS/WEB-NSG/y=2024/m=05/d=03/h=10/m=00/macAddress=000D3A1B2C3D/PT1H.json";

    private CollectedFlows() {
    }

    /** Parses a whole, complete document from its start. */
    static CollectingConsumer parse(FlowParser parser, String document) {
        return parse(parser, document.getBytes(StandardCharsets.UTF_8), ResumePoint.START, true);
    }

    /** Parses {@code object} from {@code from.offset()}, as a local source positions a plain file. */
    static CollectingConsumer parse(FlowParser parser, byte[] object, ResumePoint from, boolean complete) {
        int offset = (int) from.offset();
        return parse(parser, new ByteArrayInputStream(object, offset, object.length - offset), from, complete);
    }

    static CollectingConsumer parse(FlowParser parser, InputStream in, ResumePoint from, boolean complete) {
        return CollectingConsumer.parse(parser, SOURCE, NSG_KEY, in, from, complete);
    }
}
