package dev.sodamaven.maven;

import dev.sodamaven.Ingestion;
import dev.sodamaven.config.IngestSettings;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Reads the results of a dbt run — manifest.json and run_results.json from disk, or from a dbt
 * Cloud run — and uploads every dbt test result to Soda Cloud as a Soda check result, in one scan.
 * The upload body is first written to {@code scan-results.json} in the output directory.
 */
@Mojo(name = "ingest", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class IngestMojo extends AbstractSodaMojo {

    /**
     * Soda data source name (Soda's {@code -d}): the data source the dbt tests' tables belong to in
     * Soda Cloud. Lower-case letters, digits and underscores. Required; also read from the environment
     * variable {@code SODA_DATA_SOURCE}, like Soda's CLI.
     */
    @Parameter(property = "soda.dataSource")
    private String dataSource;

    /**
     * Folder holding {@code manifest.json} and {@code run_results.json}, usually dbt's {@code target/}
     * (Soda's {@code --dbt-artifacts}). {@code dbtManifest} / {@code dbtRunResults}, when given,
     * replace the corresponding file.
     */
    @Parameter(property = "soda.dbt.artifacts")
    private File dbtArtifacts;

    /** The dbt {@code manifest.json} (Soda's {@code --dbt-manifest}); works on its own with {@code dbtRunResults}. */
    @Parameter(property = "soda.dbt.manifest")
    private File dbtManifest;

    /**
     * The dbt {@code run_results.json} (Soda's {@code --dbt-run-results}); several files separated by
     * commas are merged, later files winning for a test found in more than one.
     */
    @Parameter(property = "soda.dbt.runResults")
    private String dbtRunResults;

    /**
     * The {@code sources.json} written by {@code dbt source freshness}: each freshness result becomes a
     * check on the source's table. Optional: with {@code dbtArtifacts}, a {@code sources.json} in the
     * folder is picked up when present. With {@code dbtManifest} and no run results, a freshness-only
     * ingestion.
     */
    @Parameter(property = "soda.dbt.sources")
    private File dbtSources;

    /** dbt Cloud run to ingest (Soda's {@code --dbt-cloud-run-id}). Not together with local artifacts or a job id. */
    @Parameter(property = "soda.dbtCloud.runId")
    private String dbtCloudRunId;

    /**
     * dbt Cloud job whose latest finished run (success, or error because tests failed) is ingested
     * (Soda's {@code --dbt-cloud-job-id}). Queued, running and cancelled runs are passed over.
     */
    @Parameter(property = "soda.dbtCloud.jobId")
    private String dbtCloudJobId;

    /** With {@code dbtCloudJobId}: only take runs that succeeded (runs whose tests failed end in error). */
    @Parameter(property = "soda.dbtCloud.successfulRunsOnly", defaultValue = "false")
    private boolean dbtCloudSuccessfulRunsOnly;

    /** dbt Cloud account id. Also from configuration.yml {@code dbt_cloud.account_id} or env {@code DBT_CLOUD_ACCOUNT_ID}. */
    @Parameter(property = "soda.dbtCloud.accountId")
    private String dbtCloudAccountId;

    /**
     * dbt Cloud API token (service or personal). Also from configuration.yml {@code dbt_cloud.api_token},
     * env {@code DBT_CLOUD_API_TOKEN}, or the password of the settings.xml server {@code dbtCloudServerId}.
     * Never logged, also not with {@code mvn -X}; but do not write it into a POM, whose plugin configuration
     * {@code mvn -X} prints.
     */
    @Parameter(property = "soda.dbtCloud.apiToken")
    private PlexusConfiguration dbtCloudApiToken;

    /**
     * dbt Cloud host: your account's access URL (e.g. {@code ab123.us1.dbt.com}, {@code emea.dbt.com}, a
     * single-tenant host), or a full base URL with scheme. Default {@code cloud.getdbt.com}. Also
     * configuration.yml {@code dbt_cloud.access_url}.
     */
    @Parameter(property = "soda.dbtCloud.accessUrl")
    private String dbtCloudAccessUrl;

    /** Id of the settings.xml {@code <server>} whose password is the dbt Cloud API token. */
    @Parameter(property = "soda.dbtCloud.serverId", defaultValue = "dbt-cloud")
    private String dbtCloudServerId;

    /** Scan definition name; Soda Cloud groups scans by it. */
    @Parameter(property = "soda.scanDefinition", defaultValue = "Ingest - dbt")
    private String scanDefinition;

    /**
     * The scan's data timestamp: {@code ingestion} (now, Soda Core's behaviour) or {@code dbt} (when
     * dbt wrote the run results).
     */
    @Parameter(property = "soda.dataTimestamp", defaultValue = "ingestion")
    private String dataTimestamp;

    /** Where {@code scan-results.json} and downloaded dbt Cloud artifacts are written. */
    @Parameter(property = "soda.outputDirectory", defaultValue = "${project.build.directory}/soda")
    private File outputDirectory;

    /** Write {@code scan-results.json} and upload nothing; no credentials needed. */
    @Parameter(property = "soda.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Quality gate, applied after the upload: {@code none} (default), {@code error} (a test ended in
     * error), {@code fail} (a test failed or errored) or {@code warn} (any test did not pass).
     */
    @Parameter(property = "soda.failOn", defaultValue = "none")
    private String failOn;

    /**
     * With {@code dbtCloudJobId}: a latest finished run older than this ISO-8601 duration (e.g.
     * {@code PT1H}, {@code P1D}) is nothing new, and nothing is sent. For scheduled ingestion on
     * runners that keep no state between builds: set it to the schedule's interval.
     */
    @Parameter(property = "soda.dbtCloud.maxRunAge")
    private String dbtCloudMaxRunAge;

    /**
     * Only these tests are ingested: comma-separated selectors in dbt's own words ({@code tag:nightly},
     * {@code package:jaffle_shop}, {@code path:models/staging/*}, {@code test_type:generic|singular|unit},
     * {@code source:raw}, a model, seed or snapshot name for the tests on it, or a glob on the test name).
     */
    @Parameter(property = "soda.select")
    private String select;

    /** These tests are left out, in the same selector words as {@code select}. */
    @Parameter(property = "soda.exclude")
    private String exclude;

    /**
     * The ledger: a JSON file recording each dbt run sent to Soda Cloud (address, data source, scan
     * definition, dbt invocation id, dbt Cloud run id, when). An ingestion whose results it already
     * holds sends nothing and succeeds. Under the user's home by default, so it survives
     * {@code mvn clean}. Dry runs neither read nor write it.
     */
    @Parameter(property = "soda.ledger", defaultValue = "${user.home}/.m2/soda/ledger.json")
    private File ledger;

    /** Send even when the ledger says these dbt results were sent already (and record them again). */
    @Parameter(property = "soda.force", defaultValue = "false")
    private boolean force;

    /**
     * Send each dbt unit test result (dbt 1.8+) as a check on the dataset of the model it tests. Unit
     * tests check the model's code against fixed inputs, not the data, so by default they are counted
     * but not sent.
     */
    @Parameter(property = "soda.sendUnitTests", defaultValue = "false")
    private boolean sendUnitTests;

    /**
     * The largest dbt Cloud artifact a download may write, in MiB. Counted on the bytes written to
     * disk, after any decompression, so a small compressed answer cannot fill the disk. Real
     * manifests reach a few hundred MiB.
     */
    @Parameter(property = "soda.http.maxDownloadSize", defaultValue = "2048")
    private int maxDownloadSize;

    @Override
    String description() {
        return "the Soda ingestion";
    }

    @Override
    Setting.Goal goal() {
        return Setting.Goal.INGEST;
    }

    @Override
    void run(Context context) throws IngestException {
        IngestSettings settings = context.resolver().resolveIngest(context.parameters());
        new Ingestion(context.log(), context.clock(), context.remote(), context.outbound()).run(settings);
    }
}
