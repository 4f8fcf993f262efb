package io.flowhound.adapters.aws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ordered field list of one flow log: its header line, or its configured LogFormat for
 * headerless deliveries (CloudWatch Logs, Firehose; formats.md 1.7). Immutable.
 *
 * <p>Names AWS does not define (as far as {@link AwsVpcField} knows) are kept, so their values
 * can be passed through in {@code Flow.extra} rather than dropped (formats.md 1.9 item 11).
 */
public final class AwsVpcLayout {

    /**
     * AWS's default formats by field count, for headerless records without a configured
     * LogFormat: "all fields" in catalogue order up to a version (formats.md 1.2: 14 = v2
     * default, 21 = +v3, 25 = +v4, 29 = +v5, 39 = +v7 ECS, 40 = +v8 reject-reason), and the
     * Transit Gateway default (36 fields, version first; the order of the beats processor's v6
     * format, which is the TGW default without {@code version}).
     */
    private static final Map<Integer, AwsVpcLayout> DEFAULTS = new TreeMap<>();

    static {
        for (int version : new int[] {2, 3, 4, 5, 7, 8}) {
            List<String> names = new ArrayList<>();
            for (AwsVpcField field : AwsVpcField.values()) {
                if (!field.transitGatewayOnly() && field.version() <= version) {
                    names.add(field.fieldName());
                }
            }
            DEFAULTS.put(names.size(), of(names));
        }
        AwsVpcLayout transitGateway = parse("version resource-type account-id tgw-id tgw-attachment-id"
                + " tgw-src-vpc-account-id tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id"
                + " tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id"
                + " tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end"
                + " log-status type packets-lost-no-route packets-lost-blackhole packets-lost-mtu-exceeded"
                + " packets-lost-ttl-expired tcp-flags region flow-direction pkt-src-aws-service pkt-dst-aws-service");
        DEFAULTS.put(transitGateway.size(), transitGateway);
    }

    private final String[] names;
    private final AwsVpcField[] fields;
    private final String text;
    private final boolean defaultVersion2;

    private AwsVpcLayout(String[] names) {
        this.names = names;
        this.fields = new AwsVpcField[names.length];
        for (int i = 0; i < names.length; i++) {
            fields[i] = AwsVpcField.byName(names[i]);
        }
        this.text = String.join(" ", names);
        this.defaultVersion2 = isDefaultVersion2(fields);
    }

    /** AWS's default format is the first 14 fields of the catalogue, version to log-status. */
    private static boolean isDefaultVersion2(AwsVpcField[] fields) {
        if (fields.length != AwsVpcField.LOG_STATUS.ordinal() + 1) {
            return false;
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null || fields[i].ordinal() != i) {
                return false;
            }
        }
        return true;
    }

    /** A layout from field names in order, e.g. the fields of a flow log's LogFormat. */
    public static AwsVpcLayout of(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an AWS flow log layout needs at least one field");
        }
        for (String name : names) {
            if (name.isBlank() || name.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("not an AWS flow log field name: '" + name + "'");
            }
        }
        return new AwsVpcLayout(names.toArray(new String[0]));
    }

    /**
     * A layout from a header line ({@code version account-id ...}) or an EC2 LogFormat string
     * ({@code ${version} ${account-id} ...}); runs of spaces separate names.
     */
    public static AwsVpcLayout parse(String text) {
        List<String> names = new ArrayList<>();
        for (String token : text.trim().split(" +")) {
            if (token.startsWith("${") && token.endsWith("}")) {
                token = token.substring(2, token.length() - 1);
            }
            if (!token.isEmpty()) {
                names.add(token);
            }
        }
        return of(names);
    }

    /** AWS's default layout with exactly {@code fieldCount} fields, or null when there is none. */
    public static AwsVpcLayout defaultForFieldCount(int fieldCount) {
        return DEFAULTS.get(fieldCount);
    }

    /** The field counts {@link #defaultForFieldCount} recognises, for error messages. */
    static String defaultFieldCounts() {
        return DEFAULTS.keySet().toString();
    }

    public int size() {
        return names.length;
    }

    /** The names joined by single spaces: the normalized header text. */
    public String text() {
        return text;
    }

    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /** True for AWS's default format (version 2, 14 fields in their default order), by far the most common. */
    boolean isDefaultVersion2() {
        return defaultVersion2;
    }

    /** The known field at {@code index}, or null when the name is not one AWS defines. */
    AwsVpcField field(int index) {
        return fields[index];
    }

    String name(int index) {
        return names[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AwsVpcLayout layout && Arrays.equals(names, layout.names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return text;
    }
}
