package dev.sodamaven.maven;

import dev.sodamaven.config.Parameters;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Reads a goal's parameters into {@link Parameters}: for every {@link Setting} of the goal, the goal
 * field of the same name. Reading the fields by the catalogue, rather than listing them one by one,
 * is what makes a new setting one catalogue entry plus its field; a setting without its field is a
 * programming error that the goals' tests catch.
 */
final class MojoParameters {

    private final SecretParameterReader secrets;
    private final Path baseDirectory;

    /**
     * @param secrets       reads the secret parameters, which Maven hands over unevaluated
     * @param baseDirectory what relative paths in a comma-separated list are relative to
     */
    MojoParameters(SecretParameterReader secrets, Path baseDirectory) {
        this.secrets = secrets;
        this.baseDirectory = baseDirectory;
    }

    Parameters.Builder read(AbstractMojo mojo, Setting.Goal goal) throws IngestException {
        Parameters.Builder parameters = Parameters.builder();
        for (Setting setting : Setting.of(goal)) {
            parameters.with(setting, convert(setting, fieldValue(mojo, setting)));
        }
        return parameters;
    }

    private Object convert(Setting setting, Object value) throws IngestException {
        if (value == null) {
            return null;
        }
        return switch (setting.type()) {
            case TEXT, FLAG, NUMBER -> value;
            case PATH -> ((File) value).toPath();
            case PATHS -> paths((String) value);
            case SECRET -> secrets.read((PlexusConfiguration) value, setting);
        };
    }

    /** Comma-separated paths, relative ones against the base directory. */
    private List<Path> paths(String value) {
        List<Path> files = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                files.add(baseDirectory.resolve(part.trim()));
            }
        }
        return files;
    }

    private static Object fieldValue(AbstractMojo mojo, Setting setting) {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(setting.parameter());
                field.setAccessible(true);
                return field.get(mojo);
            } catch (NoSuchFieldException notHere) {
                // declared by a superclass
            } catch (IllegalAccessException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        throw new IllegalStateException(mojo.getClass().getSimpleName() + " has no field for " + setting);
    }
}
