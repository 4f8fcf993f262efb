package io.flowhound.adapters.azure;

import com.google.protobuf.ByteString;
import io.flowhound.adapters.AddressCache;
import io.flowhound.proto.Direction;
import io.flowhound.proto.Flow;
import java.nio.charset.StandardCharsets;

/**
 * One Azure flow tuple, the comma-separated string of formats.md 4.3 and 5.2, split into field
 * spans straight from the record's bytes (no String per field), with the decoders the NSG and
 * VNet layouts share. Decoders return null when the field is good, else a sentence naming the
 * field and its value.
 */
final class FlowTupleFields {

    /** More fields than any layout has; only this many are split, but all are counted. */
    static final int MAX_FIELDS = 16;

    /** Epoch values below this are seconds, above milliseconds (formats.md 5.4 item 1): 1e11 s is the year 5138, 1e11 ms 1973. */
    private static final long SECONDS_BELOW = 100_000_000_000L;

    final int[] starts = new int[MAX_FIELDS];
    final int[] ends = new int[MAX_FIELDS];
    /** How many fields the tuple has; only the first {@link #MAX_FIELDS} have spans. */
    int count;
    /** Index of the first byte that cannot be in a tuple (control, non-ASCII or replaced), or -1. */
    int badByte;
    byte[] bytes;
    int start;
    int end;

    private final AddressCache addresses = new AddressCache(4096);
    private byte[] scratch = new byte[256];

    /**
     * Splits the JSON string whose contents start at {@code bytes[from]}, up to its closing quote.
     *
     * @return false when the string holds an escape ({@code \}); split its decoded text with
     *         {@link #splitText} instead
     */
    boolean split(byte[] bytes, int from, int limit) {
        this.bytes = bytes;
        this.start = from;
        badByte = -1;
        int n = 0;
        starts[0] = from;
        int i = from;
        for (; i < limit; i++) {
            byte b = bytes[i];
            if (b == '"') {
                break;
            }
            if (b == ',') {
                if (++n < MAX_FIELDS) {
                    ends[n - 1] = i;
                    starts[n] = i + 1;
                }
            } else if (b == '\\') {
                return false;
            } else if ((b < 0x20 || b == RecordsDocumentReader.REPLACEMENT) && badByte < 0) {
                // Signed bytes: everything from 0x80 up is negative, so non-ASCII lands here too.
                badByte = i;
            }
        }
        end = i;
        count = n + 1;
        if (n < MAX_FIELDS) {
            ends[n] = i;
        }
        return true;
    }

    /** Splits a tuple whose JSON string had escapes, from its decoded text. */
    void splitText(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        if (scratch.length < encoded.length + 1) {
            scratch = new byte[encoded.length * 2 + 1];
        }
        System.arraycopy(encoded, 0, scratch, 0, encoded.length);
        scratch[encoded.length] = '"';
        split(scratch, 0, encoded.length + 1);
    }

    /** The whole tuple, for error reports. */
    String text() {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    String text(int field) {
        return new String(bytes, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    boolean isEmpty(int field) {
        return starts[field] == ends[field];
    }

    /** The field's only character, or 0 when it is not exactly one character. */
    int letter(int field) {
        return ends[field] - starts[field] == 1 ? bytes[starts[field]] : 0;
    }

    /** Whether the field is exactly {@code text} (ASCII). */
    boolean is(int field, byte[] text) {
        int from = starts[field];
        if (ends[field] - from != text.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (bytes[from + i] != text[i]) {
                return false;
            }
        }
        return true;
    }

    /** The field's unsigned decimal value, or -1 when it is empty, not digits or longer than 18 digits. */
    long number(int field) {
        int from = starts[field];
        int to = ends[field];
        if (from == to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Epoch seconds or milliseconds (by magnitude) into start_ms and end_ms: a tuple is one instant. */
    String time(int field, Flow.Builder flow) {
        long value = number(field);
        if (value < 0) {
            return "timestamp " + quoted(field) + " is not a Unix time";
        }
        long millis = value < SECONDS_BELOW ? value * 1000 : value;
        flow.setStartMs(millis).setEndMs(millis);
        return null;
    }

    String addresses(int srcField, int dstField, Flow.Builder flow) {
        ByteString src = addresses.get(bytes, starts[srcField], ends[srcField]);
        if (src == null) {
            return "source IP " + quoted(srcField) + " is not an IPv4 or IPv6 address";
        }
        ByteString dst = addresses.get(bytes, starts[dstField], ends[dstField]);
        if (dst == null) {
            return "destination IP " + quoted(dstField) + " is not an IPv4 or IPv6 address";
        }
        flow.setSrcAddr(src).setDstAddr(dst);
        return null;
    }

    /** Ports; an empty port is left absent (VNet ICMP tuples may have none). */
    String ports(int srcField, int dstField, Flow.Builder flow) {
        if (!isEmpty(srcField)) {
            long port = number(srcField);
            if (port < 0 || port > 65535) {
                return "source port " + quoted(srcField) + " is not a port number";
            }
            flow.setSrcPort((int) port);
        }
        if (!isEmpty(dstField)) {
            long port = number(dstField);
            if (port < 0 || port > 65535) {
                return "destination port " + quoted(dstField) + " is not a port number";
            }
            flow.setDstPort((int) port);
        }
        return null;
    }

    String direction(int field, Flow.Builder flow) {
        switch (letter(field)) {
            case 'I' -> flow.setDirection(Direction.INGRESS);
            case 'O' -> flow.setDirection(Direction.EGRESS);
            default -> {
                return "traffic flow " + quoted(field) + " is not I or O";
            }
        }
        return null;
    }

    /**
     * The four counters from {@code first}: packets and bytes source to destination, then
     * destination to source (formats.md 4.3 fields 10-13, 5.2 fields 10-13). Empty counters (NSG
     * v2 B tuples, the VNet doc example) stay absent; 0 is kept as 0.
     */
    String counters(int first, Flow.Builder flow) {
        for (int k = 0; k < 4; k++) {
            int field = first + k;
            if (isEmpty(field)) {
                continue;
            }
            long value = number(field);
            if (value < 0) {
                return COUNTER_NAMES[k] + " " + quoted(field) + " is not a count";
            }
            switch (k) {
                case 0 -> flow.setPackets(value);
                case 1 -> flow.setBytes(value);
                case 2 -> flow.setPacketsReverse(value);
                default -> flow.setBytesReverse(value);
            }
        }
        return null;
    }

    private static final String[] COUNTER_NAMES = {
            "packets source to destination", "bytes source to destination",
            "packets destination to source", "bytes destination to source"};

    String quoted(int field) {
        return "\"" + text(field) + "\"";
    }
}
