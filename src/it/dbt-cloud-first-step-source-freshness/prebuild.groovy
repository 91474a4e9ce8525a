import dev.sodamaven.testing.ItCloud

// Run 50012399 checks source freshness first (step 3, its own dbt invocation), then runs `dbt build` (step 4).
def cloud = ItCloud.start(context, sharedDir)
def manifest = new File(exampleArtifacts, 'manifest.json')
def runResults = new File(exampleArtifacts, 'run_results.json')
cloud.addRun(ItCloud.dbtRun(50012399L, 412233L, 20, [
        ItCloud.systemStep(1, 'Clone git repository'),
        ItCloud.systemStep(2, 'Create profile from connection DuckDB'),
        ItCloud.freshnessStep(3, 10, manifest, new File(basedir, 'sources.json')),
        ItCloud.dbtStep(4, 'dbt build', 20, manifest, runResults)]))
ItCloud.useAsSodaCloud(context)
ItCloud.useAsDbtCloud(context)
ItCloud.passApiKeyAsProperties(context)
ItCloud.passDbtCloudTokenAsProperty(context)
true
