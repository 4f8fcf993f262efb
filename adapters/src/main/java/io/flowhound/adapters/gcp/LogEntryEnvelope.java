package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.flowhound.proto.Flow;
import java.io.IOException;

/**
 * The Cloud Logging {@code LogEntry} around a record (formats.md 2.1): what the parsers keep of
 * it, read from one line, with the {@code jsonPayload} handed to the format's
 * {@link PayloadDecoder} as the parser meets it. Keys may come in any order (sinks write them
 * alphabetically, so {@code jsonPayload} comes before {@code resource} and {@code timestamp});
 * decoders therefore use the envelope only in {@link PayloadDecoder#complete}. Reused from line
 * to line.
 */
final class LogEntryEnvelope {

    private static final String BLOCK = "LogEntry";
    private static final String RESOURCE = "resource";
    private static final String LABELS = "resource.labels";

    String insertId;
    String logName;
    /** The entry's timestamp in epoch ms, or {@link Rfc3339Time#INVALID} when absent. */
    long timestampMs;
    String resourceType;
    String resourceProjectId;
    String resourceSubnetworkName;
    boolean hasPayload;

    private final JsonValueReader values;

    LogEntryEnvelope(JsonValueReader values) {
        this.values = values;
    }

    /**
     * Reads one LogEntry object, the parser on its {@code START_OBJECT}, up to its
     * {@code END_OBJECT}.
     */
    void read(JsonParser json, PayloadDecoder payload, Flow.Builder flow) throws IOException, BadRecordException {
        insertId = "";
        logName = "";
        timestampMs = Rfc3339Time.INVALID;
        resourceType = "";
        resourceProjectId = "";
        resourceSubnetworkName = "";
        hasPayload = false;
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "jsonPayload" -> {
                    if (values.object(json, BLOCK, name)) {
                        hasPayload = true;
                        payload.payload(json, flow);
                    }
                }
                // Unique per entry: caching it would only evict values that do repeat.
                case "insertId" -> insertId = values.uniqueText(json, BLOCK, name);
                case "logName" -> logName = values.text(json, BLOCK, name);
                case "timestamp" -> timestampMs = values.epochMillis(json, BLOCK, name);
                case "resource" -> {
                    if (values.object(json, BLOCK, name)) {
                        resource(json);
                    }
                }
                default -> json.skipChildren();  // receiveTimestamp, labels, severity, ...
            }
        }
    }

    /**
     * The project the entry's log belongs to: {@code resource.labels.project_id}
     * ({@code gce_subnetwork}), else the project named in {@code logName}
     * ({@code projects/<PROJECT>/logs/...}; the {@code vpc_flow_logs_config} resource names only
     * a project number), else empty.
     */
    String project() {
        if (!resourceProjectId.isEmpty()) {
            return resourceProjectId;
        }
        if (logName.startsWith("projects/")) {
            int end = logName.indexOf('/', "projects/".length());
            return end > 0 ? logName.substring("projects/".length(), end) : "";
        }
        return "";
    }

    private void resource(JsonParser json) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            if (name.equals("type")) {
                resourceType = values.text(json, RESOURCE, name);
            } else if (name.equals("labels") && json.currentToken() == JsonToken.START_OBJECT) {
                labels(json);
            } else {
                json.skipChildren();
            }
        }
    }

    private void labels(JsonParser json) throws IOException, BadRecordException {
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "project_id" -> resourceProjectId = values.text(json, LABELS, name);
                case "subnetwork_name" -> resourceSubnetworkName = values.text(json, LABELS, name);
                default -> json.skipChildren();
            }
        }
    }
}
