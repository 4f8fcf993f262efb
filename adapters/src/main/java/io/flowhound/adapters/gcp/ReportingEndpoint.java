package io.flowhound.adapters.gcp;

import io.flowhound.proto.EndpointDetailsOrBuilder;
import io.flowhound.proto.Flow;
import io.flowhound.proto.Observer;

/**
 * Fills the observer of a GCP flow from the endpoint that wrote the record (the
 * reporter of a VPC flow record, the enforcing {@code instance} of a firewall record):
 * {@code instance_id} = its VM name, {@code region}, {@code zone}, {@code vpc_id} = its VPC
 * name, {@code subnet_id} = its subnetwork.
 *
 * <p>{@code account_id} is that endpoint's project: its instance's {@code project_id}, else its
 * VPC's {@code project_id}, else the project of the log entry ({@code resource.labels.project_id},
 * else the one in {@code logName}). This is the analogue of AWS's account-id (the owner of the
 * interface that recorded the flow): in a Shared VPC the VM's service project, not the host
 * project that owns the network and the log (the latter stays in {@code vpc_project_id} and
 * {@code GcpDetails.log_name}). The subnetwork falls back to {@code resource.labels.subnetwork_name},
 * which for a {@code gce_subnetwork} resource is the subnet of the VM that reported.
 */
final class ReportingEndpoint {

    private final ObserverCache observers = new ObserverCache();

    /** @param side the reporting endpoint's details, or null when it is not known */
    void fill(Flow.Builder flow, EndpointDetailsOrBuilder side, LogEntryEnvelope entry) {
        String project = side != null ? side.getProjectId() : "";
        String subnet = side != null ? side.getSubnetName() : "";
        if (subnet.isEmpty() && entry.resourceType.equals("gce_subnetwork")) {
            subnet = entry.resourceSubnetworkName;
        }
        flow.setObserver(observers.get(project.isEmpty() ? entry.project() : project,
                side != null ? side.getRegion() : "",
                side != null ? side.getZone() : "",
                side != null ? side.getVpcName() : "",
                subnet,
                side != null ? side.getVmName() : ""));
    }

    /**
     * One shared {@link Observer} per identity: the reporting VMs of an object are few, and
     * building an Observer writes a volatile field per value. Direct-mapped by the values'
     * hashes, 256 slots; a collision replaces the slot. The values mostly come from
     * {@link TextCache}, so comparing them is mostly an identity check.
     */
    private static final class ObserverCache {

        private static final int SLOTS = 256;

        private final Observer[] observers = new Observer[SLOTS];

        Observer get(String account, String region, String zone, String vpc, String subnet, String instance) {
            int hash = account.hashCode();
            hash = 31 * hash + region.hashCode();
            hash = 31 * hash + zone.hashCode();
            hash = 31 * hash + vpc.hashCode();
            hash = 31 * hash + subnet.hashCode();
            hash = 31 * hash + instance.hashCode();
            int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
            Observer cached = observers[slot];
            if (cached != null && cached.getAccountId().equals(account) && cached.getRegion().equals(region)
                    && cached.getZone().equals(zone) && cached.getVpcId().equals(vpc)
                    && cached.getSubnetId().equals(subnet) && cached.getInstanceId().equals(instance)) {
                return cached;
            }
            Observer observer = Observer.newBuilder()
                    .setAccountId(account)
                    .setRegion(region)
                    .setZone(zone)
                    .setVpcId(vpc)
                    .setSubnetId(subnet)
                    .setInstanceId(instance)
                    .build();
            observers[slot] = observer;
            return observer;
        }
    }
}
