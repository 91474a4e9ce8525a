import dev.sodamaven.testing.ItCloud

// Run 50012345 of job 412233 ended in Error because a test failed in its `dbt build` step.
def cloud = ItCloud.start(context, sharedDir)
def manifest = new File(exampleArtifacts, 'manifest.json')
def runResults = new File(exampleArtifacts, 'run_results.json')
cloud.addRun(ItCloud.dbtRun(50012345L, 412233L, 20, [
        ItCloud.systemStep(1, 'Clone git repository'),
        ItCloud.systemStep(2, 'Create profile from connection DuckDB'),
        ItCloud.dbtStep(3, 'dbt deps', 10, null, null),
        ItCloud.dbtStep(4, 'dbt build', 20, manifest, runResults)]))
ItCloud.useAsSodaCloud(context)
ItCloud.useAsDbtCloud(context)
ItCloud.passApiKeyAsProperties(context)
ItCloud.passDbtCloudTokenAsProperty(context)
