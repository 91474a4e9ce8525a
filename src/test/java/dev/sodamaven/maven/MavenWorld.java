package dev.sodamaven.maven;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The smallest real Maven 3.6.3 objects a goal of this plugin meets: a session (user properties, the
 * settings.xml servers and proxies, a current project), a mojo execution, a parameter's configuration
 * element, and a goal's fields set the way Maven injects them.
 */
final class MavenWorld {

    private MavenWorld() {}

    /**
     * {@code goal} as Maven hands it over: the log, a session with {@code settings} on {@code project}, the
     * execution, and the defaults Maven injects into its fields.
     */
    static <T extends UploadMojo> T wiredUpload(T goal, Log log, Settings settings, Path project) throws Exception {
        goal.setLog(log);
        set(goal, "session", session(new Properties(), settings, project));
        set(goal, "mojoExecution", execution("upload"));
        set(goal, "settingsDecrypter", MavenSettingsAccessTest.decrypter());
        set(goal, "sodaCloudServerId", "soda-cloud");
        set(goal, "failOnError", true);
        set(goal, "connectTimeout", 30);
        set(goal, "readTimeout", 120);
        set(goal, "maxRetries", 3);
        return goal;
    }

    /** A session with these user properties ({@code -D…}), settings.xml and project base directory. */
    static MavenSession session(Properties userProperties, Settings settings, Path baseDirectory) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(userProperties);
        request.setSystemProperties(new Properties());
        if (settings != null) {
            request.setServers(settings.getServers());
            request.setProxies(settings.getProxies());
        }
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        if (baseDirectory != null) {
            MavenProject project = new MavenProject();
            project.setFile(baseDirectory.resolve("pom.xml").toFile());
            session.setCurrentProject(project);
        }
        return session;
    }

    static MavenSession session(Properties userProperties) {
        return session(userProperties, null, null);
    }

    /** An execution of one of this plugin's goals. */
    static MojoExecution execution(String goal) {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.sodamaven");
        plugin.setArtifactId("soda-maven-plugin");
        plugin.setVersion("0.1.0-SNAPSHOT");
        plugin.setGoalPrefix("soda");
        MojoDescriptor mojo = new MojoDescriptor();
        mojo.setGoal(goal);
        mojo.setPluginDescriptor(plugin);
        return new MojoExecution(mojo, "default-cli");
    }

    /**
     * A secret parameter as Maven injects it: the configuration element as written, e.g. for
     * {@code -Dsoda.cloud.apiKeySecret=…} the unevaluated {@code ${soda.cloud.apiKeySecret}}.
     */
    static PlexusConfiguration element(String name, String value) {
        Xpp3Dom dom = new Xpp3Dom(name);
        dom.setValue(value);
        return new XmlPlexusConfiguration(dom);
    }

    static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    /** Sets a goal's field (declared by the goal or a superclass) as Maven's injection would. */
    static void set(Object goal, String name, Object value) {
        Field field = field(goal.getClass(), name);
        if (field == null) {
            throw new IllegalArgumentException(goal.getClass().getSimpleName() + " has no field " + name);
        }
        try {
            field.setAccessible(true);
            field.set(goal, value);
        } catch (IllegalAccessException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The field {@code name} of {@code type} or a superclass, or null. */
    static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field;
                }
            }
        }
        return null;
    }

    static File file(String path) {
        return new File(path);
    }
}
