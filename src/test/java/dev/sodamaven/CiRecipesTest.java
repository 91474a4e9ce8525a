package dev.sodamaven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.sodamaven.config.FailOn;
import dev.sodamaven.core.Setting;
import dev.sodamaven.report.HtmlReportWriter;
import dev.sodamaven.report.JUnitReportWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The CI recipes of {@code docs/ci.md} are what a team copies into its pipeline, so a typo must not
 * ship. Each recipe is a fenced code block right after a marker line {@code <!-- ci-recipe: <id> -->}.
 * The YAML recipes (GitHub Actions, GitLab CI, Azure DevOps) are parsed with SnakeYAML's safe loader
 * (duplicate keys refused) and checked for the structure each CI needs; the Jenkinsfile, which no
 * Groovy parser on the test classpath can read, is checked for balanced brackets and strings and for
 * its declarative structure. Every setting, property, environment variable, goal, file name and
 * value the page uses is checked against the plugin itself ({@link Setting}, {@link FailOn}, the
 * report writers, {@code pom.xml}), so renaming one fails here. {@link #aTypoFailsTheChecks} proves
 * that the checks catch typos.
 */
class CiRecipesTest {

    static final Path DOC = Path.of("docs/ci.md");
    static final String MARKER = "<!-- ci-recipe: ";

    /** Each recipe and the language of its block. */
    static final Map<String, String> RECIPES = Map.of(
            "github-actions", "yaml",
            "github-actions-schedule", "yaml",
            "gitlab-ci", "yaml",
            "jenkins", "groovy",
            "azure-pipelines", "yaml");

    /** The GitHub actions the recipes use, each at the major version checked to exist. */
    static final Map<String, String> ACTIONS = Map.of(
            "actions/checkout", "v6",
            "actions/setup-python", "v6",
            "actions/setup-java", "v5",
            "actions/upload-artifact", "v6",
            "mikepenz/action-junit-report", "v6");

    /** The Azure Pipelines tasks the recipe uses. */
    static final Set<String> AZURE_TASKS =
            Set.of("UsePythonVersion@0", "JavaToolInstaller@0", "PublishTestResults@2", "PublishPipelineArtifact@1");

    /** {@code -D} properties on the page that are not the plugin's. */
    static final Set<String> OTHER_PROPERTIES = Set.of("maven.repo.local");

    static final String JUNIT_REPORT = "target/soda/" + JUnitReportWriter.FILE_NAME;
    static final String HTML_REPORT = "target/soda/" + HtmlReportWriter.FILE_NAME;
    static final String SCAN_RESULTS = "target/soda/scan-results.json";

    // ---------------------------------------------------------------------------------------------
    // The tests

    @Test
    void everyRecipeIsThereAndEveryYamlOrGroovyBlockIsARecipe() throws IOException {
        checkBlocks(doc());
    }

    @Test
    void gitHubActions() throws IOException {
        checkGitHubActions(recipe(doc(), "github-actions"));
    }

    @Test
    void gitHubActionsOnASchedule() throws IOException {
        checkGitHubActionsSchedule(recipe(doc(), "github-actions-schedule"));
    }

    @Test
    void gitLabCi() throws IOException {
        checkGitLabCi(recipe(doc(), "gitlab-ci"));
    }

    @Test
    void azurePipelines() throws IOException {
        checkAzurePipelines(recipe(doc(), "azure-pipelines"));
    }

    @Test
    void jenkins() throws IOException {
        checkJenkins(recipe(doc(), "jenkins"));
    }

    @Test
    void everyNameThePageUsesExistsInThePlugin() throws IOException {
        checkNames(doc());
    }

    @Test
    void theXmlSnippetsAreWellFormedAndUseThePluginsOwnNames() throws IOException {
        checkXml(doc());
    }

    /** A typo in a recipe, or a setting renamed, fails the checks: each change here must be caught. */
    static Stream<List<String>> typos() {
        return Stream.of(
                List.of("github-actions: a misspelt action", "actions/checkout@v6", "actions/checkot@v6"),
                List.of(
                        "github-actions: the JUnit path",
                        "report_paths: target/soda/TEST-dbt.xml",
                        "report_paths: target/soda/TEST-dbt.xm"),
                List.of(
                        "github-actions: an indentation slip",
                        "      - name: Publish the dbt tests\n        if: always()",
                        "      - name: Publish the dbt tests\n       if: always()"),
                List.of(
                        "github-actions: the report not published after a failure",
                        "        if: always()\n        uses: mikepenz",
                        "        uses: mikepenz"),
                List.of("github-actions-schedule: maxRunAge not a duration", "maxRunAge=PT1H", "maxRunAge=1h"),
                List.of(
                        "gitlab-ci: a duplicate key",
                        "      junit: target/soda/TEST-dbt.xml",
                        "      junit: target/soda/TEST-dbt.xml\n      junit: target/soda/TEST-dbt.xml"),
                List.of(
                        "gitlab-ci: artifacts only on success",
                        "    when: always\n    expire_in: 30 days",
                        "    when: on_success\n    expire_in: 30 days"),
                List.of("azure-pipelines: a misspelt task", "task: PublishTestResults@2", "task: PublishTestResult@2"),
                List.of(
                        "azure-pipelines: a misspelt secret",
                        "SODA_API_KEY_SECRET: $(SODA_API_KEY_SECRET)",
                        "SODA_API_KEY_SECRET: $(SODA_API_KEY_SECRT)"),
                List.of(
                        "jenkins: an unterminated string",
                        "junit testResults: 'target/soda/TEST-dbt.xml',",
                        "junit testResults: 'target/soda/TEST-dbt.xml,"),
                List.of("jenkins: a brace too many", "    post {", "    post {{"),
                List.of("jenkins: a misspelt post condition", "        always {", "        allways {"),
                List.of(
                        "jenkins: a misspelt credential variable",
                        "usernameVariable: 'SODA_API_KEY_ID'",
                        "usernameVariable: 'SODA_API_KEY'"),
                List.of("names: a misspelt property", "-Dsoda.failOn=fail", "-Dsoda.failsOn=fail"),
                List.of("names: a failOn value that does not exist", "-Dsoda.failOn=fail", "-Dsoda.failOn=fails"),
                List.of("names: a misspelt parameter in the POM", "dataSource>", "datasource>"),
                List.of("names: a property renamed in the text", "`-Dsoda.outputDirectory`", "`-Dsoda.outputDir`"),
                List.of(
                        "names: a parameter named with another's property",
                        "`sodaCloudServerId`, `-Dsoda.cloud.serverId`",
                        "`sodaCloudServerId`, `-Dsoda.dbtCloud.serverId`"),
                List.of(
                        "names: an environment variable misspelt in the text",
                        "`DBT_CLOUD_API_TOKEN`",
                        "`DBT_CLOUD_TOKEN`"),
                List.of("names: the ledger's path", "~/.m2/soda/ledger.json", "~/.m2/ledger.json"),
                List.of("names: a misspelt server id", "<id>soda-cloud</id>", "<id>soda_cloud</id>"),
                List.of("names: a misspelt goal", "mvn -B soda:ingest", "mvn -B soda:ingst"),
                List.of("names: a misspelt output file", "target/soda/report.html", "target/soda/reports.html"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typos")
    void aTypoFailsTheChecks(List<String> typo) throws IOException {
        String doc = doc();
        assertThat(doc)
                .as("docs/ci.md holds the text this typo changes (update the typo when the page changes)")
                .contains(typo.get(1));
        String changed = doc.replace(typo.get(1), typo.get(2));
        assertThatThrownBy(() -> checkAll(changed))
                .as("the checks catch: %s", typo.get(0))
                .isInstanceOf(AssertionError.class);
    }

    // ---------------------------------------------------------------------------------------------
    // The page and its blocks

    static String doc() throws IOException {
        assertThat(DOC).as("the CI recipes page").isRegularFile();
        return Files.readString(DOC, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** A fenced code block: its language, its text, its first line (1-based) and its recipe id, if any. */
    record Block(String language, String text, int line, String recipe) {}

    static List<Block> blocks(String doc) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = doc.split("\n", -1);
        String previous = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) {
                String language = line.substring(3).trim();
                StringBuilder text = new StringBuilder();
                int start = i + 1;
                i++;
                while (i < lines.length && !lines[i].startsWith("```")) {
                    text.append(lines[i]).append('\n');
                    i++;
                }
                if (i == lines.length) {
                    fail("the code block at line %d of %s is not closed", start, DOC);
                }
                String recipe = previous.startsWith(MARKER) && previous.endsWith("-->")
                        ? previous.substring(MARKER.length(), previous.length() - 3)
                                .trim()
                        : null;
                blocks.add(new Block(language, text.toString(), start + 1, recipe));
                previous = "";
            } else if (!line.isBlank()) {
                if (previous.startsWith(MARKER)) {
                    fail("the marker '%s' is not followed by a code block (line %d)", previous, i + 1);
                }
                previous = line;
            }
        }
        return blocks;
    }

    static void checkBlocks(String doc) {
        Map<String, Block> recipes = new LinkedHashMap<>();
        for (Block block : blocks(doc)) {
            if (block.recipe() != null) {
                assertThat(recipes.put(block.recipe(), block))
                        .as("recipe '%s' appears once", block.recipe())
                        .isNull();
                assertThat(block.language())
                        .as("the language of recipe '%s' (line %d)", block.recipe(), block.line())
                        .isEqualTo(RECIPES.get(block.recipe()));
            } else {
                assertThat(block.language())
                        .as(
                                "the %s block at line %d has no '%s…-->' marker, so no test checks it",
                                block.language(), block.line(), MARKER)
                        .isNotIn("yaml", "yml", "groovy");
            }
        }
        assertThat(recipes.keySet()).as("the recipes of %s", DOC).isEqualTo(RECIPES.keySet());
    }

    static String recipe(String doc, String id) {
        return blocks(doc).stream()
                .filter(block -> id.equals(block.recipe()))
                .findFirst()
                .map(Block::text)
                .orElseGet(() -> fail("%s has no recipe '%s'", DOC, id));
    }

    static void checkAll(String doc) {
        checkBlocks(doc);
        checkGitHubActions(recipe(doc, "github-actions"));
        checkGitHubActionsSchedule(recipe(doc, "github-actions-schedule"));
        checkGitLabCi(recipe(doc, "gitlab-ci"));
        checkAzurePipelines(recipe(doc, "azure-pipelines"));
        checkJenkins(recipe(doc, "jenkins"));
        checkNames(doc);
        checkXml(doc);
    }

    // ---------------------------------------------------------------------------------------------
    // YAML

    /** Parses with the safe constructor (no custom tags), refusing duplicate keys. */
    static Map<Object, Object> yaml(String text, String recipe) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object root = new Yaml(new SafeConstructor(options)).load(text);
            return map(root, recipe);
        } catch (YAMLException invalid) {
            throw new AssertionError("recipe " + recipe + " is not valid YAML: " + invalid.getMessage(), invalid);
        }
    }

    static Map<Object, Object> map(Object value, String where) {
        assertThat(value).as("%s is a mapping", where).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) value;
        return map;
    }

    static List<Object> list(Object value, String where) {
        assertThat(value).as("%s is a list", where).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    static String text(Object value, String where) {
        assertThat(value)
                .as("%s is a scalar", where)
                .isNotNull()
                .isNotInstanceOf(Map.class)
                .isNotInstanceOf(List.class);
        return String.valueOf(value);
    }

    static Object get(Map<Object, Object> map, String key, String where) {
        assertThat(map).as("%s has '%s'", where, key).containsKey(key);
        return map.get(key);
    }

    static List<Map<Object, Object>> maps(Object value, String where) {
        List<Map<Object, Object>> maps = new ArrayList<>();
        List<Object> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            maps.add(map(items.get(i), where + "[" + i + "]"));
        }
        return maps;
    }

    static int index(List<Map<Object, Object>> steps, Predicate<Map<Object, Object>> test, String what) {
        for (int i = 0; i < steps.size(); i++) {
            if (test.test(steps.get(i))) {
                return i;
            }
        }
        return fail("no step %s", what);
    }

    static boolean mentions(Map<Object, Object> step, String key, String part) {
        return String.valueOf(step.get(key)).contains(part);
    }

    static void runsMaven(String command, String where) {
        assertThat(command).as("%s runs Maven", where).containsPattern("(^|\\s)mvn\\s");
    }

    // ---------------------------------------------------------------------------------------------
    // GitHub Actions

    static List<Map<Object, Object>> gitHubSteps(Map<Object, Object> workflow, String recipe) {
        // YAML 1.1, which SnakeYAML reads, takes an unquoted `on` key for the boolean true.
        assertThat(workflow.containsKey("on") || workflow.containsKey(Boolean.TRUE))
                .as("%s has 'on'", recipe)
                .isTrue();
        Map<Object, Object> jobs = map(get(workflow, "jobs", recipe), recipe + " jobs");
        assertThat(jobs).as("%s has one job", recipe).hasSize(1);
        Map.Entry<Object, Object> job = jobs.entrySet().iterator().next();
        String where = recipe + " job " + job.getKey();
        Map<Object, Object> body = map(job.getValue(), where);
        assertThat(text(get(body, "runs-on", where), where + " runs-on")).isNotBlank();
        List<Map<Object, Object>> steps = maps(get(body, "steps", where), where + " steps");
        for (Map<Object, Object> step : steps) {
            assertThat(step.containsKey("uses") ^ step.containsKey("run"))
                    .as("%s: a step either uses an action or runs a command: %s", where, step)
                    .isTrue();
            if (step.containsKey("uses")) {
                String uses = text(step.get("uses"), where + " uses");
                String[] action = uses.split("@", 2);
                assertThat(ACTIONS)
                        .as("%s uses a known action at its checked major version", where)
                        .containsEntry(action[0], action.length == 2 ? action[1] : "");
            } else {
                assertThat(String.valueOf(step.get("run")))
                        .as("%s: secrets go into env, not into a command", where)
                        .doesNotContain("secrets.");
            }
            if (step.containsKey("env")) {
                map(step.get("env"), where + " env")
                        .forEach((name, value) -> assertThat(String.valueOf(value))
                                .as("%s env %s comes from the secret of that name", where, name)
                                .isEqualTo("${{ secrets." + name + " }}"));
            }
        }
        int java = index(steps, step -> mentions(step, "uses", "actions/setup-java@"), "setting up Java");
        Map<Object, Object> with = map(get(steps.get(java), "with", where + " setup-java"), where + " setup-java with");
        assertThat(text(get(with, "distribution", where + " setup-java"), "distribution"))
                .isNotBlank();
        assertThat(Integer.parseInt(text(get(with, "java-version", where + " setup-java"), "java-version")))
                .as("%s: the plugin needs Java 17+", where)
                .isGreaterThanOrEqualTo(17);
        assertThat(index(steps, step -> mentions(step, "uses", "actions/checkout@"), "checking out"))
                .as("%s checks out first", where)
                .isZero();
        return steps;
    }

    static void checkGitHubActions(String text) {
        String recipe = "github-actions";
        Map<Object, Object> workflow = yaml(text, recipe);
        Map<Object, Object> permissions = map(get(workflow, "permissions", recipe), recipe + " permissions");
        assertThat(permissions)
                .as("%s: the JUnit report action creates a check run", recipe)
                .containsEntry("checks", "write")
                .containsEntry("contents", "read");
        List<Map<Object, Object>> steps = gitHubSteps(workflow, recipe);

        int dbt = index(steps, step -> mentions(step, "run", "dbt build"), "running dbt build");
        int maven = index(steps, step -> mentions(step, "run", "mvn "), "running Maven");
        Map<Object, Object> mvn = steps.get(maven);
        String command = text(mvn.get("run"), recipe + " Maven step");
        runsMaven(command, recipe);
        assertThat(command).contains("verify").contains("-Dsoda.failOn=fail");
        assertThat(maven).as("%s: Maven runs after dbt", recipe).isGreaterThan(dbt);
        assertThat(text(get(mvn, "if", recipe + " Maven step"), "if"))
                .as("%s: the Maven step runs after failing dbt tests too", recipe)
                .isEqualTo("success() || failure()");
        hasApiKey(map(get(mvn, "env", recipe + " Maven step"), recipe + " Maven step env"), recipe);

        int junit = index(steps, step -> mentions(step, "uses", "mikepenz/action-junit-report@"), "publishing JUnit");
        assertThat(junit).as("%s: the report is published after Maven", recipe).isGreaterThan(maven);
        Map<Object, Object> report = steps.get(junit);
        assertThat(text(get(report, "if", recipe + " JUnit step"), "if")).isEqualTo("always()");
        assertThat(map(get(report, "with", recipe + " JUnit step"), recipe + " JUnit step with"))
                .containsEntry("report_paths", JUNIT_REPORT);
        keepsReports(steps, maven, recipe);
    }

    static void keepsReports(List<Map<Object, Object>> steps, int maven, String recipe) {
        int upload = index(steps, step -> mentions(step, "uses", "actions/upload-artifact@"), "keeping the report");
        assertThat(upload).as("%s: the report is kept after Maven", recipe).isGreaterThan(maven);
        Map<Object, Object> step = steps.get(upload);
        assertThat(text(get(step, "if", recipe + " upload step"), "if")).isEqualTo("always()");
        Map<Object, Object> with = map(get(step, "with", recipe + " upload step"), recipe + " upload step with");
        assertThat(text(get(with, "name", recipe + " upload step"), "name")).isNotBlank();
        assertThat(text(get(with, "path", recipe + " upload step"), "path").lines())
                .as("%s keeps the HTML report and the scan results", recipe)
                .contains(HTML_REPORT, SCAN_RESULTS);
    }

    static void hasApiKey(Map<Object, Object> env, String where) {
        assertThat(env)
                .as("%s gets the API key in the plugin's environment variables", where)
                .containsKeys(
                        Setting.API_KEY_ID.environmentVariable().orElseThrow(),
                        Setting.API_KEY_SECRET.environmentVariable().orElseThrow());
    }

    static void checkGitHubActionsSchedule(String text) {
        String recipe = "github-actions-schedule";
        Map<Object, Object> workflow = yaml(text, recipe);
        Map<Object, Object> on =
                map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE), "on");
        List<Map<Object, Object>> schedule = maps(get(on, "schedule", recipe + " on"), recipe + " schedule");
        String cron = text(get(schedule.get(0), "cron", recipe + " schedule"), "cron");
        assertThat(cron.trim().split("\\s+"))
                .as("%s: a cron line has 5 fields", recipe)
                .hasSize(5);
        List<Map<Object, Object>> steps = gitHubSteps(workflow, recipe);

        int maven = index(steps, step -> mentions(step, "run", "mvn "), "running Maven");
        Map<Object, Object> mvn = steps.get(maven);
        String command = text(mvn.get("run"), recipe + " Maven step");
        runsMaven(command, recipe);
        assertThat(command)
                .contains("soda:ingest")
                .containsPattern("-Dsoda\\.dbtCloud\\.jobId=\\d+")
                .contains("-Dsoda.dbtCloud.maxRunAge=");
        Map<Object, Object> env = map(get(mvn, "env", recipe + " Maven step"), recipe + " Maven step env");
        hasApiKey(env, recipe);
        assertThat(env)
                .as("%s gets the dbt Cloud account and token in the plugin's environment variables", recipe)
                .containsKeys(
                        Setting.DBT_CLOUD_ACCOUNT_ID.environmentVariable().orElseThrow(),
                        Setting.DBT_CLOUD_API_TOKEN.environmentVariable().orElseThrow());
        keepsReports(steps, maven, recipe);
    }

    // ---------------------------------------------------------------------------------------------
    // GitLab CI

    static void checkGitLabCi(String text) {
        String recipe = "gitlab-ci";
        Map<Object, Object> pipeline = yaml(text, recipe);
        List<Object> stages = list(get(pipeline, "stages", recipe), recipe + " stages");
        Map<String, Map<Object, Object>> jobs = new LinkedHashMap<>();
        pipeline.forEach((name, value) -> {
            if (value instanceof Map<?, ?> found && found.containsKey("script")) {
                Map<Object, Object> job = map(found, recipe + " " + name);
                jobs.put(String.valueOf(name), job);
                assertThat(stages)
                        .as("%s: job %s is in a declared stage", recipe, name)
                        .contains(job.get("stage"));
                list(job.get("script"), recipe + " " + name + " script");
            }
        });
        String dbtJob = jobs.entrySet().stream()
                .filter(job -> String.valueOf(job.getValue().get("script")).contains("dbt build"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> fail("%s: no job runs dbt build", recipe));
        String sodaJob = jobs.entrySet().stream()
                .filter(job -> String.valueOf(job.getValue().get("script")).contains("mvn "))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> fail("%s: no job runs Maven", recipe));

        Map<Object, Object> dbt = jobs.get(dbtJob);
        Map<Object, Object> dbtArtifacts = map(get(dbt, "artifacts", recipe + " " + dbtJob), dbtJob + " artifacts");
        assertThat(dbtArtifacts)
                .as("%s: dbt's files are handed on after failing tests too", recipe)
                .containsEntry("when", "always");
        assertThat(list(get(dbtArtifacts, "paths", dbtJob + " artifacts"), dbtJob + " paths"))
                .as("%s hands dbt's artifacts to the Maven job", recipe)
                .contains("target/manifest.json", "target/run_results.json");

        Map<Object, Object> soda = jobs.get(sodaJob);
        String where = recipe + " " + sodaJob;
        Matcher image = Pattern.compile("^maven:[\\w.-]*temurin-(\\d+)$")
                .matcher(text(get(soda, "image", where), where + " image"));
        assertThat(image.matches())
                .as("%s runs in a Maven image with a Temurin JDK", where)
                .isTrue();
        assertThat(Integer.parseInt(image.group(1))).as("%s: Java 17+", where).isGreaterThanOrEqualTo(17);
        assertThat(list(get(soda, "needs", where), where + " needs")).contains(dbtJob);
        assertThat(soda).as("%s runs after failing dbt tests too", where).containsEntry("when", "always");
        String script = String.join(
                "\n",
                list(soda.get("script"), where).stream().map(String::valueOf).toList());
        runsMaven(script, where);
        assertThat(script).contains("verify").contains("-Dsoda.failOn=fail");
        Map<Object, Object> artifacts = map(get(soda, "artifacts", where), where + " artifacts");
        assertThat(artifacts)
                .as("%s keeps its reports when the gate fails", where)
                .containsEntry("when", "always");
        assertThat(text(get(artifacts, "expire_in", where + " artifacts"), "expire_in"))
                .isNotBlank();
        assertThat(list(get(artifacts, "paths", where + " artifacts"), where + " artifacts paths"))
                .contains(HTML_REPORT, SCAN_RESULTS);
        Map<Object, Object> reports =
                map(get(artifacts, "reports", where + " artifacts"), where + " artifacts reports");
        assertThat(reports).containsEntry("junit", JUNIT_REPORT);
    }

    // ---------------------------------------------------------------------------------------------
    // Azure DevOps

    static void checkAzurePipelines(String text) {
        String recipe = "azure-pipelines";
        Map<Object, Object> pipeline = yaml(text, recipe);
        get(pipeline, "trigger", recipe);
        assertThat(text(get(map(get(pipeline, "pool", recipe), recipe + " pool"), "vmImage", recipe), "vmImage"))
                .isNotBlank();
        assertThat(maps(get(pipeline, "variables", recipe), recipe + " variables"))
                .as("%s takes the key from a variable group", recipe)
                .anySatisfy(variable -> assertThat(variable).containsKey("group"));
        List<Map<Object, Object>> steps = maps(get(pipeline, "steps", recipe), recipe + " steps");
        for (Map<Object, Object> step : steps) {
            if (step.containsKey("task")) {
                assertThat(AZURE_TASKS).as("%s uses a known task", recipe).contains(String.valueOf(step.get("task")));
                map(get(step, "inputs", recipe + " " + step.get("task")), "inputs");
            } else {
                assertThat(step.containsKey("script") || step.containsKey("checkout"))
                        .as("%s: a step is a task, a script or a checkout: %s", recipe, step)
                        .isTrue();
            }
        }
        int java = index(steps, step -> "JavaToolInstaller@0".equals(step.get("task")), "installing Java");
        assertThat(Integer.parseInt(
                        text(map(steps.get(java).get("inputs"), "inputs").get("versionSpec"), "versionSpec")))
                .as("%s: Java 17+", recipe)
                .isGreaterThanOrEqualTo(17);

        int dbt = index(steps, step -> mentions(step, "script", "dbt build"), "running dbt build");
        int maven = index(steps, step -> mentions(step, "script", "mvn "), "running Maven");
        assertThat(maven).as("%s: Maven runs after dbt", recipe).isGreaterThan(dbt);
        Map<Object, Object> mvn = steps.get(maven);
        String command = text(mvn.get("script"), recipe + " Maven step");
        runsMaven(command, recipe);
        assertThat(command).contains("verify").contains("-Dsoda.failOn=fail");
        assertThat(text(get(mvn, "condition", recipe + " Maven step"), "condition"))
                .as("%s: the Maven step runs after failing dbt tests too", recipe)
                .isEqualTo("succeededOrFailed()");
        Map<Object, Object> env = map(get(mvn, "env", recipe + " Maven step"), recipe + " Maven step env");
        hasApiKey(env, recipe);
        env.forEach((name, value) -> assertThat(String.valueOf(value))
                .as("%s: secret variables are mapped into the environment by name", recipe)
                .isEqualTo("$(" + name + ")"));

        int tests = index(steps, step -> "PublishTestResults@2".equals(step.get("task")), "publishing test results");
        assertThat(tests).as("%s publishes the tests after Maven", recipe).isGreaterThan(maven);
        Map<Object, Object> publish = steps.get(tests);
        assertThat(text(get(publish, "condition", recipe + " PublishTestResults@2"), "condition"))
                .isEqualTo("always()");
        assertThat(map(publish.get("inputs"), "inputs"))
                .containsEntry("testResultsFormat", "JUnit")
                .containsEntry("testResultsFiles", JUNIT_REPORT);

        int artifact = index(steps, step -> "PublishPipelineArtifact@1".equals(step.get("task")), "keeping the report");
        assertThat(artifact).as("%s keeps the report after Maven", recipe).isGreaterThan(maven);
        Map<Object, Object> keep = steps.get(artifact);
        assertThat(text(get(keep, "condition", recipe + " PublishPipelineArtifact@1"), "condition"))
                .isEqualTo("always()");
        Map<Object, Object> inputs = map(keep.get("inputs"), "inputs");
        assertThat(text(get(inputs, "targetPath", recipe + " PublishPipelineArtifact@1"), "targetPath"))
                .as("%s keeps the folder holding the HTML report", recipe)
                .endsWith("/target/soda");
        assertThat(text(get(inputs, "artifact", recipe + " PublishPipelineArtifact@1"), "artifact"))
                .isNotBlank();
    }

    // ---------------------------------------------------------------------------------------------
    // Jenkins

    static void checkJenkins(String text) {
        String recipe = "jenkins";
        String code = Groovy.withoutComments(text).strip();
        Groovy.checkBalanced(code);
        assertThat(code).as("%s is a declarative pipeline", recipe).startsWith("pipeline {");
        String pipeline = Groovy.block(code, "pipeline");
        assertThat(code).as("%s: nothing follows the pipeline", recipe).endsWith("}");
        assertThat(Groovy.statements(pipeline))
                .as("%s: the pipeline's sections", recipe)
                .containsAll(List.of("agent", "stages", "post"))
                .isSubsetOf("agent", "tools", "options", "environment", "parameters", "triggers", "stages", "post");

        String stages = Groovy.block(pipeline, "stages");
        List<String> stageBodies = Groovy.blocks(stages, "stage\\s*\\(\\s*'[^']+'\\s*\\)");
        assertThat(stageBodies).as("%s: its stages", recipe).hasSizeGreaterThanOrEqualTo(2);
        for (String stage : stageBodies) {
            assertThat(Groovy.statements(stage))
                    .as("%s: a stage's sections", recipe)
                    .contains("steps")
                    .isSubsetOf("steps", "agent", "when", "environment", "options", "tools", "post", "input");
        }
        String dbt = stageBodies.stream()
                .filter(stage -> stage.contains("dbt build"))
                .findFirst()
                .orElseGet(() -> fail("%s: no stage runs dbt build", recipe));
        assertThat(Groovy.block(Groovy.block(dbt, "steps"), "catchError\\s*\\(\\s*buildResult:\\s*'FAILURE'[^)]*\\)"))
                .as("%s: dbt runs in catchError, so failing tests fail the build and Soda still runs", recipe)
                .containsPattern("sh\\s+'[^']*dbt build[^']*'");

        String soda = stageBodies.stream()
                .filter(stage -> stage.contains("mvn "))
                .findFirst()
                .orElseGet(() -> fail("%s: no stage runs Maven", recipe));
        String credentials = Groovy.block(
                Groovy.block(soda, "steps"),
                "withCredentials\\s*\\(\\s*\\[\\s*usernamePassword\\s*\\(\\s*credentialsId:\\s*'[\\w.-]+',\\s*"
                        + "usernameVariable:\\s*'"
                        + Setting.API_KEY_ID.environmentVariable().orElseThrow()
                        + "',\\s*passwordVariable:\\s*'"
                        + Setting.API_KEY_SECRET.environmentVariable().orElseThrow()
                        + "'\\s*\\)\\s*]\\s*\\)");
        assertThat(credentials)
                .as("%s: Maven runs inside withCredentials", recipe)
                .containsPattern("sh\\s+'mvn [^']*verify[^']*-Dsoda\\.failOn=fail[^']*'");

        String post = Groovy.block(pipeline, "post");
        assertThat(Groovy.statements(post))
                .as("%s: post conditions", recipe)
                .contains("always")
                .isSubsetOf(
                        "always",
                        "success",
                        "failure",
                        "unstable",
                        "changed",
                        "fixed",
                        "regression",
                        "aborted",
                        "unsuccessful",
                        "cleanup");
        String always = Groovy.block(post, "always");
        assertThat(always)
                .as("%s publishes the JUnit report and keeps the HTML report whatever happened", recipe)
                .containsPattern("(?m)^\\s*junit\\s+testResults:\\s*'" + Pattern.quote(JUNIT_REPORT) + "'")
                .containsPattern(
                        "(?m)^\\s*archiveArtifacts\\s+artifacts:\\s*'[^']*" + Pattern.quote(HTML_REPORT) + "[^']*'")
                .containsPattern(
                        "(?m)^\\s*archiveArtifacts\\s+artifacts:\\s*'[^']*" + Pattern.quote(SCAN_RESULTS) + "[^']*'");
    }

    /** Just enough of Groovy's lexical rules to check a Jenkinsfile's shape without a Groovy parser. */
    static final class Groovy {

        /** The text with {@code //} and {@code /* *\/} comments blanked out; strings are kept. */
        static String withoutComments(String text) {
            StringBuilder out = new StringBuilder(text);
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\'' || c == '"') {
                    i = endOfString(text, i);
                } else if (text.startsWith("//", i)) {
                    int end = text.indexOf('\n', i);
                    end = end < 0 ? text.length() : end;
                    blank(out, i, end);
                    i = end;
                } else if (text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    assertThat(end).as("Jenkinsfile: a /* comment is closed").isNotNegative();
                    blank(out, i, end + 2);
                    i = end + 2;
                } else {
                    i++;
                }
            }
            return out.toString();
        }

        private static void blank(StringBuilder out, int from, int to) {
            for (int i = from; i < to; i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }

        /** The index just past the string starting at {@code start} (', ", ''' or """). */
        static int endOfString(String text, int start) {
            char quote = text.charAt(start);
            String triple = String.valueOf(quote).repeat(3);
            boolean isTriple = text.startsWith(triple, start);
            int i = start + (isTriple ? 3 : 1);
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (isTriple ? text.startsWith(triple, i) : c == quote) {
                    return i + (isTriple ? 3 : 1);
                } else if (!isTriple && c == '\n') {
                    break;
                } else {
                    i++;
                }
            }
            int line = (int) text.substring(0, start)
                            .chars()
                            .filter(ch -> ch == '\n')
                            .count()
                    + 1;
            return fail("Jenkinsfile: the string starting on line %d is not closed", line);
        }

        static void checkBalanced(String code) {
            StringBuilder open = new StringBuilder();
            int i = 0;
            while (i < code.length()) {
                char c = code.charAt(i);
                if (c == '\'' || c == '"') {
                    i = endOfString(code, i);
                    continue;
                }
                if ("({[".indexOf(c) >= 0) {
                    open.append(c);
                } else if (")}]".indexOf(c) >= 0) {
                    char expected = "({[".charAt(")}]".indexOf(c));
                    int line = (int) code.substring(0, i)
                                    .chars()
                                    .filter(ch -> ch == '\n')
                                    .count()
                            + 1;
                    assertThat(open.length() > 0 && open.charAt(open.length() - 1) == expected)
                            .as("Jenkinsfile: '%s' on line %d closes what was opened", c, line)
                            .isTrue();
                    open.setLength(open.length() - 1);
                }
                i++;
            }
            assertThat(open.toString()).as("Jenkinsfile: brackets left open").isEmpty();
        }

        /** The body of the first block {@code header { … }} in {@code code}. */
        static String block(String code, String header) {
            List<String> blocks = blocks(code, header);
            assertThat(blocks).as("Jenkinsfile has a block '%s { … }'", header).isNotEmpty();
            return blocks.get(0);
        }

        /** The bodies of all blocks {@code header { … }} at any depth, in order. */
        static List<String> blocks(String code, String header) {
            List<String> bodies = new ArrayList<>();
            Matcher matcher =
                    Pattern.compile("(?<![\\w.])" + header + "\\s*\\{").matcher(code);
            while (matcher.find()) {
                int open = matcher.end() - 1;
                bodies.add(code.substring(open + 1, matchingBrace(code, open)));
            }
            return bodies;
        }

        private static int matchingBrace(String code, int open) {
            int depth = 0;
            int i = open;
            while (i < code.length()) {
                char c = code.charAt(i);
                if (c == '\'' || c == '"') {
                    i = endOfString(code, i);
                    continue;
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
                i++;
            }
            return fail("Jenkinsfile: the block opened at %d is not closed", open);
        }

        /** The first word of each statement at the top level of a block's body. */
        static List<String> statements(String body) {
            List<String> words = new ArrayList<>();
            int depth = 0;
            boolean lineStart = true;
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == '\'' || c == '"') {
                    i = endOfString(body, i);
                    lineStart = false;
                    continue;
                }
                if (c == '\n') {
                    lineStart = true;
                } else if ("({[".indexOf(c) >= 0) {
                    depth++;
                    lineStart = false;
                } else if (")}]".indexOf(c) >= 0) {
                    depth--;
                    lineStart = false;
                } else if (!Character.isWhitespace(c)) {
                    if (lineStart && depth == 0 && Character.isJavaIdentifierStart(c)) {
                        int end = i;
                        while (end < body.length() && Character.isJavaIdentifierPart(body.charAt(end))) {
                            end++;
                        }
                        words.add(body.substring(i, end));
                        i = end;
                        lineStart = false;
                        continue;
                    }
                    lineStart = false;
                }
                i++;
            }
            return words;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Names

    static Set<String> properties() {
        return Arrays.stream(Setting.values()).map(Setting::property).collect(Collectors.toSet());
    }

    static void checkNames(String doc) {
        // Properties: -Dsoda.… on command lines, soda.… in the text (not the host cloud.soda.io).
        Set<String> found = new TreeSet<>();
        Matcher dashD = Pattern.compile("-D([A-Za-z][\\w.-]*)").matcher(doc);
        while (dashD.find()) {
            String property = dashD.group(1);
            if (!property.startsWith("soda.")) {
                assertThat(OTHER_PROPERTIES)
                        .as("-D%s is a property the page knows", property)
                        .contains(property);
            }
        }
        Matcher property = Pattern.compile("(?<![\\w./-])soda\\.[a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*)*")
                .matcher(doc.replace("-Dsoda.", " soda."));
        while (property.find()) {
            found.add(property.group());
        }
        assertThat(found).as("properties named on the page").isNotEmpty();
        assertThat(properties()).as("the Setting catalogue's properties").containsAll(found);

        // A parameter written with its property: `failOn` (`-Dsoda.failOn`) or (`sodaCloudServerId`, `-Dsoda.…`).
        Matcher pair = Pattern.compile("`(\\w+)`[\\s(,]*`-D(soda\\.[\\w.]+)`").matcher(doc);
        int pairs = 0;
        while (pair.find()) {
            pairs++;
            String parameter = pair.group(1);
            assertThat(Setting.byParameter(parameter).map(Setting::property))
                    .as("parameter %s has the property %s", parameter, pair.group(2))
                    .contains(pair.group(2));
        }
        assertThat(pairs).as("parameters named with their property").isPositive();

        // Values.
        Matcher failOn = Pattern.compile("soda\\.failOn=(\\w+)").matcher(doc);
        Set<String> gates = Arrays.stream(FailOn.values())
                .map(value -> value.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        while (failOn.find()) {
            assertThat(gates).as("failOn=%s is a quality gate", failOn.group(1)).contains(failOn.group(1));
        }
        Matcher maxRunAge =
                Pattern.compile("soda\\.dbtCloud\\.maxRunAge=(\\S+)").matcher(doc);
        assertThat(maxRunAge.find()).as("the page sets maxRunAge").isTrue();
        do {
            try {
                assertThat(Duration.parse(maxRunAge.group(1))).isPositive();
            } catch (DateTimeParseException notADuration) {
                fail("maxRunAge=%s is not an ISO-8601 duration", maxRunAge.group(1));
            }
        } while (maxRunAge.find());

        // Environment variables.
        Set<String> variables = Arrays.stream(Setting.values())
                .flatMap(setting -> setting.environmentVariable().stream())
                .collect(Collectors.toSet());
        Matcher variable =
                Pattern.compile("\\b(?:SODA|DBT_CLOUD)_[A-Z0-9_]+\\b").matcher(doc);
        Set<String> named = new TreeSet<>();
        while (variable.find()) {
            named.add(variable.group());
        }
        assertThat(named).as("environment variables named on the page").isNotEmpty();
        assertThat(variables)
                .as("the Setting catalogue's environment variables")
                .containsAll(named);

        // Goals: soda:<goal> and the full form dev.sodamaven:soda-maven-plugin:<version>:<goal>.
        Set<String> goals = new TreeSet<>(List.of("help"));
        Arrays.stream(Setting.Goal.values())
                .filter(goal -> goal != Setting.Goal.BOTH)
                .forEach(goal -> goals.add(goal.id()));
        Matcher goal = Pattern.compile("(?:\\bsoda|soda-maven-plugin:[\\w.-]+):([a-z]\\w*)")
                .matcher(doc);
        while (goal.find()) {
            assertThat(goals).as("%s names a goal", goal.group()).contains(goal.group(1));
        }

        // Files in the output directory, the ledger and the settings.xml server.
        assertThat(Setting.OUTPUT_DIRECTORY.documentedDefault()).contains("${project.build.directory}/soda");
        assertThat(Setting.SCAN_RESULTS.documentedDefault())
                .contains("${project.build.directory}/soda/scan-results.json");
        Matcher output = Pattern.compile("target/soda/([A-Za-z][\\w.-]*)").matcher(doc);
        Set<String> outputs =
                Set.of(JUnitReportWriter.FILE_NAME, HtmlReportWriter.FILE_NAME, "scan-results.json", "dbt-cloud");
        while (output.find()) {
            assertThat(outputs).as("%s is an output file", output.group()).contains(output.group(1));
        }
        String ledger = Setting.LEDGER.documentedDefault().orElseThrow().replace("${user.home}", "~");
        Matcher ledgers = Pattern.compile("~/[\\w./-]*ledger[\\w.-]*").matcher(doc);
        assertThat(ledgers.find()).as("the page names the ledger").isTrue();
        do {
            assertThat(ledgers.group()).as("the ledger's default path").isEqualTo(ledger);
        } while (ledgers.find());
        Matcher server = Pattern.compile("`([a-z]+-cloud)` server|<id>([^<]*)</id>|server id is `([^`]*)`")
                .matcher(doc);
        Set<String> servers = Set.of(
                Setting.SODA_CLOUD_SERVER_ID.documentedDefault().orElseThrow(),
                Setting.DBT_CLOUD_SERVER_ID.documentedDefault().orElseThrow());
        int serverIds = 0;
        while (server.find()) {
            serverIds++;
            String id = Stream.of(server.group(1), server.group(2), server.group(3))
                    .filter(group -> group != null)
                    .findFirst()
                    .orElseThrow();
            assertThat(servers).as("settings.xml server id %s", id).contains(id);
        }
        assertThat(serverIds).as("settings.xml server ids named").isPositive();
    }

    // ---------------------------------------------------------------------------------------------
    // XML snippets and the plugin's coordinates

    static Document parse(String xml, String where) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception invalid) {
            throw new AssertionError(where + " is not well-formed XML: " + invalid.getMessage(), invalid);
        }
    }

    static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    static void checkXml(String doc) {
        Element pom;
        try {
            pom = parse(Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8), "pom.xml")
                    .getDocumentElement();
        } catch (IOException unreadable) {
            throw new AssertionError("pom.xml cannot be read", unreadable);
        }
        String groupId = child(pom, "groupId");
        String artifactId = child(pom, "artifactId");
        String version = child(pom, "version");

        int plugins = 0;
        for (Block block : blocks(doc)) {
            if (!block.language().equals("xml")) {
                continue;
            }
            Document xml = parse(block.text(), "the XML block at line " + block.line());
            NodeList found = xml.getElementsByTagName("plugin");
            for (int i = 0; i < found.getLength(); i++) {
                Element plugin = (Element) found.item(i);
                if (!artifactId.equals(child(plugin, "artifactId"))) {
                    continue;
                }
                plugins++;
                assertThat(child(plugin, "groupId")).as("the plugin's groupId").isEqualTo(groupId);
                assertThat(child(plugin, "version")).as("the plugin's version").isEqualTo(version);
                NodeList configurations = plugin.getElementsByTagName("configuration");
                for (int c = 0; c < configurations.getLength(); c++) {
                    for (Node node = configurations.item(c).getFirstChild();
                            node != null;
                            node = node.getNextSibling()) {
                        if (node instanceof Element parameter) {
                            assertThat(Setting.byParameter(parameter.getTagName()))
                                    .as("<%s> is a parameter of the plugin", parameter.getTagName())
                                    .isPresent();
                        }
                    }
                }
            }
        }
        assertThat(plugins).as("the page shows the plugin in a POM").isPositive();
        Matcher coordinates = Pattern.compile("([\\w.-]+):" + Pattern.quote(artifactId) + ":([\\w.-]+):")
                .matcher(doc);
        while (coordinates.find()) {
            assertThat(coordinates.group(1)).as("the plugin's groupId").isEqualTo(groupId);
            assertThat(coordinates.group(2)).as("the plugin's version").isEqualTo(version);
        }
    }
}
