package io.flowhound.adapters.gcp;

import io.flowhound.proto.Action;

/**
 * Maps GCP verdict words to {@link Action}. {@code disposition} is {@code ALLOWED} or
 * {@code DENIED} for VPC firewall rules, firewall policies add {@code INTERCEPTED} (formats.md 3),
 * and the newest VPC flow log revision adds {@code DROPPED} (formats.md 2.2, allow/deny).
 * {@code rule_details.action} is documented as ALLOWED/DENIED but real VPC-rule records say
 * {@code ALLOW}/{@code DENY}; both are read. {@code INTERCEPTED} (handed to a security profile
 * for inspection) and {@code APPLY_SECURITY_PROFILE_GROUP} decide nothing yet, so they, like any
 * word not listed, give {@link Action#ACTION_UNSPECIFIED}; the word itself is kept in
 * {@code GcpDetails}.
 */
final class Disposition {

    private Disposition() {
    }

    static Action action(String word) {
        return switch (word) {
            case "ALLOWED", "ALLOW" -> Action.ACCEPT;
            case "DENIED", "DENY", "DROPPED" -> Action.REJECT;
            default -> Action.ACTION_UNSPECIFIED;
        };
    }
}
