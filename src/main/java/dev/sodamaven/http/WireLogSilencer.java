package dev.sodamaven.http;

/**
 * Keeps HttpClient's own debug logging off. Under Maven, HttpClient logs through Maven's SLF4J
 * logger, and {@code mvn -X} turns every logger to debug: HttpClient's wire and header logs would
 * then print request bodies (the API key secret, the login token) and Authorization headers. Maven
 * silences HttpClient 4 ({@code org.apache.http}) in its simplelogger.properties, but not
 * HttpClient 5 ({@code org.apache.hc}); this does, before any HttpClient logger is created.
 */
final class WireLogSilencer {

    private static final String[] PROPERTIES = {
        "org.slf4j.simpleLogger.log.org.apache.hc",
        "org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire",
        "org.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers",
    };

    /**
     * Maven 4's logger reads {@code maven.logger.log.*} instead and warns about each old name it meets; the
     * Maven front end sets the new names there, and then the old ones are left alone.
     */
    private static final String SILENCED_BY_MAVEN_4_NAMES = "maven.logger.log.org.apache.hc";

    private WireLogSilencer() {}

    static synchronized void silence() {
        if ("off".equals(System.getProperty(SILENCED_BY_MAVEN_4_NAMES))) {
            return;
        }
        for (String property : PROPERTIES) {
            if (!"off".equals(System.getProperty(property))) {
                System.setProperty(property, "off");
            }
        }
    }
}
