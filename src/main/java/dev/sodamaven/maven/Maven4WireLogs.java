package dev.sodamaven.maven;

/**
 * On Maven 4, turns HttpClient 5's loggers off in the names Maven 4's logger reads
 * ({@code maven.logger.log.*}). The HTTP layer silences them under the SLF4J simple logger's names,
 * which Maven 4 still obeys but warns about for every logger created: a build would print a
 * deprecation warning for each connection.
 */
final class Maven4WireLogs {

    private static final String[] LOGGERS = {
        "org.apache.hc", "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers",
    };

    private Maven4WireLogs() {}

    /** Does nothing on Maven 3, whose logger knows only the old names. */
    static synchronized void silenceOnMaven4() {
        if (!isMaven4()) {
            return;
        }
        for (String logger : LOGGERS) {
            System.setProperty("maven.logger.log." + logger, "off");
        }
    }

    private static boolean isMaven4() {
        try {
            // Maven 4's API, exported to every plugin; absent from Maven 3.
            Class.forName("org.apache.maven.api.Session", false, Maven4WireLogs.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError maven3) {
            return false;
        }
    }
}
