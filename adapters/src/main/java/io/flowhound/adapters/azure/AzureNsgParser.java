package io.flowhound.adapters.azure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.flowhound.proto.Action;
import io.flowhound.proto.AzureDetails;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Observer;
import io.flowhound.proto.FlowState;
import java.io.IOException;

/**
 * Parses Azure NSG flow logs, versions 1 and 2 (formats.md 4): a {@code PT1H.json} document of
 * per-minute records, each holding rule groups of MAC groups of flow tuples. One {@link Flow} per
 * tuple:
 * <ul>
 *   <li>tuple fields: time (epoch seconds) to {@code start_ms} = {@code end_ms}; source and
 *       destination address and port; protocol {@code T}/{@code U} to 6/17; traffic flow
 *       {@code I}/{@code O} to INGRESS/EGRESS; decision {@code A}/{@code D} to ACCEPT/REJECT;
 *       version 2 only: flow state {@code B}/{@code C}/{@code E} and the four counters
 *       (source to destination into {@code packets}/{@code bytes}, destination to source into
 *       {@code packets_reverse}/{@code bytes_reverse}; empty in B tuples, so absent);</li>
 *   <li>{@code rule_name} from the rule group; {@code version} from {@code properties.Version},
 *       or from the tuple's field count (8: version 1, 13: version 2) when the record has none;</li>
 *   <li>{@code account_id} = the subscription of the NSG's {@code resourceId}; {@code azure}:
 *       the MAC group's {@code mac} (normalised, see {@link MacAddressFormat}), the NSG's resource
 *       id, name and resource group, {@code systemId} and the record's {@code time}.</li>
 * </ul>
 * Region, VNet, subnet, NIC resource id and VM are not in NSG flow logs and stay empty.
 *
 * <p>The layout of each tuple is decided by its own field count, 8 or 13, whatever the record's
 * Version says (formats.md 4.5 item 1). A tuple with another count, an unknown letter, a bad
 * address or number, or a byte that is not UTF-8 is one {@code ParseError} naming the tuple;
 * the record's other tuples are read.
 */
public final class AzureNsgParser extends AzureRecordsParser {

    /** The format name used in configuration. */
    public static final String FORMAT = "azure_nsg";

    private static final int V1_FIELDS = 8;
    private static final int V2_FIELDS = 13;

    // The record's metadata.
    private long timeMs;
    private boolean timeSeen;
    private String systemId;
    private String resourceId;
    private AzureResourceId nsg;
    /** The record's observer (its subscription), built for its first tuple and shared by the rest. */
    private Observer observer;
    private String recordMac;
    private int declaredVersion;

    // The group being read.
    private String rule;
    private String groupMac;
    private AzureDetails details;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    void beginRecord() {
        timeMs = 0;
        timeSeen = false;
        systemId = null;
        resourceId = null;
        nsg = null;
        observer = null;
        recordMac = null;
        declaredVersion = 0;
    }

    @Override
    void readRecord(JsonParser parser) throws IOException {
        long deferred = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "time" -> {
                    timeMs = time(parser, token);
                    timeSeen = true;
                }
                case "systemId" -> systemId = string(parser, token, "systemId");
                // The doc's property list spells it resourceid, its samples resourceId (formats.md 4.3).
                case "resourceId", "resourceid" -> {
                    resourceId = string(parser, token, name);
                    nsg = resourceId == null ? null : resourceId(resourceId);
                }
                case "macAddress" -> {
                    String mac = string(parser, token, "macAddress");
                    recordMac = mac == null ? null : mac(mac);
                }
                case "properties" -> {
                    if (token != JsonToken.START_OBJECT) {
                        typeError(parser, "properties", "an object");
                    } else if (timeSeen && systemId != null && resourceId != null) {
                        readProperties(parser);
                    } else {
                        deferred = skipRange(parser);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (deferred >= 0) {
            readDeferred(deferred, this::readProperties);
        }
    }

    private void readProperties(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "Version" -> declaredVersion = Math.max(0, integer(parser, token, "properties.Version"));
                case "flows" -> {
                    if (token != JsonToken.START_ARRAY) {
                        typeError(parser, "properties.flows", "an array");
                        continue;
                    }
                    readObjects(parser, "properties.flows", this::readRuleGroup);
                }
                default -> parser.skipChildren();
            }
        }
    }

