package io.flowhound.adapters.aws;

import com.google.protobuf.ByteString;
import io.flowhound.adapters.AddressCache;
import io.flowhound.proto.Action;
import io.flowhound.proto.AwsDetails;
import io.flowhound.proto.AwsEcs;
import io.flowhound.proto.AwsTransitGateway;
import io.flowhound.proto.Direction;
import io.flowhound.proto.Flow;
import io.flowhound.proto.LogStatus;
import io.flowhound.proto.Observer;
import java.nio.charset.StandardCharsets;

/**
 * Fills a {@link Flow.Builder} from the values of one record, straight from the line's bytes.
 * A value of {@code -} means "absent" in every column (formats.md 1.9 item 3): the field is
 * left unset, never 0. Not thread-safe; it keeps caches and builders between records.
 */
final class AwsVpcRecordDecoder {

    private static final long MAX_PORT = 65_535;
    private static final long MAX_PROTOCOL = 255;
    private static final long MAX_UINT32 = 0xFFFF_FFFFL;
    /** Counters are uint64 in the schema; a signed 64-bit value is far beyond any real window. */
    private static final long MAX_COUNTER = Long.MAX_VALUE;
    /** Seconds beyond this would overflow milliseconds in an int64. */
    private static final long MAX_EPOCH_SECONDS = Long.MAX_VALUE / 1000;

    private static final byte[] ACCEPT = ascii("ACCEPT");
    private static final byte[] REJECT = ascii("REJECT");
    private static final byte[] OK = ascii("OK");
    private static final byte[] NODATA = ascii("NODATA");
    private static final byte[] SKIPDATA = ascii("SKIPDATA");
    private static final byte[] INGRESS = ascii("ingress");
    private static final byte[] EGRESS = ascii("egress");

    private final StringCache strings = new StringCache(4096);
    private final AddressCache addresses = new AddressCache(4096);
    private final ObserverCache observers = new ObserverCache(8192);
    private final AwsDetails.Builder aws = AwsDetails.newBuilder();
    private final AwsTransitGateway.Builder tgw = AwsTransitGateway.newBuilder();
    private final AwsEcs.Builder ecs = AwsEcs.newBuilder();

    /**
     * Returned by {@link #decode} when the line holds more or fewer values than the layout
     * names; the caller counts them ({@link FieldSpans}) to say so. Compared by identity.
     */
    static final String FIELD_COUNT_MISMATCH = new String("field count mismatch");

