import dev.sodamaven.testing.ItCloud

// One fake server is both Soda Cloud and dbt Cloud, on the port invoker.properties puts in IT_CLOUD_PORT:
// the one the build reserved, handed here as dbtCloudYmlEnvPort.
def env = { String name -> ItCloud.invokerEnvironmentVariable(basedir, name) }
def cloud = ItCloud.startOnReservedPort(context, sharedDir, 'dbtCloudYmlEnvPort', dbtCloudYmlEnvPort)
cloud.withApiKey(env('IT_SODA_KEY_ID'), env('IT_SODA_KEY_SECRET'))
cloud.withDbtCloud(env('IT_DBT_ACCOUNT'), env('IT_DBT_TOKEN'))
cloud.addRun(ItCloud.dbtRun(50012345L, 412233L, 10, [
        ItCloud.systemStep(1, 'Clone git repository'),
        ItCloud.dbtStep(2, 'dbt build', 10, new File(exampleArtifacts, 'manifest.json'),
                new File(exampleArtifacts, 'run_results.json'))]))
return true
