package io.flowhound.adapters.gcp;

import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ResumePoint;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses GCP VPC Flow Logs as a Cloud Logging sink writes them to Cloud Storage (formats.md 2):
 * one {@code LogEntry} per line, {@code compute.googleapis.com/vpc_flows} or
 * {@code networkmanagement.googleapis.com/vpc_flows}. Each entry is one flow: the connection,
 * {@code bytes_sent}/{@code packets_sent} as bytes/packets, {@code rtt_msec}, start and end time
 * (RFC 3339, truncated to the millisecond), the reporter and the direction it implies, the
 * reporting VM's project, region, zone, VPC, subnet and name at the top level, the details of both
 * ends in {@code src_details}/{@code dst_details}, and {@code disposition} where present. Each
 * flow carries {@code gcp.flow_key}, the same for the SRC and the DEST report of one connection,
 * so that downstream can count it once (formats.md 2.5 item 1).
 *
 * <p>Lines are tokenized with Jackson's streaming parser, one parser per line over the line's
 * bytes; nothing is built but the flow. A line that is not a readable entry becomes a
 * {@link io.flowhound.adapters.ParseError} and the next line is read.
 */
public final class GcpVpcFlowParser implements FlowParser {

    /** The format name used in configuration. */
    public static final String FORMAT = "gcp_vpc_flow";

    private final LogEntryLines lines;

    public GcpVpcFlowParser() {
        JsonValueReader values = new JsonValueReader();
        this.lines = new LogEntryLines(values, new VpcFlowPayloadDecoder(values));
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public ResumePoint parse(InputStream in, ResumePoint from, ParseContext context, FlowConsumer out) throws IOException {
        return lines.parse(in, from, context, out);
    }
}
