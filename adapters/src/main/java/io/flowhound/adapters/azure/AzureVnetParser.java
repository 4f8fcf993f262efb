package io.flowhound.adapters.azure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.flowhound.proto.Action;
import io.flowhound.proto.AzureDetails;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Observer;
import io.flowhound.proto.FlowState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses Azure VNet flow logs (formats.md 5): a {@code PT1H.json} document of per-minute
 * records, each holding {@code flowRecords.flows[]} (one per ACL) of {@code flowGroups[]} (one
 * per rule) of flow tuples. One {@link Flow} per tuple:
 * <ul>
 *   <li>tuple fields: time (epoch milliseconds; 10-digit seconds are accepted, formats.md 5.4
 *       item 1) to {@code start_ms} = {@code end_ms}; addresses and ports; protocol as the IANA
 *       number it is; flow direction {@code I}/{@code O}; flow state {@code B}/{@code C}/{@code E}
 *       (action ACCEPT) or {@code D} (flow state DENIED, action REJECT: there is no decision
 *       column); the encryption code into {@code azure.encryption}; the four counters as in
 *       {@link AzureNsgParser} ({@code 0} kept as 0, empty absent: both occur, formats.md 5.2);</li>
 *   <li>{@code rule_name} from the flow group; {@code version} = {@code flowLogVersion};</li>
 *   <li>from {@code targetResourceID} (the VNet, subnet or NIC the flow log is on):
 *       {@code account_id} (its subscription), {@code vpc_id} (VNet name), {@code subnet_id}
 *       (subnet name, when the target is a subnet), {@code interface_id} (the NIC resource id,
 *       when the target is a NIC) and {@code azure.resource_group};</li>
 *   <li>{@code region} from the Network Watcher in {@code flowLogResourceID} when it has Azure's
 *       default name {@code NetworkWatcher_<region>} (lower-cased), else empty;</li>
 *   <li>{@code azure}: {@code macAddress} (normalised), the ACL's {@code aclID} (also as
 *       {@code security_group} when it is an NSG resource id), {@code targetResourceID},
 *       {@code flowLogGUID}, {@code flowLogResourceID} and the record's {@code time}.</li>
 * </ul>
 */
public final class AzureVnetParser extends AzureRecordsParser {

    /** The format name used in configuration. */
    public static final String FORMAT = "azure_vnet";

    private static final int FIELDS = 13;
    private static final String NETWORK_WATCHER_PREFIX = "networkwatcher_";

    /** The documented encryption codes (formats.md 5.2), matched as bytes so a tuple allocates no String for them. */
    private static final String[] ENCRYPTIONS = {"X", "NX", "NX_HW_NOT_SUPPORTED", "NX_SW_NOT_READY",
            "NX_NOT_ACCEPTED", "NX_NOT_SUPPORTED", "NX_LOCAL_DST", "NX_FALLBACK"};
    private static final byte[][] ENCRYPTION_BYTES = new byte[ENCRYPTIONS.length][];

