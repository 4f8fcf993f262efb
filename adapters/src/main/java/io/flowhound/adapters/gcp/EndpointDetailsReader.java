package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.flowhound.proto.EndpointDetails;
import java.io.IOException;

/**
 * Reads the blocks that describe one endpoint of a GCP record (formats.md 2.2, metadata fields;
 * section 3, {@code instance}/{@code vpc}/{@code remote_*}) into an {@link EndpointDetails}
 * builder. Each method is called with the parser on the block's {@code START_OBJECT} and leaves
 * it on the matching {@code END_OBJECT}; unknown keys (GCP adds metadata over time) are skipped.
 *
 * <p>Where two blocks say the same thing, the VM's own block wins whatever the key order (the
 * instance block sets them unconditionally, the VPC block only when still empty):
 * {@code project_id} is the instance's project (the service project in a Shared VPC) and the VPC's
 * project only without an instance block, and {@code region} is the instance's region and the
 * VPC's {@code subnetwork_region} only without one. The VPC's project is always kept in
 * {@code vpc_project_id}.
 */
final class EndpointDetailsReader {

    private final JsonValueReader values;

    EndpointDetailsReader(JsonValueReader values) {
        this.values = values;
    }

    /** InstanceDetails: project_id, region, zone, vm_name, managed_instance_group. */
    void instance(JsonParser json, String block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "project_id" -> details.setProjectId(values.text(json, block, name));
                case "vm_name" -> details.setVmName(values.text(json, block, name));
                case "region" -> details.setRegion(values.text(json, block, name));
                case "zone" -> details.setZone(values.text(json, block, name));
                case "managed_instance_group" -> {
                    if (values.object(json, block, name)) {
                        managedInstanceGroup(json, block, details);
                    }
                }
                default -> json.skipChildren();
            }
        }
    }

    /** VpcDetails: project_id, vpc_name, subnetwork_name, subnetwork_region. */
    void vpc(JsonParser json, String block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "project_id" -> {
                    String project = values.text(json, block, name);
                    details.setVpcProjectId(project);
                    if (details.getProjectId().isEmpty()) {
                        details.setProjectId(project);
                    }
                }
                case "vpc_name" -> details.setVpcName(values.text(json, block, name));
                case "subnetwork_name" -> details.setSubnetName(values.text(json, block, name));
                case "subnetwork_region" -> {
                    String region = values.text(json, block, name);
                    if (details.getRegion().isEmpty()) {
                        details.setRegion(region);
                    }
                }
                default -> json.skipChildren();
            }
        }
    }

    /** GeographicDetails of an external endpoint: continent, country, region, city, asn. */
    void location(JsonParser json, String block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "continent" -> details.setContinent(values.text(json, block, name));
                case "country" -> details.setCountry(values.text(json, block, name));
                case "region" -> details.setGeoRegion(values.text(json, block, name));
                case "city" -> details.setCity(values.text(json, block, name));
                case "asn" -> {
                    long asn = values.unsigned(json, block, name, 0xFFFF_FFFFL);
                    if (asn != JsonValueReader.ABSENT) {
                        details.setAsn((int) asn);
                    }
                }
                default -> json.skipChildren();
            }
        }
    }

    /** GoogleServiceDetails: type, connectivity, service_name. */
    void googleService(JsonParser json, String block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "service_name" -> details.setGoogleService(values.text(json, block, name));
                case "type" -> details.setGoogleServiceType(values.text(json, block, name));
                case "connectivity" -> details.setGoogleServiceConnectivity(values.text(json, block, name));
                default -> json.skipChildren();
            }
        }
    }

    /** GkeDetails: cluster {cluster_location, cluster_name}, pod {pod_name, pod_namespace, pod_workload}, service[]. */
    void gke(JsonParser json, String block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "cluster" -> {
                    if (values.object(json, block, name)) {
                        gkeCluster(json, block + ".cluster", details);
                    }
                }
                case "pod" -> {
                    if (values.object(json, block, name)) {
                        gkePod(json, block + ".pod", details);
                    }
                }
                case "service" -> {
                    if (values.array(json, block, name)) {
                        gkeServices(json, block + ".service", details);
                    }
                }
                default -> json.skipChildren();
            }
        }
    }

    private void managedInstanceGroup(JsonParser json, String block, EndpointDetails.Builder details)
            throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            if (name.equals("name")) {
                details.setManagedInstanceGroup(values.text(json, block, "managed_instance_group.name"));
            } else {
                json.skipChildren();  // the group's region or zone: the instance's own are kept
            }
        }
    }

    private void gkeCluster(JsonParser json, String block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "cluster_name" -> details.setGkeCluster(values.text(json, block, name));
                case "cluster_location" -> details.setGkeClusterLocation(values.text(json, block, name));
                default -> json.skipChildren();
            }
        }
    }

    private void gkePod(JsonParser json, String block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "pod_name" -> details.setGkePod(values.text(json, block, name));
                case "pod_namespace" -> details.setGkeNamespace(values.text(json, block, name));
                case "pod_workload" -> {
                    if (values.object(json, block, name)) {
                        gkeWorkload(json, block + ".pod_workload", details);
                    }
                }
                default -> json.skipChildren();
            }
        }
    }

    private void gkeWorkload(JsonParser json, String block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "workload_name" -> details.setGkeWorkload(values.text(json, block, name));
                case "workload_type" -> details.setGkeWorkloadType(values.text(json, block, name));
                default -> json.skipChildren();
            }
        }
    }

    /** The service names in record order, comma-separated (a pod can back several services). */
    private void gkeServices(JsonParser json, String block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        StringBuilder names = new StringBuilder();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (!values.object(json, block, "[]")) {
                continue;
            }
            String name;
            while ((name = json.nextFieldName()) != null) {
                json.nextToken();
                if (name.equals("service_name")) {
                    String service = values.text(json, block, name);
                    if (!service.isEmpty()) {
                        names.append(names.isEmpty() ? "" : ",").append(service);
                    }
                } else {
                    json.skipChildren();
                }
            }
        }
        details.setGkeService(names.toString());
    }
}
