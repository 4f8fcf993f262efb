package io.flowhound.adapters.azure;

import io.flowhound.adapters.FlowFormats.FormatRecognizer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Claims Azure flow log documents, NSG or VNet, by the blob name Azure writes or by content.
 * <ul>
 *   <li>Key: the container name ({@code insights-logs-networksecuritygroupflowevent},
 *       {@code insights-logs-flowlogflowevent}) or the blob name's layout:
 *       {@code resourceId=/SUBSCRIPTIONS/…/NETWORKSECURITYGROUPS/<NSG>/…/PT1H.json} (NSG,
 *       formats.md 4.1) or {@code flowLogResourceID=/…/PT1H.json} (VNet, formats.md 5.1).</li>
 *   <li>Content: a document starting {@code {"records":[} whose first record has
 *       {@code "flowRecords"} or {@code "flowLogVersion"} (VNet) or {@code "properties"} with
 *       {@code NETWORKSECURITYGROUPS} in the resource id or the category
 *       {@code NetworkSecurityGroupFlowEvent} (NSG).</li>
 * </ul>
 */
public final class AzureFormatRecognizer implements FormatRecognizer {

    private static final Pattern NSG_KEY = Pattern.compile(
            "(^|.*/)(insights-logs-networksecuritygroupflowevent/.*"
                    + "|resourceid=/subscriptions/[^/]+/resourcegroups/[^/]+/providers/microsoft\\.network/"
                    + "networksecuritygroups/.*pt1h\\.json)");
    private static final Pattern VNET_KEY = Pattern.compile(
            "(^|.*/)(insights-logs-flowlogflowevent/.*|flowlogresourceid=/.*pt1h\\.json)");
    private static final Pattern RECORDS_START = Pattern.compile("^\\uFEFF?\\s*\\{\\s*\"records\"\\s*:\\s*\\[\\s*\\{.*",
            Pattern.DOTALL);

    private final String format;
    private final Pattern key;

    private AzureFormatRecognizer(String format, Pattern key) {
        this.format = format;
        this.key = key;
    }

    /** The recognizer for NSG flow logs ({@value AzureNsgParser#FORMAT}). */
    public static AzureFormatRecognizer nsg() {
        return new AzureFormatRecognizer(AzureNsgParser.FORMAT, NSG_KEY);
    }

    /** The recognizer for VNet flow logs ({@value AzureVnetParser#FORMAT}). */
    public static AzureFormatRecognizer vnet() {
        return new AzureFormatRecognizer(AzureVnetParser.FORMAT, VNET_KEY);
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public boolean recognizes(String objectKey, byte[] head) {
        if (key.matcher(objectKey.toLowerCase(Locale.ROOT)).matches()) {
            return true;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (!RECORDS_START.matcher(text).matches()) {
            return false;
        }
        boolean vnet = text.contains("\"flowRecords\"") || text.contains("\"flowLogVersion\"");
        if (format.equals(AzureVnetParser.FORMAT)) {
            return vnet;
        }
        return !vnet && text.contains("\"properties\"")
                && (text.contains("NetworkSecurityGroupFlowEvent")
                || text.toUpperCase(Locale.ROOT).contains("/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/"));
    }
}
