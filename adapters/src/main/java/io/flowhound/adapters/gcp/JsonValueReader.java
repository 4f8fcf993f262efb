package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import io.flowhound.adapters.AddressCache;
import java.io.IOException;

/**
 * Reads the JSON value at the parser's current token as the type a LogEntry field has, from the
 * parser's character buffer and without allocating for values seen before. Lenient where GCP
 * and hand-made fixtures disagree (formats.md 2.5 item 2): integers are accepted as JSON numbers
 * or as strings of digits, and a protocol also by its name ({@code "udp"} in the beats firewall
 * fixture {@code rare.log}). A JSON {@code null} is an absent value. Anything else of the wrong
 * type is a {@link BadRecordException} naming the field, so the record goes to the dead-letter
 * file rather than being half read.
 *
 * <p>Field names in messages are passed as a block and a field and joined only on error, so
 * the hot path builds no strings.
 */
final class JsonValueReader {

    /** Returned by the integer readers for an absent ({@code null}) value. */
    static final long ABSENT = -1;

    /** The line being read, set by {@link LogEntryLines} for each line. */
    final RawLine line = new RawLine();
    private final TextCache texts = new TextCache(4096);
    private final AddressCache addresses = new AddressCache(4096);
    private final byte[] ascii = new byte[64];

    /** A string value, or empty for JSON null (proto3 strings are empty when absent). */
    String text(JsonParser json, String block, String field) throws IOException, BadRecordException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return texts.get(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
        }
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        throw wrongType(json, block, field, "a string");
    }

    /** A string value that is not worth caching (unique ids), or empty for JSON null. */
    String uniqueText(JsonParser json, String block, String field) throws IOException, BadRecordException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return json.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        throw wrongType(json, block, field, "a string");
    }

    /** Whether the value is an object to descend into; false for JSON null. */
    boolean object(JsonParser json, String block, String field) throws BadRecordException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw wrongType(json, block, field, "an object");
    }

    /** Whether the value is an array to descend into; false for JSON null. */
    boolean array(JsonParser json, String block, String field) throws BadRecordException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.START_ARRAY) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw wrongType(json, block, field, "an array");
    }

    /**
     * A non-negative integer up to {@code max}, written as a JSON number or as a string of
     * digits (GCP writes int64 values as strings: bytes_sent, packets_sent, rtt_msec).
     *
     * @return the value, or {@link #ABSENT} for JSON null
     */
    long unsigned(JsonParser json, String block, String field, long max) throws IOException, BadRecordException {
        JsonToken token = json.currentToken();
        long value;
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw outOfRange(json, block, field, max);
            }
            value = json.getLongValue();
        } else if (token == JsonToken.VALUE_STRING) {
            value = digits(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
            if (value == -2) {
                throw wrongType(json, block, field, "an integer");
            }
        } else if (token == JsonToken.VALUE_NULL) {
            return ABSENT;
        } else {
            throw wrongType(json, block, field, "an integer");
        }
        if (value < 0 || value > max) {
            throw outOfRange(json, block, field, max);
        }
        return value;
    }

    /** A signed 32-bit integer as a JSON number or a string (firewall rule priority). */
    Integer signed32(JsonParser json, String block, String field) throws IOException, BadRecordException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        String text = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING ? json.getText() : null;
        try {
            if (text != null) {
                return Integer.valueOf(text);
            }
        } catch (NumberFormatException e) {
            // reported below with the field's name
        }
        throw wrongType(json, block, field, "a 32-bit integer");
    }

    /**
     * An IANA protocol number (0 to 255) as a number, a string of digits or a protocol name.
     *
     * @return the number, or {@link #ABSENT} for JSON null
     */
    long protocol(JsonParser json, String block, String field) throws IOException, BadRecordException {
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            char[] chars = json.getTextCharacters();
            int from = json.getTextOffset();
            int length = json.getTextLength();
            if (length > 0 && (chars[from] < '0' || chars[from] > '9')) {
                int number = IpProtocolNames.number(chars, from, length);
                if (number < 0) {
                    throw new BadRecordException(block + "." + field + ": unknown protocol name \""
                            + new String(chars, from, length) + "\"");
                }
                return number;
            }
        }
        return unsigned(json, block, field, 255);
    }

    /** An RFC 3339 timestamp as epoch milliseconds, or {@link Rfc3339Time#INVALID} for JSON null. */
    long epochMillis(JsonParser json, String block, String field) throws IOException, BadRecordException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return Rfc3339Time.INVALID;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw wrongType(json, block, field, "an RFC 3339 timestamp string");
        }
        long millis = Rfc3339Time.epochMillis(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
        if (millis == Rfc3339Time.INVALID) {
            throw new BadRecordException(block + "." + field + ": \"" + json.getText() + "\" is not an RFC 3339 timestamp");
        }
        return millis;
    }

    /** An IPv4 or IPv6 address in text, as network-order bytes; null for JSON null. */
    ByteString address(JsonParser json, String block, String field) throws IOException, BadRecordException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw wrongType(json, block, field, "an IP address string");
        }
        char[] chars = json.getTextCharacters();
        int from = json.getTextOffset();
        int length = json.getTextLength();
        ByteString address = null;
        if (length <= ascii.length) {
            for (int i = 0; i < length; i++) {
                ascii[i] = (byte) chars[from + i];  // a non-ASCII char cannot survive this and still parse
            }
            address = addresses.get(ascii, 0, length);
        }
        if (address == null) {
            throw new BadRecordException(block + "." + field + ": \"" + json.getText() + "\" is not an IP address");
        }
        return address;
    }

    /** Digits as a value; -2 when the text is not a plain non-negative decimal, -1 past a long. */
    private static long digits(char[] chars, int from, int length) {
        if (length == 0 || length > 19) {
            return length > 19 && allDigits(chars, from, length) ? -1 : -2;
        }
        long value = 0;
        for (int i = from; i < from + length; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9) {
                return -2;
            }
            value = value * 10 + digit;
        }
        return value;  // 19 digits may wrap negative: the caller reports it out of range
    }

    private static boolean allDigits(char[] chars, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (chars[i] < '0' || chars[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static BadRecordException wrongType(JsonParser json, String block, String field, String expected) {
        JsonToken token = json.currentToken();
        String got;
        try {
            got = token == JsonToken.START_OBJECT ? "an object" : token == JsonToken.START_ARRAY ? "an array"
                    : token == JsonToken.VALUE_STRING ? "\"" + json.getText() + "\"" : json.getText();
        } catch (IOException e) {
            got = String.valueOf(token);
        }
        return new BadRecordException(block + "." + field + ": expected " + expected + ", got " + got);
    }

    private static BadRecordException outOfRange(JsonParser json, String block, String field, long max) {
        String text;
        try {
            text = json.getText();
        } catch (IOException e) {
            text = "?";
        }
        return new BadRecordException(block + "." + field + ": " + text + " is out of range (0 to " + max + ")");
    }
}
