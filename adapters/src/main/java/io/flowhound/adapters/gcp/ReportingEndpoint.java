package io.flowhound.adapters.gcp;

import io.flowhound.proto.EndpointDetails;
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

    private ReportingEndpoint() {
    }

    /** @param side the reporting endpoint's details, or null when it is not known */
    static void fill(Flow.Builder flow, EndpointDetails.Builder side, LogEntryEnvelope entry) {
        String project = side != null ? side.getProjectId() : "";
        Observer.Builder observer = Observer.newBuilder().setAccountId(project.isEmpty() ? entry.project() : project);
        String subnet = side != null ? side.getSubnetName() : "";
        if (subnet.isEmpty() && entry.resourceType.equals("gce_subnetwork")) {
            subnet = entry.resourceSubnetworkName;
        }
        observer.setSubnetId(subnet);
        if (side != null) {
            observer.setInstanceId(side.getVmName())
                    .setRegion(side.getRegion())
                    .setZone(side.getZone())
                    .setVpcId(side.getVpcName());
        }
        flow.setObserver(observer);
    }
}
