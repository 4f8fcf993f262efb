package io.flowhound.adapters.gcp;

/**
 * Parses the RFC 3339 timestamps of Cloud Logging entries ({@code 2024-05-03T10:15:01.004512007Z},
 * formats.md 2.1 and 2.5 item 3) straight from the parser's character buffer into epoch
 * milliseconds, without the String and the {@code Instant} that {@code Instant.parse} would
 * allocate for each of the two or three timestamps of every record. Fractions of up to nine
 * digits are truncated to the millisecond; numeric offsets ({@code +02:00}) are applied.
 */
final class Rfc3339Time {

    /** Returned for text that is not an RFC 3339 date-time. */
    static final long INVALID = Long.MIN_VALUE;

    private Rfc3339Time() {
    }

    /** Epoch milliseconds of {@code text[from, from + length)}, or {@link #INVALID}. */
    static long epochMillis(char[] text, int from, int length) {
        int end = from + length;
        // The fixed part: yyyy-MM-ddTHH:mm:ss
        if (length < 20 || text[from + 4] != '-' || text[from + 7] != '-' || (text[from + 10] | 0x20) != 't'
                || text[from + 13] != ':' || text[from + 16] != ':') {
            return INVALID;
        }
        int year = digits(text, from, 4);
        int month = digits(text, from + 5, 2);
        int day = digits(text, from + 8, 2);
        int hour = digits(text, from + 11, 2);
        int minute = digits(text, from + 14, 2);
        int second = digits(text, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return INVALID;  // second 60: RFC 3339 allows a leap second; it counts as the next second
        }
        int i = from + 19;
        int millis = 0;
        if (text[i] == '.') {
            int start = ++i;
            while (i < end && text[i] >= '0' && text[i] <= '9') {
                if (i - start < 3) {
                    millis = millis * 10 + (text[i] - '0');
                }
                i++;
            }
            int fractionDigits = i - start;
            if (fractionDigits == 0 || fractionDigits > 9) {
                return INVALID;
            }
            for (int d = fractionDigits; d < 3; d++) {
                millis *= 10;
            }
        }
        int offsetSeconds;
        if (i == end - 1 && (text[i] | 0x20) == 'z') {
            offsetSeconds = 0;
        } else if (i == end - 6 && (text[i] == '+' || text[i] == '-') && text[i + 3] == ':') {
            int offsetHours = digits(text, i + 1, 2);
            int offsetMinutes = digits(text, i + 4, 2);
            if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) {
                return INVALID;
            }
            offsetSeconds = (text[i] == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return INVALID;
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000 + millis;
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date: H. Hinnant, "chrono-Compatible
     * Low-Level Date Algorithms", days_from_civil (eras of 400 years, March-based years).
     */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }
}
