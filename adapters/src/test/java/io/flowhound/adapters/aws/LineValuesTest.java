package io.flowhound.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.IpAddressParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineValuesTest {

    private final LineValues values = new LineValues();

    @Test
    void walksValuesSeparatedByRunsOfSpaces() {
        byte[] line = bytes("  2 - eni-1   443 ");
        values.reset(line, 0, line.length);

        assertTrue(values.next());
        assertEquals(2, values.number(10));
        assertTrue(values.next());
        assertTrue(values.absent());
        assertTrue(values.next());
        assertEquals(6, values.start());
        assertEquals(11, values.skip());
        assertTrue(values.next());
        assertEquals(443, values.number(65_535));
        assertFalse(values.next());
    }

    @Test
    void readsNumbersAsTheDecoderAlwaysDid() {
        for (String text : List.of("0", "7", "65535", "65536", "-1", "+1", "1a", "a1", "1.5",
                "9223372036854775807", "9223372036854775808", "99999999999999999999", "0012")) {
            byte[] line = bytes(text + " x");
            values.reset(line, 0, line.length);
            values.next();
            long expected = reference(text, 65_535);
            assertEquals(expected, values.number(65_535), text);
            values.reset(line, 0, text.length());
            values.next();
            assertEquals(expected, values.number(65_535), text + " at the line's end");
            values.reset(line, 0, line.length);
            values.next();
            assertEquals(reference(text, Long.MAX_VALUE), values.number(Long.MAX_VALUE), text);
        }
    }

    @Test
    void agreesWithTheOldNumberRulesOnRandomDigitRuns() {
        Random random = new Random(3);
        byte[] others = bytes(" x-");
        for (int n = 0; n < 300_000; n++) {
            byte[] line = new byte[1 + random.nextInt(24)];
            for (int i = 0; i < line.length; i++) {
                line[i] = random.nextInt(5) > 0 ? (byte) ('0' + random.nextInt(10)) : others[random.nextInt(others.length)];
            }
            if (line[0] == ' ') {
                continue;
            }
            // the line may end before the buffer does, with digits after it that are not its own
            int end = 1 + random.nextInt(line.length);
            int valueEnd = 0;
            while (valueEnd < end && line[valueEnd] != ' ') {
                valueEnd++;
            }
            long max = random.nextBoolean() ? Long.MAX_VALUE : random.nextInt(100_000);
            values.reset(line, 0, end);
            values.next();
            String text = new String(line, 0, valueEnd, StandardCharsets.US_ASCII);
            assertEquals(reference(text, max), values.number(max), text);
        }
    }

    @Test
    void readsIpv4ExactlyAsIpAddressParserDoes() {
        List<String> texts = List.of("10.40.0.1", "255.255.255.255", "0.0.0.0", "1.2.3", "1.2.3.4.5", "1.2.3.256",
                "01.2.3.4", "1.2.3.04", "1.2.3.4a", "1.2.3.", ".1.2.3", "1..2.3", "1234.1.1.1", "1.2.3.1000",
                "2001:db8::1", "::ffff:1.2.3.4", "a.b.c.d", "-", "1.2.3.4:80");
        for (String text : texts) {
            long expected = IpAddressParser.parseIpv4(bytes(text), 0, text.length());
            for (String after : List.of(" 443", "", "5", "\n9")) {
                byte[] line = bytes(text + after);
                // the value ends at the space, or where the line ends even if the buffer goes on
                int end = after.startsWith(" ") ? line.length : text.length();
                values.reset(line, 0, end);
                values.next();
                assertEquals(expected, values.ipv4(), text + "|" + after);
                if (expected >= 0) {
                    assertEquals(text.length(), values.skip() == text.length() ? text.length() : -1);
                }
            }
        }
    }

    @Test
    void agreesWithIpAddressParserOnRandomAddressText() {
        Random random = new Random(11);
        byte[] alphabet = bytes("0123456789..  ");
        for (int n = 0; n < 200_000; n++) {
            byte[] line = new byte[1 + random.nextInt(18)];
            for (int i = 0; i < line.length; i++) {
                line[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (line[0] == ' ') {
                continue;
            }
            int end = random.nextInt(line.length) + 1;
            int valueEnd = 0;
            while (valueEnd < end && line[valueEnd] != ' ') {
                valueEnd++;
            }
            values.reset(line, 0, end);
            values.next();
            assertEquals(IpAddressParser.parseIpv4(line, 0, valueEnd), values.ipv4(),
                    Arrays.toString(Arrays.copyOf(line, end)));
        }
    }

    /** The number rules of the decoder before it read values in one pass. */
    private static long reference(String text, long max) {
        if (text.isEmpty() || text.length() > 19) {
            return -1;
        }
        long value = 0;
        for (char c : text.toCharArray()) {
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max && value >= 0 ? value : -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
