package io.flowhound.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenAddressTest {

    @Test
    void bracketedIpv6AddressParses() {
        ListenAddress address = ListenAddress.parse("[::1]:50051");

        assertEquals(new ListenAddress("::1", 50051), address);
        assertEquals("[::1]:50051", address.toString());
    }

    @Test
    void hostNamesAndIpv4AddressesParse() {
        assertEquals(new ListenAddress("127.0.0.1", 9464), ListenAddress.parse("127.0.0.1:9464"));
        assertEquals(new ListenAddress("collector-1.internal", 0), ListenAddress.parse("collector-1.internal:0"));
        assertEquals(new ListenAddress("::", 65535), ListenAddress.parse("[::]:65535"));
        assertEquals("0.0.0.0:80", ListenAddress.parse("0.0.0.0:80").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1            | expected host:port, e.g. 127.0.0.1:50051",
        ":50051               | host is missing (use 0.0.0.0 to listen on every interface)",
        "::1:50051            | an IPv6 address needs brackets, e.g. [::1]:50051",
        "[::1]50051           | expected [IPv6-address]:port, e.g. [::1]:50051",
        "[::1]                | expected [IPv6-address]:port, e.g. [::1]:50051",
        "[127.0.0.1]:80       | \"127.0.0.1\" is not an IPv6 address",
        "[::g]:80             | \"::g\" is not an IPv6 address",
        "256.0.0.1:80         | \"256.0.0.1\" is not a host name or an IPv4 address",
        "my_host:80           | \"my_host\" is not a host name or an IPv4 address",
        "localhost:65536      | port \"65536\" is not a number from 0 to 65535",
        "localhost:-1         | port \"-1\" is not a number from 0 to 65535",
        "localhost:           | port \"\" is not a number from 0 to 65535",
    })
    void malformedAddressesSayWhatIsWrong(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(text));

        assertEquals(reason, e.getMessage());
    }
}
