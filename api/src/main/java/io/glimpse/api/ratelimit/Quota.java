package io.glimpse.api.ratelimit;

import org.springframework.boot.convert.DurationStyle;

import java.time.Duration;

/**
 * How many requests a period allows, written {@code requests/period} in configuration:
 * {@code 300/5m}, {@code 5/30m}, {@code 1000/1h} (the period in Spring's duration format).
 *
 * @param requests how many requests the period allows, and how many may come in one burst
 * @param period   how long the full quota takes to come back; it comes back gradually, one
 *                 request's worth every {@code period / requests}
 */
public record Quota(long requests, Duration period) {

    public Quota {
        if (requests < 1) {
            throw new IllegalArgumentException("A quota allows at least one request, not " + requests);
        }
        if (period == null || period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("A quota's period is at least one second, not " + period);
        }
    }

    /** Parses {@code requests/period}; Spring's configuration binding finds this method by its name. */
    public static Quota valueOf(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Write a quota as requests/period, such as 300/5m, not " + text);
        }
        try {
            return new Quota(Long.parseLong(text.substring(0, slash).trim()),
                    DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Write a quota as requests/period, such as 300/5m, not " + text, e);
        }
    }

    /** The period in whole seconds, as the rate-limit headers give it. */
    long periodSeconds() {
        return period.toSeconds();
    }

    /** For people: "25 requests per 5 minutes". */
    String describe() {
        return requests + (requests == 1 ? " request" : " requests") + " per " + describe(period);
    }

    private static String describe(Duration period) {
        long seconds = period.toSeconds();
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        return seconds % 60 == 0 ? plural(seconds / 60, "minute") : plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count == 1 ? unit : count + " " + unit + "s";
    }
}
