package dev.sodamaven.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's own name and version (from the build), for the User-Agent and the scan's logs. */
public final class PluginInfo {

    private static final String VERSION = readVersion();

    private PluginInfo() {}

    public static String version() {
        return VERSION;
    }

    public static String userAgent() {
        return "soda-maven-plugin/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
    }

    private static String readVersion() {
        try (InputStream in = PluginInfo.class.getResourceAsStream("plugin.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException unreadable) {
            return "unknown";
        }
    }
}
