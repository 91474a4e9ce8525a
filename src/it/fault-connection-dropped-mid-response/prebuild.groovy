import dev.sodamaven.testing.FakeCloud
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.start(context, sharedDir)
cloud.addRun(ItCloud.dbtRun(50012345L, 412233L, 10, [
        ItCloud.systemStep(1, 'Clone git repository'),
        ItCloud.dbtStep(2, 'dbt build', 10, new File(exampleArtifacts, 'manifest.json'),
                new File(exampleArtifacts, 'run_results.json'))]))
cloud.addFault(FakeCloud.Fault.drop('/api/v2/accounts/70403/runs/50012345/artifacts/manifest.json'))
cloud.addFault(FakeCloud.Fault.drop('login'))
ItCloud.useAsSodaCloud(context)
ItCloud.useAsDbtCloud(context)
ItCloud.passApiKeyAsProperties(context)
ItCloud.passDbtCloudTokenAsProperty(context)
