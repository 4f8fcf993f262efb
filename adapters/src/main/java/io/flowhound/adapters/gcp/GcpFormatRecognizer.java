package io.flowhound.adapters.gcp;

import io.flowhound.adapters.FlowFormats.FormatRecognizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claims Cloud Logging sink objects of one GCP log: by the Cloud Storage key layout
 * ({@code <LOG_ID>/YYYY/MM/DD/HH:MM:SS_HH:MM:SS_S<n>.json}, the log id decoded into folders,
 * formats.md 2.3), or by the {@code logName} of the first entry
 * ({@code projects/<PROJECT>/logs/<LOG_ID>}, the log id URL-encoded, formats.md 2.1).
 */
public final class GcpFormatRecognizer implements FormatRecognizer {

    /** {@code compute.googleapis.com/vpc_flows} and {@code networkmanagement.googleapis.com/vpc_flows}. */
    public static final GcpFormatRecognizer VPC_FLOW = new GcpFormatRecognizer(GcpVpcFlowParser.FORMAT,
            List.of("compute.googleapis.com/vpc_flows", "networkmanagement.googleapis.com/vpc_flows"));

    /** {@code compute.googleapis.com/firewall}. */
    public static final GcpFormatRecognizer FIREWALL = new GcpFormatRecognizer(GcpFirewallParser.FORMAT,
            List.of("compute.googleapis.com/firewall"));

    private static final Pattern LOG_NAME = Pattern.compile("\"logName\"\\s*:\\s*\"projects/[^/\"]+/logs/([^\"]+)\"");

    private final String format;
    private final List<String> logIds;

    private GcpFormatRecognizer(String format, List<String> logIds) {
        this.format = format;
        this.logIds = logIds;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public boolean recognizes(String key, byte[] head) {
        String path = "/" + key;
        for (String logId : logIds) {
            if (path.contains("/" + logId + "/")) {
                return true;
            }
        }
        Matcher logName = LOG_NAME.matcher(FormatRecognizer.firstLine(head));
        return logName.find() && logIds.contains(logName.group(1).replace("%2F", "/").replace("%2f", "/"));
    }
}
