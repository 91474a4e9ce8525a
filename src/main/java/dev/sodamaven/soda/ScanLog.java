package dev.sodamaven.soda;

import java.time.Instant;

/**
 * A log record sent with the scan (the {@code logs} array Soda Cloud shows with the scan).
 *
 * @param level   error, warning, info or debug
 * @param message the text; never holds a secret
 * @param time    when it was recorded
 */
public record ScanLog(String level, String message, Instant time) {

    public static ScanLog info(String message, Instant time) {
        return new ScanLog("info", message, time);
    }

    public static ScanLog warning(String message, Instant time) {
        return new ScanLog("warning", message, time);
    }

    public static ScanLog error(String message, Instant time) {
        return new ScanLog("error", message, time);
    }
}
