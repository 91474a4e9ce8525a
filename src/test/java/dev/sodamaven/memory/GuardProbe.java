package dev.sodamaven.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sodamaven.HeapExhausted;
import dev.sodamaven.IngestOutcome;
import dev.sodamaven.Ingestion;
import dev.sodamaven.Remote;
import dev.sodamaven.config.IngestSettings;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.config.SettingsResolver;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@link MemoryGuardTest} runs in a JVM of its own with a small heap. Modes: {@code ingest} runs the
 * whole ingestion in dry run as the goal does and prints {@code GUARD checks=N warnings=N}, or
 * {@code GUARD out-of-heap …} when it ran out; {@code readtree} loads the whole manifest as a tree, the
 * way the guard is there to forbid, and prints {@code GUARD nodes=N}.
 */
public final class GuardProbe {

    private GuardProbe() {}

    /** Arguments: mode, artifacts folder, output folder. */
    public static void main(String[] args) throws Exception {
        Path artifacts = Path.of(args[1]);
        if (args[0].equals("readtree")) {
            JsonNode tree = new ObjectMapper()
                    .readTree(artifacts.resolve("manifest.json").toFile());
            System.out.println("GUARD nodes=" + tree.path("nodes").size());
            return;
        }
        Counting log = new Counting();
        Secrets secrets = new Secrets();
        Clock clock = Clock.systemUTC();
        Parameters parameters = Parameters.builder()
                .with(Setting.DATA_SOURCE, "guard_warehouse")
                .with(Setting.DBT_ARTIFACTS, artifacts)
                .with(Setting.OUTPUT_DIRECTORY, Path.of(args[2]))
                .with(Setting.DRY_RUN, true)
                .build();
        IngestSettings settings = new SettingsResolver(Map.of(), clock.instant(), secrets).resolveIngest(parameters);
        Remote remote = new Remote(List::of, duration -> {}, Duration.ofMillis(1), log, secrets);
        try {
            IngestOutcome outcome =
                    new Ingestion(log, clock, remote, new Outbound(secrets, Setting::parameter)).run(settings);
            System.out.println("GUARD checks=" + outcome.checks().checks().size() + " warnings=" + log.warnings);
        } catch (HeapExhausted full) {
            System.out.println("GUARD out-of-heap " + full.whatWasRead());
            System.exit(3);
        }
    }

    /** Counts warnings (a correct run of the generated project has none); drops everything else. */
    private static final class Counting implements IngestLog {
        int warnings;

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
            warnings++;
            System.out.println("GUARD warning " + message);
        }
    }
}
