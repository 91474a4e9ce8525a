import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    def dbtCloud = cloud.requests().findAll { it.path().startsWith('/api/v2/') }
    assert dbtCloud.collect { it.path() + (it.query().step ? '?step=' + it.query().step : '') } == [
            '/api/v2/accounts/70403/runs/50012399/',
            '/api/v2/accounts/70403/runs/50012399/artifacts/run_results.json?step=4',
            '/api/v2/accounts/70403/runs/50012399/artifacts/sources.json?step=3',
            '/api/v2/accounts/70403/runs/50012399/artifacts/manifest.json?step=4']
    def downloads = new File(basedir, 'target/soda/dbt-cloud/run-50012399')
    assert new File(downloads, 'step-3/sources.json').text == new File(basedir, 'sources.json').text

    assert cloud.schemaErrors().isEmpty()
    assert cloud.acceptedScans().size() == 1
    def checks = cloud.acceptedScans()[0].path('checks')
    assert checks.size() == 11
    def freshness = checks.findAll { it.path('identity').asText().startsWith('test.source_freshness.') }
    assert freshness.collect { [it.path('table').asText(), it.path('outcome').asText()] }.sort { it[0] } ==
            [['raw_customers', 'pass'], ['raw_orders', 'warn']]
    assert checks.collect { it.path('outcome').asText() }.countBy { it } == [pass: 8, warn: 2, fail: 1]

    assert log.at('INFO', 'dbt results from dbt Cloud run 50012399 of job 412233').size() == 1
    assert log.at('INFO').any { it.contains('source freshness from step 3 (`dbt source freshness`)') }
    assert log.at('WARNING').isEmpty() : 'the steps of one run are different invocations by design'
    assert log.stackTraceLines().isEmpty()
} finally {
    ItCloud.stop(context)
}
