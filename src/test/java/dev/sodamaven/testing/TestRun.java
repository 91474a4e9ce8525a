package dev.sodamaven.testing;

import dev.sodamaven.IngestOutcome;
import dev.sodamaven.Ingestion;
import dev.sodamaven.Remote;
import dev.sodamaven.config.IngestSettings;
import dev.sodamaven.config.Parameters;
import dev.sodamaven.config.SettingOrigin;
import dev.sodamaven.config.SettingsResolver;
import dev.sodamaven.config.UploadSettings;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.maven.MavenSettingNames;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of the core as the {@code soda:ingest} goal wires it — its own secrets, texts shown as
 * the Maven goal shows them, a log that records what the build log would say — but without waiting
 * between retries.
 */
public final class TestRun {

    private final Secrets secrets = new Secrets();
    private final Outbound outbound = new Outbound(secrets, MavenSettingNames.INSTANCE);
    private final RecordingLog log = new RecordingLog(outbound);
    private final Clock clock;
    private final Map<String, String> environment;

    public TestRun(Clock clock) {
        this(clock, Map.of());
    }

    public TestRun(Clock clock, Map<String, String> environment) {
        this.clock = clock;
        this.environment = Map.copyOf(environment);
    }

    public RecordingLog log() {
        return log;
    }

    public Outbound outbound() {
        return outbound;
    }

    public IngestSettings resolve(Parameters parameters) throws IngestException {
        return new SettingsResolver(environment, clock.instant(), secrets).resolveIngest(parameters);
    }

    /** The settings of {@code soda:ingest} as the goal shows them; a problem too. */
    public IngestSettings resolveShown(Parameters parameters) throws IngestException {
        try {
            IngestSettings s = resolve(parameters);
            return new IngestSettings(
                    s.dataSource(),
                    s.artifacts(),
                    s.sodaCloud(),
                    s.scanDefinition(),
                    s.dataTimestamp(),
                    s.outputDirectory(),
                    s.dryRun(),
                    s.failOn(),
                    s.network(),
                    s.selection(),
                    s.ledger(),
                    s.force(),
                    s.sendUnitTests(),
                    shownOrigins(s.origins()),
                    shown(s.warnings()));
        } catch (IngestException problem) {
            throw outbound.problem(problem);
        }
    }

    /** The settings of {@code soda:upload} as the goal shows them; a problem too. */
    public UploadSettings resolveUploadShown(Parameters parameters) throws IngestException {
        try {
            UploadSettings s = new SettingsResolver(environment, clock.instant(), secrets).resolveUpload(parameters);
            return new UploadSettings(
                    s.scanResults(), s.sodaCloud(), s.network(), shownOrigins(s.origins()), shown(s.warnings()));
        } catch (IngestException problem) {
            throw outbound.problem(problem);
        }
    }

    private List<SettingOrigin> shownOrigins(List<SettingOrigin> origins) {
        return origins.stream()
                .map(o -> new SettingOrigin(
                        outbound.text(o.setting()), outbound.text(o.value()), outbound.text(o.origin())))
                .toList();
    }

    /** Without proxies, and retrying at once. */
    public Remote remote() {
        return remote(List::of);
    }

    public Remote remote(Remote.ProxySource proxies) {
        return new Remote(proxies, wait -> {}, Duration.ofMillis(1), log, secrets);
    }

    public Ingestion ingestion(Remote remote) {
        return new Ingestion(log, clock, remote, outbound);
    }

    /**
     * Resolves the settings and ingests; a problem is thrown as the goal shows it (settings spelled,
     * secrets masked).
     */
    public IngestOutcome ingest(Parameters parameters) throws IngestException {
        try {
            return ingestion(remote()).run(resolve(parameters));
        } catch (IngestException problem) {
            throw outbound.problem(problem);
        }
    }

    /** Warnings as the build log shows them. */
    public List<String> shown(List<String> warnings) {
        return warnings.stream().map(outbound::text).toList();
    }
}
