package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.flowhound.proto.Action;
import io.flowhound.proto.Direction;
import io.flowhound.proto.EndpointDetails;
import io.flowhound.proto.Flow;
import io.flowhound.proto.GcpDetails;
import io.flowhound.proto.Reporter;
import java.io.IOException;

/**
 * The {@code jsonPayload} of a firewall rule log entry (formats.md 3) into a {@link Flow}:
 * connection, {@code disposition} as the action, {@code rule_details} (reference as
 * {@code rule_name}; action, direction and priority in {@code GcpDetails}), and the enforcing
 * {@code instance}/{@code vpc} and the {@code remote_*} blocks put on the side the rule's
 * direction gives them: for INGRESS the instance is the destination and the remote end the
 * source, for EGRESS the other way round (as the beats module maps them, rare.log-expected.json).
 * The record then reads like a VPC flow report by that end: reporter DEST for INGRESS, SRC for
 * EGRESS. Firewall records carry no counters and no start/end; both times are the entry's
 * {@code timestamp}. Unlisted payload keys are handled as in {@link VpcFlowPayloadDecoder}.
 */
final class FirewallPayloadDecoder implements PayloadDecoder {

    private static final String BLOCK = "jsonPayload";
    private static final String RULE = "jsonPayload.rule_details";

    private final JsonValueReader values;
    private final EndpointDetailsReader details;
    private final IpConnection connection;
    private final ReportingEndpoint reporting = new ReportingEndpoint();
    // Fresh builders per entry, as in VpcFlowPayloadDecoder.
    private EndpointDetails.Builder local;
    private EndpointDetails.Builder remote;
    private GcpDetails.Builder gcp;
    private boolean localSeen;
    private boolean remoteSeen;

    FirewallPayloadDecoder(JsonValueReader values) {
        this.values = values;
        this.details = new EndpointDetailsReader(values);
        this.connection = new IpConnection(values);
    }

    @Override
    public void begin() {
        connection.begin();
        local = EndpointDetails.newBuilder();
        remote = EndpointDetails.newBuilder();
        gcp = GcpDetails.newBuilder();
        localSeen = false;
        remoteSeen = false;
    }

    @Override
    public void payload(JsonParser json, Flow.Builder flow) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            JsonToken token = json.nextToken();
            switch (name) {
                case "connection" -> {
                    if (values.object(json, BLOCK, name)) {
                        connection.read(json);
                    }
                }
                case "disposition" -> gcp.setDisposition(values.text(json, BLOCK, name));
                case "rule_details" -> {
                    if (values.object(json, BLOCK, name)) {
                        ruleDetails(json, flow);
                    }
                }
                case "instance" -> {
                    if (values.object(json, BLOCK, name)) {
                        details.instance(json, "jsonPayload.instance", local);
                        localSeen = true;
                    }
                }
                case "vpc" -> {
                    if (values.object(json, BLOCK, name)) {
                        details.vpc(json, "jsonPayload.vpc", local);
                        localSeen = true;
                    }
                }
                case "remote_instance" -> {
                    if (values.object(json, BLOCK, name)) {
                        details.instance(json, "jsonPayload.remote_instance", remote);
                        remoteSeen = true;
                    }
                }
                case "remote_vpc" -> {
                    if (values.object(json, BLOCK, name)) {
                        details.vpc(json, "jsonPayload.remote_vpc", remote);
                        remoteSeen = true;
                    }
                }
                case "remote_location" -> {
                    if (values.object(json, BLOCK, name)) {
                        details.location(json, "jsonPayload.remote_location", remote);
                        remoteSeen = true;
                    }
                }
                default -> {
                    if (token.isScalarValue()) {
                        flow.putExtra(name, json.getText());
                    } else {
                        json.skipChildren();  // load_balancer_details, newer metadata
                    }
                }
            }
        }
    }

    @Override
    public void complete(LogEntryEnvelope entry, Flow.Builder flow) throws BadRecordException {
        connection.apply(flow, gcp);
        // The verdict is the disposition; the rule's own action only when a record lacks one.
        Action action = Disposition.action(gcp.getDisposition().isEmpty() ? gcp.getRuleAction() : gcp.getDisposition());
        flow.setAction(action);
        EndpointDetails.Builder srcSide = null;
        EndpointDetails.Builder dstSide = null;
        switch (gcp.getRuleDirection()) {
            case "INGRESS" -> {
                flow.setDirection(Direction.INGRESS).setReporter(Reporter.DEST);
                srcSide = remoteSeen ? remote : null;
                dstSide = localSeen ? local : null;
            }
            case "EGRESS" -> {
                flow.setDirection(Direction.EGRESS).setReporter(Reporter.SRC);
                srcSide = localSeen ? local : null;
                dstSide = remoteSeen ? remote : null;
            }
            default -> {
                // Without a direction the sides are unknown: the details are not guessed at.
            }
        }
        if (srcSide != null) {
            flow.setSrcDetails(srcSide.build());
        }
        if (dstSide != null) {
            flow.setDstDetails(dstSide.build());
        }
        reporting.fill(flow, localSeen ? local : null, entry);
        if (entry.timestampMs != Rfc3339Time.INVALID) {
            flow.setStartMs(entry.timestampMs).setEndMs(entry.timestampMs);
            gcp.setEntryTimeMs(entry.timestampMs);
        }
        gcp.setInsertId(entry.insertId).setLogName(entry.logName);
        flow.setGcp(gcp.build());
    }

    /** reference, priority, action, direction; the rule's match conditions are not kept. */
    private void ruleDetails(JsonParser json, Flow.Builder flow) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "reference" -> flow.setRuleName(values.text(json, RULE, name));
                case "action" -> gcp.setRuleAction(values.text(json, RULE, name));
                case "direction" -> gcp.setRuleDirection(values.text(json, RULE, name));
                case "priority" -> {
                    Integer priority = values.signed32(json, RULE, name);
                    if (priority != null) {
                        gcp.setRulePriority(priority);
                    }
                }
                default -> json.skipChildren();
            }
        }
    }
}
