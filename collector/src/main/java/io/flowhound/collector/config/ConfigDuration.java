package io.flowhound.collector.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The duration syntax of the config file: a whole number followed by {@code ms}, {@code s}, {@code m} or {@code h}. */
public final class ConfigDuration {

    /** Nine digits keep every unit far from {@link Duration}'s overflow. */
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private ConfigDuration() {
    }

    /**
     * Parses {@code 500ms}, {@code 10s}, {@code 5m} or {@code 2h}.
     *
     * @throws IllegalArgumentException with a sentence saying what is expected
     */
    public static Duration parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "invalid duration \"" + text + "\" (expected a whole number followed by ms, s, m or h, e.g. 10s)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
