package io.flowhound.adapters.aws;

import static io.flowhound.adapters.CollectingConsumer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowhound.adapters.CollectingConsumer;
import io.flowhound.adapters.ParseError;
import io.flowhound.proto.Flow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records of AWS's default format take a straight-line decoder; the same records with two
 * columns swapped (header and values) take the general one. Both must give the same flows and
 * the same errors, over generated fleet traffic (NODATA rows, IPv6) and over odd lines.
 */
class AwsVpcDefaultFormatPathTest {

    @Test
    void defaultFormatPathAgreesWithTheGeneralDecoderOnFleetTraffic() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AwsVpcSampleWriter(7).writeFleetRecords(out, 20_000, 1714730400L);
        String text = out.toString(StandardCharsets.UTF_8);

        assertSameResults(text, 20_000);
    }

    @Test
    void defaultFormatPathAgreesOnOddLines() {
        String header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n";
        String text = header + String.join("\n", List.of(
                "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK",
                "2  123456789010   eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 REJECT OK  ",
                "2 123456789010 eni-1 - - - - - - - 1418530010 1418530070 - NODATA",
                "2 123456789010 eni-1 10.0.0.1 2001:db8::1 1 2 6 1 1 1 2 ACCEPT OK",
                "2 123456789010 eni-1 10.0.0.01 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK",
                "2 123456789010 eni-1 10.0.0.1 10.0.0.2 65536 2 6 1 1 1 2 ACCEPT OK",
                "2 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPTED OK",
                "2 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK extra",
                "2 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT",
                "2 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 99999999999999999999 1 1 2 ACCEPT OK",
                "2 12345678901\u00e9 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK\r",
                "- 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT SKIPDATA"));

        assertSameResults(text, 12);
    }

    private static void assertSameResults(String text, int lines) {
        CollectingConsumer defaultPath = parse(new AwsVpcTextParser(), text);
        CollectingConsumer generalPath = parse(new AwsVpcTextParser(), swapFirstTwoColumns(text));

        assertTrue(defaultPath.flows.size() + defaultPath.errors.size() >= lines - 1);
        assertEquals(generalPath.flows.size(), defaultPath.flows.size());
        for (int i = 0; i < defaultPath.flows.size(); i++) {
            Flow expected = generalPath.flows.get(i);
            assertEquals(expected, defaultPath.flows.get(i), "flow " + i);
        }
        assertEquals(generalPath.errors.size(), defaultPath.errors.size());
        for (int i = 0; i < defaultPath.errors.size(); i++) {
            ParseError expected = generalPath.errors.get(i);
            ParseError actual = defaultPath.errors.get(i);
            assertEquals(expected.line(), actual.line());
            // messages name the header, whose order differs; compare the part before it
            assertEquals(expected.reason().replaceAll(" \\(.*\\)$", ""), actual.reason().replaceAll(" \\(.*\\)$", ""));
        }
    }

    /** Swaps the first two values of every line, keeping the spaces around them. */
    private static String swapFirstTwoColumns(String text) {
        StringBuilder swapped = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            swapped.append(line.replaceFirst("^( *)(\\S+)( +)(\\S+)", "$1$4$3$2")).append('\n');
        }
        swapped.setLength(swapped.length() - 1);
        return swapped.toString();
    }
}
