import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.start(context, sharedDir)
cloud.withDbtCloud(ItCloud.invokerEnvironmentVariable(basedir, 'DBT_CLOUD_ACCOUNT_ID'),
        ItCloud.invokerEnvironmentVariable(basedir, 'DBT_CLOUD_API_TOKEN'))
def manifest = new File(exampleArtifacts, 'manifest.json')
cloud.addRun(ItCloud.dbtRun(50012345L, 412233L, 20, [
        ItCloud.systemStep(1, 'Clone git repository'),
        ItCloud.systemStep(2, 'Create profile from connection DuckDB'),
        ItCloud.dbtStep(3, 'dbt deps', 10, null, null),
        ItCloud.dbtStep(4, 'dbt build', 20, manifest, new File(exampleArtifacts, 'run_results.json')),
        ItCloud.dbtStep(5, 'dbt docs generate', 10, manifest, new File(basedir, 'docs-generate-step/run_results.json'))]))
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)
// Only the address: account and token come from the environment.
ItCloud.userProperties(context).setProperty('soda.dbtCloud.accessUrl', cloud.url())
