package io.flowhound.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.flowhound.proto.Action;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Direction;
import io.flowhound.proto.Flow;
import io.flowhound.proto.LogStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Compares one of our flows with the document a peer (Elastic beats module, beats processor,
 * Elastic integration) expects for the same record, key by key, wherever the two mean the same
 * thing. Keys the peers add from elsewhere (GeoIP, ASN, community id, ECS bookkeeping) are not
 * compared.
 *
 * <p>Deliberate differences, normalised here rather than asserted:
 * <ul>
 *   <li>Peers copy {@code -} verbatim into some fields (beats {@code aws.vpcflow.instance_id},
 *       {@code aws.vpcflow.action}; the integration's {@code cloud.region} and
 *       {@code cloud.availability_zone} on the v8 sample). We leave the field absent
 *       (formats.md 1.9 item 3), so an expected {@code -} must be absent on our side.</li>
 *   <li>Peers spell the verdict several ways ({@code ACCEPT}, {@code accept}; outcome
 *       {@code allow}/{@code success}, {@code deny}/{@code failure}); we have one enum.</li>
 *   <li>Peers decode tcp-flags into a list of flag names; we keep the bitmask.</li>
 * </ul>
 */
final class PeerExpectedFields {

    private PeerExpectedFields() {
    }

    /**
     * Asserts every comparable key of {@code expected} against {@code flow}.
     *
     * @param recordOffset where the record starts in its object, compared with beats' {@code log.offset}
     * @return how many keys were compared
     */
    static int assertMatches(JsonNode expected, Flow flow, long recordOffset, String where) {
        int compared = 0;
        for (Map.Entry<String, JsonNode> entry : flatten(expected).entrySet()) {
            String key = entry.getKey();
            if (!COMPARED_KEYS.contains(key) && !key.equals("log.offset")) {
                continue;
            }
            String expectedValue = expectedValue(key, entry.getValue().asText());
            String ourValue = key.equals("log.offset") ? String.valueOf(recordOffset) : ourValue(key, flow);
            assertEquals(expectedValue, ourValue, where + ": " + key);
            compared++;
        }
        return compared;
    }

    /** The peer keys that mean what one of our fields means; each has a case in {@link #ourValue}. */
    private static final Set<String> COMPARED_KEYS = Set.of(
            "source.ip", "source.address", "destination.ip", "destination.address", "source.port", "destination.port",
            "network.iana_number", "aws.vpcflow.protocol", "network.packets", "source.packets", "network.bytes",
            "source.bytes", "event.start", "event.end", "aws.vpcflow.start", "aws.vpcflow.end", "event.action",
            "aws.vpcflow.action", "event.outcome", "cloud.provider", "cloud.account.id", "aws.vpcflow.account_id",
            "cloud.region", "cloud.availability_zone", "cloud.instance.id", "aws.vpcflow.instance_id",
            "aws.vpcflow.interface_id", "aws.vpcflow.vpc_id", "aws.vpcflow.subnet_id", "aws.vpcflow.type",
            "aws.vpcflow.version", "aws.vpcflow.tcp_flags", "aws.vpcflow.traffic_path", "aws.vpcflow.log_status",
            "aws.vpcflow.pkt_srcaddr", "aws.vpcflow.pkt_dstaddr", "aws.vpcflow.pkt_src_aws_service",
            "aws.vpcflow.pkt_src_service", "aws.vpcflow.pkt_dst_aws_service", "aws.vpcflow.pkt_dst_service",
            "aws.vpcflow.reject_reason", "aws.vpcflow.sublocation_type", "aws.vpcflow.sublocation_id",
            "aws.vpcflow.ecs_cluster_arn", "aws.vpcflow.ecs_cluster_name", "aws.vpcflow.ecs_container_instance_arn",
            "aws.vpcflow.ecs_container_instance_id", "aws.vpcflow.ecs_container_id",
            "aws.vpcflow.ecs_second_container_id", "aws.vpcflow.ecs_service_name",
            "aws.vpcflow.ecs_task_definition_arn", "aws.vpcflow.ecs_task_arn", "aws.vpcflow.ecs_task_id",
            "orchestrator.cluster.id", "orchestrator.cluster.name", "orchestrator.resource.id",
            "orchestrator.resource.name", "container.id", "network.direction", "network.type");

