package dev.sodamaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sodamaven.core.Setting;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The goals' parameters as Maven sees them — the plugin descriptor that maven-plugin-plugin generates
 * from the {@code @Parameter} fields — against the {@link Setting} catalogue that the core resolves, the
 * README documents and {@link MojoParameters} reads by. The descriptor is written in process-classes,
 * before the tests run.
 */
class GoalParametersTest {

    /** Parameters Maven fills in itself, which users cannot set. */
    private static final Set<String> MAVEN_OBJECTS = Set.of("session", "mojoExecution");

    private static Map<String, Map<String, DeclaredParameter>> goals;

    /** A parameter as plugin.xml declares it. */
    private record DeclaredParameter(
            String name, boolean editable, String description, String expression, String defaultValue) {}

    @BeforeAll
    static void readPluginDescriptor() throws Exception {
        Path descriptor = pluginDescriptor();
        if (!Files.isRegularFile(descriptor)) {
            fail("No plugin descriptor at " + descriptor + ". maven-plugin-plugin writes it in the process-classes "
                    + "phase; run the tests through Maven (./mvnw test), or run ./mvnw process-classes first.");
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(descriptor.toFile());
        goals = new LinkedHashMap<>();
        for (Element mojo : children(document.getDocumentElement(), "mojos", "mojo")) {
            Map<String, Element> configuration = new LinkedHashMap<>();
            for (Element element : children(mojo, "configuration", null)) {
                configuration.put(element.getTagName(), element);
            }
            Map<String, DeclaredParameter> parameters = new LinkedHashMap<>();
            for (Element parameter : children(mojo, "parameters", "parameter")) {
                String name = text(parameter, "name");
                Element configured = configuration.get(name);
                parameters.put(
                        name,
                        new DeclaredParameter(
                                name,
                                Boolean.parseBoolean(text(parameter, "editable")),
                                text(parameter, "description"),
                                configured == null
                                        ? null
                                        : emptyToNull(
                                                configured.getTextContent().trim()),
                                configured == null || !configured.hasAttribute("default-value")
                                        ? null
                                        : configured.getAttribute("default-value")));
            }
            goals.put(text(mojo, "goal"), parameters);
        }
    }

    /** target/classes/META-INF/maven/plugin.xml: beside the goal classes, not some jar's descriptor. */
    private static Path pluginDescriptor() throws URISyntaxException {
        Path classes = Path.of(IngestMojo.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return classes.resolve("META-INF/maven/plugin.xml");
    }

    @ParameterizedTest
    @EnumSource(
            value = Setting.Goal.class,
            names = {"INGEST", "UPLOAD"})
    void theEditableParametersAreExactlyTheCataloguesSettings(Setting.Goal goal) {
        Map<String, DeclaredParameter> declared = declared(goal);
        Set<String> editable = new TreeSet<>();
        declared.values().stream()
                .filter(p -> p.editable() && !MAVEN_OBJECTS.contains(p.name()))
                .forEach(p -> editable.add(p.name()));
        List<String> problems = new ArrayList<>();
        for (String name : editable) {
            Optional<Setting> setting = Setting.byParameter(name);
            if (setting.isEmpty()) {
                problems.add("soda:" + goalName(goal) + " declares parameter '" + name + "', which is not in the "
                        + "Setting catalogue: add a Setting for it (goal " + goal + " or BOTH), or make the field "
                        + "readonly if users must not set it");
            } else if (!setting.get().goal().includes(goal)) {
                problems.add("soda:" + goalName(goal) + " declares parameter '" + name + "', but Setting."
                        + setting.get().name() + " belongs to goal "
                        + setting.get().goal() + ": move the field to "
                        + "the goal class it belongs to, or change the Setting's goal to " + Setting.Goal.BOTH);
            }
        }
        for (Setting setting : Setting.of(goal)) {
            if (!editable.contains(setting.parameter())) {
                problems.add("Setting." + setting.name() + " belongs to soda:" + goalName(goal) + ", but the goal has "
                        + "no editable parameter '" + setting.parameter()
                        + "': add the field with @Parameter(property = \""
                        + setting.property() + "\") to " + goalClass(goal) + " (AbstractSodaMojo if both goals have it)"
                        + (declared.containsKey(setting.parameter()) ? ", and drop readonly = true" : ""));
            }
        }
        assertThat(problems)
                .as("soda:%s parameters vs the Setting catalogue", goalName(goal))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Setting.Goal.class,
            names = {"INGEST", "UPLOAD"})
    void eachParametersUserPropertyIsTheCataloguesProperty(Setting.Goal goal) {
        List<String> problems = new ArrayList<>();
        for (Setting setting : Setting.of(goal)) {
            DeclaredParameter parameter = declared(goal).get(setting.parameter());
            if (parameter == null) {
                continue; // reported by theEditableParametersAreExactlyTheCataloguesSettings
            }
            String expected = "${" + setting.property() + "}";
            if (!expected.equals(parameter.expression())) {
                problems.add(goalClass(goal) + " field '" + setting.parameter() + "': its user property is "
                        + (parameter.expression() == null ? "missing" : "'" + parameter.expression() + "'")
                        + "; declare @Parameter(property = \"" + setting.property() + "\") as Setting."
                        + setting.name()
                        + ".property() says (or change the catalogue, if the property is what's wrong)");
            }
        }
        assertThat(problems).as("soda:%s user properties", goalName(goal)).isEmpty();
    }

    /**
     * A parameter's default is what Maven injects when the POM and the command line say nothing, so for a
     * setting that can also come from configuration.yml, the environment or settings.xml, a declared
     * default would always win over those sources; the catalogue's default applies after them instead.
     * Every other parameter declares the catalogue's documented default, so that the help and the site
     * say what the README says.
     */
    @ParameterizedTest
    @EnumSource(
            value = Setting.Goal.class,
            names = {"INGEST", "UPLOAD"})
    void eachParametersDefaultIsTheCataloguesDefault(Setting.Goal goal) {
        List<String> problems = new ArrayList<>();
        for (Setting setting : Setting.of(goal)) {
            DeclaredParameter parameter = declared(goal).get(setting.parameter());
            if (parameter == null) {
                continue; // reported by theEditableParametersAreExactlyTheCataloguesSettings
            }
            String field = goalClass(goal) + " field '" + setting.parameter() + "'";
            List<String> otherSources = otherSources(setting);
            if (!otherSources.isEmpty()) {
                if (parameter.defaultValue() != null) {
                    problems.add(field + " declares defaultValue = \"" + parameter.defaultValue() + "\", but Setting."
                            + setting.name() + " also comes from " + String.join(", ", otherSources) + ", which that "
                            + "default would always override: remove defaultValue from its @Parameter (the catalogue's "
                            + "default "
                            + setting.documentedDefault()
                                    .map(d -> "\"" + d + "\"")
                                    .orElse("(none)")
                            + " applies when no source gives a value)");
                }
            } else if (!setting.documentedDefault().equals(Optional.ofNullable(parameter.defaultValue()))) {
                problems.add(field + " declares "
                        + (parameter.defaultValue() == null
                                ? "no defaultValue"
                                : "defaultValue = \"" + parameter.defaultValue() + "\"")
                        + ", but Setting." + setting.name()
                        + " documents "
                        + setting.documentedDefault()
                                .map(d -> "the default \"" + d + "\"")
                                .orElse("no default")
                        + ": make the @Parameter's defaultValue and the catalogue's default the same");
            }
        }
        assertThat(problems).as("soda:%s parameter defaults", goalName(goal)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Setting.Goal.class,
            names = {"INGEST", "UPLOAD"})
    void everyParameterHasADescription(Setting.Goal goal) {
        List<String> problems = new ArrayList<>();
        for (DeclaredParameter parameter : declared(goal).values()) {
            if (parameter.editable()
                    && (parameter.description() == null
                            || parameter.description().isBlank())) {
                problems.add(goalClass(goal) + " field '" + parameter.name() + "' has no description: write a "
                        + "Javadoc comment on it (mvn soda:help -Ddetail shows it, and so does the plugin site)");
            }
        }
        assertThat(problems)
                .as("soda:%s parameter descriptions", goalName(goal))
                .isEmpty();
    }

    private static List<String> otherSources(Setting setting) {
        List<String> sources = new ArrayList<>();
        setting.configurationKey().ifPresent(key -> sources.add("configuration.yml " + key));
        setting.environmentVariable().ifPresent(variable -> sources.add("environment variable " + variable));
        setting.server().ifPresent(server -> sources.add("the settings.xml server named by " + server.idParameter()));
        return sources;
    }

    private static Map<String, DeclaredParameter> declared(Setting.Goal goal) {
        Map<String, DeclaredParameter> parameters = goals.get(goalName(goal));
        if (parameters == null) {
            fail("plugin.xml has no goal '" + goalName(goal) + "' (it has " + goals.keySet() + "): is "
                    + goalClass(goal) + " still annotated @Mojo(name = \"" + goalName(goal) + "\")?");
        }
        return parameters;
    }

    private static String goalName(Setting.Goal goal) {
        return goal == Setting.Goal.INGEST ? "ingest" : "upload";
    }

    private static String goalClass(Setting.Goal goal) {
        return goal == Setting.Goal.INGEST ? "IngestMojo" : "UploadMojo";
    }

    /** The elements {@code name} (any, when null) inside the child {@code container} of {@code parent}. */
    private static List<Element> children(Element parent, String container, String name) {
        List<Element> found = new ArrayList<>();
        for (Element holder : elements(parent.getChildNodes(), container)) {
            found.addAll(elements(holder.getChildNodes(), name));
        }
        return found;
    }

    private static List<Element> elements(NodeList nodes, String name) {
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element
                    && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = elements(parent.getChildNodes(), name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
