import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.start(context, sharedDir)
def manifest = new File(exampleArtifacts, 'manifest.json')
def runResults = new File(exampleArtifacts, 'run_results.json')
// Run 1001 of job 412233 finished on 2026-11-20 (ItCloud.dbtRun): older than an hour whenever this runs.
cloud.addRun(ItCloud.dbtRun(1001L, 412233L, 10, [ItCloud.dbtStep(2, 'dbt build', 10, manifest, runResults)]))
ItCloud.useAsSodaCloud(context)
ItCloud.useAsDbtCloud(context)
ItCloud.passApiKeyAsProperties(context)
ItCloud.passDbtCloudTokenAsProperty(context)
true
