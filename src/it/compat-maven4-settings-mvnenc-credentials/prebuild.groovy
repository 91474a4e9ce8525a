import dev.sodamaven.testing.ItCloud

// The clouds accept only the values settings-mvnenc-servers.xml decrypts to; nothing is passed as -D.
def cloud = ItCloud.start(context, sharedDir)
cloud.withApiKey('m4-key-id-SECRET-52c1', 'm4-key-secret-SECRET-3d8a')
cloud.withDbtCloud(ItCloud.DBT_CLOUD_ACCOUNT, 'm4-dbt-token-SECRET-e917')
def manifest = new File(exampleArtifacts, 'manifest.json')
def runResults = new File(exampleArtifacts, 'run_results.json')
cloud.addRun(ItCloud.dbtRun(50012345L, 412233L, 20, [
        ItCloud.systemStep(1, 'Clone git repository'),
        ItCloud.dbtStep(2, 'dbt build', 20, manifest, runResults)]))
ItCloud.useAsSodaCloud(context)
ItCloud.useAsDbtCloud(context)
true
