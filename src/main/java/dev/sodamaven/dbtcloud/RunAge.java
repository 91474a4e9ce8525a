package dev.sodamaven.dbtcloud;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How long ago a dbt Cloud run finished, from its {@code finished_at}. */
final class RunAge {

    private RunAge() {}

    /**
     * When {@code finishedAt} says the run finished: dbt Cloud writes {@code 2026-11-20 06:04:31.000000+00:00},
     * ISO-8601 with a space; the ISO form with a {@code T} is read too. Empty when it is missing or unreadable.
     */
    static Optional<Instant> finished(String finishedAt) {
        if (finishedAt == null || finishedAt.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    OffsetDateTime.parse(finishedAt.trim().replace(' ', 'T')).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** "3 h 5 min", "12 min", "40 s": an age for a log line. */
    static String describe(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " days";
    }
}
