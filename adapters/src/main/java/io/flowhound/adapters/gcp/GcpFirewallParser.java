package io.flowhound.adapters.gcp;

import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ResumePoint;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses GCP firewall rule logs (VPC firewall rules and firewall policies) as a Cloud Logging
 * sink writes them to Cloud Storage (formats.md 3): one {@code compute.googleapis.com/firewall}
 * {@code LogEntry} per line, one connection record each. {@code disposition} ALLOWED/DENIED gives
 * the action ACCEPT/REJECT, the rule reference is {@code rule_name}, and the enforcing instance
 * and the remote end are put on the source or destination side by the rule's direction. The
 * entry timestamp is both start and end time; there are no counters.
 *
 * <p>Reading, bad lines and resuming work as in {@link GcpVpcFlowParser}.
 */
public final class GcpFirewallParser implements FlowParser {

    /** The format name used in configuration. */
    public static final String FORMAT = "gcp_firewall";

    private final LogEntryLines lines;

    public GcpFirewallParser() {
        JsonValueReader values = new JsonValueReader();
        this.lines = new LogEntryLines(values, new FirewallPayloadDecoder(values));
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