    static {
        for (int i = 0; i < ENCRYPTIONS.length; i++) {
            ENCRYPTION_BYTES[i] = ENCRYPTIONS[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    // The record's metadata.
    private long timeMs;
    private boolean timeSeen;
    private int version;
    private boolean versionSeen;
    private String guid;
    private String mac;
    private String flowLogResourceId;
    private String region;
    private AzureResourceId target;
    // From the target, once per record rather than per tuple.
    private String accountId;
    private String vpcId;
    private String subnetId;
    private String interfaceId;
    /** The record's observer, built for its first tuple and shared by the rest. */
    private Observer observer;

    // The ACL and group being read.
    private String aclId;
    private String rule;
    /** The group's details by encryption code (index into ENCRYPTIONS; the last slot for others). */
    private final AzureDetails[] details = new AzureDetails[ENCRYPTIONS.length + 1];
    private String otherEncryption;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    void beginRecord() {
        timeMs = 0;
        timeSeen = false;
        version = 0;
        versionSeen = false;
        guid = null;
        mac = null;
        flowLogResourceId = null;
        region = "";
        target = null;
        accountId = "";
        vpcId = "";
        subnetId = "";
        interfaceId = "";
        observer = null;
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
                case "flowLogVersion" -> {
                    version = Math.max(0, integer(parser, token, "flowLogVersion"));
                    versionSeen = true;
                }
                case "flowLogGUID" -> guid = string(parser, token, "flowLogGUID");
                case "macAddress" -> {
                    String written = string(parser, token, "macAddress");
                    mac = written == null ? null : mac(written);
                }
                case "flowLogResourceID" -> {
                    flowLogResourceId = string(parser, token, "flowLogResourceID");
                    region = flowLogResourceId == null ? "" : regionOf(resourceId(flowLogResourceId));
                }
                case "targetResourceID" -> {
                    String id = string(parser, token, "targetResourceID");
                    target = id == null ? null : resourceId(id);
                    if (target != null) {
                        accountId = target.subscriptionId();
                        vpcId = target.nameOf("virtualNetworks");
                        subnetId = target.nameOf("subnets");
                        interfaceId = target.isA("networkInterfaces") ? target.id() : "";
                    }
                }
                case "flowRecords" -> {
                    if (token != JsonToken.START_OBJECT) {
                        typeError(parser, "flowRecords", "an object");
                    } else if (timeSeen && versionSeen && guid != null && mac != null && flowLogResourceId != null
                            && target != null) {
                        readFlowRecords(parser);
                    } else {
                        deferred = skipRange(parser);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (deferred >= 0) {
            readDeferred(deferred, this::readFlowRecords);
        }
    }

    private void readFlowRecords(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (!name.equals("flows")) {
                parser.skipChildren();
            } else if (token != JsonToken.START_ARRAY) {
                typeError(parser, "flowRecords.flows", "an array");
            } else {
                readObjects(parser, "flowRecords.flows", this::readAcl);
            }
        }
    }

    private void readAcl(JsonParser parser) throws IOException {
        aclId = null;
        long deferred = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "aclID" -> aclId = string(parser, token, "aclID");
                case "flowGroups" -> {
                    if (token != JsonToken.START_ARRAY) {
                        typeError(parser, "flowRecords.flows[].flowGroups", "an array");
                    } else if (aclId != null) {
                        readFlowGroups(parser);
                    } else {
                        deferred = skipRange(parser);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (deferred >= 0) {
            readDeferred(deferred, this::readFlowGroups);
        }
    }

    private void readFlowGroups(JsonParser parser) throws IOException {
        readObjects(parser, "flowGroups", this::readFlowGroup);
    }

    private void readFlowGroup(JsonParser parser) throws IOException {
        rule = null;
        Arrays.fill(details, null);
        long deferred = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "rule" -> rule = string(parser, token, "rule");
                case "flowTuples" -> {
                    if (token != JsonToken.START_ARRAY) {
                        typeError(parser, "flowTuples", "an array");
                    } else if (rule != null) {
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
                Flow.Builder flow = Flow.newBuilder();
                String problem = decode(flow);
                if (problem != null) {
                    tupleError(problem);
                    continue;
                }
                // Empty strings are left unset: each string set on a generated builder costs a write.
                flow.setVersion(version);
                setIfPresent(rule, flow::setRuleName);
                emit(flow.setObserver(observer()));
            }
        }
    }

    private Observer observer() {
        if (observer == null) {
            observer = Observer.newBuilder().setRegion(region).setAccountId(accountId).setVpcId(vpcId)
                    .setSubnetId(subnetId).setInterfaceId(interfaceId).build();
        }
        return observer;
    }

    private static void setIfPresent(String value, java.util.function.Consumer<String> setter) {
        if (value != null && !value.isEmpty()) {
            setter.accept(value);
        }
    }

    /** Decodes the split tuple (formats.md 5.2) into {@code flow}; returns the problem, or null. */
    private String decode(Flow.Builder flow) {
        FlowTupleFields t = tuple;
        String problem = badByteProblem();
        if (problem != null) {
            return problem;
        }
        if (t.count != FIELDS) {
            return "has " + t.count + " fields; VNet flow tuples have " + FIELDS;
        }
        if ((problem = t.time(0, flow)) != null
                || (problem = t.addresses(1, 2, flow)) != null
                || (problem = t.ports(3, 4, flow)) != null
                || (problem = t.direction(6, flow)) != null) {
            return problem;
        }
        long protocol = t.number(5);
        if (protocol < 0 || protocol > 255) {
            return "protocol " + t.quoted(5) + " is not an IANA protocol number";
        }
        flow.setProtocol((int) protocol);
        switch (t.letter(7)) {
            case 'B' -> flow.setFlowState(FlowState.BEGIN).setAction(Action.ACCEPT);
            case 'C' -> flow.setFlowState(FlowState.CONTINUE).setAction(Action.ACCEPT);
            case 'E' -> flow.setFlowState(FlowState.END).setAction(Action.ACCEPT);
            case 'D' -> flow.setFlowState(FlowState.DENIED).setAction(Action.REJECT);
            default -> {
                return "flow state " + t.quoted(7) + " is not B, C, E or D";
            }
        }
        if ((problem = t.counters(9, flow)) != null) {
            return problem;
        }
        flow.setAzure(details(encryption(8)));
        return null;
    }

    /** The index of the encryption code in field {@code field}: one of ENCRYPTIONS, or the last slot. */
    private int encryption(int field) {
        for (int i = 0; i < ENCRYPTION_BYTES.length; i++) {
            if (tuple.is(field, ENCRYPTION_BYTES[i])) {
                return i;
            }
        }
        String text = tuple.text(field);
        if (!text.equals(otherEncryption)) {
            otherEncryption = text;
            details[ENCRYPTIONS.length] = null;
        }
        return ENCRYPTIONS.length;
    }

    /** The group's details for one encryption code: the same message for every such tuple of the group. */
    private AzureDetails details(int encryption) {
        AzureDetails cached = details[encryption];
        if (cached != null) {
            return cached;
        }
        AzureDetails.Builder builder = AzureDetails.newBuilder()
                .setEncryption(encryption < ENCRYPTIONS.length ? ENCRYPTIONS[encryption] : otherEncryption)
                .setRecordTimeMs(timeMs);
        if (mac != null) {
            builder.setMac(mac);
        }
        if (aclId != null) {
            builder.setAclId(aclId);
            if (aclId.startsWith("/")) {
                AzureResourceId acl = resourceId(aclId);
                if (acl.isA("networkSecurityGroups")) {
                    builder.setSecurityGroup(aclId).setNsgName(acl.nameOf("networkSecurityGroups"));
                }
            }
        }
        if (guid != null) {
            builder.setFlowLogGuid(guid);
        }
        if (flowLogResourceId != null) {
            builder.setFlowLogResourceId(flowLogResourceId);
        }
        if (target != null) {
            builder.setTargetResourceId(target.id()).setResourceGroup(target.resourceGroup());
        }
        AzureDetails built = builder.build();
        details[encryption] = built;
        return built;
    }

    /**
     * The region in a flow log resource id whose Network Watcher has Azure's default name,
     * {@code NetworkWatcher_<region>} (formats.md 5.1: {@code NETWORKWATCHER_WESTEUROPE}), lower-cased;
     * empty for any other name, since a Network Watcher may be named freely.
     */
    private static String regionOf(AzureResourceId flowLog) {
        String watcher = flowLog.nameOf("networkWatchers").toLowerCase(Locale.ROOT);
        return watcher.startsWith(NETWORK_WATCHER_PREFIX) && watcher.length() > NETWORK_WATCHER_PREFIX.length()
                ? watcher.substring(NETWORK_WATCHER_PREFIX.length())
                : "";
    }
}
