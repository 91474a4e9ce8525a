package dev.sodamaven;

import dev.sodamaven.config.DbtCloudSettings;
import dev.sodamaven.config.NetworkSettings;
import dev.sodamaven.config.SodaCloudSettings;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.IngestLog;
import dev.sodamaven.core.PluginInfo;
import dev.sodamaven.core.ProxySettings;
import dev.sodamaven.core.Secrets;
import dev.sodamaven.core.Setting;
import dev.sodamaven.core.Sleeper;
import dev.sodamaven.dbtcloud.DbtCloudClient;
import dev.sodamaven.dbtcloud.DbtCloudFetcher;
import dev.sodamaven.http.HttpSettings;
import dev.sodamaven.http.HttpTransport;
import dev.sodamaven.soda.SavedScan;
import dev.sodamaven.soda.ScanResultsFile;
import dev.sodamaven.soda.SodaCloudClient;
import dev.sodamaven.soda.SodaCloudEndpoint;
import dev.sodamaven.soda.UploadReceipt;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The remote services of a run: one HTTP client (created only when something is sent), shared by
 * the Soda Cloud and dbt Cloud clients.
 */
public final class Remote {

    /** Where the proxies come from; asked only when a connection is about to be made. */
    @FunctionalInterface
    public interface ProxySource {
        List<ProxySettings> proxies() throws IngestException;
    }

    private final ProxySource proxies;
    private final Sleeper sleeper;
    private final Duration initialBackoff;
    private final IngestLog log;
    private final Secrets secrets;
    /** Why no connection may be made (the build runs offline), or null. */
    private final String offline;

    /**
     * @param proxies        asked for the proxies (from settings.xml; empty: the JVM's proxy properties
     *                       apply) when the first connection is made — so a dry run never decrypts a proxy
     *                       password it does not need
     * @param sleeper        how to wait between retries
     * @param initialBackoff the first wait before a retry
     * @param log            where retries are reported
     * @param secrets        the run's secrets, which the clients add their credentials and tokens to
     */
    public Remote(ProxySource proxies, Sleeper sleeper, Duration initialBackoff, IngestLog log, Secrets secrets) {
        this(proxies, sleeper, initialBackoff, log, secrets, null);
    }

    /**
     * As above; with {@code offline} (why the build must not use the network, in the front end's words,
     * e.g. "Maven runs offline (-o)") every connection is refused before it is made, so a dry run from local
     * files still works and anything else fails with a clear message, the scan results file kept.
     */
    public Remote(
            ProxySource proxies,
            Sleeper sleeper,
            Duration initialBackoff,
            IngestLog log,
            Secrets secrets,
            String offline) {
        this.offline = offline;
        this.proxies = proxies;
        this.sleeper = sleeper;
        this.initialBackoff = initialBackoff;
        this.log = log;
        this.secrets = secrets;
    }

    public Session open(NetworkSettings network) {
        return new Session(network);
    }

    /** The connections of one run. */
    public final class Session implements AutoCloseable {
        private final NetworkSettings network;
        private HttpTransport transport;

        private Session(NetworkSettings network) {
            this.network = network;
        }

        private HttpTransport transport() throws IngestException {
            if (offline != null) {
                throw IngestException.configuration(
                        offline + ", so the plugin cannot reach Soda Cloud or dbt Cloud.",
                        "Build online to send the results; or set " + Setting.DRY_RUN.ref()
                                + " to true to only write the scan results and reports from local dbt artifacts "
                                + "(a dbt Cloud run needs the network even then).");
            }
            if (transport == null) {
                HttpSettings settings = new HttpSettings(
                        network.connectTimeout(),
                        network.readTimeout(),
                        network.maxRetries(),
                        initialBackoff,
                        Duration.ofSeconds(30),
                        PluginInfo.userAgent(),
                        proxies.proxies(),
                        sleeper,
                        network.requestDeadline(),
                        network.maxDownloadBytes(),
                        network.maxRetryWait());
                transport = new HttpTransport(
                        settings,
                        (description, reason, next, max, wait) -> log.warn(description + ": " + reason
                                + "; trying again in " + seconds(wait) + " (attempt " + next + " of " + max + ")"));
            }
            return transport;
        }

        /** Checks the saved scan results file and sends it to Soda Cloud. */
        public UploadReceipt upload(SodaCloudSettings sodaCloud, Path scanResultsFile) throws IngestException {
            SavedScan scan = ScanResultsFile.inspect(scanResultsFile);
            if (!sodaCloud.hasApiKey()) {
                throw IngestException.configuration(
                        "No Soda Cloud API key is set.",
                        "Give "
                                + Setting.API_KEY_ID.ref() + " and " + Setting.API_KEY_SECRET.ref()
                                + " (see the README, section Credentials).");
            }
            SodaCloudClient client = new SodaCloudClient(
                    transport(),
                    endpoint(sodaCloud),
                    new SodaCloudClient.ApiKey(
                            sodaCloud.apiKeyId(), sodaCloud.apiKeySecret(), sodaCloud.apiKeyOrigin()),
                    secrets,
                    log::info);
            return client.upload(scan);
        }

        public DbtCloudFetcher dbtCloud(DbtCloudSettings settings) throws IngestException {
            DbtCloudClient client = new DbtCloudClient(
                    transport(),
                    settings.baseUrl(),
                    settings.accountId(),
                    settings.apiToken(),
                    settings.tokenOrigin(),
                    secrets);
            return new DbtCloudFetcher(
                    client,
                    settings.runId(),
                    settings.jobId(),
                    settings.successfulRunsOnly(),
                    settings.maxRunAge(),
                    Clock.systemUTC(),
                    log::info);
        }

        public String sodaCloudAddress(SodaCloudSettings sodaCloud) {
            return endpoint(sodaCloud).apiUrl().toString();
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (IOException ignored) {
                    // Closing idle connections cannot lose anything.
                }
            }
        }
    }

    private static SodaCloudEndpoint endpoint(SodaCloudSettings sodaCloud) {
        return new SodaCloudEndpoint(sodaCloud.scheme(), sodaCloud.host(), sodaCloud.port());
    }

    private static String seconds(Duration wait) {
        return String.format(Locale.ROOT, "%.1f s", wait.toMillis() / 1000.0);
    }
}
