import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert log.isDebug()

    def dbtCloud = cloud.requests().findAll { it.path().startsWith('/api/v2/') }
    assert dbtCloud.every { it.method() == 'GET' }
    assert dbtCloud.every { it.header('authorization') == 'Token ' + ItCloud.DBT_CLOUD_TOKEN } : 'every dbt Cloud call carries the token'
    assert dbtCloud.collect { it.path() + (it.query().step ? '?step=' + it.query().step : '') } == [
            '/api/v2/accounts/70403/runs/50012345/',
            '/api/v2/accounts/70403/runs/50012345/artifacts/run_results.json?step=4',
            '/api/v2/accounts/70403/runs/50012345/artifacts/manifest.json?step=4']
    assert dbtCloud[0].query().include_related.contains('run_steps')

    assert cloud.schemaErrors().isEmpty()
    assert cloud.acceptedScans().size() == 1
    def checks = cloud.acceptedScans()[0].path('checks')
    assert checks.collect { it.path('outcome').asText() }.countBy { it } == [pass: 7, warn: 1, fail: 1]

    def downloads = new File(basedir, 'target/soda/dbt-cloud/run-50012345/step-4')
    assert new File(downloads, 'run_results.json').length() == new File(exampleArtifacts, 'run_results.json').length()
    assert new File(downloads, 'manifest.json').length() == new File(exampleArtifacts, 'manifest.json').length()
    assert log.at('INFO', 'dbt results from dbt Cloud run 50012345 of job 412233').size() == 1
    assert log.at('INFO').any { it.contains('dbt Cloud API token') && it.contains('plugin parameter dbtCloudApiToken') }
} finally {
    ItCloud.stop(context)
}
