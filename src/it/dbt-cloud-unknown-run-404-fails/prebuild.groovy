import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.start(context, sharedDir)
cloud.addRun(ItCloud.dbtRun(50012345L, 412233L, 10, [
        ItCloud.dbtStep(1, 'dbt build', 10, new File(exampleArtifacts, 'manifest.json'),
                new File(exampleArtifacts, 'run_results.json'))]))
ItCloud.useAsSodaCloud(context)
ItCloud.useAsDbtCloud(context)
ItCloud.passApiKeyAsProperties(context)
ItCloud.passDbtCloudTokenAsProperty(context)
