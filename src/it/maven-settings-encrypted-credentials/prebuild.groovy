import dev.sodamaven.testing.ItCloud

// The clouds accept only the decrypted values of settings-encrypted-servers.xml; nothing is passed as -D.
def cloud = ItCloud.start(context, sharedDir)
cloud.withApiKey('enc-key-id-SECRET-1f6a', 'enc-key-secret-SECRET-7a14')
cloud.withDbtCloud(ItCloud.DBT_CLOUD_ACCOUNT, 'enc-dbt-token-SECRET-c05e')
def manifest = new File(exampleArtifacts, 'manifest.json')
def runResults = new File(exampleArtifacts, 'run_results.json')
cloud.addRun(ItCloud.dbtRun(50012345L, 412233L, 20, [
        ItCloud.systemStep(1, 'Clone git repository'),
        ItCloud.dbtStep(2, 'dbt build', 20, manifest, runResults)]))
ItCloud.useAsSodaCloud(context)
ItCloud.useAsDbtCloud(context)
true