    /** Our value for a peer key, as text; null when we have none. */
    private static String ourValue(String key, Flow flow) {
        return switch (key) {
            case "source.ip", "source.address" -> address(flow.getSrcAddr());
            case "destination.ip", "destination.address" -> address(flow.getDstAddr());
            case "aws.vpcflow.pkt_srcaddr" -> address(flow.getPktSrcAddr());
            case "aws.vpcflow.pkt_dstaddr" -> address(flow.getPktDstAddr());
            case "source.port" -> flow.hasSrcPort() ? String.valueOf(flow.getSrcPort()) : null;
            case "destination.port" -> flow.hasDstPort() ? String.valueOf(flow.getDstPort()) : null;
            case "network.iana_number", "aws.vpcflow.protocol" -> flow.hasProtocol() ? String.valueOf(flow.getProtocol()) : null;
            case "network.packets", "source.packets" -> flow.hasPackets() ? String.valueOf(flow.getPackets()) : null;
            case "network.bytes", "source.bytes" -> flow.hasBytes() ? String.valueOf(flow.getBytes()) : null;
            case "event.start", "aws.vpcflow.start" -> flow.getStartMs() != 0 ? String.valueOf(flow.getStartMs()) : null;
            case "event.end", "aws.vpcflow.end" -> flow.getEndMs() != 0 ? String.valueOf(flow.getEndMs()) : null;
            case "event.action", "aws.vpcflow.action", "event.outcome" ->
                    flow.getAction() == Action.ACTION_UNSPECIFIED ? null : flow.getAction().name();
            case "cloud.provider" -> flow.getCloud() == Cloud.AWS ? "aws" : null;
            case "cloud.account.id", "aws.vpcflow.account_id" -> text(flow.getObserver().getAccountId());
            case "cloud.region" -> text(flow.getObserver().getRegion());
            case "cloud.availability_zone" -> text(flow.getObserver().getZone());
            case "cloud.instance.id", "aws.vpcflow.instance_id" -> text(flow.getObserver().getInstanceId());
            case "aws.vpcflow.interface_id" -> text(flow.getObserver().getInterfaceId());
            case "aws.vpcflow.vpc_id" -> text(flow.getObserver().getVpcId());
            case "aws.vpcflow.subnet_id" -> text(flow.getObserver().getSubnetId());
            case "aws.vpcflow.type" -> text(flow.getAws().getAddressType());
            case "aws.vpcflow.version" -> flow.getVersion() != 0 ? String.valueOf(flow.getVersion()) : null;
            case "aws.vpcflow.tcp_flags" -> flow.hasTcpFlags() ? String.valueOf(flow.getTcpFlags()) : null;
            case "aws.vpcflow.traffic_path" -> flow.hasTrafficPath() ? String.valueOf(flow.getTrafficPath()) : null;
            case "aws.vpcflow.log_status" ->
                    flow.getLogStatus() == LogStatus.LOG_STATUS_UNSPECIFIED ? null : flow.getLogStatus().name();
            case "aws.vpcflow.pkt_src_aws_service", "aws.vpcflow.pkt_src_service" -> text(flow.getAws().getPktSrcAwsService());
            case "aws.vpcflow.pkt_dst_aws_service", "aws.vpcflow.pkt_dst_service" -> text(flow.getAws().getPktDstAwsService());
            case "aws.vpcflow.reject_reason" -> text(flow.getAws().getRejectReason());
            case "aws.vpcflow.sublocation_type" -> text(flow.getAws().getSublocationType());
            case "aws.vpcflow.sublocation_id" -> text(flow.getAws().getSublocationId());
            case "aws.vpcflow.ecs_cluster_arn", "orchestrator.cluster.id" -> text(flow.getAws().getEcs().getClusterArn());
            case "aws.vpcflow.ecs_cluster_name", "orchestrator.cluster.name" -> text(flow.getAws().getEcs().getClusterName());
            case "aws.vpcflow.ecs_container_instance_arn", "orchestrator.resource.name" ->
                    text(flow.getAws().getEcs().getContainerInstanceArn());
            case "aws.vpcflow.ecs_container_instance_id", "orchestrator.resource.id" ->
                    text(flow.getAws().getEcs().getContainerInstanceId());
            case "aws.vpcflow.ecs_container_id", "container.id" -> text(flow.getAws().getEcs().getContainerId());
            case "aws.vpcflow.ecs_second_container_id" -> text(flow.getAws().getEcs().getSecondContainerId());
            case "aws.vpcflow.ecs_service_name" -> text(flow.getAws().getEcs().getServiceName());
            case "aws.vpcflow.ecs_task_definition_arn" -> text(flow.getAws().getEcs().getTaskDefinitionArn());
            case "aws.vpcflow.ecs_task_arn" -> text(flow.getAws().getEcs().getTaskArn());
            case "aws.vpcflow.ecs_task_id" -> text(flow.getAws().getEcs().getTaskId());
            case "network.direction" ->
                    flow.getDirection() == Direction.DIRECTION_UNSPECIFIED ? null : flow.getDirection().name().toLowerCase();
            case "network.type" -> flow.getSrcAddr().size() == 4 ? "ipv4" : flow.getSrcAddr().size() == 16 ? "ipv6" : null;
            default -> throw new AssertionError("no mapping for peer key " + key);
        };
    }

    /** The peer's value in our terms; null for "absent". */
    private static String expectedValue(String key, String value) {
        if (value.equals("-")) {
            return null;
        }
        return switch (key) {
            case "source.ip", "source.address", "destination.ip", "destination.address",
                    "aws.vpcflow.pkt_srcaddr", "aws.vpcflow.pkt_dstaddr" -> canonicalAddress(value);
            case "event.start", "event.end" -> String.valueOf(Instant.parse(value).toEpochMilli());
            case "aws.vpcflow.start", "aws.vpcflow.end" -> String.valueOf(Long.parseLong(value) * 1000);
            case "event.action", "aws.vpcflow.action" -> value.toUpperCase();
            case "event.outcome" -> switch (value) {
                case "allow", "success" -> Action.ACCEPT.name();
                case "deny", "failure" -> Action.REJECT.name();
                default -> throw new AssertionError("unknown peer outcome " + value);
            };
            default -> value;
        };
    }

    /** Dotted keys for nested documents; beats module documents already use dotted keys. */
    static Map<String, JsonNode> flatten(JsonNode document) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", document, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
        if (!node.isObject()) {
            flat.put(prefix, node);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
        }
    }

    private static String text(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String address(ByteString bytes) {
        try {
            return bytes.isEmpty() ? null : InetAddress.getByAddress(bytes.toByteArray()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError("not 4 or 16 bytes: " + bytes, e);
        }
    }

    private static String canonicalAddress(String text) {
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError("peer address " + text, e);
        }
    }
}
