package io.flowhound.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.0.0", "10.1.2.15", "255.255.255.255", "203.0.113.5",
        "::", "::1", "1::", "2a02:cf40::", "2001:db8::ff00:42:8329", "2001:db8:1234:a100:8d6e:3477:df66:f105",
        "2001:DB8:0:0:8:800:200C:417A", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:0:0:0:0:0:0:8", "fe80::1:2",
        "::ffff:192.0.2.128", "::192.0.2.128", "64:ff9b::198.51.100.7", "1:2:3:4:5:6:192.0.2.1",
    })
    void parsesAddressesAsTheJdkDoes(String text) throws UnknownHostException {
        byte[] expected = InetAddress.getByName(text).getAddress();
        if (text.contains(":") && expected.length == 4) {
            // The JDK unmaps ::ffff:a.b.c.d to IPv4; we keep the 16 bytes AWS wrote.
            expected = new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
                expected[0], expected[1], expected[2], expected[3]};
        }

        assertArrayEquals(expected, IpAddressParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "-", "1", "1.2.3", "1.2.3.4.5", "1.2.3.256", "01.2.3.4", "1.2.3.4.", ".1.2.3.4", "1..2.3", "1.2.3.4 ",
        "1234.1.1.1", "a.b.c.d", ":", ":::", "1:2", ":1::", "1:::2", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "g::1", "fe80::1%eth0",
        "::ffff:1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:5", "2001:db8::1/64", "eni-0a1b2c3d",
    })
    void rejectsWhatIsNotAnAddress(String text) {
        assertNull(IpAddressParser.parse(text), text);
    }
}