    /**
     * Sets the record's fields on {@code flow}, a new builder, reading the line's values in one
     * pass: each value is found and converted as its column needs.
     *
     * @return null when every value was understood and their number matches the layout;
     *         {@link #FIELD_COUNT_MISMATCH} when it does not (found at the first value too many,
     *         or at the end); else a sentence naming the first field and value that were not
     *         understood, which holds only if the count matches (the caller checks). In the last
     *         two cases the flow is incomplete and must be discarded.
     */
    String decode(LineValues values, AwsVpcLayout layout, Flow.Builder flow) {
        observers.startRecord();
        byte[] line = values.line();
        int columns = layout.size();
        boolean hasAws = false;
        boolean hasTgw = false;
        boolean hasEcs = false;
        int column = 0;
        for (; values.next(); column++) {
            if (column == columns) {
                return FIELD_COUNT_MISMATCH;
            }
            if (values.absent()) {
                continue;
            }
            int from = values.start();
            AwsVpcField field = layout.field(column);
            if (field == null) {
                flow.putExtra(layout.name(column), strings.get(line, from, values.skip()));
                continue;
            }
            long number;
            ByteString address;
            int to;
            switch (field) {
                case VERSION:
                    if ((number = values.number(MAX_UINT32)) < 0) {
                        return notANumber(field, values, MAX_UINT32);
                    }
                    flow.setVersion((int) number);
                    break;
                case ACCOUNT_ID:
                    observers.note(ObserverCache.ACCOUNT, from, values.skip());
                    break;
                case INTERFACE_ID:
                    observers.note(ObserverCache.INTERFACE, from, values.skip());
                    break;
                case SRCADDR:
                    if ((address = address(values)) == null) {
                        return notAnAddress(field, values);
                    }
                    flow.setSrcAddr(address);
                    break;
                case DSTADDR:
                    if ((address = address(values)) == null) {
                        return notAnAddress(field, values);
                    }
                    flow.setDstAddr(address);
                    break;
                case SRCPORT:
                    if ((number = values.number(MAX_PORT)) < 0) {
                        return notANumber(field, values, MAX_PORT);
                    }
                    flow.setSrcPort((int) number);
                    break;
                case DSTPORT:
                    if ((number = values.number(MAX_PORT)) < 0) {
                        return notANumber(field, values, MAX_PORT);
                    }
                    flow.setDstPort((int) number);
                    break;
                case PROTOCOL:
                    if ((number = values.number(MAX_PROTOCOL)) < 0) {
                        return notANumber(field, values, MAX_PROTOCOL);
                    }
                    flow.setProtocol((int) number);
                    break;
                case PACKETS:
                    if ((number = values.number(MAX_COUNTER)) < 0) {
                        return notANumber(field, values, MAX_COUNTER);
                    }
                    flow.setPackets(number);
                    break;
                case BYTES:
                    if ((number = values.number(MAX_COUNTER)) < 0) {
                        return notANumber(field, values, MAX_COUNTER);
                    }
                    flow.setBytes(number);
                    break;
                case START:
                    if ((number = values.number(MAX_EPOCH_SECONDS)) < 0) {
                        return notANumber(field, values, MAX_EPOCH_SECONDS);
                    }
                    flow.setStartMs(number * 1000);
                    break;
                case END:
                    if ((number = values.number(MAX_EPOCH_SECONDS)) < 0) {
                        return notANumber(field, values, MAX_EPOCH_SECONDS);
                    }
                    flow.setEndMs(number * 1000);
                    break;
                case ACTION:
                    to = values.skip();
                    Action action = action(line, from, to);
                    if (action == null) {
                        return notOneOf(field, line, from, to, "ACCEPT, REJECT or -");
                    }
                    flow.setAction(action);
                    break;
                case LOG_STATUS:
                    to = values.skip();
                    LogStatus status = logStatus(line, from, to);
                    if (status == null) {
                        return notOneOf(field, line, from, to, "OK, NODATA, SKIPDATA or -");
                    }
                    flow.setLogStatus(status);
                    break;
                case VPC_ID:
                    observers.note(ObserverCache.VPC, from, values.skip());
                    break;
                case SUBNET_ID:
                    observers.note(ObserverCache.SUBNET, from, values.skip());
                    break;
                case INSTANCE_ID:
                    observers.note(ObserverCache.INSTANCE, from, values.skip());
                    break;
                case TCP_FLAGS:
                    if ((number = values.number(MAX_UINT32)) < 0) {
                        return notANumber(field, values, MAX_UINT32);
                    }
                    flow.setTcpFlags((int) number);
                    break;
                case TYPE:
                    aws.setAddressType(strings.get(line, from, values.skip()));
                    hasAws = true;
                    break;
                case PKT_SRCADDR:
                    if ((address = address(values)) == null) {
                        return notAnAddress(field, values);
                    }
                    flow.setPktSrcAddr(address);
                    break;
                case PKT_DSTADDR:
                    if ((address = address(values)) == null) {
                        return notAnAddress(field, values);
                    }
                    flow.setPktDstAddr(address);
                    break;
                case REGION:
                    observers.note(ObserverCache.REGION, from, values.skip());
                    break;
                case AZ_ID:
                    observers.note(ObserverCache.ZONE, from, values.skip());
                    break;
                case SUBLOCATION_TYPE:
                    aws.setSublocationType(strings.get(line, from, values.skip()));
                    hasAws = true;
                    break;
                case SUBLOCATION_ID:
                    aws.setSublocationId(strings.get(line, from, values.skip()));
                    hasAws = true;
                    break;
                case PKT_SRC_AWS_SERVICE:
                    aws.setPktSrcAwsService(strings.get(line, from, values.skip()));
                    hasAws = true;
                    break;
                case PKT_DST_AWS_SERVICE:
                    aws.setPktDstAwsService(strings.get(line, from, values.skip()));
                    hasAws = true;
                    break;
                case FLOW_DIRECTION:
                    to = values.skip();
                    if (equals(line, from, to, INGRESS)) {
                        flow.setDirection(Direction.INGRESS);
                    } else if (equals(line, from, to, EGRESS)) {
                        flow.setDirection(Direction.EGRESS);
                    } else {
                        return notOneOf(field, line, from, to, "ingress, egress or -");
                    }
                    break;
                case TRAFFIC_PATH:
                    if ((number = values.number(MAX_UINT32)) < 0) {
                        return notANumber(field, values, MAX_UINT32);
                    }
                    flow.setTrafficPath((int) number);
                    break;
                case REJECT_REASON:
                    aws.setRejectReason(strings.get(line, from, values.skip()));
                    hasAws = true;
                    break;
                case ECS_CLUSTER_ARN:
                case ECS_CLUSTER_NAME:
                case ECS_CONTAINER_INSTANCE_ARN:
                case ECS_CONTAINER_INSTANCE_ID:
                case ECS_CONTAINER_ID:
                case ECS_SECOND_CONTAINER_ID:
                case ECS_SERVICE_NAME:
                case ECS_TASK_DEFINITION_ARN:
                case ECS_TASK_ARN:
                case ECS_TASK_ID:
                    setEcs(field, strings.get(line, from, values.skip()));
                    hasEcs = true;
                    break;
                case PACKETS_LOST_NO_ROUTE:
                case PACKETS_LOST_BLACKHOLE:
                case PACKETS_LOST_MTU_EXCEEDED:
                case PACKETS_LOST_TTL_EXPIRED:
                    if ((number = values.number(MAX_COUNTER)) < 0) {
                        return notANumber(field, values, MAX_COUNTER);
                    }
                    setPacketsLost(field, number);
                    hasTgw = true;
                    break;
                default:
                    setTransitGateway(field, strings.get(line, from, values.skip()));
                    hasTgw = true;
                    break;
            }
        }
        if (column != columns) {
            return FIELD_COUNT_MISMATCH;
        }
        if (hasTgw) {
            aws.setTgw(tgw.build());
            tgw.clear();
        }
        if (hasEcs) {
            aws.setEcs(ecs.build());
            ecs.clear();
        }
        Observer observer = observers.observer(line);
        if (observer != null) {
            flow.setObserver(observer);
        }
        if (hasAws || hasTgw || hasEcs) {
            flow.setAws(aws.build());
            aws.clear();
        }
        return null;
    }

