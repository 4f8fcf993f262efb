package io.flowhound.adapters.aws;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every field AWS VPC and Transit Gateway flow logs can carry (formats.md 1.2), by the
 * hyphenated name used in headers and LogFormat strings, with the version that introduced it.
 * The comment on each constant names the {@code Flow} field it fills.
 *
 * <p>Declaration order is the catalogue order of formats.md 1.2: AWS's "all fields" default
 * formats are prefixes of it (see {@link AwsVpcLayout#defaultForFieldCount}).
 */
public enum AwsVpcField {
    VERSION("version", 2),                 // version
    ACCOUNT_ID("account-id", 2),           // account_id, kept as a string ("unknown", leading zeros)
    INTERFACE_ID("interface-id", 2),       // interface_id
    SRCADDR("srcaddr", 2),                 // src_addr, 4 or 16 bytes
    DSTADDR("dstaddr", 2),                 // dst_addr
    SRCPORT("srcport", 2),                 // src_port
    DSTPORT("dstport", 2),                 // dst_port
    PROTOCOL("protocol", 2),               // protocol
    PACKETS("packets", 2),                 // packets
    BYTES("bytes", 2),                     // bytes
    START("start", 2),                     // start_ms (seconds * 1000)
    END("end", 2),                         // end_ms
    ACTION("action", 2),                   // action ACCEPT / REJECT
    LOG_STATUS("log-status", 2),           // log_status OK / NODATA / SKIPDATA
    VPC_ID("vpc-id", 3),                   // vpc_id
    SUBNET_ID("subnet-id", 3),             // subnet_id
    INSTANCE_ID("instance-id", 3),         // instance_id
    TCP_FLAGS("tcp-flags", 3),             // tcp_flags
    TYPE("type", 3),                       // address_type IPv4 / IPv6 / EFA
    PKT_SRCADDR("pkt-srcaddr", 3),         // pkt_src_addr
    PKT_DSTADDR("pkt-dstaddr", 3),         // pkt_dst_addr
    REGION("region", 4),                   // region
    AZ_ID("az-id", 4),                     // zone
    SUBLOCATION_TYPE("sublocation-type", 4), // sublocation_type
    SUBLOCATION_ID("sublocation-id", 4),   // sublocation_id
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5), // pkt_src_aws_service
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5), // pkt_dst_aws_service
    FLOW_DIRECTION("flow-direction", 5),   // direction INGRESS / EGRESS
    TRAFFIC_PATH("traffic-path", 5),       // traffic_path
    ECS_CLUSTER_ARN("ecs-cluster-arn", 7),                       // ecs.cluster_arn
    ECS_CLUSTER_NAME("ecs-cluster-name", 7),                     // ecs.cluster_name
    ECS_CONTAINER_INSTANCE_ARN("ecs-container-instance-arn", 7), // ecs.container_instance_arn
    ECS_CONTAINER_INSTANCE_ID("ecs-container-instance-id", 7),   // ecs.container_instance_id
    ECS_CONTAINER_ID("ecs-container-id", 7),                     // ecs.container_id
    ECS_SECOND_CONTAINER_ID("ecs-second-container-id", 7),       // ecs.second_container_id
    ECS_SERVICE_NAME("ecs-service-name", 7),                     // ecs.service_name
    ECS_TASK_DEFINITION_ARN("ecs-task-definition-arn", 7),       // ecs.task_definition_arn
    ECS_TASK_ARN("ecs-task-arn", 7),                             // ecs.task_arn
    ECS_TASK_ID("ecs-task-id", 7),                               // ecs.task_id
    REJECT_REASON("reject-reason", 8),     // reject_reason, e.g. BPA
    // Transit Gateway flow logs only (version 6); they share the fields above where the names agree.
    RESOURCE_TYPE("resource-type", 6),                   // tgw.resource_type
    TGW_ID("tgw-id", 6),                                 // tgw.tgw_id
    TGW_ATTACHMENT_ID("tgw-attachment-id", 6),           // tgw.attachment_id
    TGW_SRC_VPC_ACCOUNT_ID("tgw-src-vpc-account-id", 6), // tgw.src_vpc_account_id
    TGW_DST_VPC_ACCOUNT_ID("tgw-dst-vpc-account-id", 6), // tgw.dst_vpc_account_id
    TGW_SRC_VPC_ID("tgw-src-vpc-id", 6),                 // tgw.src_vpc_id
    TGW_DST_VPC_ID("tgw-dst-vpc-id", 6),                 // tgw.dst_vpc_id
    TGW_SRC_SUBNET_ID("tgw-src-subnet-id", 6),           // tgw.src_subnet_id
    TGW_DST_SUBNET_ID("tgw-dst-subnet-id", 6),           // tgw.dst_subnet_id
    TGW_SRC_ENI("tgw-src-eni", 6),                       // tgw.src_eni
    TGW_DST_ENI("tgw-dst-eni", 6),                       // tgw.dst_eni
    TGW_SRC_AZ_ID("tgw-src-az-id", 6),                   // tgw.src_az_id
    TGW_DST_AZ_ID("tgw-dst-az-id", 6),                   // tgw.dst_az_id
    TGW_PAIR_ATTACHMENT_ID("tgw-pair-attachment-id", 6), // tgw.pair_attachment_id
    PACKETS_LOST_NO_ROUTE("packets-lost-no-route", 6),           // tgw.packets_lost_no_route
    PACKETS_LOST_BLACKHOLE("packets-lost-blackhole", 6),         // tgw.packets_lost_blackhole
    PACKETS_LOST_MTU_EXCEEDED("packets-lost-mtu-exceeded", 6),   // tgw.packets_lost_mtu_exceeded
    PACKETS_LOST_TTL_EXPIRED("packets-lost-ttl-expired", 6);     // tgw.packets_lost_ttl_expired

    private static final AwsVpcField[] VALUES = values();
    private static final Map<String, AwsVpcField> BY_NAME = new HashMap<>();

    static {
        for (AwsVpcField field : VALUES) {
            BY_NAME.put(field.fieldName, field);
        }
    }

    private final String fieldName;
    private final byte[] nameBytes;
    private final int version;

    AwsVpcField(String fieldName, int version) {
        this.fieldName = fieldName;
        this.nameBytes = fieldName.getBytes(StandardCharsets.US_ASCII);
        this.version = version;
    }

    /** The hyphenated name AWS uses in headers and LogFormat strings, e.g. {@code log-status}. */
    public String fieldName() {
        return fieldName;
    }

    /** The flow log version that introduced the field (6 for Transit Gateway only fields). */
    public int version() {
        return version;
    }

    /** True for the fields that only Transit Gateway flow logs carry. */
    public boolean transitGatewayOnly() {
        return version == 6;
    }

    /** The field called {@code name}, or null when AWS defines no such field (as far as we know). */
    public static AwsVpcField byName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * The field whose name is exactly {@code bytes[from, to)}, or null. Allocation-free: it runs
     * on every record whose first value starts with a lower-case letter, to tell headers apart.
     */
    static AwsVpcField byName(byte[] bytes, int from, int to) {
        int length = to - from;
        for (AwsVpcField field : VALUES) {
            byte[] name = field.nameBytes;
            if (name.length == length && name[0] == bytes[from]
                    && Arrays.equals(name, 0, length, bytes, from, to)) {
                return field;
            }
        }
        return null;
    }
}
