package io.flowhound.adapters.azure;

import java.util.Locale;

/**
 * Writes a NIC MAC address the way Azure shows NIC MAC addresses and ECS stores them (the peers
 * do the same): upper-case hex pairs joined by dashes, {@code 00-0D-3A-F8-78-56}. Flow log
 * records write it without separators and in any case ({@code 000D3AF87856}, {@code 0022487bC205},
 * formats.md 4.5 item 12, 5.2).
 */
final class MacAddressFormat {

    private MacAddressFormat() {
    }

    /** The normalised form of 12 hex digits, with or without separators; other text is kept as written. */
    static String normalize(String mac) {
        StringBuilder hex = new StringBuilder(12);
        for (int i = 0; i < mac.length(); i++) {
            char c = mac.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                hex.append(Character.toUpperCase(c));
            } else if (c != '-' && c != ':') {
                return mac;
            }
        }
        if (hex.length() != 12) {
            return mac;
        }
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append('-');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