    /**
     * Decodes a record of AWS's default format in straight-line code, one statement per column in
     * the order of the format: no dispatch on the layout per value. It sets exactly what the
     * general loop sets for such a record when every value is present and valid.
     *
     * @return false at anything else ({@code -}, a value that is not understood, too few or too
     *         many values), leaving {@code flow} partly set: then decode the line again with
     *         {@link #decode} into a fresh builder, which says what is wrong
     */
    boolean decodeDefaultVersion2(LineValues values, Flow.Builder flow) {
        byte[] line = values.line();
        long number;
        ByteString address;
        if (!values.next() || (number = values.number(MAX_UINT32)) < 0) {
            return false;
        }
        flow.setVersion((int) number);
        observers.startRecord();
        if (!values.next() || values.absent()) {
            return false;
        }
        observers.note(ObserverCache.ACCOUNT, values.start(), values.skip());
        if (!values.next() || values.absent()) {
            return false;
        }
        observers.note(ObserverCache.INTERFACE, values.start(), values.skip());
        if (!values.next() || (address = address(values)) == null) {
            return false;
        }
        flow.setSrcAddr(address);
        if (!values.next() || (address = address(values)) == null) {
            return false;
        }
        flow.setDstAddr(address);
        if (!values.next() || (number = values.number(MAX_PORT)) < 0) {
            return false;
        }
        flow.setSrcPort((int) number);
        if (!values.next() || (number = values.number(MAX_PORT)) < 0) {
            return false;
        }
        flow.setDstPort((int) number);
        if (!values.next() || (number = values.number(MAX_PROTOCOL)) < 0) {
            return false;
        }
        flow.setProtocol((int) number);
        if (!values.next() || (number = values.number(MAX_COUNTER)) < 0) {
            return false;
        }
        flow.setPackets(number);
        if (!values.next() || (number = values.number(MAX_COUNTER)) < 0) {
            return false;
        }
        flow.setBytes(number);
        if (!values.next() || (number = values.number(MAX_EPOCH_SECONDS)) < 0) {
            return false;
        }
        flow.setStartMs(number * 1000);
        if (!values.next() || (number = values.number(MAX_EPOCH_SECONDS)) < 0) {
            return false;
        }
        flow.setEndMs(number * 1000);
        if (!values.next()) {
            return false;
        }
        Action action = action(line, values.start(), values.skip());
        if (action == null) {
            return false;
        }
        flow.setAction(action);
        if (!values.next()) {
            return false;
        }
        LogStatus status = logStatus(line, values.start(), values.skip());
        if (status == null) {
            return false;
        }
        flow.setLogStatus(status);
        if (values.next()) {
            return false;
        }
        flow.setObserver(observers.observer(line));
        return true;
    }

    /** Forgets half-filled sub-messages after a record failed to decode. */
    void discardPartial() {
        aws.clear();
        tgw.clear();
        ecs.clear();
    }

