package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.flowhound.adapters.gcp.EndpointBlocks.Kind;
import io.flowhound.proto.Direction;
import io.flowhound.proto.EndpointDetails;
import io.flowhound.proto.Flow;
import io.flowhound.proto.GcpDetails;
import io.flowhound.proto.Reporter;
import java.io.IOException;

/**
 * The {@code jsonPayload} of a VPC flow log entry (formats.md 2.2) into a {@link Flow}:
 * connection, {@code bytes_sent}/{@code packets_sent}/{@code rtt_msec} (int64 as strings),
 * start and end time, reporter, disposition, and the src/dest instance, VPC, location, GKE and
 * Google service blocks into {@code src_details}/{@code dst_details}. Payload keys not listed
 * here are kept in {@code extra} when they are scalars and skipped when they are objects or
 * arrays (newer metadata such as {@code round_trip_time} or gateway details).
 */
final class VpcFlowPayloadDecoder implements PayloadDecoder {

    private static final int SRC = EndpointBlocks.SRC;
    private static final int DST = EndpointBlocks.DST;

    private static final String BLOCK = "jsonPayload";
    private static final long MAX_COUNTER = Long.MAX_VALUE;

    private final JsonValueReader values;
    private final IpConnection connection;
    private final EndpointBlocks blocks;
    private final ReportingEndpoint reporting = new ReportingEndpoint();
    // A fresh builder per entry: building from a cleared, reused builder costs more (see
    // AwsVpcTextParser.parseRecord).
    private GcpDetails.Builder gcp;
    private Reporter reporter;

    VpcFlowPayloadDecoder(JsonValueReader values) {
        this.values = values;
        this.connection = new IpConnection(values);
        this.blocks = new EndpointBlocks(values.line, new EndpointDetailsReader(values));
    }

