package dev.sodamaven.report;

import dev.sodamaven.soda.SodaCheck;
import java.util.Locale;

/** How the reports describe a source freshness check: its age, when the newest row came, the thresholds. */
final class FreshnessText {

    private FreshnessText() {}

    /** "16 h 0 min old", "3 d 2 h old", "42 s old"; "age unknown" when the check could not run. */
    static String age(SodaCheck.Freshness freshness) {
        Double seconds = freshness.ageSeconds();
        if (seconds == null) {
            return "age unknown";
        }
        long whole = Math.max(0, Math.round(seconds));
        long days = whole / 86_400;
        long hours = whole % 86_400 / 3_600;
        long minutes = whole % 3_600 / 60;
        String age;
        if (days > 0) {
            age = days + " d " + hours + " h";
        } else if (hours > 0) {
            age = hours + " h " + minutes + " min";
        } else if (minutes > 0) {
            age = minutes + " min " + whole % 60 + " s";
        } else {
            age = whole + " s";
        }
        return age + " old";
    }

    /** One line: "16 h 0 min old (57600 s), newest row loaded at …; warn after 12 hour, error after 24 hour". */
    static String summary(SodaCheck.Freshness freshness) {
        StringBuilder text = new StringBuilder(age(freshness));
        if (freshness.ageSeconds() != null) {
            text.append(String.format(Locale.ROOT, " (%d s)", Math.round(freshness.ageSeconds())));
        }
        if (freshness.maxLoadedAt() != null) {
            text.append(", newest row loaded at ").append(freshness.maxLoadedAt());
        }
        if (!freshness.criteria().isEmpty()) {
            text.append("; ").append(freshness.criteria());
        }
        return text.toString();
    }
}