    private void readRuleGroup(JsonParser parser) throws IOException {
        rule = null;
        long deferred = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "rule" -> rule = string(parser, token, "rule");
                case "flows" -> {
                    if (token != JsonToken.START_ARRAY) {
                        typeError(parser, "properties.flows[].flows", "an array");
                    } else if (rule != null) {
                        readMacGroups(parser);
                    } else {
                        deferred = skipRange(parser);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (deferred >= 0) {
            readDeferred(deferred, this::readMacGroups);
        }
    }

    private void readMacGroups(JsonParser parser) throws IOException {
        readObjects(parser, "properties.flows[].flows", this::readMacGroup);
    }

    private void readMacGroup(JsonParser parser) throws IOException {
        groupMac = null;
        details = null;
        long deferred = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "mac" -> {
                    String mac = string(parser, token, "mac");
                    groupMac = mac == null ? null : mac(mac);
                    details = null;
                }
                case "flowTuples" -> {
                    if (token != JsonToken.START_ARRAY) {
                        typeError(parser, "flowTuples", "an array");
                    } else if (groupMac != null) {
                        readTuples(parser);
                    } else {
                        deferred = skipRange(parser);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (deferred >= 0) {
            readDeferred(deferred, this::readTuples);
        }
    }

    private void readTuples(JsonParser parser) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (nextTuple(parser, token, "flowTuples")) {
                // A fresh builder is cheaper than clear() and reuse (see AwsVpcTextParser).
                Flow.Builder flow = Flow.newBuilder();
                String problem = decode(flow);
                if (problem == null) {
                    emit(flow.setObserver(observer())
                            .setRuleName(rule == null ? "" : rule)
                            .setAzure(details()));
                } else {
                    tupleError(problem);
                }
            }
        }
    }

    private Observer observer() {
        if (observer == null) {
            observer = Observer.newBuilder().setAccountId(nsg == null ? "" : nsg.subscriptionId()).build();
        }
        return observer;
    }

    /** The group's details: the same message for every tuple of the group. */
    private AzureDetails details() {
        if (details == null) {
            AzureDetails.Builder builder = AzureDetails.newBuilder().setRecordTimeMs(timeMs);
            String mac = groupMac != null ? groupMac : recordMac;
            if (mac != null) {
                builder.setMac(mac);
            }
            if (systemId != null) {
                builder.setSystemId(systemId);
            }
            if (nsg != null) {
                builder.setSecurityGroup(nsg.id())
                        .setResourceGroup(nsg.resourceGroup())
                        .setNsgName(nsg.nameOf("networkSecurityGroups"));
            }
            details = builder.build();
        }
        return details;
    }

    /** Decodes the split tuple (formats.md 4.3) into {@code flow}; returns the problem, or null. */
    private String decode(Flow.Builder flow) {
        FlowTupleFields t = tuple;
        String problem = badByteProblem();
        if (problem != null) {
            return problem;
        }
        if (t.count != V1_FIELDS && t.count != V2_FIELDS) {
            return "has " + t.count + " fields; NSG flow tuples have " + V1_FIELDS + " (version 1) or " + V2_FIELDS
                    + " (version 2)";
        }
        if ((problem = t.time(0, flow)) != null
                || (problem = t.addresses(1, 2, flow)) != null
                || (problem = t.ports(3, 4, flow)) != null
                || (problem = t.direction(6, flow)) != null) {
            return problem;
        }
        switch (t.letter(5)) {
            case 'T' -> flow.setProtocol(6);
            case 'U' -> flow.setProtocol(17);
            default -> {
                return "protocol " + t.quoted(5) + " is not T or U";
            }
        }
        switch (t.letter(7)) {
            case 'A' -> flow.setAction(Action.ACCEPT);
            case 'D' -> flow.setAction(Action.REJECT);
            default -> {
                return "traffic decision " + t.quoted(7) + " is not A or D";
            }
        }
        if (t.count == V2_FIELDS) {
            switch (t.letter(8)) {
                case 'B' -> flow.setFlowState(FlowState.BEGIN);
                case 'C' -> flow.setFlowState(FlowState.CONTINUE);
                case 'E' -> flow.setFlowState(FlowState.END);
                default -> {
                    return "flow state " + t.quoted(8) + " is not B, C or E";
                }
            }
            if ((problem = t.counters(9, flow)) != null) {
                return problem;
            }
        }
        flow.setVersion(declaredVersion > 0 ? declaredVersion : t.count == V1_FIELDS ? 1 : 2);
        return null;
    }
}
