package io.flowhound.adapters.aws;

import io.flowhound.adapters.FlowFormats.FormatRecognizer;

import java.util.regex.Pattern;

/**
 * Claims AWS VPC flow log text objects: by the S3 key layout AWS writes
 * ({@code AWSLogs/<account>/vpcflowlogs/...} or its Hive form {@code aws-service=vpcflowlogs},
 * formats.md 1.5), or by a first line that is a header of AWS field names, or a record whose
 * field count matches one of AWS's default layouts.
 */
public final class AwsVpcFormatRecognizer implements FormatRecognizer {

    private static final Pattern AWS_KEY = Pattern.compile(".*(/vpcflowlogs/|aws-service=vpcflowlogs/|_vpcflowlogs_).*");
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

    @Override
    public String format() {
        return AwsVpcTextParser.FORMAT;
    }

    @Override
    public boolean recognizes(String key, byte[] head) {
        if (startsWith(head, PARQUET_MAGIC)) {
            return false;
        }
        if (AWS_KEY.matcher(key).matches()) {
            return true;
        }
        String[] tokens = SPACES.split(FormatRecognizer.firstLine(head).strip());
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            return false;
        }
        boolean header = AwsVpcField.byName(tokens[0]) != null;
        boolean defaultLayoutRecord = Character.isDigit(tokens[0].charAt(0))
                && AwsVpcLayout.defaultForFieldCount(tokens.length) != null;
        return header || defaultLayoutRecord;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
