package io.flowhound.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigDurationTest {

    @Test
    void eachUnitParses() {
        assertEquals(Duration.ofMillis(250), ConfigDuration.parse("250ms"));
        assertEquals(Duration.ofSeconds(10), ConfigDuration.parse("10s"));
        assertEquals(Duration.ofMinutes(5), ConfigDuration.parse("5m"));
        assertEquals(Duration.ofHours(2), ConfigDuration.parse("2h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "s", "10 s", "1.5s", "-1s", "10d", "1m30s", "1234567890s"})
    void otherSpellingsAreRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigDuration.parse(text));

        assertEquals("invalid duration \"" + text + "\" (expected a whole number followed by ms, s, m or h, e.g. 10s)",
                e.getMessage());
    }
}
