import dev.sodamaven.testing.ItCloud

// The credentials are those of settings-with-servers.xml.
def cloud = ItCloud.start(context, sharedDir)
cloud.withApiKey('server-key-id-SECRET-8e02', 'server-key-secret-SECRET-41f7')
cloud.withDbtCloud(ItCloud.DBT_CLOUD_ACCOUNT, 'server-dbt-token-SECRET-a3c9')

def manifest = new File(exampleArtifacts, 'manifest.json')
def runResults = new File(exampleArtifacts, 'run_results.json')
def clone = ItCloud.systemStep(1, 'Clone git repository')
// Job 412233: run 1001 succeeded yesterday, run 1002 ended in error (a test failed), run 1003 is running now.
cloud.addRun(ItCloud.dbtRun(1001L, 412233L, 10, [clone, ItCloud.dbtStep(2, 'dbt build', 10, manifest, runResults)]))
cloud.addRun(ItCloud.dbtRun(1002L, 412233L, 20, [clone, ItCloud.dbtStep(2, 'dbt build', 20, manifest, runResults)]))
cloud.addRun(ItCloud.dbtRun(1003L, 412233L, 3, [clone, ItCloud.dbtStep(2, 'dbt build', 3, null, null)]))
// Another job's newer run, which must not be taken.
cloud.addRun(ItCloud.dbtRun(1004L, 999L, 10, [clone, ItCloud.dbtStep(2, 'dbt build', 10, manifest, runResults)]))
ItCloud.useAsSodaCloud(context)
ItCloud.useAsDbtCloud(context)
