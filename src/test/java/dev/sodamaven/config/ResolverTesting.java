package dev.sodamaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sodamaven.core.IngestException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers of the {@link SettingsResolver} tests. */
final class ResolverTesting {

    static final Instant NOW = Instant.parse("2026-11-20T08:30:12.123456Z");

    private ResolverTesting() {
    }

    static SettingsResolver resolver(Map<String, String> environment) {
        return new SettingsResolver(environment, NOW);
    }

    /** Parameters of a dry run over a local artifacts folder: enough for resolveIngest to succeed. */
    static PluginParameters.Builder dryRun(Path artifacts) {
        return PluginParameters.builder().dataSource("jaffle_shop").dbtArtifacts(artifacts).dryRun(true);
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
        return origins.stream().filter(o -> o.setting().equals(setting)).findFirst()
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

    private static void assertNoSecret(List<SettingOrigin> origins, List<String> warnings, String settings,
                                       String... secrets) {
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
