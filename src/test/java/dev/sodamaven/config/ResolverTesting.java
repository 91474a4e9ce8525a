package dev.sodamaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.maven.MavenSettingNames;
import dev.sodamaven.testing.TestRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers of the {@link SettingsResolver} tests. */
final class ResolverTesting {

    static final Instant NOW = Instant.parse("2026-11-20T08:30:12.123456Z");

    private ResolverTesting() {}

    /** A resolver whose results and problems are shown the way the goals show them. */
    static ShownResolver resolver(Map<String, String> environment) {
        return new ShownResolver(environment);
    }

    /** Resolves with its own run's secrets; settings and problems come out as the goals show them. */
    static final class ShownResolver {
        private final TestRun run;

        ShownResolver(Map<String, String> environment) {
            run = new TestRun(Clock.fixed(NOW, ZoneOffset.UTC), environment);
        }

        IngestSettings resolveIngest(Parameters parameters) throws IngestException {
            return run.resolveShown(parameters);
        }

        UploadSettings resolveUpload(Parameters parameters) throws IngestException {
            return run.resolveUploadShown(parameters);
        }
    }

    /** A text of the core (an origin, a message) as the goals show it. */
    static String shown(String text) {
        return Setting.render(text, MavenSettingNames.INSTANCE);
    }

    /** Parameters of an upload: the file to send. */
    static Parameters.Builder upload() {
        return Parameters.builder().with(Setting.SCAN_RESULTS, Path.of("target", "soda", "scan-results.json"));
    }

    /** Parameters of a dry run over a local artifacts folder: enough for resolveIngest to succeed. */
    static Parameters.Builder dryRun(Path artifacts) {
        return Parameters.builder()
                .with(Setting.DATA_SOURCE, "jaffle_shop")
                .with(Setting.DBT_ARTIFACTS, artifacts)
                .with(Setting.DRY_RUN, true)
                .with(Setting.OUTPUT_DIRECTORY, Path.of("target", "soda"));
    }

    /** The IngestException {@code call} throws; fails when it throws nothing. */
    static IngestException failure(ThrowingCallable call) {
        IngestException problem = catchThrowableOfType(IngestException.class, call);
        assertThat(problem).as("an IngestException").isNotNull();
        assertThat(problem.getMessage()).isNotBlank();
        assertThat(problem.hint()).isNotBlank();
        return problem;
    }

    /** The origin recorded for {@code setting}. */
    static SettingOrigin origin(List<SettingOrigin> origins, String setting) {
        return origins.stream()
                .filter(o -> o.setting().equals(setting))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no origin for " + setting + " in " + origins));
    }

    /** No secret in any origin, warning or toString of the settings. */
    static void assertNoSecret(IngestSettings settings, String... secrets) {
        assertNoSecret(settings.origins(), settings.warnings(), settings.toString(), secrets);
    }

    static void assertNoSecret(UploadSettings settings, String... secrets) {
        assertNoSecret(settings.origins(), settings.warnings(), settings.toString(), secrets);
    }

    /** No secret in the message, hint or any cause of {@code problem}. */
    static void assertNoSecret(IngestException problem, String... secrets) {
        List<String> texts = new ArrayList<>(List.of(problem.describe()));
        for (Throwable cause = problem.getCause(); cause != null; cause = cause.getCause()) {
            texts.add(String.valueOf(cause.getMessage()));
        }
        for (String secret : secrets) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
    }

    private static void assertNoSecret(
            List<SettingOrigin> origins, List<String> warnings, String settings, String... secrets) {
        assertThat(origins).isNotEmpty();
        List<String> texts = new ArrayList<>(warnings);
        for (SettingOrigin origin : origins) {
            texts.add(origin.setting());
            texts.add(origin.value());
            texts.add(origin.origin());
        }
        texts.add(settings);
        for (String secret : secrets) {
            assertThat(texts).as("texts shown to the user").noneMatch(text -> text.contains(secret));
        }
    }
}
