package io.flowhound.adapters;

import java.util.List;

/**
 * Per-source settings that parsers may need.
 *
 * @param awsLogFormat AWS field names in the flow log's configured order, for objects without a
 *                     header line (CloudWatch or Firehose exports); empty to rely on the header
 */
public record FormatOptions(List<String> awsLogFormat) {

    public static final FormatOptions NONE = new FormatOptions(List.of());

    public FormatOptions {
        awsLogFormat = List.copyOf(awsLogFormat);
    }
}
