package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.ByteString;
import io.flowhound.proto.Flow;
import io.flowhound.proto.GcpDetails;
import java.io.IOException;

/**
 * The {@code connection} block (GCP's {@code IpConnection}) shared by VPC flow and firewall
 * records: {@code src_ip}, {@code dest_ip}, {@code src_port}, {@code dest_port}, {@code protocol}.
 * Ports are absent for ICMP and other protocols without them (formats.md 2.2), and stay unset.
 * Reused from record to record.
 */
final class IpConnection {

    private static final String BLOCK = "jsonPayload.connection";

    private final JsonValueReader values;
    private final FlowKey flowKey = new FlowKey();
    private boolean seen;
    private ByteString src;
    private ByteString dst;
    private long srcPort;
    private long dstPort;
    private long protocol;

    IpConnection(JsonValueReader values) {
        this.values = values;
    }

    void begin() {
        seen = false;
        src = null;
        dst = null;
        srcPort = JsonValueReader.ABSENT;
        dstPort = JsonValueReader.ABSENT;
        protocol = JsonValueReader.ABSENT;
    }

    /** Reads the block, the parser on its {@code START_OBJECT}. */
    void read(JsonParser json) throws IOException, BadRecordException {
        seen = true;
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "src_ip" -> src = values.address(json, BLOCK, name);
                case "dest_ip" -> dst = values.address(json, BLOCK, name);
                case "src_port" -> srcPort = values.unsigned(json, BLOCK, name, 65_535);
                case "dest_port" -> dstPort = values.unsigned(json, BLOCK, name, 65_535);
                case "protocol" -> protocol = values.protocol(json, BLOCK, name);
                default -> json.skipChildren();
            }
        }
    }

    /** Sets addresses, ports, protocol and the flow key; both addresses are required. */
    void apply(Flow.Builder flow, GcpDetails.Builder gcp) throws BadRecordException {
        if (!seen) {
            throw new BadRecordException("jsonPayload.connection is missing");
        }
        if (src == null || dst == null) {
            throw new BadRecordException(BLOCK + (src == null ? ".src_ip" : ".dest_ip") + " is missing");
        }
        flow.setSrcAddr(src).setDstAddr(dst);
        if (srcPort != JsonValueReader.ABSENT) {
            flow.setSrcPort((int) srcPort);
        }
        if (dstPort != JsonValueReader.ABSENT) {
            flow.setDstPort((int) dstPort);
        }
        if (protocol != JsonValueReader.ABSENT) {
            flow.setProtocol((int) protocol);
        }
        gcp.setFlowKey(flowKey.of(src, srcPort, dst, dstPort, protocol));
    }
}
