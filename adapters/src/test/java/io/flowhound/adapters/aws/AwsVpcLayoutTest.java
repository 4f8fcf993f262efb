package io.flowhound.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AwsVpcLayoutTest {

    @Test
    void defaultLayoutsArePrefixesOfTheCatalogue() {
        assertEquals("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end"
                + " action log-status", AwsVpcLayout.defaultForFieldCount(14).text());
        assertEquals("pkt-dstaddr", last(AwsVpcLayout.defaultForFieldCount(21)));
        assertEquals("sublocation-id", last(AwsVpcLayout.defaultForFieldCount(25)));
        assertEquals("traffic-path", last(AwsVpcLayout.defaultForFieldCount(29)));
        assertEquals("ecs-task-id", last(AwsVpcLayout.defaultForFieldCount(39)));
        assertEquals("reject-reason", last(AwsVpcLayout.defaultForFieldCount(40)));
        assertEquals("pkt-dst-aws-service", last(AwsVpcLayout.defaultForFieldCount(36)));
        assertEquals("resource-type", AwsVpcLayout.defaultForFieldCount(36).names().get(1));
        assertNull(AwsVpcLayout.defaultForFieldCount(15));
    }

    @Test
    void readsLogFormatStringsAndHeaders() {
        assertEquals(List.of("version", "srcaddr", "x-new"), AwsVpcLayout.parse("${version}  ${srcaddr} ${x-new}").names());
        assertEquals(AwsVpcLayout.parse("version srcaddr"), AwsVpcLayout.of(List.of("version", "srcaddr")));
    }

    @Test
    void refusesEmptyLayouts() {
        assertThrows(IllegalArgumentException.class, () -> AwsVpcLayout.parse("   "));
        assertThrows(IllegalArgumentException.class, () -> AwsVpcLayout.of(List.of("version", "")));
    }

    private static String last(AwsVpcLayout layout) {
        return layout.names().get(layout.size() - 1);
    }
}