    private void setEcs(AwsVpcField field, String value) {
        switch (field) {
            case ECS_CLUSTER_ARN -> ecs.setClusterArn(value);
            case ECS_CLUSTER_NAME -> ecs.setClusterName(value);
            case ECS_CONTAINER_INSTANCE_ARN -> ecs.setContainerInstanceArn(value);
            case ECS_CONTAINER_INSTANCE_ID -> ecs.setContainerInstanceId(value);
            case ECS_CONTAINER_ID -> ecs.setContainerId(value);
            case ECS_SECOND_CONTAINER_ID -> ecs.setSecondContainerId(value);
            case ECS_SERVICE_NAME -> ecs.setServiceName(value);
            case ECS_TASK_DEFINITION_ARN -> ecs.setTaskDefinitionArn(value);
            case ECS_TASK_ARN -> ecs.setTaskArn(value);
            case ECS_TASK_ID -> ecs.setTaskId(value);
            default -> throw new IllegalArgumentException("not an ECS field: " + field);
        }
    }

    private void setPacketsLost(AwsVpcField field, long value) {
        switch (field) {
            case PACKETS_LOST_NO_ROUTE -> tgw.setPacketsLostNoRoute(value);
            case PACKETS_LOST_BLACKHOLE -> tgw.setPacketsLostBlackhole(value);
            case PACKETS_LOST_MTU_EXCEEDED -> tgw.setPacketsLostMtuExceeded(value);
            case PACKETS_LOST_TTL_EXPIRED -> tgw.setPacketsLostTtlExpired(value);
            default -> throw new IllegalArgumentException("not a packets-lost field: " + field);
        }
    }

    private void setTransitGateway(AwsVpcField field, String value) {
        switch (field) {
            case RESOURCE_TYPE -> tgw.setResourceType(value);
            case TGW_ID -> tgw.setTgwId(value);
            case TGW_ATTACHMENT_ID -> tgw.setAttachmentId(value);
            case TGW_SRC_VPC_ACCOUNT_ID -> tgw.setSrcVpcAccountId(value);
            case TGW_DST_VPC_ACCOUNT_ID -> tgw.setDstVpcAccountId(value);
            case TGW_SRC_VPC_ID -> tgw.setSrcVpcId(value);
            case TGW_DST_VPC_ID -> tgw.setDstVpcId(value);
            case TGW_SRC_SUBNET_ID -> tgw.setSrcSubnetId(value);
            case TGW_DST_SUBNET_ID -> tgw.setDstSubnetId(value);
            case TGW_SRC_ENI -> tgw.setSrcEni(value);
            case TGW_DST_ENI -> tgw.setDstEni(value);
            case TGW_SRC_AZ_ID -> tgw.setSrcAzId(value);
            case TGW_DST_AZ_ID -> tgw.setDstAzId(value);
            case TGW_PAIR_ATTACHMENT_ID -> tgw.setPairAttachmentId(value);
            default -> throw new IllegalArgumentException("not a Transit Gateway field: " + field);
        }
    }

    /**
     * The current value as an address: IPv4 read in the same pass (the common case), anything
     * else (IPv6, bad text) through the general parser. Null when it is no address.
     */
    private ByteString address(LineValues values) {
        long ipv4 = values.ipv4();
        if (ipv4 >= 0) {
            return addresses.ipv4((int) ipv4);
        }
        int from = values.start();
        return addresses.get(values.line(), from, values.skip());
    }

    /** The action written in {@code line[from, to)}, or null when it is not one AWS writes. */
    private static Action action(byte[] line, int from, int to) {
        return equals(line, from, to, ACCEPT) ? Action.ACCEPT
                : equals(line, from, to, REJECT) ? Action.REJECT
                : null;
    }

    /** The log status written in {@code line[from, to)}, or null when it is not one AWS writes. */
    private static LogStatus logStatus(byte[] line, int from, int to) {
        return equals(line, from, to, OK) ? LogStatus.OK
                : equals(line, from, to, NODATA) ? LogStatus.NODATA
                : equals(line, from, to, SKIPDATA) ? LogStatus.SKIPDATA
                : null;
    }

    private static boolean equals(byte[] line, int from, int to, byte[] expected) {
        if (to - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (line[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String notANumber(AwsVpcField field, LineValues values, long max) {
        return "field " + field.fieldName() + ": '" + text(values.line(), values.start(), values.end())
                + "' is not a whole number from 0 to " + max;
    }

    private static String notAnAddress(AwsVpcField field, LineValues values) {
        return "field " + field.fieldName() + ": '" + text(values.line(), values.start(), values.end())
                + "' is not an IPv4 or IPv6 address";
    }

    private static String notOneOf(AwsVpcField field, byte[] line, int from, int to, String allowed) {
        return "field " + field.fieldName() + ": '" + text(line, from, to) + "' is not one of " + allowed;
    }

    private static String text(byte[] line, int from, int to) {
        return new String(line, from, Math.min(to - from, 256), StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
