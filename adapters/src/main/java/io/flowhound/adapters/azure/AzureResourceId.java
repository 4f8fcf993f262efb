package io.flowhound.adapters.azure;

import java.util.Locale;

/**
 * An Azure Resource Manager id, {@code /subscriptions/<sub>/resourceGroups/<rg>/providers/
 * <namespace>/<type>/<name>[/<child type>/<child name>…]}, taken apart. Azure writes some ids
 * in upper case (NSG {@code resourceId}, VNet {@code flowLogResourceID}) and others in normal
 * casing (VNet {@code targetResourceID}), so segment names are matched case-insensitively and
 * values are kept as written, except the subscription id: a GUID, lower-cased so that flows
 * from both kinds of id join.
 *
 * @param id             the id as written
 * @param subscriptionId the subscription GUID, lower case; empty when the id has none
 * @param resourceGroup  the resource group as written; empty when the id has none
 * @param typesAndNames  after {@code providers/<namespace>}: type, name, child type, child name, …
 */
record AzureResourceId(String id, String subscriptionId, String resourceGroup, String[] typesAndNames) {

    private static final String[] NONE = {};

    static AzureResourceId parse(String id) {
        String[] segments = id.split("/", -1);
        String subscription = "";
        String group = "";
        String[] typesAndNames = NONE;
        for (int i = 0; i + 1 < segments.length; i++) {
            String segment = segments[i];
            if (segment.equalsIgnoreCase("subscriptions")) {
                subscription = segments[++i].toLowerCase(Locale.ROOT);
            } else if (segment.equalsIgnoreCase("resourceGroups")) {
                group = segments[++i];
            } else if (segment.equalsIgnoreCase("providers") && i + 2 < segments.length) {
                int first = i + 2;
                typesAndNames = new String[segments.length - first];
                System.arraycopy(segments, first, typesAndNames, 0, typesAndNames.length);
                break;
            }
        }
        return new AzureResourceId(id, subscription, group, typesAndNames);
    }

    /** The name following the resource type {@code type} (e.g. {@code networkSecurityGroups}); empty when absent. */
    String nameOf(String type) {
        for (int i = 0; i + 1 < typesAndNames.length; i += 2) {
            if (typesAndNames[i].equalsIgnoreCase(type)) {
                return typesAndNames[i + 1];
            }
        }
        return "";
    }

    /** Whether the id names a resource of {@code type} itself (its last type), not one of its children. */
    boolean isA(String type) {
        int length = typesAndNames.length;
        return length >= 2 && length % 2 == 0 && typesAndNames[length - 2].equalsIgnoreCase(type);
    }
}