    @Override
    public void begin() {
        connection.begin();
        blocks.begin();
        gcp = GcpDetails.newBuilder();
        reporter = Reporter.REPORTER_UNSPECIFIED;
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
                case "reporter" -> reporter = reporter(values.text(json, BLOCK, name));
                case "bytes_sent" -> {
                    long bytes = values.unsigned(json, BLOCK, name, MAX_COUNTER);
                    if (bytes != JsonValueReader.ABSENT) {
                        flow.setBytes(bytes);
                    }
                }
                case "packets_sent" -> {
                    long packets = values.unsigned(json, BLOCK, name, MAX_COUNTER);
                    if (packets != JsonValueReader.ABSENT) {
                        flow.setPackets(packets);
                    }
                }
                case "rtt_msec" -> {
                    long rtt = values.unsigned(json, BLOCK, name, MAX_COUNTER);
                    if (rtt != JsonValueReader.ABSENT) {
                        flow.setRttMs(rtt);
                    }
                }
                case "start_time" -> {
                    long start = values.epochMillis(json, BLOCK, name);
                    if (start != Rfc3339Time.INVALID) {
                        flow.setStartMs(start);
                    }
                }
                case "end_time" -> {
                    long end = values.epochMillis(json, BLOCK, name);
                    if (end != Rfc3339Time.INVALID) {
                        flow.setEndMs(end);
                    }
                }
                case "disposition" -> {
                    String disposition = values.text(json, BLOCK, name);
                    gcp.setDisposition(disposition);
                    flow.setAction(Disposition.action(disposition));
                }
                case "src_instance" -> block(json, name, "jsonPayload.src_instance", SRC, Kind.INSTANCE);
                case "dest_instance" -> block(json, name, "jsonPayload.dest_instance", DST, Kind.INSTANCE);
                case "src_vpc" -> block(json, name, "jsonPayload.src_vpc", SRC, Kind.VPC);
                case "dest_vpc" -> block(json, name, "jsonPayload.dest_vpc", DST, Kind.VPC);
                case "src_location" -> block(json, name, "jsonPayload.src_location", SRC, Kind.LOCATION);
                case "dest_location" -> block(json, name, "jsonPayload.dest_location", DST, Kind.LOCATION);
                case "src_gke_details" -> block(json, name, "jsonPayload.src_gke_details", SRC, Kind.GKE);
                case "dest_gke_details" -> block(json, name, "jsonPayload.dest_gke_details", DST, Kind.GKE);
                case "src_google_service" -> block(json, name, "jsonPayload.src_google_service", SRC, Kind.GOOGLE_SERVICE);
                case "dest_google_service" -> block(json, name, "jsonPayload.dest_google_service", DST, Kind.GOOGLE_SERVICE);
                case "network_service" -> {
                    if (values.object(json, BLOCK, name)) {
                        networkService(json);
                    }
                }
                case "internet_routing_details" -> {
                    if (values.object(json, BLOCK, name)) {
                        internetRouting(json);
                    }
                }
                default -> {
                    if (token.isScalarValue()) {
                        flow.putExtra(name, json.getText());
                    } else {
                        json.skipChildren();
                    }
                }
            }
        }
    }

    /**
     * Direction is relative to the reporting VM, as for AWS's flow-direction: a SRC report is
     * traffic leaving the VM that wrote it (EGRESS), a DEST report traffic arriving at it
     * (INGRESS). Gateway reports (Interconnect, Cloud VPN) are left UNSPECIFIED: no VM wrote
     * them and the gateway's side is not one of ours.
     */
    @Override
    public void complete(LogEntryEnvelope entry, Flow.Builder flow) throws IOException, BadRecordException {
        EndpointDetails src = blocks.details(SRC);
        EndpointDetails dst = blocks.details(DST);
        connection.apply(flow, gcp);
        EndpointDetails side = null;
        switch (reporter) {
            case SRC -> {
                side = src;
                flow.setDirection(Direction.EGRESS);
            }
            case DEST -> {
                side = dst;
                flow.setDirection(Direction.INGRESS);
            }
            case SRC_GATEWAY -> side = src;
            case DEST_GATEWAY -> side = dst;
            default -> {
            }
        }
        flow.setReporter(reporter);
        reporting.fill(flow, side, entry);
        if (src != null) {
            flow.setSrcDetails(src);
        }
        if (dst != null) {
            flow.setDstDetails(dst);
        }
        gcp.setInsertId(entry.insertId).setLogName(entry.logName);
        if (entry.timestampMs != Rfc3339Time.INVALID) {
            gcp.setEntryTimeMs(entry.timestampMs);
        }
        flow.setGcp(gcp.build());
    }

    @Override
    public BadRecordException firstError() {
        return blocks.firstError();
    }

    /** Notes one endpoint block for {@link EndpointBlocks}; JSON null is no block. */
    private void block(JsonParser json, String name, String path, int side, Kind kind) throws IOException, BadRecordException {
        if (values.object(json, BLOCK, name)) {
            blocks.add(json, side, kind, path);
        }
    }

    private static Reporter reporter(String value) throws BadRecordException {
        return switch (value) {
            case "SRC" -> Reporter.SRC;
            case "DEST" -> Reporter.DEST;
            case "SRC_GATEWAY" -> Reporter.SRC_GATEWAY;
            case "DEST_GATEWAY" -> Reporter.DEST_GATEWAY;
            case "" -> Reporter.REPORTER_UNSPECIFIED;
            default -> throw new BadRecordException(BLOCK + ".reporter: unknown value \"" + value
                    + "\" (expected SRC, DEST, SRC_GATEWAY or DEST_GATEWAY)");
        };
    }

    private void networkService(JsonParser json) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            if (name.equals("dscp")) {
                long dscp = values.unsigned(json, "jsonPayload.network_service", name, 63);
                if (dscp != JsonValueReader.ABSENT) {
                    gcp.setDscp((int) dscp);
                }
            } else {
                json.skipChildren();
            }
        }
    }

    /** {@code egress_as_path[] {as_details[] {asn}}}: the ASNs of the first path, in order. */
    private void internetRouting(JsonParser json) throws IOException, BadRecordException {
        String block = "jsonPayload.internet_routing_details";
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            if (!name.equals("egress_as_path") || !values.array(json, block, name)) {
                json.skipChildren();
                continue;
            }
            boolean first = true;
            while (json.nextToken() != JsonToken.END_ARRAY) {
                if (!first || !values.object(json, block, "egress_as_path[]")) {
                    json.skipChildren();
                    continue;
                }
                first = false;
                asDetails(json, block + ".egress_as_path[]");
            }
        }
    }

    private void asDetails(JsonParser json, String block) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            if (!name.equals("as_details") || !values.array(json, block, name)) {
                json.skipChildren();
                continue;
            }
            while (json.nextToken() != JsonToken.END_ARRAY) {
                if (!values.object(json, block, "as_details[]")) {
                    continue;
                }
                String field;
                while ((field = json.nextFieldName()) != null) {
                    json.nextToken();
                    if (field.equals("asn")) {
                        long asn = values.unsigned(json, block + ".as_details[]", field, 0xFFFF_FFFFL);
                        if (asn != JsonValueReader.ABSENT) {
                            gcp.addEgressAsPath((int) asn);
                        }
                    } else {
                        json.skipChildren();
                    }
                }
            }
        }
    }
}
