package dev.sodamaven.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the numbers were measured on, read from the JVM and (on Linux) /proc. */
final class Environment {

    private Environment() {}

    static List<String> describe() {
        return List.of(
                "date: " + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS),
                "os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                "cpu: " + procValue("/proc/cpuinfo", "model name") + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores available to the JVM",
                "memory: " + procValue("/proc/meminfo", "MemTotal"),
                "java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " ("
                        + System.getProperty("java.vendor") + ")",
                "load average before: " + loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, or "n/a". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException unavailable) {
            return "n/a";
        }
    }

    private static String procValue(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux
        }
        return "n/a";
    }
}
