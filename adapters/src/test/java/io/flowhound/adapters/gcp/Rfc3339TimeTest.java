package io.flowhound.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339TimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-03T10:15:01.004512007Z", "2019-06-14T03:45:37.186193305Z", "2024-05-03T10:16:10Z",
            "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "2100-03-01T00:00:00.1Z",
            "2024-05-03T10:15:01.12+02:00", "2024-05-03T01:15:01.123456-05:30", "2000-01-01t00:00:00z"})
    void agreesWithTheJdkTruncatingToTheMillisecond(String text) {
        long expected = OffsetDateTime.parse(text.toUpperCase()).toInstant().toEpochMilli();

        assertEquals(expected, Rfc3339Time.epochMillis(text.toCharArray(), 0, text.length()), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-05-03", "2024-05-03 10:15:01Z", "2024-05-03T10:15:01", "2024-13-03T10:15:01Z",
            "2023-02-29T10:15:01Z", "2024-05-03T24:00:00Z", "2024-05-03T10:15:01.Z", "2024-05-03T10:15:01.1234567890Z",
            "2024-05-03T10:15:01+0200", "2024-05-03T10:15:01Zjunk", "2024-0x-03T10:15:01Z"})
    void rejectsTextThatIsNotAnRfc3339DateTime(String text) {
        assertEquals(Rfc3339Time.INVALID, Rfc3339Time.epochMillis(text.toCharArray(), 0, text.length()), text);
    }
}
