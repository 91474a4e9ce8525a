import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert log.isDebug()

    def dbtCloud = cloud.requests().findAll { it.path().startsWith('/api/v2/') }
    def list = dbtCloud[0]
    assert list.path() == '/api/v2/accounts/70403/runs/'
    assert list.query().job_definition_id == '412233'
    // Resolved once: every later call is about run 1002.
    assert dbtCloud.drop(1).every { it.path().startsWith('/api/v2/accounts/70403/runs/1002/') }
    assert dbtCloud.any { it.path().endsWith('/runs/1002/artifacts/run_results.json') && it.query().step == '2' }
    assert dbtCloud.any { it.path().endsWith('/runs/1002/artifacts/manifest.json') && it.query().step == '2' }

    assert cloud.acceptedScans().size() == 1
    def scan = cloud.acceptedScans()[0]
    assert scan.path('hasFailures').asBoolean()
    assert scan.path('checks').size() == 9
    assert new File(basedir, 'target/soda/dbt-cloud/run-1002/step-2/run_results.json').isFile()
    assert !new File(basedir, 'target/soda/dbt-cloud/run-1003').exists()

    assert log.at('INFO', 'Passed over newer runs of job 412233: run 1003 (running)').size() == 1
    assert log.at('INFO').any { it.contains('dbt Cloud API token') && it.contains("settings.xml server 'dbt-cloud'") }
    assert log.at('INFO').any { it.contains('Soda Cloud API key') && it.contains("settings.xml server 'soda-cloud'") }
} finally {
    ItCloud.stop(context)
}
