package io.flowhound.collector.grpc;

import io.flowhound.proto.Action;
import io.flowhound.proto.Cloud;
import io.flowhound.proto.Flow;
import io.flowhound.proto.FlowFilter;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A subscriber's {@link FlowFilter}, compiled once so matching a flow allocates nothing. */
final class FlowPredicate implements Predicate<Flow> {

    private final Set<Cloud> clouds;
    private final Set<String> sources;
    private final List<Cidr> cidrs;
    private final Set<Integer> ports;
    private final Set<Integer> protocols;
    private final Action action;

    private FlowPredicate(FlowFilter filter) {
        this.clouds = Set.copyOf(filter.getCloudsList());
        this.sources = Set.copyOf(filter.getSourcesList());
        this.cidrs = filter.getCidrsList().stream().map(Cidr::parse).toList();
        this.ports = Set.copyOf(filter.getPortsList());
        this.protocols = Set.copyOf(filter.getProtocolsList());
        this.action = filter.getAction();
    }

    /** @throws IllegalArgumentException when a CIDR in the filter is malformed */
    static FlowPredicate of(FlowFilter filter) {
        return new FlowPredicate(filter);
    }

    @Override
    public boolean test(Flow flow) {
        return (clouds.isEmpty() || clouds.contains(flow.getCloud()))
                && (sources.isEmpty() || sources.contains(flow.getProvenance().getSource()))
                && (action == Action.ACTION_UNSPECIFIED || action == flow.getAction())
                && (protocols.isEmpty() || flow.hasProtocol() && protocols.contains(flow.getProtocol()))
                && (ports.isEmpty() || matchesPort(flow))
                && (cidrs.isEmpty() || matchesCidr(flow));
    }

    private boolean matchesPort(Flow flow) {
        return flow.hasSrcPort() && ports.contains(flow.getSrcPort())
                || flow.hasDstPort() && ports.contains(flow.getDstPort());
    }

    private boolean matchesCidr(Flow flow) {
        for (Cidr cidr : cidrs) {
            if (cidr.contains(flow.getSrcAddr()) || cidr.contains(flow.getDstAddr())) {
                return true;
            }
        }
        return false;
    }
}
